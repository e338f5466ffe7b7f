"""The analysis part of ``--to md``: each series with its summary and points, or tables.

See :mod:`chartparse.export.markdown` for the whole form and why there are layouts.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from .common import axis_for, color_words, format_number, is_categorical, series_dash, x_text
from .table import ordered_points

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Chart, Point, Series


MARK_WORDS = {
    "line": "line",
    "area": "area",
    "bar": "bar",
    "histogram": "bar",
    "box": "box",
    "scatter": "markers",
    "pie": "slices",
    "heatmap": "cells",
}

SLICE_KINDS = frozenset({"pie"})
LABEL_KINDS = frozenset({"pie", "heatmap"})  # x is a label even when it is a number

def has_values(series: Series) -> bool:
    summary = series.summary
    return bool(series.points) or any(
        v is not None for v in (summary.start, summary.end, summary.min, summary.max))


def _style_words(chart: Chart, series: Series) -> str:
    words = []
    dash = series_dash(chart, series)
    if dash and dash != "solid":
        words.append({"dashdot": "dash-dot"}.get(dash, dash))
    color = color_words(chart, series)
    if color and not color.startswith("#"):
        words.append(inline(color).lower())
    return " ".join(words)


def analysis_lines(chart: Chart, layout: str, bold_panels: bool) -> list[str]:
    """Series outside any panel first, then each panel under its own heading."""
    panels: list[str | None] = [None, *(p.title for p in chart.panels)]
    panels += [s.panel for s in chart.series if s.panel not in panels]
    out: list[str] = []
    for panel in panels:
        group = [s for s in chart.series if s.panel == panel]
        if panel is not None:
            out.append(f"**{inline(panel)}**" if bold_panels else f"#### {inline(panel)}")
        filled = [s for s in group if s.points]
        tabled = bool(filled) and (layout == "columns" or (
            layout == "rows" and labelled(chart, filled)))
        if tabled:
            out += _table_lines(chart, filled, panel, by_rows=layout == "rows")
        for number, series in enumerate(group, start=1):
            if implied_by_legend(chart, series):
                continue
            if tabled and series.points:
                out += _summary_block(chart, series, number)
            else:
                bare = layout == "bare" and len(group) == 1
                out += _series_lines(chart, series, number, header=not bare)
    return out


def _table_lines(chart: Chart, group: list[Series], panel: str | None, *,
                 by_rows: bool) -> list[str]:
    """One table: a row per series (header ``Series \\ X``) or a column per series."""
    names: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    for s in group:
        if s.name not in names:
            names.append(s.name)
        for p in s.points:
            cells[(s.name, x_text(p.x))] = ("~" if p.approx else "") + format_number(p.y)
    xs = merged_order([[x_text(p.x) for p in ordered_points(chart, s)] for s in group])
    x_axis = axis_for(chart, "x", panel)
    x_title = x_axis.label if x_axis is not None and x_axis.label else "Category"
    if by_rows:
        y_axis = axis_for(chart, "y", panel) if chart.kind == "heatmap" else None
        y_title = y_axis.label if y_axis is not None and y_axis.label else "Series"
        header = f"{_cell(y_title)} \\ {_cell(x_title)}"
        row_labels, col_labels = names, xs
        grid = [[cells.get((name, x), "") for x in xs] for name in names]
    else:
        header = _cell(x_title)
        row_labels, col_labels = xs, names
        grid = [[cells.get((name, x), "") for name in names] for x in xs]
    out = [
        "| " + " | ".join([header, *(_cell(c) for c in col_labels)]) + " |",
        "|" + "---|" * (len(col_labels) + 1),
    ]
    for label, row in zip(row_labels, grid, strict=True):
        out.append("| " + " | ".join([_cell(label), *row]) + " |")
    return out


def merged_order(sequences: list[list[str]]) -> list[str]:
    """One order of every item that keeps each sequence's own order when it can.

    A table has one column order for all its series; ``[B, C]`` and ``[A, C]`` give
    ``[B, A, C]`` rather than putting ``A`` after ``C``. Among the items whose
    predecessors are placed, the first seen goes next (a topological sort, n log n); a
    cycle is broken by placing the first-seen item left.
    """
    first_seen: dict[str, int] = {}
    followers: dict[str, set[str]] = {}
    waiting: dict[str, int] = {}  # how many distinct predecessors are not placed yet
    for seq in sequences:
        for i, item in enumerate(seq):
            if item not in first_seen:
                first_seen[item] = len(first_seen)
                followers[item] = set()
                waiting[item] = 0
            if i and item not in followers[seq[i - 1]] and seq[i - 1] != item:
                followers[seq[i - 1]].add(item)
                waiting[item] += 1
    order = list(first_seen)
    ready = [first_seen[item] for item in order if waiting[item] == 0]
    heapq.heapify(ready)
    out: list[str] = []
    placed: set[str] = set()
    cursor = 0  # for breaking cycles: the first-seen item not placed yet
    while len(out) < len(order):
        if ready:
            item = order[heapq.heappop(ready)]
            if item in placed:
                continue
        else:
            while order[cursor] in placed:
                cursor += 1
            item = order[cursor]
        out.append(item)
        placed.add(item)
        for nxt in followers[item]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0 and nxt not in placed:
                heapq.heappush(ready, first_seen[nxt])
    return out


def _cell(text: str) -> str:
    return inline(text).replace("|", "/")


def implied_by_legend(chart: Chart, series: Series) -> bool:
    """An empty series that the reader makes anyway for a legend entry (in every panel).

    Left unwritten: besides being noise, a heading for it on a diagram would leave the
    reader a dropped series in its index, and the entry would then get none.
    """
    if has_values(series) or series.summary.trend:
        return False
    panels: list[str | None] = [p.title for p in chart.panels] or [None]
    if chart.kind == "pie" or series.panel not in panels:
        return False
    return any(entry.label == series.name for entry in chart.legend.entries)


def _header(chart: Chart, series: Series, number: int) -> str:
    mark = MARK_WORDS.get(chart.kind, "line")
    style = _style_words(chart, series)
    # No 'right axis' note: the reader binds a series to the right axis by its name
    # (the right axis's label), and a note there would keep it from naming a series.
    described = " ".join(w.capitalize() for w in f"{style} {mark}".split())
    return f"**{number}. {inline(series.name)} ({described})**"


def _summary_lines(series: Series) -> list[str]:
    """The series' summary in the sentences the reader takes as summary values."""
    summary = series.summary
    out = []
    if summary.start is not None and summary.end is not None:
        out.append(f"* The values go from {format_number(summary.start)} to "
                   f"{format_number(summary.end)}.")
    elif summary.start is not None:
        out.append(f"* The values start at {format_number(summary.start)}.")
    if summary.min is not None and summary.max is not None:
        out.append(f"* The values stay between {format_number(summary.min)} and "
                   f"{format_number(summary.max)}.")
    if summary.trend:  # as written: only line breaks go (the reader keeps inner spaces)
        out.append(f"* **Trend:** {' '.join(summary.trend.splitlines())}")
    return out


