"""Histogram bins keep the spelling their chart uses.

A bin key is read as written ('0 to 0.5 mS' -> '0 to 0.5'). When other bins of the same
panel, in any series or on the x axis, are written with a dash ('600-1200'), a bin written
with 'to' ('0 to 600') is spelled the same way, '0-600', so that the panel names its bins
alike. A panel that writes every bin with 'to' keeps them so, whatever its neighbours write
(each panel has its own axis), and a bin whose bounds are negative keeps its 'to' (a dash
would read as a minus sign).
"""

from __future__ import annotations

import re
from typing import Final

from .state import ChartDraft, PointDraft, SeriesDraft

_DASH_BIN: Final = re.compile(r"\d[\d,.]{0,12}[kKMB%]?\s?[-–]\s?\d")
_TO_BIN: Final = re.compile(r"^(\d[\d,.]{0,12}[kKMB%]?) to (\d[\d,.]{0,12}[kKMB%]?)$")


def spell_bins_alike(chart: ChartDraft) -> None:
    panels: dict[str | None, list[SeriesDraft]] = {}
    for series in chart.series:
        panels.setdefault(series.panel, []).append(series)
    # (the chart's x axis is the panels' own only when there is one panel)
    ticks = [t for a in chart.axes if a.role in ("x", "x2") for t in a.ticks if isinstance(t, str)] \
        if len(panels) == 1 else []
    for group in panels.values():
        labels = [p.x for s in group for p in s.points if isinstance(p.x, str)]
        if any(_TO_BIN.match(x) for x in labels) and any(_DASH_BIN.search(x) for x in labels + ticks):
            for series in group:
                series.points = [_dashed(p) for p in series.points]


def _dashed(p: PointDraft) -> PointDraft:
    m = _TO_BIN.match(p.x) if isinstance(p.x, str) else None
    return p if m is None else p._replace(x=f"{m.group(1)}-{m.group(2)}")
