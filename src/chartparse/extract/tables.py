"""Markdown tables of data: one column per series, or one row per series (heatmaps)."""

from __future__ import annotations

from ..vocab import DERIVED_COLUMN_WORDS, fold
from .state import ChartDraft, PointDraft
from .text import quantities, strip_markup
from .values_of import category_or_number

_EMPTY_CELLS = frozenset({"", "-", "n/a", "na", "none", "null", "nan"})


def _cell_value(cell: str) -> tuple[int | float, bool] | None:
    text = strip_markup(cell)
    norm, qs = quantities(text)
    if not qs:
        return None
    first = qs[0]
    if len(qs) > 1 and any(sep in norm[first.end: qs[1].start] for sep in ("-", "–", "to", "and")):
        return None  # a range, not a value
    return first.value, first.approx


def _is_derived(header: str) -> bool:
    folded = fold(header)
    return any(w == folded or folded.startswith(w + " ") or f" {w}" in f" {folded}"
               for w in DERIVED_COLUMN_WORDS)


def read_table(chart: ChartDraft, rows: list[list[str]], panel: str | None, line: int,
               row_series: bool, row_lines: list[int] | None = None) -> int:
    """Add the table's points to the chart; returns how many were read."""
    lines = row_lines if row_lines and len(row_lines) == len(rows) else [
        line + i for i in range(len(rows))]
    if len(rows) < 2 or len(rows[0]) < 2:
        return 0
    header = [strip_markup(h) for h in rows[0]]
    if is_long_format(rows):
        return _long_format(chart, rows, lines, panel)
    if row_series or "\\" in rows[0][0]:
        return _rows_as_series(chart, rows, header, lines, panel)
    xs = [category_or_number(strip_markup(row[0])) if row and row[0].strip() else None
          for row in rows[1:]]  # each row's x, read once for all its columns
    added = 0
    for j in range(1, len(header)):
        name = header[j]
        if name and not _is_derived(name):
            added += _column_as_series(chart, rows, xs, j, name, lines, panel)
    return added


def _rows_as_series(chart: ChartDraft, rows: list[list[str]], header: list[str], lines: list[int],
                    panel: str | None) -> int:
    """A heatmap's table: one series per row, the column headers its x."""
    added = 0
    rule = chart.trace.current
    for offset, row in enumerate(rows[1:], start=1):
        name = strip_markup(row[0]) if row else ""
        if not name:
            continue
        series = None
        for j, cell in enumerate(row[1:], start=1):
            if j >= len(header) or not header[j]:
                continue
            value = _cell_value(cell)
            if value is None:
                continue
            series = series or chart.series_for(name, panel, lines[offset])
            if series.add_point(PointDraft(header[j], value[0], value[1], lines[offset], None, rule)):
                added += 1
    return added


def _column_as_series(chart: ChartDraft, rows: list[list[str]], xs: list[int | float | str | None],
                      j: int, name: str, lines: list[int], panel: str | None) -> int:
    """One column of values: a series, the first column its x."""
    added = 0
    rule = chart.trace.current
    series = None
    unread: list[tuple[int, str]] = []
    for offset, row in enumerate(rows[1:], start=1):
        if j >= len(row) or not row[0].strip():
            continue
        value = _cell_value(row[j])
        if value is None:
            cell = strip_markup(row[j])
            if cell and fold(cell) not in _EMPTY_CELLS:
                unread.append((lines[offset], cell))
            continue
        x = xs[offset - 1]
        if x is None:
            continue
        series = series or chart.series_for(name, panel, lines[offset])
        if series.add_point(PointDraft(x, value[0], value[1], lines[offset], None, rule)):
            added += 1
    if series is not None and unread:
        # A column of numbers with some cells that are not: say so rather than drop them.
        for row_line, cell in unread[:3]:
            chart.warn("unreadable-value",
                       f"table cell {cell[:40]!r} in column {name!r} is not a value; kept out "
                       "of the series", row_line)
    return added


_LONG_NUMERIC_SHARE = 0.8  # the value column of a long table is (almost) all numbers


def is_long_format(rows: list[list[str]]) -> bool:
    """'| Label | Prediction | Count |' with labels repeated: one row per point, its series
    (or heatmap row) in the first column, its x in the second, its value in the third."""
    body = [r for r in rows[1:] if len(r) == 3 and r[0].strip()]
    if len(rows[0]) != 3 or len(body) < 2 or len(body) < len(rows) - 1:
        return False
    firsts = [fold(strip_markup(r[0])) for r in body]
    if len(set(firsts)) == len(firsts):
        return False  # every first cell differs: a wide table's x column
    values = [_cell_value(r[2]) for r in body]
    return sum(v is not None for v in values) >= _LONG_NUMERIC_SHARE * len(body)


def _long_format(chart: ChartDraft, rows: list[list[str]], lines: list[int], panel: str | None) -> int:
    added = 0
    for offset, row in enumerate(rows[1:], start=1):
        value = _cell_value(row[2])
        x = category_or_number(strip_markup(row[1]))
        name = strip_markup(row[0])
        if value is None or x is None or not name:
            continue
        series = chart.series_for(name, panel, lines[offset])
        if series.add_point(PointDraft(x, value[0], value[1], lines[offset], None, "table.long-format")):
            added += 1
    return added
