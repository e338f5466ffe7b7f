"""Markdown tables of data: one column per series, or one row per series (heatmaps)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ..vocab import fold
from .axes import axis_role, read_axis
from .categories import reduce_on_axis, value_on_named_axis
from .state import AxisDraft, ChartDraft, PointDraft, name_key
from .table_columns import (
    NOTE,
    axis_columns,
    axis_named_columns,
    column_name,
    coordinates_after_keys,
    declared_column,
    difference_of_columns,
    is_derived,
    is_spread,
    label_column_first,
    label_x_y_columns,
    numeric_axis,
    sums_the_others,
    without_row_numbers,
)
from .table_long import KNOWN_SHARE, cell_value, long_by_declared_series, series_key_column
from .table_pairs import (
    dot_names,
    known_name,
    pair_list_column,
    pie_share_column,
    rows_of_pairs,
    x_named_column,
)
from .text import strip_markup
from .values_of import category_or_number, x_number

_EMPTY_CELLS = frozenset({"", "-", "n/a", "na", "none", "null", "nan"})


def axis_rows(chart: ChartDraft, rows: list[list[str]], header: list[str], lines: list[int],
              panel: str | None) -> bool:
    """'| **X-Axis** | Step | 0, 200, 400 |' under '| Axis | Title | Markers |': a table of
    the axes, one row per axis, its other columns the axis' fields; no data."""
    roles = [axis_role(row[0]) if row else None for row in rows[1:]]
    if not roles or any(r is None for r in roles):
        return False
    for row, role, line in zip(rows[1:], roles, lines[1:], strict=True):
        assert role is not None
        fields = [(h, t) for h, t in zip(header[1:], (strip_markup(c) for c in row[1:]), strict=False) if t]
        read_axis(chart, role[0], role[1], row[0], "", _axis_fields(fields), panel, line, line)
    return True


def _axis_fields(fields: list[tuple[str, str]]) -> list[tuple[str | None, str]]:
    """Columns 'Minimum' and 'Maximum' state one range; a '... Tick ...' column the ticks."""
    ends = {fold(h)[:3]: t for h, t in fields if fold(h).startswith(("min", "max"))}
    out: list[tuple[str | None, str]] = [("Ticks" if "tick" in fold(h) else h, t) for h, t in fields
                                         if not fold(h).startswith(("min", "max"))]
    if "min" in ends and "max" in ends:
        out.append(("Range", f"{ends['min']} to {ends['max']}"))
    return out


def read_table(chart: ChartDraft, rows: list[list[str]], panel: str | None, line: int,
               row_series: bool, row_lines: list[int] | None = None,
               known: Mapping[str, str] | None = None, x_words: frozenset[str] = frozenset(),
               in_scope: str | None = None) -> int:
    """Add the table's points to the chart; returns how many were read.

    ``known`` maps the name keys of the declared series (legend entries) to their names:
    a table whose first column names them has one series per row (see `rows_name_series`)."""
    lines = row_lines if row_lines and len(row_lines) == len(rows) else [line + i for i in range(len(rows))]
    rows, lines = _without_cut_rows(rows, lines)
    if len(rows) < 2 or len(rows[0]) < 2:
        return 0
    rows = without_row_numbers(chart, rows)
    header = [strip_markup(h) for h in rows[0]]  # (strip_markup resolves escapes: 'NQ\\_WC' is NQ_WC)
    if axis_rows(chart, rows, header, lines, panel):
        return 0
    if coordinates_after_keys(chart, header, panel) \
            and (n := _labelled_pairs(chart, rows, header, known or {}, lines, panel)) is not None:
        return n  # '| Series | Label | Time (x) | Accuracy (y) |': each row a dot, its label no x
    if (n := _long_table(chart, rows, lines, panel, known)) is not None:
        return n
    if row_series or _split_corner(rows[0][0]):
        return _rows_as_series(chart, rows, header, lines, panel)
    if known and rows_name_series(rows, known) and (
            n := _rows_of_declared_series(chart, rows, header, known, lines, panel, x_words)) is not None:
        return n
    if (j := pair_list_column(rows, x_words)) is not None:
        return rows_of_pairs(chart, rows, j, known or {}, lines, panel, x_words)
    if (n := _labelled_pairs(chart, rows, header, known or {}, lines, panel)) is not None:
        return n
    if (jx := x_named_column(chart, rows, header, panel)) is not None:
        xs: list[int | float | str | None] = [_cell_number(row, jx) for row in rows[1:]]
        return _columns_as_series(chart, rows, header, xs, known or {}, lines, panel, skip=jx)
    rows = label_column_first(rows)
    return _wide_table(chart, rows, rows[0], dict(known or {}), lines, panel, x_words, in_scope)


