"""Heatmap cells named in a key: 'Low classified as High: 5', 'Row 2, Column 3: 88'.

A cell key joins a row label and a column label with a separator. The row becomes
the series (one series per row) and the column the x, reduced against the declared
x axis ('Column 3' on an axis named "Column" gives 3). When the first part names the
x axis ('Column 3, Row 2') the parts are swapped.

A coordinate tuple ('(3, 7): 45', also as a plain item with no key) is read (x, y), the
column first, unless the text declares the other order: '(row, column)', 'cell (i, j) ...
row i', or 'class i (label)' where "Label" is the y axis' name make it (row, column), as
matrix indices are written. See `declared_rows_first`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from ..blocks import Line
from ..textcache import text_cache
from ..values import Quantity
from ..vocab import fold, label_words
from .add_points import add_point
from .categories import drop_note, reduce_on_axis, value_on_named_axis
from .state import AxisDraft, ChartDraft
from .text import clean_name, quantities, unescape
from .values_of import x_number

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node
    from .reading import ReadingState
    from .scope import Scope
    from .walker import Walker

_CELL: Final = re.compile(
    r"^(.{1,60}?)\s*(?:,|\s(?:vs\.?|versus|×|x|and|on|classified\s+as|predicted\s+as|labell?ed\s+as|->|→)\s)"
    r"\s*(.{1,60})$", re.IGNORECASE)
_PART_NOUNS = frozenset({"model", "models", "data", "dataset", "datasets", "set", "split", "domain"})


def split_cell(key: str, rows_first: bool = False) -> tuple[str, str] | None:
    """(row, column) labels of a cell key, or None when the key names one thing.

    A coordinate tuple '(3, 1)' is written (x, y), the column first, unless the text
    declared its tuples (row, column) (``rows_first``)."""
    parts = _split(key)
    if parts is None:
        return None
    first, second, tuple_form = parts
    return (second, first) if tuple_form and not rows_first else (first, second)


@text_cache()
def _split(key: str) -> tuple[str, str, bool] | None:
    name = clean_name(key)
    tuple_form = name.startswith("(") and name.endswith(")")
    m = _CELL.match(name[1:-1] if tuple_form else name)
    if not m:
        return None
    first, second = _part(m.group(1)), _part(m.group(2))
    if not first or not second:
        return None
    return first, second, tuple_form


_TUPLE_ITEM: Final = re.compile(r"^(\([^():]{1,40},[^():]{1,40}\))\s*[:=]\s*(\S.*)$")
_NAMED_CELL_SENTENCE: Final = re.compile(
    r"^([A-Za-z][A-Za-z ]{0,20} \d{1,4}, [A-Za-z][A-Za-z ]{0,20} \d{1,4}) (?:has|shows|is|with)\b(.*)$")


_PAIR_ARROW_ITEM: Final = re.compile(  # each side a short name of up to three words; the value right after
    r"^((?:[^\s:→]{1,30}\s){0,2}[^\s:→]{1,30}\s(?:vs\.?|versus|×)\s(?:[^\s:→]{1,30}\s){0,2}[^\s:→]{1,30})"
    r"\s{0,2}(?:->|→|=>)\s{0,2}([*_`]{0,2}[~≈]?\s?-?\d.*)$", re.IGNORECASE)


def tuple_cell_line(line: Line) -> Line | None:
    """'* (3, 7): 45', a plain item the line parser gives no key (a key cannot start with
    '('), a sentence naming its cell first ('Layer 20, Head 4 has a p-value of about
    0.6'), or a row and a column joined by 'vs.' with an arrow to the value ('Set A vs. Set
    B -> 42'): the same line keyed by its cell, for the heatmap cell rule."""
    text = line.text.strip()
    m = _TUPLE_ITEM.match(text) or _NAMED_CELL_SENTENCE.match(text) or (
        _PAIR_ARROW_ITEM.match(text) if line.kind == "item" and (">" in text or "→" in text) else None)
    if m is None:
        return None
    return Line(line.kind, line.line, line.end_line, m.group(2), m.group(1), line.indent,
                line.marker, line.level)


_INDEX_TUPLE: Final = re.compile(r"\(\s*([a-z]{1,8})\s*,\s*([a-z]{1,8})\s*\)")
_TOKEN: Final = re.compile(r"\w+|\(")
_ROW_WORDS = frozenset({"row", "rows", "r", "true", "actual", "label", "labels", "target", "gold"})
_COLUMN_WORDS = frozenset({"column", "columns", "col", "cols", "c", "x", "predicted", "prediction",
                           "predictions", "pred"})


def declared_rows_first(texts: Iterable[str], x_label: str | None, y_label: str | None) -> bool:
    """Whether the description declares its cell tuples (row, column): '(row, col)', or
    index letters tied to the rows ('cell (i, j) ... row i', 'class i (label)' with the y
    axis named "Label") or to the columns ('(i, j) ... column j')."""
    row_words = _ROW_WORDS | _axis_words(y_label)
    column_words = _COLUMN_WORDS | _axis_words(x_label)
    for text in texts:
        folded = text.lower()  # (fold would drop the parentheses)
        m = _INDEX_TUPLE.search(folded)
        if m is None:
            continue
        first, second = m.group(1), m.group(2)
        if first in row_words or second in column_words:
            return True
        if first in column_words or second in row_words:
            return False
        rest = _TOKEN.findall(folded[: m.start()] + " " + folded[m.end():])
        first_ctx, second_ctx = _context(rest, first), _context(rest, second)
        if first_ctx & row_words or second_ctx & column_words:
            return True
        if first_ctx & column_words or second_ctx & row_words:
            return False
    return False


def tuple_rows_first(state: ReadingState, root: Node) -> bool:
    """Whether this description declares its cell tuples (row, column); read once."""
    if state.cell_rows_first is None:
        x_axis, y_axis = state.chart.axis("x", None), state.chart.axis("y", None)
        texts = (f"{n.line.key or ''} {n.line.text}" for n in root.walk()
                 if n.line is not None and n.line.kind in ("para", "item", "heading"))
        state.cell_rows_first = declared_rows_first(
            texts, x_axis.label if x_axis else None, y_axis.label if y_axis else None)
    return state.cell_rows_first


def _axis_words(label: str | None) -> frozenset[str]:
    return frozenset(w.strip("()") for w in fold(label).split()) if label else frozenset()


def _context(tokens: list[str], letter: str) -> set[str]:
    """The words tied to an index letter: the word before it ('row i') and a note after it
    ('i (label)')."""
    out: set[str] = set()
    for k, token in enumerate(tokens):
        if token != letter:
            continue
        if k > 0 and tokens[k - 1] != "(":
            out.add(tokens[k - 1])
        if k + 2 < len(tokens) and tokens[k + 1] == "(":
            out.add(tokens[k + 2])
    return out


def _part(text: str) -> str:
    head, quote, named = text.replace("“", '"').replace("”", '"').partition('"')
    named = named.split('"', 1)[0].strip()
    if quote and len(head.split()) <= 1 and named:
        return named  # 'Token "level"': the axis' word, then the name it quotes
    words = drop_note(unescape(text.strip())).split()
    while len(words) > 1 and words[-1].lower() in _PART_NOUNS:
        words.pop()
    return " ".join(words).strip(" :*")


def cell(chart: ChartDraft, key: str, panel: str | None,
         rows_first: bool = False) -> tuple[str, int | float | str] | None:
    """(row series name, column x) of a cell key; None for a key an axis lists whole
    ('`7 x 5 = 35`' is one column, not row 7 at column 5 = 35)."""
    parts = split_cell(key, rows_first)
    if parts is None:
        return None
    row, column = parts
    x_axis = chart.panel_axis("x", panel)
    y_axis = chart.panel_axis("y", panel)
    if _lists(x_axis, clean_name(key)) or _lists(y_axis, clean_name(key)):
        return None
    if _names_axis(row, x_axis.label if x_axis else None) or _names_axis(
            column, y_axis.label if y_axis else None) or _column_first(x_axis, y_axis, row, column):
        row, column = column, row
    _, qs = quantities(column)
    if len(qs) == 1 and qs[0].raw.strip() == column.strip():
        return row, qs[0].value  # a coordinate: '(3, 7)' is at x 7, not at the text '7'
    return row, reduce_on_axis(x_axis, column)


def _column_first(x_axis: AxisDraft | None, y_axis: AxisDraft | None, first: str, second: str) -> bool:
    """'1-hop, 2 Query Paths' where the x axis lists '1-hop' and the y axis 2: the column first."""
    return _tick_named(x_axis, first) is not None and _tick_named(y_axis, first) is None \
        and _tick_named(y_axis, second) is not None and _tick_named(x_axis, second) is None


def named_coordinate(chart: ChartDraft, panel: str | None, header: str,
                     key: str) -> tuple[str, int | float | str] | None:
    """(row series name, column x) of a key under the row header ``header`` that names one
    category and, by a word, its axis: 'Trained on HotpotQA' where both axes list HotpotQA
    and the y axis is "Train dataset" names the row HotpotQA, the header being the column.
    A category of the x axis leaves the header the row. None for a key of two categories."""
    x_axis = chart.panel_axis("x", panel)
    y_axis = chart.panel_axis("y", panel)
    split = _ends_with_category(clean_name(key), (x_axis, y_axis))
    if split is None:
        return None
    words, label = split
    on_x, on_y = _lists(x_axis, label), _lists(y_axis, label)
    if on_y and (not on_x or (y_axis is not None and _shares_stem(words, y_axis.label))):
        return label, reduce_on_axis(x_axis, header)
    return header, reduce_on_axis(x_axis, label)


def transposed_cell(chart: ChartDraft, panel: str | None, header: str,
                    key: str) -> tuple[str, int | float | str] | None:
    """(row series name, column x) when a heatmap is written column by column: the header is a
    category of the x axis only ('**TTPD:**') and the key one of the y axis ('cities_conj: 83')."""
    x_axis = chart.panel_axis("x", panel)
    y_axis = chart.panel_axis("y", panel)
    name = clean_name(key)
    if _lists(x_axis, header) and not _lists(y_axis, header) and _lists(y_axis, name) \
            and not _lists(x_axis, name):
        return name, reduce_on_axis(x_axis, header)
    # ('#### η_A = 5.00E-05' over '**Multiplier 5**: 29.49' on ticks 5e-05, ... and 5, 10, ...)
    column = _tick_named(x_axis, header)
    if column is not None and _tick_named(y_axis, header) is None and _tick_named(y_axis, name) is not None \
            and _tick_named(x_axis, name) is None:
        return name, column
    return None


def _tick_named(axis: AxisDraft | None, text: str) -> int | float | str | None:
    """The tick of ``axis`` a label names: reduced on the axis ('Multiplier 5' on 'Plus
    Multipliers' marked 5, 10) or as its variable's setting ('η_A = 5.00E-05')."""
    if axis is None or not axis.ticks:
        return None
    reduced = reduce_on_axis(axis, text)
    if reduced in axis.ticks and (not isinstance(reduced, str) or _lists(axis, text)):
        return reduced
    setting = _SETTING.fullmatch(clean_name(text))
    value = x_number(setting.group(1)) if setting else None
    return value if value is not None and value in axis.ticks else None


_SETTING: Final = re.compile(r"[^\s=]{1,16}\s?=\s?(\S{1,16})")


def _ends_with_category(name: str, axes: tuple[AxisDraft | None, ...]) -> tuple[str, str] | None:
    """('Trained on', 'HotpotQA') for 'Trained on HotpotQA': the longest listed category the
    name ends with, after words that are no category; None otherwise ('neg_cities' beside
    'cities' on the axis is a category of its own)."""
    if any(_lists(axis, unescape(name)) for axis in axes):  # ('neg\\_cities' as written)
        return None
    folded = fold(name)
    best: str | None = None
    for axis in axes:
        for tick in axis.ticks if axis is not None else ():
            t = fold(tick) if isinstance(tick, str) else ""  # categories; numbers are column_x's
            if t and folded.endswith(" " + t) and (best is None or len(t) > len(best)):
                best = t
    if best is None:
        return None
    words, label = name[: len(name) - len(best)].strip(), name[len(name) - len(best):]
    if fold(label) != best or any(_lists(axis, words) for axis in axes) or not label_words(words):
        return None
    return words, label


def _lists(axis: AxisDraft | None, label: str) -> bool:
    folded = fold(label)
    return axis is not None and any(fold(str(t)) == folded for t in axis.ticks)


_STEM = 4  # 'train' and 'trained' share a stem; shorter words are too often alike


def _shares_stem(text: str, label: str | None) -> bool:
    """A word of ``text`` and one of the label start alike ('Trained on' and "Train dataset")."""
    theirs = label_words(label or "")
    return any(len(a) >= _STEM and len(b) >= _STEM and (a.startswith(b) or b.startswith(a))
               for a in label_words(text) for b in theirs)


def _names_axis(part: str, label: str | None) -> bool:
    """'Column 3' on an axis named "Column": the axis name, then a number."""
    if not label:
        return False
    words = fold(part).split()
    name = fold(label).split()
    return len(words) == 2 and bool(name) and words[0].rstrip("s") == name[0].rstrip("s") \
        and words[1].replace(".", "", 1).isdigit()


_STRETCH: Final = re.compile(r"(?<![\w.])(?<!\w-)\d[\d.,]*\s*(?:–|—|-|to)\s*[~≈]?\s*\d")


def column_x(chart: ChartDraft, panel: str | None, key: str,
             x_words: frozenset[str]) -> int | float | str | None:
    """Under a heatmap row, the column a key names; None for a stretch of columns.

    On a numeric x axis ('Layer', 0 to 30), 'Layer 18' is the column 18 and 'Layers 0-13'
    a stretch of them; else the key is the column's label as the axis declares it."""
    x_axes = [a for a in chart.axes if a.role == "x"]
    axis = chart.panel_axis("x", panel) or (
        x_axes[0] if len(x_axes) == 1 else None)  # the one x axis, whichever section stated it
    name = clean_name(key)
    named = value_on_named_axis(chart, name)
    if named is not None:
        return named  # 'digit_b = 3' under a row names the column by its own axis' label
    if axis is None or axis.scale == "categorical" or axis.max is None:
        return reduce_on_axis(axis, name)
    if _STRETCH.search(key):
        return None
    number = x_number(key, x_words)
    if number is not None:
        return number
    reduced = reduce_on_axis(axis, name)
    # 'Maximum intensity value' on an axis from -40 to 40 names no column
    return reduced if not isinstance(reduced, str) or reduced in axis.ticks else None


_AT_TWO_COORDINATES: Final = re.compile(
    r"\bat\s([^\W\d_]\w{0,10})\s?=\s?[~≈]?\s?([-−]?\d[\d.,]{0,12})\s?(?:,\s)?(?:and\s)?"
    r"([^\W\d_]\w{0,10})\s?=\s?[~≈]?\s?([-−]?\d[\d.,]{0,12})", re.IGNORECASE)


def _symbol_of(axis: AxisDraft | None, symbol: str) -> bool:
    return axis is not None and bool(axis.label) and fold(symbol) in _words(axis.label or "")


@text_cache()
def _words(label: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", fold(label)))


_RANGE_AFTER: Final = re.compile(r"\s{0,2}(?:to\s{1,2}|[–-])\d")  # 'm=4 to 6', 'm=4-6'; not 'm=3 – 7.5'


def cell_at_coordinates(chart: ChartDraft, text: str,
                        panel: str | None) -> tuple[str, int | float, Quantity] | None:
    """'At x=1.0 and t=4.0, the concentration is approximately 0.30' on a heatmap whose axes
    are x and t: (row name 't=4.0', column 1.0, the cell's value), the row being the y axis'."""
    norm, qs = quantities(text)
    m = _AT_TWO_COORDINATES.search(norm)
    if m is None:
        return None
    x_axis, y_axis = chart.panel_axis("x", panel), chart.panel_axis("y", panel)
    (x_symbol, x_at), (y_symbol, y_at) = (m.group(1), m.start(2)), (m.group(3), m.start(4))
    if _symbol_of(x_axis, y_symbol) and _symbol_of(y_axis, x_symbol):
        (x_symbol, x_at), (y_symbol, y_at) = (y_symbol, y_at), (x_symbol, x_at)
    if not (_symbol_of(x_axis, x_symbol) and _symbol_of(y_axis, y_symbol)):
        return None
    x = next((q for q in qs if q.start == x_at), None)
    y = next((q for q in qs if q.start == y_at), None)
    after = [q for q in qs if q.start >= m.end()
             and norm.count("(", m.end(), q.start) <= norm.count(")", m.end(), q.start)]  # (not in a note)
    if x is None or y is None or not after or _RANGE_AFTER.match(norm, m.end()):
        return None  # ('w=10 to 20' is a stretch of rows, no cell)
    value = after[0]
    return f"{y_symbol}={y.raw.strip()}", x.value, value


def cell_statement(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'At x=1.0 and t=4.0, the concentration is ~0.30' on a heatmap over x and t: a cell."""
    if w.state.kind != "heatmap" or "=" not in text:
        return False
    cell = cell_at_coordinates(w.state.chart, text, scope.panel)
    if cell is None:
        return False
    row_name, x, value = cell
    row = w.state.chart.series_for(row_name, scope.panel, line_no)
    add_point(w, row, x, value.value, value.approx, line_no, rule="statement.cell-at-coordinates")
    return True
