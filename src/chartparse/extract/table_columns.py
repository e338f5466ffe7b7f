"""What a table's column header names: a series (as the legend declares it), or nothing
(a column derived from others: a gap, a difference of two columns, notes)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ..phrases import starts_with_any
from ..vocab import AXIS_ROLE_HEADERS, DERIVED_COLUMN_WORDS, SPREAD_KEYS, TOTAL_WORDS, fold, has_phrase
from .keys import without_qualifier
from .state import AxisDraft, ChartDraft, name_key
from .style_match import entry_by_style
from .text import clean_name, strip_markup

NOTE: Final = re.compile(r"\s*\([^()]{1,60}\)\s*$")  # a trailing note: 'Step 100 (Global Peak)'


def column_name(header: str) -> str:
    """A column's series name without the axis role it notes: 'Loss (Y)' and 'Y-Value (Loss)'
    both name 'Loss'."""
    m = NOTE.search(header)
    if not m or not header[: m.start()].strip():
        return header
    outside, inside = fold(header[: m.start()]), fold(m.group(0).strip(" ()"))
    if inside in AXIS_ROLE_HEADERS:
        return header[: m.start()].strip()
    if outside in AXIS_ROLE_HEADERS and inside:
        return m.group(0).strip(" ()")
    return header


def is_derived(header: str) -> bool:
    folded = fold(header).replace("/", " ")  # ('Label/Delta': each word of the header)
    return any(w == folded or folded.startswith(w + " ") or f" {w}" in f" {folded}"
               for w in DERIVED_COLUMN_WORDS) or _LABELS_NOTE.search(header.lower()) is not None


def sums_the_others(name: str, header: list[str]) -> bool:
    """A 'Total' column beside two or more value columns holds their sum (a stacked bar's
    whole), no series of its own, unless the legend declares it (see the caller)."""
    words = fold(name).split()
    return len(header) >= _TOTAL_BESIDE + 2 and bool(words) \
        and (words[0] == "total" or fold(name) in TOTAL_WORDS)


_TOTAL_BESIDE = 2  # value columns a total sums (besides the label column and itself)


def is_spread(header: str) -> bool:
    """'Whiskers (Min/Max)', 'Interquartile Range (Box)', 'Outliers': a box's spread, no value of it."""
    return starts_with_any(fold(NOTE.sub(" ", header)).strip(), SPREAD_KEYS)


_LABELS_NOTE: Final = re.compile(r"\(\s?(?:annotated|annotations?|labels?|labell?ed)\s?\)")  # '(Annotated)'


_DIFFERENCE_NOTE: Final = re.compile(r"\(([^()]{1,40}?)\s{1,2}[-−–/]\s{1,2}([^()]{1,40})\)")


def difference_of_columns(cell: str, header: list[str]) -> bool:
    """'Gain (After - Before)' beside columns 'After ...' and 'Before ...': a column computed
    from two others, no series of its own."""
    m = _DIFFERENCE_NOTE.search(cell)
    if m is None:
        return False
    others = [fold(h) for h in header if h != cell]
    return all(any(o.startswith(fold(part)) for o in others) for part in m.groups())


def declared_column(chart: ChartDraft, header: str, name: str, known: Mapping[str, str]) -> str:
    """A column's series as the legend declares it: by its name, else by the look its
    header states ('19.9% Survey (Dashed Grey)' is the legend's only dashed grey line)."""
    if name_key(name) in known:
        return known[name_key(name)]
    bare = _without_value_axis(chart, name)
    if bare is not None and name_key(bare) in known:
        return known[name_key(bare)]  # 'Dark Blue MSIM' on a y axis "MSIM" is the line Dark Blue
    if len(entries := set(known.values())) == 1 and _names_value_axis(chart, name):
        return entries.pop()  # '| Context Length | Accuracy |' under a one-entry legend: its values
    folded = fold(name)
    inside = {written for written in known.values()
              if len(written) >= 2 and has_phrase(folded, fold(written))
              and _NOTE_ONLY.sub("", name.lower().replace(written.lower(), " ", 1)).strip(" .,;:-")}
    if len(inside) == 1:
        # 'K1 Conductance (e²/h)': the one declared name the header holds beside the measure
        # (not 'Crew (Avg.)', a variant of 'Crew' told apart by its note)
        return inside.pop()
    if not chart.legend:
        return clean_name(name) or name  # '1ABO (Blue)': the colour is the column's look
    entry = entry_by_style(header, chart.legend)
    return entry.label if entry is not None else name


