"""Histogram bins keep the spelling their chart uses.

A bin key is read as written ('0 to 0.5 mS' -> '0 to 0.5'). When other bins of the chart, in
any series or on the x axis, are written with a dash ('600-1200'), a bin written with 'to'
('0 to 600') is spelled the same way, '0-600', so that the chart names its bins alike. A chart
that writes every bin with 'to' keeps them so, and a bin whose bounds are negative keeps its
'to' (a dash would read as a minus sign).
"""

from __future__ import annotations

import re
from typing import Final

from .state import ChartDraft, PointDraft

_DASH_BIN: Final = re.compile(r"\d[\d,.]{0,12}[kKMB%]?\s?[-–]\s?\d")
_TO_BIN: Final = re.compile(r"^(\d[\d,.]{0,12}[kKMB%]?) to (\d[\d,.]{0,12}[kKMB%]?)$")


def spell_bins_alike(chart: ChartDraft) -> None:
    labels = [p.x for s in chart.series for p in s.points if isinstance(p.x, str)]
    ticks = [t for a in chart.axes if a.role in ("x", "x2") for t in a.ticks if isinstance(t, str)]
    if not any(_TO_BIN.match(x) for x in labels) or not any(_DASH_BIN.search(x) for x in labels + ticks):
        return
    for series in chart.series:
        series.points = [_dashed(p) for p in series.points]


def _dashed(p: PointDraft) -> PointDraft:
    m = _TO_BIN.match(p.x) if isinstance(p.x, str) else None
    return p if m is None else p._replace(x=f"{m.group(1)}-{m.group(2)}")