def _labelled_pairs(chart: ChartDraft, rows: list[list[str]], header: list[str], known: Mapping[str, str],
                    lines: list[int], panel: str | None) -> int | None:
    """One labelled (x, y) point per row: '| Green | 0.55 | 0.65 |' under '| Color | Accuracy (X) |
    SP (Y) |' on a scatter plot, or '| Model | Params (B) | Latency (s) |' on a y axis 'Latency
    (s)'. None when the table is not of that form."""
    pair = axis_columns(chart, header, panel) if chart.kind == "scatter" else None
    pair = pair or label_x_y_columns(chart, rows, panel)
    dots = dot_names(rows, header[0], known) if pair is not None else {}
    return _series_pairs(chart, rows, pair, dots, lines, panel) if pair is not None and dots else None


def _cell_number(row: list[str], j: int) -> int | float | None:
    value = cell_value(row[j]) if j < len(row) else None
    return None if value is None else value[0]


def _without_cut_rows(rows: list[list[str]], lines: list[int]) -> tuple[list[list[str]], list[int]]:
    """A last row cut off at its first '|' holds nothing: the table without it."""
    while len(rows) > 2 and not any(cell.strip() for cell in rows[-1]):
        rows, lines = rows[:-1], lines[:-1]
    return rows, lines


def _long_table(chart: ChartDraft, rows: list[list[str]], lines: list[int], panel: str | None,
                known: Mapping[str, str] | None) -> int | None:
    """The points of a long table (one row per point), or None when the table is not long."""
    if known and (n := long_by_declared_series(chart, rows, lines, panel, known)) is not None:
        return n
    if is_long_format(rows) and not (known and all(known_name(h, known) for h in rows[0][1:])):
        # (a header whose value columns are the legend's entries is a wide table, its x repeated)
        return _long_format(chart, rows, lines, panel, long_series_column(rows, known or {}))
    return None


_LATEX: Final = re.compile(r"\$|\\[A-Za-z]{2}|\\\(")


def _split_corner(cell: str) -> bool:
    """'Model \\ Metric': a corner cell naming both the rows and the columns (the rows are the
    series); not the LaTeX of 'Twisting $\\theta$', whose backslash starts a symbol."""
    return "\\" in cell and _LATEX.search(cell) is None


def _wide_table(chart: ChartDraft, rows: list[list[str]], header: list[str], known: dict[str, str],
                lines: list[int], panel: str | None, x_words: frozenset[str], in_scope: str | None) -> int:
    """The usual table, the first column its x (as the axis lists it); under a series, the
    column named by the y axis is that series."""
    declared = _declared_ticks(chart, panel)
    axis = chart.panel_axis("x", panel)
    as_written = axis is not None and axis.repeats  # ('128, 1k, 2k, 128, 1k': positions, not numbers)
    xs = [_row_x(row[0], declared, x_words, as_written) if row and row[0].strip() else None
          for row in rows[1:]]  # each row's x, read once for all its columns
    y = chart.panel_axis("y", panel)
    if in_scope and y is not None and y.label:
        known[name_key(y.label)] = in_scope
    return _columns_as_series(chart, rows, header, xs, known, lines, panel)


def _row_x(cell: str, declared: dict[str, int | float | str], x_words: frozenset[str],
           as_written: bool) -> int | float | str | None:
    plain = strip_markup(cell)
    return plain.strip() if as_written else declared.get(fold(plain), row_x(cell, x_words))


def _rows_of_declared_series(chart: ChartDraft, rows: list[list[str]], header: list[str],
                             known: Mapping[str, str], lines: list[int], panel: str | None,
                             x_words: frozenset[str]) -> int | None:
    """Rows named by the declared series: their x in the header cells, or in the axes' columns."""
    x_axis = chart.panel_axis("x", panel)
    xs_of_columns = [None, *(header_x(h, x_axis, x_words) for h in header[1:])]
    if any(x is not None for x in xs_of_columns):
        return _series_rows(chart, rows, xs_of_columns, known, lines, panel)
    pair = axis_columns(chart, header, panel)
    return None if pair is None else _series_pairs(chart, rows, pair, known, lines, panel)


