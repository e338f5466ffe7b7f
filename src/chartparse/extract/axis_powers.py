"""An x axis labelled in a power of ten ('FLOPs (×10²¹)', 'Tokens (x 10^9)'): its ticks are
written in that power, and so are the x values read against them."""

from __future__ import annotations

import math
import re
from typing import Final

from ..values import normalise
from .state import ChartDraft

_LABEL_POWER: Final = re.compile(r"\(\s{0,2}[×x]\s{0,2}10\^([-+−]?\d{1,3})\s{0,2}\)")


def label_power(label: str | None) -> float | None:
    """10^k for a label ending its name with '(×10^k)' (superscripts too); None otherwise."""
    if not label or "10" not in label:
        return None
    m = _LABEL_POWER.search(normalise(label))
    return 10.0 ** int(m.group(1).replace("−", "-")) if m else None


def x_in_label_power(chart: ChartDraft) -> None:
    """'FLOPs (×10²¹)' ticked 2, 4, 6: an x read as 2×10²¹ ('FLOPs = 2×10²¹') stands at the
    tick 2, as the axis writes it."""
    for s in chart.series:
        axis = chart.panel_axis("x", s.panel)
        power = label_power(axis.label) if axis is not None else None
        if axis is None or power is None:
            continue
        ticks = [t for t in axis.ticks if isinstance(t, int | float)]
        if len(ticks) < 2:
            continue
        points = []
        for p in s.points:
            tick = None if isinstance(p.x, str) or p.x in ticks else next(
                (t for t in ticks if math.isclose(p.x / power, t, rel_tol=1e-9)), None)
            points.append(p if tick is None else p._replace(x=tick))
        s.points = points
