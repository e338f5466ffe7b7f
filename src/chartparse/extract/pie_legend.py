"""A pie's legend, when the text speaks of one but lists no entries: its slices.

Each slice of a pie is drawn in its own colour and names one category, which is what a
legend entry is; descriptions often give them only as the slices ('**Depth Limit:** 25.2%,
coloured blue'), with the legend 'embedded in the chart'.
"""

from __future__ import annotations

import re

from .names import is_sentence
from .state import ChartDraft, LegendEntryDraft

_MIN_SLICES = 2
_LEGEND_WORD = re.compile(r"\blegends?\b", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:no|not|without|lacks?|absent)\b[^.;:]{0,20}$", re.IGNORECASE)


def _declares_a_legend(text: str) -> bool:
    """The text speaks of a legend and never denies one ('there is no separate legend')."""
    mentions = [m.start() for m in _LEGEND_WORD.finditer(text)]
    return bool(mentions) and not any(_DENIAL.search(text[max(0, i - 40): i]) for i in mentions)


def pie_slices_as_legend(chart: ChartDraft, text: str) -> None:
    if chart.kind != "pie" or chart.legend or not _declares_a_legend(text):
        return
    with_points = [s for s in chart.series if s.points]
    if len(with_points) != 1:
        return  # several pies, or none read: no one set of slices to name
    labels = [p.x for p in with_points[0].points if isinstance(p.x, str)]
    if len(labels) < _MIN_SLICES or len(labels) != len(with_points[0].points):
        return
    for point in with_points[0].points:
        if is_sentence(str(point.x)):
            continue  # 'The percentages sum to 100%' is a remark, not a slice
        entry = LegendEntryDraft(label=str(point.x), line=point.line)
        entry.rule = "legend.pie-slices"
        chart.add_legend_entry(entry)
