"""A key over a bare list of values, one per tick the x axis declares: a heatmap's row
(`3: [1.00, 0.97, 0.96]` under "column = digit_a") or a series written out as a list
(`Model A: 0.41, 0.52, 0.60` over ticks 1, 2, 3). Registered in the keyed chain before
``keyed.x-key``, which would take the key for an x and keep only the first value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..ruler import DONE, Claim
from ..statements import add_point
from ..text import quantities
from .keyed import KEYED_RULES

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine

_LIST_PUNCTUATION = frozenset(" ,;[]().\t")


def row_of_values(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.text or "," not in c.text or c.scope.x is not None:
        return None
    chart = w.state.chart
    axis = chart.axis("x", c.scope.panel) or chart.axis("x", None)
    ticks = axis.ticks if axis is not None else []
    if len(ticks) < 2:
        return None
    norm, qs = quantities(c.text)
    if len(qs) != len(ticks) or not _only_values(norm, [(q.start, q.end) for q in qs]):
        return None
    series = chart.series_for(c.name, c.scope.panel, c.line.line)
    for tick, q in zip(ticks, qs, strict=True):
        add_point(w, series, tick, q.value, q.approx, c.line.line)
    return DONE


def _only_values(norm: str, spans: list[tuple[int, int]]) -> bool:
    """Nothing but the numbers, commas and brackets: a list, not a sentence."""
    at = 0
    for start, end in spans:
        if any(ch not in _LIST_PUNCTUATION for ch in norm[at:start]):
            return False
        at = end
    return all(ch in _LIST_PUNCTUATION for ch in norm[at:])


KEYED_RULES.before(
    "keyed.x-key", "keyed.row-of-values", row_of_values,
    "a key over a bare list of values, one per declared x tick: that row's series",
    "**3:** [1.00, 0.97, 0.96] (x ticks 1, 2, 3)")
