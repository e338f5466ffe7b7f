"""A long table keyed by the declared series: '| City | Mode | Median | IQR |' where one key
column holds legend entries (Bus, Train) and the other the x, one row per point; a blank
key cell repeats the one above it (a merged cell)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ..vocab import fold
from .categories import category_axis, declared_inside
from .state import ChartDraft, PointDraft
from .table_columns import axis_columns
from .table_pairs import known_name
from .text import quantities, strip_markup
from .values_of import category_or_number

KNOWN_SHARE = 0.75  # a key column names declared series in (nearly) every row
_NUMERIC_SHARE = 0.8  # the value column is (almost) all numbers


def long_by_declared_series(chart: ChartDraft, rows: list[list[str]], lines: list[int],
                            panel: str | None, known: Mapping[str, str]) -> int | None:
    """The points of such a table, or None when it is not one: the series column (0 or 1)
    names declared series and the other names none, both repeat down the rows, and the
    value is the first column after both keys (or the header marks the x and the y columns)."""
    body = [r for r in rows[1:] if len(r) >= len(rows[0]) >= 3]
    if not known or len(body) < 2 or len(body) < len(rows) - 1:
        return None
    keys = [_carried_down([strip_markup(r[j]) for r in body]) for j in (0, 1)]  # merged cells repeat
    series_column = series_key_column(keys, known)
    if series_column is None:
        return None
    names = [known_name(cell, known) for cell in keys[series_column]]
    if len(set(names)) == len(names):
        return None  # each series once: a wide table, its columns the x's
    columns = _x_and_value_cells(chart, rows[0], body, keys[1 - series_column], panel)
    if columns is None:
        return None
    xs, value_cells = columns
    values = [cell_value(c) for c in value_cells]
    added = 0
    for offset, (name, x_cell, value) in enumerate(zip(names, xs, values, strict=True), start=1):
        x = declared_category(chart, x_cell, panel) or category_or_number(x_cell)
        if value is None or name is None or x is None:
            continue
        series = chart.series_for(name, panel, lines[offset])
        point = PointDraft(x, value[0], value[1], lines[offset], None, "table.long-by-series")
        if chart.add_read_point(series, point):
            added += 1
    return added


def _x_and_value_cells(chart: ChartDraft, header: list[str], body: list[list[str]], other_key: list[str],
                       panel: str | None) -> tuple[list[str], list[str]] | None:
    """The x cells and the value cells, down the rows; None unless every row has an x, the x's
    repeat and (nearly) every value cell states a number."""
    marked = axis_columns(chart, header, panel)
    if marked is not None and min(marked) >= 2:
        # '| Series | Label | Time (x) | Accuracy (y) |': the header marks each coordinate's column
        xs, value_cells = [r[marked[0]] for r in body], [r[marked[1]] for r in body]
    else:
        xs, value_cells = other_key, [r[2] for r in body]
        if len(set(xs)) == len(xs):
            return None
    if not all(xs) or sum(bool(quantities(c)[1]) for c in value_cells) < _NUMERIC_SHARE * len(body):
        return None  # (a range, '~31-32%', states a value too: no point of its own)
    return xs, value_cells


def declared_category(chart: ChartDraft, cell: str, panel: str | None) -> str | None:
    """'**Maj@8** (Left Group)' on an axis listing 'Maj@8': the category, its note left out."""
    axis = category_axis(chart, panel)
    if axis is None or not axis.has_named_ticks():
        return None
    found = declared_inside(axis, fold(strip_markup(cell)))
    return found if isinstance(found, str) else None


def series_key_column(keys: list[list[str]], known: Mapping[str, str]) -> int | None:
    """Which of two key columns names the declared series: (nearly) all its cells do and
    none of the other's; None when neither or both."""
    hits = [sum(known_name(cell, known) is not None for cell in column) for column in keys]
    for j in (0, 1):
        if hits[j] >= KNOWN_SHARE * len(keys[j]) and hits[1 - j] == 0:
            return j
    return None


def _carried_down(cells: list[str]) -> list[str]:
    """A blank cell repeats the cell above it: '| **Oslo** | Bus |' then '| | Train |'."""
    out: list[str] = []
    for cell in cells:
        out.append(cell or (out[-1] if out else ""))
    return out


def cell_value(cell: str) -> tuple[int | float, bool] | None:
    """A table cell's value and whether it is approximate; None for a range or no number."""
    norm, qs = quantities(strip_markup(cell))
    if not qs or _BOUND.match(norm):
        return None  # ('< 5': a bound the bar stays under, not its value)
    if len(qs) > 1 and any(sep in norm[qs[0].end: qs[1].start] for sep in ("-", "–", "to", "and")):
        return None  # a range, not a value
    return qs[0].value, qs[0].approx


_BOUND: Final = re.compile(
    r"\s{0,3}(?:<|>|≤|≥|below\b|under\b|less than\b|fewer than\b|more than\b|over\b)", re.IGNORECASE)
