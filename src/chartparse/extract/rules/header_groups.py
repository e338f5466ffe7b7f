"""Header rules for categories written in two levels: a group header ('**GENERAL**') over
headers that are the declared categories themselves ('* **MMMU (val)**:'). The inner header
is the x; the group only gathers them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...vocab import fold
from ..categories import category_axis, category_x, declared_inside
from .headers import HEADER_RULES, Header

if TYPE_CHECKING:  # pragma: no cover
    from ..scope import Scope
    from ..walker import Walker


def declared_category_in_group(w: Walker, h: Header) -> Scope | None:
    """Under an x that the category axis does not declare, a header it does declare is the x."""
    x = h.scope.x
    if x is None or not isinstance(x, str) or not w.state.categorical() \
            or (h.scope.series is not None and not h.scope.inherited):
        return None
    axis = category_axis(w.state.chart, h.scope.panel)
    if axis is None or declared_inside(axis, fold(h.name)) is None \
            or declared_inside(axis, fold(x)) is not None:
        return None
    return h.scope.but(x=category_x(w.state.chart, h.name, h.scope.panel))


HEADER_RULES.before(
    "header.series-at-x", "header.category-in-group", declared_category_in_group,
    "under a group header, a header that is a declared category is the x",
    "* **MMMU (val)**: under **GENERAL** (x axis listing MMMU (val))")