_NOTE_ONLY: Final = re.compile(r"\([^()]{0,40}\)")
_TRAILING_UNIT: Final = re.compile(r"\s{0,3}\([^()]{0,12}\)\s{0,3}$")


def _without_value_axis(chart: ChartDraft, name: str) -> str | None:
    """The header without the y axis' label written before or after it, if it holds it."""
    label = _value_axis_words(chart)
    name = _TRAILING_UNIT.sub("", name)
    folded = fold(name)
    if not label or folded == label:
        return None
    if folded.endswith(" " + label):
        return name[: len(name) - len(label)].strip()
    if folded.startswith(label + " "):
        return name[len(label):].strip()
    return None


def _names_value_axis(chart: ChartDraft, name: str) -> bool:
    label = _value_axis_words(chart)
    return bool(label) and fold(_TRAILING_UNIT.sub("", name)) == label


def _value_axis_words(chart: ChartDraft) -> str:
    """The y axis' label, folded, a unit note dropped ('Original Accuracy (%)' on an axis
    "Accuracy(%)" holds it); '' when the axis has none."""
    axis = chart.axis("y", None)
    return fold(_TRAILING_UNIT.sub("", axis.label)) if axis is not None and axis.label else ""


def column_key(header: str) -> str:
    """'Approx. GLUE Score' names the column of the axis "GLUE score"."""
    return without_qualifier(name_key(header))


def unit_free_key(text: str) -> str:
    """A column header or an axis label compared without its unit: 'Approx. Time (s)' and
    'Time (s)' are both 'time'."""
    return column_key(_TRAILING_UNIT.sub("", text))


_PLACE_HEADERS = frozenset({"position", "location", "placement", "place", "order", "clock position"})
_LABEL_HEADER_WORDS = frozenset({"label", "name", "category", "year", "slice"})


def label_column_first(rows: list[list[str]]) -> list[list[str]]:
    """'| Position | Year Label | Colour | Share |': a first column that only says where a
    slice or bar sits gives way to the column its header calls the label (the x)."""
    header = [fold(strip_markup(c)) for c in rows[0]]
    if not header or header[0] not in _PLACE_HEADERS:
        return rows
    k = next((j for j in range(1, len(header)) if _LABEL_HEADER_WORDS & set(header[j].split())), None)
    if k is None:
        return rows
    return [[r[k], *(c for i, c in enumerate(r) if i not in (0, k))] if len(r) > k else r for r in rows]


_INDEX_HEADERS = frozenset({"point", "#", "no", "no.", "index", "id", "idx", "sample", "pt", "point #"})
_ROW_NUMBER: Final = re.compile(r"[A-Za-z]{0,2}#?(\d{1,3})")


def without_row_numbers(chart: ChartDraft, rows: list[list[str]]) -> list[list[str]]:
    """The rows without a first column that only counts them 1, 2, 3 ('| Point | τ | p |' over
    '| 1 | 60 | 3e-4 |', or P1, P2) beside two or more others; a column the x axis names
    ('Sample' on an axis 'Sample') is the x."""
    header = fold(strip_markup(rows[0][0]))
    x_axis = chart.axis("x", None)
    if len(rows[0]) < 3 or header not in _INDEX_HEADERS or (
            x_axis is not None and x_axis.label and has_phrase(fold(x_axis.label), header)):
        return rows
    cells = [strip_markup(row[0]).strip() if row else "" for row in rows[1:]]
    counts = [m.group(1) if (m := _ROW_NUMBER.fullmatch(cell)) else "" for cell in cells]
    first = int(counts[0]) if counts and counts[0] else -1
    if first not in (0, 1) or counts != [str(first + k) for k in range(len(counts))]:
        return rows
    return [row[1:] for row in rows]


