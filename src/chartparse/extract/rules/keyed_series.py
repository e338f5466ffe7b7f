"""Keyed lines that name a series: by a known name ('**Model A:** ~0.9'), or by a look whose
text gives the label ('**Blue line:** labelled "Model A"'). Each opens that series for its
text and the lines under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..categories import listed_tick
from ..names import member_entry
from ..ruler import DONE, Claim
from ..series_declarations import label_after_look
from ..state import name_key
from ..statements import statement
from .keyed_panels import panel_titled_as_series

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine


def look_labelled(w: Walker, c: KeyedLine) -> Claim | None:
    if (found := label_after_look(c.key, c.text)) is None:
        return None
    series = w.state.chart.series_for(found[0], c.scope.panel, c.line.line)
    inner = c.scope.but(inherited=False, series=series)
    statement(w, found[1], inner, c.line.line)
    w.data(c.node, inner)
    return DONE


def known_series(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    if (panel := panel_titled_as_series(w, c)) is not None:
        scope = scope.but(panel=panel)
    series = w.match_series(c.key, scope.panel)
    if series is None and scope.series is not None and w.state.known_names:
        member = member_entry(w.state, c.key, scope.series)
        series = None if member is None else w.state.chart.series_for(member, scope.panel)
    if series is None:
        return None
    if c.text and name_key(series.name) != name_key(c.key) and (
            scope.series is series or listed_tick(w.state.chart, scope.panel, c.key) is not None):
        return None  # 'Gemma-3-4B: ~91' under its family 'Gemma' (or listed on the axis) is a member
    inner = scope.but(inherited=False, series=series)
    if c.text:
        statement(w, c.text, inner, c.line.line)
    w.data(c.node, inner)
    return Claim(inner) if scope.x is None else DONE
