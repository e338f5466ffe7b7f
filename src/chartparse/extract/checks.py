"""Diagnostics about the result: what was stated but could not be read, or disagrees."""

from __future__ import annotations

from .finalize import DATA_KINDS
from .state import ChartDraft, SeriesDraft, name_key

_END_PUNCTUATION = tuple(".!?:;)]}\"'`*|%")


def looks_truncated(text: str) -> tuple[bool, int | None]:
    """A description cut mid-sentence: no final newline and no closing punctuation."""
    stripped = text.rstrip(" \t")
    if not stripped.strip() or stripped.endswith("\n"):
        return False, None
    last_line = stripped.rsplit("\n", 1)[-1].strip()
    if last_line.startswith(("#", "|")) or last_line.endswith(_END_PUNCTUATION):
        return False, None
    return True, stripped.count("\n") + 1


def check(chart: ChartDraft) -> None:
    """Diagnostics for what the text states but the reading does not bear out."""
    total = sum(len(s.points) for s in chart.series)
    if chart.kind in DATA_KINDS and total == 0:
        has_summary = any(s.summary for s in chart.series)
        chart.warn(
            "no-data",
            "no data points found" + (" (only summaries such as start/end or ranges)"
                                      if has_summary else ""),
        )
    for s in chart.series:
        _check_axis_range(chart, s)
        if s.dropped:
            first = s.dropped[0]
            chart.warn("conflicting-value",
                       f"{len(s.dropped)} value(s) of '{s.name}' at an x it already had were not kept "
                       f"(first: y={first.y} at x={first.x})", first.line)
    if chart.legend and total:
        _check_legend(chart)
    if chart.stated_panel_count is not None:
        stated = chart.stated_panel_count[0]
        found = len(chart.panels)
        if found and found != stated:
            chart.warn("panel-count-mismatch",
                       f"the text states {stated} panels but {found} were found")


def _check_axis_range(chart: ChartDraft, s: SeriesDraft) -> None:
    axis = chart.axis(s.axis, s.panel) or chart.axis(s.axis, None)
    if axis is None or axis.min is None or axis.max is None or axis.max <= axis.min:
        return
    if chart.kind == "heatmap" or s.name in {str(t) for t in axis.ticks}:
        return  # the y axis lists the rows (series '2018' on ticks 2018-2025); a cell's value is a colour
    slack = 0.1 * (axis.max - axis.min)
    outside = [p for p in s.points if not isinstance(p.y, str)
               and not (axis.min - slack <= p.y <= axis.max + slack)]
    if outside:
        first = outside[0]
        chart.warn(
            "point-outside-axis",
            f"{len(outside)} point(s) of '{s.name}' lie outside the stated {s.axis}-axis range "
            f"{axis.min}..{axis.max} (first: y={first.y} at x={first.x})",
            first.line,
        )


def _check_legend(chart: ChartDraft) -> None:
    legend_keys = {name_key(e.label) for e in chart.legend}
    with_points = {name_key(s.name) for s in chart.series if s.points}
    for entry in chart.legend:
        if name_key(entry.label) not in with_points:
            chart.warn("legend-entry-without-data",
                       f"legend entry '{entry.label}' has no data points", entry.line)
    for s in chart.series:
        if s.points and name_key(s.name) not in legend_keys:
            chart.warn("series-not-in-legend",
                       f"series '{s.name}' has data but is not in the legend", s.first_line)