def _summary_block(chart: Chart, series: Series, number: int) -> list[str]:
    lines = _summary_lines(series)
    return [_header(chart, series, number), *lines] if lines else []


def _series_lines(chart: Chart, series: Series, number: int, *, header: bool = True) -> list[str]:
    out = [_header(chart, series, number)] if header else []
    out += _summary_lines(series)
    if not series.points:
        return out
    # No 'Data Points:' line before them: the reader's repair of flat lists checks each
    # item under such a group line against all the items before it (quadratic).
    label_x = chart.kind in SLICE_KINDS  # a pie's plain `* 1: 5` lines read as slices
    out += [_point_line(p, label_x) for p in ordered_points(chart, series)]
    return out


def labelled(chart: Chart, group: list[Series] | None = None) -> bool:
    """Whether x values are labels here (category text, or any x of a pie or heatmap)."""
    return chart.kind in LABEL_KINDS or is_categorical(chart, group)


def _point_line(point: Point, label_x: bool) -> str:
    """``* 2.5: ~1.2`` for numeric x; ``* **Wheat:** 6.2`` for labels (and all pie slices)."""
    y = ("~" if point.approx else "") + format_number(point.y)
    if isinstance(point.x, str) or label_x:
        return f"* **{inline(x_text(point.x))}:** {y}"
    return f"* {format_number(point.x)}: {y}"


def inline(text: str | None) -> str:
    """One line of text with no Markdown emphasis markers that would end a bold span.

    Inner runs of spaces stay as they are: the reader keeps them in names and labels.
    """
    if text is None:
        return ""
    return " ".join(text.replace("**", "").splitlines()).strip()
