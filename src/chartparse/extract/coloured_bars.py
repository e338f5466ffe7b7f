"""Bars coloured one by one: a legend that names exactly the categories of the x axis (or
names the bars of an axis that lists none) says which colour each bar has, not which series
it belongs to. The series those entries opened, each holding values only at its own
category, are one series: the panel's bars."""

from __future__ import annotations

from ..vocab import fold
from .finalize import default_name
from .state import ChartDraft, SeriesDraft

_MIN_BARS = 2


def one_series_of_coloured_bars(chart: ChartDraft) -> None:
    entries = {fold(e.label) for e in chart.legend}
    if len(entries) < _MIN_BARS:
        return
    for panel in {s.panel for s in chart.series}:
        axis = chart.panel_axis("x", panel)
        named = {fold(t) for t in axis.ticks if isinstance(t, str)} if axis is not None else set()
        if named and (named != entries or axis is None or axis.scale != "categorical"):
            continue  # (with no categories listed, the legend alone names the bars)
        bars = [s for s in chart.series if s.panel == panel and fold(s.name) in entries]
        if len(bars) != sum(s.panel == panel for s in chart.series) or not _each_at_its_own_bar(bars):
            continue
        _merge(chart, bars, default_name(chart, panel))


def _each_at_its_own_bar(bars: list[SeriesDraft]) -> bool:
    """Every series holds points only at the category of its own name, and two or more hold one."""
    held = [s for s in bars if s.points]
    return len(held) >= _MIN_BARS and all(fold(str(p.x)) == fold(s.name) for s in held for p in s.points)


def _merge(chart: ChartDraft, bars: list[SeriesDraft], name: str) -> None:
    keep = next(s for s in bars if s.points)
    for s in bars:
        if s is not keep:
            for p in s.points:
                keep.add_point(p)
            keep.touch(s.first_line)
            keep.touch(s.last_line)
    keep.color = keep.line_style = keep.marker = None
    merged = {id(s) for s in bars if s is not keep}  # (this call's own objects, alive throughout)
    chart.series = [s for s in chart.series if id(s) not in merged]
    chart.rename_series(keep, name)  # (after the list is replaced: the registry follows both)
