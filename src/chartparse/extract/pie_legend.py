"""A pie's legend, when the text lists no legend: its slices.

Each slice of a pie is drawn in its own colour and names one category, which is what a
legend entry is; descriptions often give them only as the slices ('**Depth Limit:** 25.2%,
coloured blue'), with the legend 'embedded in the chart'.
"""

from __future__ import annotations

from .state import ChartDraft, LegendEntryDraft

_MIN_SLICES = 2


def pie_slices_as_legend(chart: ChartDraft) -> None:
    if chart.kind != "pie" or chart.legend:
        return
    with_points = [s for s in chart.series if s.points]
    if len(with_points) != 1:
        return  # several pies, or none read: no one set of slices to name
    labels = [p.x for p in with_points[0].points if isinstance(p.x, str)]
    if len(labels) < _MIN_SLICES or len(labels) != len(with_points[0].points):
        return
    for point in with_points[0].points:
        entry = LegendEntryDraft(label=str(point.x), line=point.line)
        entry.rule = "legend.pie-slices"
        chart.add_legend_entry(entry)
