"""Diagnostics about the result: what was stated but could not be read, or disagrees."""

from __future__ import annotations

import re
from typing import Final

from .finalize import DATA_KINDS
from .state import ChartDraft, SeriesDraft, name_key
from .text import quantities

_END_PUNCTUATION = tuple(".!?:;)]}\"'`*|%")
_CUT_POWER: Final = re.compile(r"\d\s?[x×*·]\s?10?$")  # ('~0.5×1' of '~0.5×10⁶')


def looks_truncated(text: str) -> tuple[bool, int | None]:
    """A description cut mid-sentence: no final newline and no closing punctuation."""
    stripped = text.rstrip(" \t")
    if not stripped.strip() or stripped.endswith("\n"):
        return False, None
    last_line = stripped.rsplit("\n", 1)[-1].strip()
    if last_line.startswith(("#", "|")) or last_line.endswith(_END_PUNCTUATION):
        return False, None
    return True, stripped.count("\n") + 1


def drop_cut_value(chart: ChartDraft, text: str, line: int | None) -> None:
    """A cut-off text that ends on a whole number may have lost its rest ('... about 1.2 at
    32' of '32K'): a point read from that number on the last line is dropped, with a warning."""
    if not text[-1:].isdigit() or line is None:
        return
    last = text.rsplit("\n", 1)[-1]
    norm, qs = quantities(last)
    if len(qs) >= 2 and _CUT_POWER.search(norm.rstrip()) and qs[-1].value in (1, 10):
        qs = qs[:-1]  # '70-79: ~5 x 10', '~0.5×1' lost its power: the number before it is no value either
    elif not qs or qs[-1].end != len(norm.rstrip()) or not isinstance(qs[-1].value, int | float) \
            or "." in qs[-1].raw:
        return  # ('~0.20' has stated its precision; '32' may go on as '32K', '320' or '32.5')
    cut = qs[-1].value
    for s in chart.series:
        kept = [p for p in s.points if p.line != line or (p.x != cut and p.y != cut)]
        if len(kept) < len(s.points):
            chart.warn("cut-value", f"the text ends on '{qs[-1].raw.strip()}', which may be cut short: "
                       f"the point of '{s.name}' read from it is not kept", line)
            s.points = kept


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
        if found != stated and (found or stated > 1):
            chart.warn("panel-count-mismatch",  # (none found of several stated: their data may sit in one)
                       f"the text states {stated} panels but {found or 'none'} were found")


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
