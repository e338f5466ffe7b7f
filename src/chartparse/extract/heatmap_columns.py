"""A heatmap written column by column, its cells grouped under words of the column's own:

    1. **TTPD**:            (a column the x axis declares)
    - **High Accuracy**:    (a band of values: neither a row nor a column)
    - cities (99 ± 0)       (a row the y axis declares, and the cell's value)

The band header only groups; each 'row (value)' line is the cell at the column in scope."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab import fold
from .add_points import add_point
from .categories import reduce_on_axis
from .heatmap import cell_statement
from .state import AxisDraft
from .text import clean_name, quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from .scope import Scope
    from .walker import Walker

_ROW_PAREN_VALUE: Final = re.compile(
    r"\s{0,4}([^()]{1,60}?)\s?\(\s?([~≈]?\s?-?\d[\d.]{0,12}\s?%?)\s?(?:(?:±|\+/-)\s?[\d.]{1,12}\s?%?\s?)?\)[\s.;]{0,3}")
"""'cities (99 ± 0)', 'facts (~83)': a row's name, then its cell's value (and spread) in brackets."""


def _lists(axis: AxisDraft | None, label: str) -> bool:
    folded = fold(label)
    return axis is not None and any(fold(str(t)) == folded for t in axis.ticks)


def column_in_scope(w: Walker, scope: Scope) -> str | None:
    """The column a heatmap's scope stands for (its x, or a header read as a series): a name
    its x axis lists and its y axis does not."""
    if w.state.kind != "heatmap":
        return None
    chart = w.state.chart
    x_axis, y_axis = chart.panel_axis("x", scope.panel), chart.panel_axis("y", scope.panel)
    for name in (scope.x, scope.series.name if scope.series is not None else None):
        if isinstance(name, str) and _lists(x_axis, name) and not _lists(y_axis, name):
            return name
    return None


def band_under_column(w: Walker, title: str, scope: Scope) -> bool:
    """Under a declared column, a header naming neither a row nor a column groups its lines."""
    if column_in_scope(w, scope) is None:
        return False
    chart = w.state.chart
    name = clean_name(title)
    return not any(_lists(chart.panel_axis(role, scope.panel), name) for role in ("x", "y"))


def row_value_at_column(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'cities (99 ± 0)' under a declared column: the cell of that row there."""
    column = column_in_scope(w, scope)
    if column is None or "(" not in text:
        return False
    m = _ROW_PAREN_VALUE.fullmatch(strip_markup(text))
    if m is None:
        return False
    chart = w.state.chart
    row = clean_name(m.group(1))
    if not _lists(chart.panel_axis("y", scope.panel), row) or _lists(chart.panel_axis("x", scope.panel), row):
        return False
    _, qs = quantities(m.group(2))
    x = reduce_on_axis(chart.panel_axis("x", scope.panel), column)
    add_point(w, chart.series_for(row, scope.panel, line_no), x, qs[0].value, qs[0].approx, line_no,
              rule="statement.row-value-at-column")
    return True


def heatmap_cell_statement(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """A sentence that is one heatmap cell: by its coordinates, or a row's value under its column."""
    return cell_statement(w, text, scope, line_no) or row_value_at_column(w, text, scope, line_no)
