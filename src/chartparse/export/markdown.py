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

from collections import Counter
from typing import TYPE_CHECKING

from .common import (
    axis_for,
    color_words,
    format_number,
    is_categorical,
    panel_order,
    series_dash,
    series_in,
    x_text,
)

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
    """The chart as a Markdown description chartparse reads back to the same points."""
    if not _labelled(chart):
        return render(chart, "bullets")
    layouts = ("rows", "bullets", "columns") if chart.kind == "heatmap" else (
        "bullets", "rows", "columns")
    best_text, best_misses = "", -1
    for layout in layouts:
        text = render(chart, layout)
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


def round_trip_misses(chart: Chart, text: str) -> int:
    """How many points of ``chart`` do not come back when ``text`` is read."""
    from ..api import parse

    want = point_keys(chart)
    got = point_keys(parse(text))
    return sum((want - got).values()) + sum((got - want).values())


def render(chart: Chart, layout: str = "bullets") -> str:
    """The description with category points as ``bullets`` or one table per panel.

    Tables have a row per series (``rows``) or a column per series (``columns``).
    """
    lines: list[str] = []
    heading = KIND_HEADINGS.get(chart.kind, "Chart")
    title = chart.title
    explicit: list[str] = []
    filled = [s for s in chart.series if s.points]
    if chart.kind == "pie" and len(filled) == 1 and filled[0].name != chart.title:
        # A pie's one series is named by the heading's title (the reader's convention);
        # the chart's own title then goes on an explicit title line.
        title = filled[0].name
        if chart.title:
            explicit = [f'* **Chart Title:** "{_inline(chart.title)}"']
    lines.append(f"## {heading}: {_inline(title)}" if title else f"## {heading}")
    lines += ["### Overview", _overview(chart)]
    lines += ["### Components/Axes", *explicit, *_axes_lines(chart), *_legend_lines(chart)]
    lines += ["### Detailed Analysis", *_analysis_lines(chart, layout)]
    if chart.observations:
        lines.append("### Key Observations")
        lines += [f"* {_inline(text)}" for text in chart.observations]
    if chart.interpretation:
        lines += ["### Interpretation", _inline(chart.interpretation)]
    return "\n".join(lines) + "\n"


def _overview(chart: Chart) -> str:
    kind = KIND_HEADINGS.get(chart.kind, "chart").lower()
    article = "An" if kind[0] in "aeiou" else "A"
    names = _series_names(chart)
    panels = [p for p in panel_order(chart) if p is not None]
    parts = [f"{article} {kind}"]
    if len(panels) > 1:
        parts.append(f"in {len(panels)} panels")
    if names:
        noun = "series" if len(names) > 1 else "data series"
        parts.append(f"with {len(names)} {noun}")
    return " ".join(parts) + "."


def _axes_lines(chart: Chart) -> list[str]:
    out = []
    for axis in chart.axes:
        if axis.panel is not None:
            continue
        text = _axis_text(axis)
        if text:
            out.append(f"* **{_AXIS_NAMES.get(axis.role, axis.role)}:** {text}")
    return out


def _axis_text(axis: Axis) -> str:
    parts = []
    if axis.label:
        parts.append(f'Labeled "{_inline(axis.label)}".')
    if axis.scale == "categorical":
        parts.append("The axis is categorical.")
    elif axis.min is not None and axis.max is not None:
        log = "is logarithmic and " if axis.scale == "log" else ""
        parts.append(
            f"The scale {log}runs from {format_number(axis.min)} to {format_number(axis.max)}."
        )
    elif axis.scale == "log":
        parts.append("The scale is logarithmic.")
    return " ".join(parts)


def _series_names(chart: Chart) -> list[str]:
    names: list[str] = []
    for s in chart.series:
        if s.points and s.name not in names:
            names.append(s.name)
    return names


def _legend_lines(chart: Chart) -> list[str]:
    names = _series_names(chart)
    if not names:
        return []
    position = chart.legend.position or "top right"
    position = position.replace("-", " ")
    word = "entry" if len(names) == 1 else "entries"
    out = [f"* **Legend:** Positioned at the {position}. It contains {len(names)} {word}:"]
    mark = MARK_WORDS.get(chart.kind, "line")
    for name in names:
        series = next(s for s in chart.series if s.name == name)
        style = _style_words(chart, series)
        out.append(f"* **{_inline(name)}:** {(style + ' ' + mark).strip().capitalize()}.")
    return out


def _style_words(chart: Chart, series: Series) -> str:
    words = []
    dash = series_dash(chart, series)
    if dash and dash != "solid":
        words.append({"dashdot": "dash-dot"}.get(dash, dash))
    color = color_words(chart, series)
    if color and not color.startswith("#"):
        words.append(_inline(color).lower())
    return " ".join(words)


def _analysis_lines(chart: Chart, layout: str) -> list[str]:
    panels = panel_order(chart)
    multi = len(panels) > 1 or (bool(panels) and panels[0] is not None)
    if None in panels and multi:
        # Series outside the panels go last: before the first panel heading they would
        # keep the reader from putting later series into panels.
        panels = [p for p in panels if p is not None] + [None]
    out: list[str] = []
    for panel in panels:
        if multi:
            out.append(f"#### {_inline(panel) if panel is not None else 'All Panels'}")
        group = series_in(chart, panel)
        if layout != "bullets" and _labelled(chart, group):
            out += _table_lines(chart, group, panel, by_rows=layout == "rows")
            continue
        for number, series in enumerate(group, start=1):
            out += _series_lines(chart, series, number)
    return out


def _table_lines(chart: Chart, group: list[Series], panel: str | None, *,
                 by_rows: bool) -> list[str]:
    """One table: a row per series (header ``Series \\ X``) or a column per series."""
    names: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    xs: list[str] = []
    for s in group:
        if s.name not in names:
            names.append(s.name)
        for p in s.points:
            x = p.x if isinstance(p.x, str) else format_number(p.x)
            if x not in xs:
                xs.append(x)
            cells[(s.name, x)] = ("~" if p.approx else "") + format_number(p.y)
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


def _cell(text: str) -> str:
    return _inline(text).replace("|", "/")


def _series_lines(chart: Chart, series: Series, number: int) -> list[str]:
    mark = MARK_WORDS.get(chart.kind, "line")
    style = _style_words(chart, series)
    described = " ".join(w.capitalize() for w in f"{style} {mark}".split())
    if series.axis == "y2":
        described += ", right axis"
    out = [f"**{number}. {_inline(series.name)} ({described})**"]
    if series.summary.trend and not any(c.isdigit() for c in series.summary.trend):
        out.append(f"* **Trend:** {_inline(series.summary.trend)}")
    approx = any(p.approx for p in series.points)
    out.append("* **Data Points (Approximate):**" if approx else "* **Data Points:**")
    label_x = chart.kind in SLICE_KINDS  # a pie's plain `* 1: 5` lines read as slices
    out += [_point_line(p, label_x) for p in series.points]
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
