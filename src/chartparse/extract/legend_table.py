"""A legend written as a Markdown table: one row per entry.

``| Series Label | Color | Line Style |`` or ``| Colour | Label | Meaning |``: the label
column is the one its header names as a label (or, failing that, the first column whose
cells are not style words); the columns headed colour/style/marker give the entry's style.
Other columns (a description, a meaning) are notes.
"""

from __future__ import annotations

from ..vocab import fold
from .legend_notes import is_placeholder
from .state import LegendEntryDraft
from .text import clean_name, entry_with_look, is_style_words, strip_markup

_LABEL_HEADERS = ("label", "name", "series", "entry", "legend", "method", "model", "category")
_STYLE_HEADERS = ("color", "colour", "style", "marker", "symbol", "line", "pattern", "fill")
_MAX_LABEL = 120


def _header_says(cell: str, words: tuple[str, ...]) -> bool:
    folded = fold(strip_markup(cell))
    return any(w in folded.split() or folded.startswith(w) for w in words)


def _label_column(rows: list[list[str]]) -> int | None:
    header, body = rows[0], rows[1:]
    for i, cell in enumerate(header):
        if _header_says(cell, _LABEL_HEADERS) and not _header_says(cell, _STYLE_HEADERS):
            return i
    for i, cell in enumerate(header):
        cells = [r[i] for r in body if i < len(r)]
        if _header_says(cell, _STYLE_HEADERS) or not cells:
            continue
        if not all(is_style_words(strip_markup(c)) for c in cells if c.strip()):
            return i
    return None


def entries_from_table(rows: list[list[str]], row_lines: list[int]) -> list[LegendEntryDraft]:
    """The entries of a legend table, or [] when no column holds labels."""
    if len(rows) < 2:
        return []
    label_col = _label_column(rows)
    if label_col is None:
        return []
    style_cols = [i for i, cell in enumerate(rows[0])
                  if i != label_col and _header_says(cell, _STYLE_HEADERS)]
    out = []
    for n, row in enumerate(rows[1:], start=1):
        if label_col >= len(row):
            continue
        label = clean_name(row[label_col]).strip("\"'`")
        if not label or len(label) > _MAX_LABEL or is_placeholder(label):
            continue
        style = ", ".join(row[i] for i in style_cols if i < len(row))
        out.append(entry_with_look(label, style, row_lines[n] if n < len(row_lines) else None))
    return out
