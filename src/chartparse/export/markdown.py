"""A Chart written back as a canonical Markdown description (``--to md``).

The style is the one vision-language models write and chartparse reads best::

    ## Line Chart: <title>
    ### Overview
    ### Components/Axes
    * **X-Axis:** Labeled "<label>". The scale runs from <min> to <max>.
    * **Legend:** Positioned at the top right. It contains N entries:
    * **<name>:** <color> line.
    ### Detailed Analysis
    #### <panel title>                 (only for multi-panel charts)
    **1. <name> (<Color> Line)**
    * **Data Points (Approximate):**
    * <x>: ~<y>                          (numeric x)
    * **<category>:** ~<y>               (category x)

Round trip: ``parse(to_markdown(chart))`` has the same (panel, series, x, y) points.
Panels are ``####`` headings (a bold ``**Chart 1: ...**`` line is not enough for the
reader to nest the series headings under it).

Category x values have three layouts, because the reader has blind spots: bold bullets
(``* **Site A:** 0.88``) are what models write, but the reader takes some labels for
keywords (``Min``, ``Q1``, ``Legend``) or for series names; a table with a row per series
(``| Series \\ Site | Site A | Site B |``) is read verbatim in every case we know of; a
table with a column per series (``| Site | Dice | IoU |``) is the last resort. For charts
with category x, :func:`to_markdown` renders them in that order (rows first for heatmaps),
reads each back, and keeps the first that returns every point, else the one that returns
the most.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import TYPE_CHECKING

from ..models import LegendEntry
from .common import (
    axis_for,
    color_words,
    format_number,
    is_categorical,
    series_dash,
    x_text,
)
from .table import ordered_points

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Axis, Chart, Point, Series

KIND_HEADINGS = {
    "line": "Line Chart",
    "bar": "Bar Chart",
    "scatter": "Scatter Plot",
    "area": "Area Chart",
    "pie": "Pie Chart",
    "heatmap": "Heatmap",
    "histogram": "Histogram",
    "box": "Box Plot",
    "table": "Table",
    "diagram": "Diagram",
    "mixed": "Chart",
    "other": "Chart",
}

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

_AXIS_NAMES = {"x": "X-Axis", "y": "Y-Axis", "y2": "Y-Axis (Right)", "x2": "X-Axis (Top)"}


def to_markdown(chart: Chart) -> str:
    """The chart as a Markdown description chartparse reads back to the same chart.

    Each layout is read back and compared with ``chart`` fact by fact (see
    :func:`facts`); the first that comes back whole is returned, else the one that
    loses the fewest facts. As a last resort (a chart built by hand that the reader
    would never make, such as bars at numeric x in a series the legend does not name),
    the series are also listed in the legend so that the points keep their series.
    """
    if chart.kind == "heatmap":
        layouts: tuple[str, ...] = ("rows", "bullets", "bare", "columns")
    elif _labelled(chart):
        layouts = ("bullets", "bare", "rows", "columns")
    else:
        layouts = ("bullets", "bare", "columns")  # numeric x: a header row would make x text
    best_text, best_misses = "", -1
    tries = [(layout, False, False) for layout in layouts]
    if chart.panels:
        tries += [(layout, True, False) for layout in layouts]
    tries += [(layout, bold, True) for layout, bold, _ in tries]
    for layout, bold_panels, legend_names in tries:
        text = render(chart, layout, bold_panels=bold_panels, legend_names=legend_names)
        misses = round_trip_misses(chart, text)
        if misses == 0:
            return text
        if best_misses < 0 or misses < best_misses:
            best_text, best_misses = text, misses
    return best_text


def point_keys(chart: Chart) -> Counter[tuple[str, str, str, float]]:
    """The (panel, series, x, y) multiset a round trip must preserve.

    x is compared as text (``2019`` and ``"2019"`` are the same x): on bar-like charts the
    reader takes every x label, numbers included, as a category.
    """
    return Counter(
        (s.panel or "", s.name, x_text(p.x), float(p.y))
        for s in chart.series
        for p in s.points
    )


def facts(chart: Chart) -> Counter[tuple[object, ...]]:
    """What a round trip keeps, as a multiset: kind, title, axes, legend, panels, every
    series with its summary, and every point (in its place in the series) with its approx
    flag. Series are compared by (panel, name), so their order does not count."""
    out: Counter[tuple[object, ...]] = Counter()
    out[("kind", chart.kind, chart.title)] += 1
    for a in chart.axes:
        out[("axis", a.role, a.panel, a.label, a.unit, a.scale, a.min, a.max)] += 1
    out[("legend", chart.legend.position)] += 1
    for i, e in enumerate(chart.legend.entries):
        out[("entry", i, e.label, e.color, e.line_style, e.marker)] += 1
    for i, panel in enumerate(chart.panels):
        out[("panel", i, panel.title)] += 1
    for s in chart.series:
        summary = s.summary
        out[("series", s.panel, s.name, s.axis, summary.start, summary.end, summary.min,
             summary.max, summary.trend)] += 1
        for i, p in enumerate(ordered_points(chart, s)):
            out[("point", s.panel, s.name, i, x_text(p.x), float(p.y), p.approx)] += 1
    return out


def round_trip_misses(chart: Chart, text: str) -> int:
    """How many facts of ``chart`` (see :func:`facts`) differ when ``text`` is read.

    Points count first: a text that loses a point scores worse than any text that keeps
    every point, however many other facts that one loses.
    """
    from ..api import parse

    want = facts(chart)
    got = facts(parse(text))
    missed = (want - got) + (got - want)
    points = sum(n for fact, n in missed.items() if fact[0] == "point")
    others = sum(missed.values()) - points
    others_bound = sum(n for fact, n in (want + got).items() if fact[0] != "point")
    return points * (others_bound + 1) + others


def render(chart: Chart, layout: str = "bullets", *, bold_panels: bool = False,
           legend_names: bool = False) -> str:
    """The description with points as ``bullets`` or one table per panel.

    Tables have a row per series (``rows``) or a column per series (``columns``);
    ``bare`` is ``bullets`` without the series heading where a panel has one series
    (on a bar chart the reader takes an unknown heading for a category). Panels of
    the analysis are ``####`` headings, or ``**bold**`` lines with ``bold_panels`` (the
    reader takes a long heading for a sentence, but a bold line for the panel it names).
    ``legend_names`` adds every series with points to the legend (see :func:`to_markdown`).
    """
    lines: list[str] = []
    lines += _heading_lines(chart)
    lines += [*_panel_list(chart), *_axes_lines(chart, None), *_legend_lines(chart, legend_names),
              *_declarations(chart, None)]
    for panel in chart.panels:
        lines += [f"#### {_inline(panel.title)}", *_axes_lines(chart, panel.title),
                  *_declarations(chart, panel.title)]
    lines += ["### Detailed Analysis", *_analysis_lines(chart, layout, bold_panels)]
    if chart.observations:
        lines.append("### Key Observations")
        lines += [f"* {_inline(text)}" for text in chart.observations]
    if chart.interpretation:
        lines += ["### Interpretation", _inline(chart.interpretation)]
    return "\n".join(lines) + "\n"


def _heading_lines(chart: Chart) -> list[str]:
    """``## Line Chart: <title>``, and for a pie the line that keeps its title apart.

    The kind phrase comes first, so the reader takes the kind from it whatever words the
    title holds. A chart with no title has no heading (a heading is a title to the
    reader): its kind goes on a ``Chart Type`` line. A chart of kind ``other`` has no
    kind phrase; its title, which may hold one, goes on a ``Chart Title`` line.
    """
    heading = KIND_HEADINGS.get(chart.kind, "Chart")
    title = chart.title
    filled = [s for s in chart.series if s.points]
    kind_line = [] if chart.kind == "other" else [f"* **Chart Type:** {heading}"]
    names = {s.name for s in filled}
    if chart.kind == "pie" and len(names) == 1 and filled[0].name != chart.title:
        # A pie's series is named by the heading's title (the reader's convention); the
        # chart's own title then goes on an explicit title line.
        out = [f"## {heading}: {_inline(filled[0].name)}", "### Components/Axes"]
        if title:
            out.append(f'* **Chart Title:** "{_inline(title)}"')
        return out
    if title is None:
        return ["### Components/Axes", *kind_line]
    if chart.kind == "other":
        return ["### Components/Axes", f'* **Chart Title:** "{_inline(title)}"']
    return [f"## {heading}: {_inline(title)}", "### Components/Axes"]


def _panel_list(chart: Chart) -> list[str]:
    """``* **Panel Titles:** "A", "B"``: the reader then takes those headings as panels."""
    if not chart.panels:
        return []
    return ["* **Panel Titles:** " + ", ".join(f'"{_inline(p.title)}"' for p in chart.panels)]


_SCALE_WORDS = {"log": "logarithmic", "linear": "linear", "categorical": "categorical"}


def _axes_lines(chart: Chart, panel: str | None) -> list[str]:
    """Each axis as a key with ``Label``, ``Unit``, ``Scale`` and ``Range`` child lines."""
    out = []
    for axis in chart.axes:
        if axis.panel != panel:
            continue
        out.append(f"* **{_AXIS_NAMES.get(axis.role, axis.role)}:**")
        out += [f"    {line}" for line in _axis_children(axis)]
    return out


def _axis_children(axis: Axis) -> list[str]:
    out = []
    if axis.label:
        out.append(f'* **Label:** "{_inline(axis.label)}"')
    if axis.unit:
        out.append(f"* **Unit:** {_inline(axis.unit)}")
    if axis.scale:
        out.append(f"* **Scale:** {_SCALE_WORDS[axis.scale]}")
    if axis.min is not None and axis.max is not None:
        out.append(f"* **Range:** {format_number(axis.min)} to {format_number(axis.max)}")
    elif axis.max is not None:
        out.append(f"* **Range:** up to {format_number(axis.max)}")
    return out


def _legend_lines(chart: Chart, add_series: bool = False) -> list[str]:
    """The legend as stated: its position only when the text gave one, and its entries.

    An entry is a bold label with its style after it (``* **Adam** (blue dashed line)``):
    a label made of style words (``Blue dots``) stays a label, and the style is read from
    the words after it only.
    """
    legend = chart.legend
    entries = list(legend.entries)
    if add_series:
        entries += [LegendEntry(label=name) for name in dict.fromkeys(
            s.name for s in chart.series if s.points) if all(e.label != name for e in entries)]
    if not entries and not legend.position:
        return []
    out = ["* **Legend:**"]
    if legend.position:
        out.append(f"    * **Position:** {legend.position}")
    for entry in entries:
        style = " ".join(w for w in (entry.color, entry.line_style) if w)
        words = [f"{style} line" if style else ""]
        if entry.marker:
            words.append(f"{entry.marker} markers")
        text = ", ".join(w for w in words if w)
        out.append(f"    * **{_inline(entry.label)}**" + (f" ({text})" if text else ""))
    return out


def _declarations(chart: Chart, panel: str | None) -> list[str]:
    """Series with no values stated, declared so that the reader keeps them.

    The reader drops a series without points or summary values unless the text declares
    it. With a legend, a ``Data Series`` list does; without one that list would become
    the legend, so a ``Data Points`` line names the series instead (the reader takes
    it when the name is a style, ``Orange dots``).
    """
    empty = [s for s in chart.series if s.panel == panel and not _has_values(s)
             and not _implied_by_legend(chart, s)]
    if not empty:
        return []
    if chart.legend.entries:
        return ["* **Data Series:**", *(f"    * **{_inline(s.name)}**" for s in empty)]
    return [f"* **Data Points:** {_inline(s.name)}" for s in empty]


def _has_values(series: Series) -> bool:
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
        words.append(_inline(color).lower())
    return " ".join(words)


def _analysis_lines(chart: Chart, layout: str, bold_panels: bool) -> list[str]:
    """Series outside any panel first, then each panel under its own heading."""
    panels: list[str | None] = [None, *(p.title for p in chart.panels)]
    panels += [s.panel for s in chart.series if s.panel not in panels]
    out: list[str] = []
    for panel in panels:
        group = [s for s in chart.series if s.panel == panel]
        if panel is not None:
            out.append(f"**{_inline(panel)}**" if bold_panels else f"#### {_inline(panel)}")
        filled = [s for s in group if s.points]
        tabled = bool(filled) and (layout == "columns" or (
            layout == "rows" and _labelled(chart, filled)))
        if tabled:
            out += _table_lines(chart, filled, panel, by_rows=layout == "rows")
        for number, series in enumerate(group, start=1):
            if _implied_by_legend(chart, series):
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
    return _inline(text).replace("|", "/")


def _implied_by_legend(chart: Chart, series: Series) -> bool:
    """An empty series that the reader makes anyway for a legend entry (in every panel).

    Left unwritten: besides being noise, a heading for it on a diagram would leave the
    reader a dropped series in its index, and the entry would then get none.
    """
    if _has_values(series) or series.summary.trend:
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
    return f"**{number}. {_inline(series.name)} ({described})**"


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
    approx = any(p.approx for p in series.points)
    out.append("* **Data Points (Approximate):**" if approx else "* **Data Points:**")
    label_x = chart.kind in SLICE_KINDS  # a pie's plain `* 1: 5` lines read as slices
    out += [_point_line(p, label_x) for p in ordered_points(chart, series)]
    return out


def _labelled(chart: Chart, group: list[Series] | None = None) -> bool:
    """Whether x values are labels here (category text, or any x of a pie or heatmap)."""
    return chart.kind in LABEL_KINDS or is_categorical(chart, group)


def _point_line(point: Point, label_x: bool) -> str:
    """``* 2.5: ~1.2`` for numeric x; ``* **Wheat:** 6.2`` for labels (and all pie slices)."""
    y = ("~" if point.approx else "") + format_number(point.y)
    if isinstance(point.x, str) or label_x:
        return f"* **{_inline(x_text(point.x))}:** {y}"
    return f"* {format_number(point.x)}: {y}"


def _inline(text: str | None) -> str:
    """One line of text with no Markdown emphasis markers that would end a bold span."""
    if text is None:
        return ""
    return " ".join(text.replace("**", "").split())
