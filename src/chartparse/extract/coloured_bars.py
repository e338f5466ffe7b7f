"""Bars coloured one by one: a legend that names exactly the categories of the x axis (or
names the bars of an axis that lists none) says which colour each bar has, not which series
it belongs to. The series those entries opened, each holding values only at its own
category, are one series: the panel's bars."""

from __future__ import annotations

from ..vocab import fold
from .finalize import default_name
from .pie_legend import denies_a_legend
from .state import ChartDraft, SeriesDraft

_MIN_BARS = 2


def one_series_of_coloured_bars(chart: ChartDraft, text: str) -> None:
    entries = {fold(e.label) for e in chart.legend}
    if len(entries) < _MIN_BARS:
        return
    every_category = {fold(t) for a in chart.axes if a.role == "x" for t in a.ticks if isinstance(t, str)}
    if entries <= every_category and denies_a_legend(text):
        chart.legend.clear()  # 'No separate legend; Blue Bar: the "White" category': bar colours
    for panel in {s.panel for s in chart.series}:
        found = _panel_bars(chart, panel, entries, every_category)
        if found is None:
            continue
        bars, others = found
        dropped = {id(s) for s in others}  # (this call's own objects, alive throughout)
        chart.series = [s for s in chart.series if id(s) not in dropped]
        _merge(chart, bars, default_name(chart, panel))


def _panel_bars(chart: ChartDraft, panel: str | None, entries: set[str],
                every_category: set[str]) -> tuple[list[SeriesDraft], list[SeriesDraft]] | None:
    """The panel's series that are its coloured bars, and the empty copies of other panels'
    entries beside them; None when the legend does not colour this panel's bars."""
    axis = chart.panel_axis("x", panel)
    named = {fold(t) for t in axis.ticks if isinstance(t, str)} if axis is not None else set()
    if named and (not named <= entries or not entries <= every_category
                  or axis is None or axis.scale != "categorical"):
        return None  # (with no categories listed, the legend alone names the bars)
    # (a legend naming more than this panel's bars names other panels' bars)
    here = [s for s in chart.series if s.panel == panel]
    bars = [s for s in here if fold(s.name) in (named or entries)]
    others = [s for s in here if fold(s.name) not in (named or entries)]
    if any(s.points or fold(s.name) not in entries for s in others) or not _each_at_its_own_bar(bars):
        return None
    return bars, others


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
