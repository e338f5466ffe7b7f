"""Series written with a style note take their legend entry's name.

A table column ``First Wins (Green)`` or a header ``Hot tier (blue bars)`` names the legend's
``First Wins`` / ``Hot tier``: once the note in parentheses is dropped (it holds only style
words), the name is the entry's. The series takes the entry's name, joining a series of that
name in the same panel when there is one.
"""

from __future__ import annotations

from .name_identity import LOOKED_TWINS
from .state import ChartDraft, SeriesDraft, name_key
from .text import clean_name


def name_series_by_legend(chart: ChartDraft) -> None:
    if not chart.legend or chart.kind == "pie":
        return
    labels = {name_key(e.label): e.label for e in chart.legend}
    kept: list[SeriesDraft] = []
    for s in chart.series:
        label = labels.get(name_key(s.name)) or labels.get(name_key(clean_name(s.name)))
        if label is None or (name_key(label) in LOOKED_TWINS.get() and name_key(label) != name_key(s.name)):
            kept.append(s)
            continue
        twin = next((k for k in kept if k.panel == s.panel and k.name == label), None)
        if twin is not None:  # 'Hot tier' and 'Hot tier (blue)' are one series
            for p in s.points:
                twin.add_point(p)
            for k, v in s.summary.items():
                twin.set_summary(k, v)
            continue
        s.name = label
        kept.append(s)
    chart.series = kept
