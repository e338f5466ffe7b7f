"""A long table keyed by the declared series: '| City | Mode | Median | IQR |' where one key
column holds legend entries (Bus, Train) and the other the x, one row per point; a blank
key cell repeats the one above it (a merged cell)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

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
    marked = axis_columns(chart, rows[0], panel)
    if marked is not None and min(marked) >= 2:
        # '| Series | Label | Time (x) | Accuracy (y) |': the header marks each coordinate's column
        xs, values = [r[marked[0]] for r in body], [cell_value(r[marked[1]]) for r in body]
    else:
        xs, values = keys[1 - series_column], [cell_value(r[2]) for r in body]
        if len(set(xs)) == len(xs):
            return None
    if not all(xs) or sum(v is not None for v in values) < _NUMERIC_SHARE * len(body):
        return None
    added = 0
    for offset, (name, x_cell, value) in enumerate(zip(names, xs, values, strict=True), start=1):
        x = category_or_number(x_cell)
        if value is None or name is None or x is None:
            continue
        series = chart.series_for(name, panel, lines[offset])
        point = PointDraft(x, value[0], value[1], lines[offset], None, "table.long-by-series")
        if chart.add_read_point(series, point):
            added += 1
    return added


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