def _columns_as_series(chart: ChartDraft, rows: list[list[str]], header: list[str],
                       xs: list[int | float | str | None], known: Mapping[str, str],
                       lines: list[int], panel: str | None, skip: int | None = None) -> int:
    """The usual wide table: one series per column (derived columns, and ``skip``, the x
    column when it is not the first, left out)."""
    added = 0
    share = pie_share_column(chart, rows, header)
    for j in range(1, len(header)):
        if (share is not None and j != share) or j == skip:
            continue  # a pie's slices have one value each: the share, not the counts beside it
        if chart.kind == "box" and is_spread(header[j]):
            continue  # a box's value is its median; whiskers, quartiles and outliers are its spread
        name = column_name(header[j])  # (a legend's own name is no derived column: 'Rank=512')
        if name and (name_key(name) in known or not (is_derived(name) or sums_the_others(name, header))) \
                and not difference_of_columns(header[j], header):
            name = declared_column(chart, header[j], name, known)
            added += _column_as_series(chart, rows, xs, j, name, lines, panel)
    return added


def _declared_ticks(chart: ChartDraft, panel: str | None) -> dict[str, int | float | str]:
    """The categories the x axis lists, by their folded text: '1k' stays '1k' where the axis
    lists it so, though it reads as 1000."""
    axis = chart.panel_axis("x", panel)
    if axis is None or not axis.has_named_ticks():
        return {}
    return {fold(str(t)): t for t in axis.ticks}


def _rows_as_series(chart: ChartDraft, rows: list[list[str]], header: list[str], lines: list[int],
                    panel: str | None) -> int:
    """A heatmap's table: one series per row, the column headers its x."""
    added = 0
    rule = chart.trace.current
    # 'Layer 4' over a column on an axis labelled "layer" is the column 4
    xs: list[int | float | str] = [h if (n := value_on_named_axis(chart, h)) is None else n for h in header]
    columns = chart.panel_axis("x", panel)
    if columns is not None and columns.has_named_ticks():
        # 'TTPD Accuracy' over a column of an x axis that lists 'TTPD' is the column TTPD
        xs = [x if not isinstance(x, str) or (r := reduce_on_axis(columns, x)) not in columns.ticks else r
              for x in xs]
    coordinates = axis_named_columns(chart, header, panel)
    for offset, row in enumerate(rows[1:], start=1):
        name = strip_markup(row[0]) if row else ""
        if not name:
            continue
        series = None
        for j, cell in enumerate(row[1:], start=1):
            if j >= len(header) or not header[j]:
                continue
            value = cell_value(cell)
            if value is None:
                continue
            if j in coordinates:
                chart.trace.read_x(lines[offset], value[0], "table.coordinate-column")
                continue  # '| Event | Approx. Time (s) |' on an axis 'Time (s)': where, not a cell's value
            series = series or chart.series_for(name, panel, lines[offset])
            if chart.add_read_point(series, PointDraft(xs[j], value[0], value[1], lines[offset], None, rule)):
                added += 1
    return added


def rows_name_series(rows: list[list[str]], known: Mapping[str, str]) -> bool:
    """'| Method | Step 0 | Step 40 |' over '| Model A | ~0.1 | ~0.3 |': when the first column
    names the declared series (legend entries) and no header cell does, each row is a series
    and the header cells are its x values."""
    if any(known_name(h, known) for h in rows[0][1:]):
        return False  # the columns are the series: the usual wide table
    firsts = [row[0] for row in rows[1:] if row and strip_markup(row[0])]
    hits = sum(known_name(c, known) is not None for c in firsts)
    return bool(firsts) and hits >= KNOWN_SHARE * len(firsts)


def header_x(cell: str, axis: AxisDraft | None, x_words: frozenset[str]) -> int | float | str | None:
    """A header cell read as an x value: 'Step 100 (Global Peak)' -> 100 (its note dropped, the
    label reduced on the x axis); None for a column that is no x on a numeric axis ('Peak')."""
    label = strip_markup(cell)
    if axis is not None and axis.scale == "categorical":
        return reduce_on_axis(axis, label) or None
    bare = NOTE.sub("", label).strip() or label
    number = x_number(bare, x_words)
    if number is None and " at " in bare:
        number = x_number(bare.rsplit(" at ", 1)[1], x_words)  # 'Approx. Value at τ=0.001'
    if number is not None:
        return number
    if not bare or is_derived(bare):
        return None
    reduced = reduce_on_axis(axis, bare)
    if isinstance(reduced, str) and numeric_axis(axis):
        return None  # 'Final value' on a numeric x axis names no x
    return reduced


