"""Series a recap restates: a table after the data ('| Ratio | Ours Success Rate (%) |')
names each column by a series already read plus the y axis' label. Such a column holds
no new series; its values, when they are all the series' own, are dropped with it."""

from __future__ import annotations

from ..vocab import fold
from .state import ChartDraft, SeriesDraft, name_key


def drop_restated_series(chart: ChartDraft) -> None:
    kept: list[SeriesDraft] = []
    for s in chart.series:
        if not s.points or _restated_by(chart, s) is None:
            kept.append(s)
    chart.series = kept


def _restated_by(chart: ChartDraft, s: SeriesDraft) -> SeriesDraft | None:
    """The series ``s`` restates: its name is that series' name and the y axis' label, and
    every value of ``s`` is already one of its values."""
    axis = chart.panel_axis("y", s.panel)
    label = fold(axis.label) if axis is not None and axis.label else ""
    folded = fold(s.name)
    if not label or not folded.endswith(" " + label):
        return None
    stem = name_key(folded[: -len(label)].strip())
    for other in chart.series:
        if other is not s and other.panel == s.panel and other.points and name_key(other.name) == stem:
            own = {(p.x, p.y) for p in other.points}
            if all((p.x, p.y) in own for p in s.points):
                return other
    return None


def drop_bar_named_series(chart: ChartDraft) -> None:
    """'**Data Series 1 (Female):**' over 'Value: 52.7%' on an x axis listing 'Female': the
    'series' is a bar, its value a point of the chart's one series at that category. The
    empty series its name opened goes, when another series holds a point there."""
    if len(chart.series) < 2:
        return
    held = {(s.panel, fold(str(p.x))) for s in chart.series for p in s.points}
    kept: list[SeriesDraft] = []
    for s in chart.series:
        axis = chart.panel_axis("x", s.panel)
        if s.points or axis is None or axis.scale != "categorical" or (s.panel, fold(s.name)) not in held \
                or axis.index().first_folded(fold(s.name)) is None:
            kept.append(s)
    chart.series = kept