def numeric_axis(axis: AxisDraft | None) -> bool:
    """An axis declared with a numeric range or numeric ticks (not categories)."""
    if axis is None or axis.scale == "categorical":
        return False
    return (axis.min is not None and axis.max is not None) or any(
        not isinstance(t, str) for t in axis.ticks)


def axis_named_columns(chart: ChartDraft, header: list[str], panel: str | None) -> frozenset[int]:
    """The columns a numeric axis' label names: they hold coordinates, not the cells' values."""
    labels = set()
    for role in ("x", "y"):
        axis = chart.panel_axis(role, panel)
        if axis is not None and axis.label and numeric_axis(axis):
            labels.add(unit_free_key(axis.label))
    labels.discard("")
    return frozenset(j for j in range(1, len(header)) if labels and unit_free_key(header[j]) in labels)


def label_x_y_columns(chart: ChartDraft, rows: list[list[str]], panel: str | None) -> tuple[int, int] | None:
    """'| Model | Parameter Count (B) | Inference Latency (s) | Color |' under a y axis 'Inference
    Latency (s)' and an x axis of numbers: a column of labels, and two columns of numbers, one
    the y axis names; the other holds each row's x. -> (x column, y column)."""
    header = [strip_markup(h) for h in rows[0]]
    x_axis, y_axis = chart.panel_axis("x", panel), chart.panel_axis("y", panel)
    if y_axis is None or not y_axis.label or x_axis is None or x_axis.scale == "categorical" \
            or x_axis.has_named_ticks():
        return None
    body = [r for r in rows[1:] if len(r) == len(header)]
    if not body or any(numeric_cell(r[0]) for r in body):
        return None
    numeric = [j for j in range(1, len(header)) if all(numeric_cell(r[j]) for r in body)]
    if len(numeric) != _XY_COLUMNS:
        return None
    y_key = unit_free_key(y_axis.label)
    named = [j for j in numeric if unit_free_key(header[j]) == y_key]
    return (next(j for j in numeric if j != named[0]), named[0]) if len(named) == 1 else None


def numeric_cell(cell: str) -> bool:
    """A table cell that is one number ('~0.42', '−3', '1.2e-3', '45%')."""
    return _NUMBER_CELL.fullmatch(strip_markup(cell).strip()) is not None


_XY_COLUMNS = 2
_NUMBER_CELL: Final = re.compile(r"[~≈]?\s?[-−]?\d[\d.,]{0,20}(?:[eE][-+]?\d{1,3})?\s?%?")


def coordinates_after_keys(chart: ChartDraft, header: list[str], panel: str | None) -> bool:
    """On a scatter plot, the header names the x and y columns after two key columns."""
    pair = axis_columns(chart, header, panel) if chart.kind == "scatter" else None
    return pair is not None and min(pair) >= 2


def axis_columns(chart: ChartDraft, header: list[str], panel: str | None) -> tuple[int, int] | None:
    """The columns named by the x and the y axis ('| Model | Params (B) | Score |')."""
    found: list[int] = []
    for role in ("x", "y"):
        axis = chart.axis(role, panel) or chart.axis(role, None)
        label = name_key(axis.label) if axis is not None and axis.label else ""
        j = next((j for j in range(1, len(header)) if label and column_key(header[j]) == label), None)
        if j is None:  # 'Approximate Accuracy (X)': the role marked, the label inside
            j = next((j for j in range(1, len(header)) if header[j].lower().rstrip().endswith(f"({role})")
                      and _names_axis(header[j], label)), None)
        if j is None:
            return None
        found.append(j)
    return (found[0], found[1]) if found[0] != found[1] else None


def _names_axis(cell: str, label: str) -> bool:
    """A header cell marked '(x)' names the axis: its label inside, or inside its label
    ('Approx. Time-to-Answer (x)' for 'Time-to-Answer (longest thinking in thousands)')."""
    core = column_key(_APPROX_LEAD.sub("", cell.rstrip()[:-3]))
    return not label or has_phrase(fold(cell), label) or (bool(core) and has_phrase(label, core))


_APPROX_LEAD: Final = re.compile(r"^\s*(?:approx\.?|approximate|estimated|est\.)\s", re.IGNORECASE)