def row_x(cell: str, x_words: frozenset[str]) -> int | float | str | None:
    """A first-column cell as the row's x: '100 (Global Peak)' reads as 100, its note dropped."""
    x = category_or_number(strip_markup(cell))
    if isinstance(x, str) and NOTE.search(x):
        number = x_number(NOTE.sub("", x), x_words)
        if number is not None:
            return number
    return x


def _series_rows(chart: ChartDraft, rows: list[list[str]], xs: list[int | float | str | None],
                 known: Mapping[str, str], lines: list[int], panel: str | None) -> int:
    """One series per row (named as declared), its x in the header cells."""
    added = 0
    for x in xs:
        chart.trace.read_x(lines[0], x, "table.series-rows")
    for offset, row in enumerate(rows[1:], start=1):
        name = known_name(row[0], known) if row else None
        name = name or (strip_markup(row[0]) if row else "")
        if not name:
            continue
        series = None
        for j, cell in enumerate(row[1:], start=1):
            x = xs[j] if j < len(xs) else None
            value = cell_value(cell) if x is not None else None
            if value is None or x is None:
                continue
            series = series or chart.series_for(name, panel, lines[offset])
            point = PointDraft(x, value[0], value[1], lines[offset], None, "table.series-rows")
            if chart.add_read_point(series, point):
                added += 1
    return added


def _series_pairs(chart: ChartDraft, rows: list[list[str]], pair: tuple[int, int],
                  known: Mapping[str, str], lines: list[int], panel: str | None) -> int:
    """One (x, y) point per row, the row's series named in its first cell."""
    added = 0
    jx, jy = pair
    for offset, row in enumerate(rows[1:], start=1):
        name = known_name(row[0], known) if row else None
        if name is None or max(jx, jy) >= len(row):
            continue
        x, y = cell_value(row[jx]), cell_value(row[jy])
        if x is None or y is None:
            continue
        series = chart.series_for(name, panel, lines[offset])
        point = PointDraft(x[0], y[0], y[1], lines[offset], None, "table.series-pairs")
        if chart.add_read_point(series, point):
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
        value = cell_value(row[j])
        if value is None:
            cell = strip_markup(row[j])
            if cell and fold(cell) not in _EMPTY_CELLS:
                unread.append((lines[offset], cell))
            continue
        x = xs[offset - 1]
        if x is None:
            continue
        series = series or chart.series_for(name, panel, lines[offset])
        if chart.add_read_point(series, PointDraft(x, value[0], value[1], lines[offset], None, rule)):
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
    firsts = [" ".join(strip_markup(r[0]).lower().split()) for r in body]  # ('>3' is not '3': fold drops '>')
    if len(set(firsts)) == len(firsts):
        return False  # every first cell differs: a wide table's x column
    values = [cell_value(r[2]) for r in body]
    return sum(v is not None for v in values) >= _LONG_NUMERIC_SHARE * len(body)


def long_series_column(rows: list[list[str]], known: Mapping[str, str]) -> int:
    """Which key column of a long table names the series: the first, unless the second names
    the declared series (legend entries) and the first does not ('| Task | Model | Score |')."""
    body = [r for r in rows[1:] if len(r) == 3]
    if not known or not body:
        return 0
    return 1 if series_key_column([[r[0] for r in body], [r[1] for r in body]], known) == 1 else 0


def _long_format(chart: ChartDraft, rows: list[list[str]], lines: list[int], panel: str | None,
                 series_column: int) -> int:
    added = 0
    x_column = 1 - series_column
    for offset, row in enumerate(rows[1:], start=1):
        value = cell_value(row[2])
        x = category_or_number(strip_markup(row[x_column]))
        name = strip_markup(row[series_column])
        if value is None or x is None or not name:
            continue
        series = chart.series_for(name, panel, lines[offset])
        point = PointDraft(x, value[0], value[1], lines[offset], None, "table.long-format")
        if chart.add_read_point(series, point):
            added += 1
    return added
