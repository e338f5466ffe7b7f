"""A Chart written back as a canonical Markdown description (``--to md``).

A true round trip: ``parse(to_markdown(chart))`` gives the same kind, title, axes
(label, unit, scale, range), legend (position only when the chart has one, entries with
their styles), panels, series (names exactly, with their summaries, including series
with no points) and points (x, y, approx) as ``chart`` for every chart chartparse reads.
The form is one the reader already reads, in the style models write::

    ## Line Chart: <title>                 (no heading without a title: "Chart Type" line)
    ### Components/Axes
    * **Panel Titles:** "<a>", "<b>"      (multi-panel charts)
    * **X-Axis:**
        * **Label:** "<label>"
        * **Unit:** <unit>
        * **Scale:** logarithmic
        * **Range:** <min> to <max>
    * **Legend:**
        * **Position:** <position>        (only when stated)
        * **<label>** (<color> <style> line, <marker> markers)
    #### <panel title>                     (each panel's own axes)
    ### Detailed Analysis
    #### <panel title>
    **1. <name> (<Color> Line)**
    * The values go from <start> to <end>.
    * The values stay between <min> and <max>.
    * **Trend:** <trend>
    * <x>: ~<y>                          (numeric x, ascending)
    * **<category>:** ~<y>               (category x, in the stated order)

The reader has blind spots, so :func:`to_markdown` renders a few layouts, reads each
back, and keeps the first that returns every fact (else the one that loses the fewest,
points counting first): points as bullets under a series heading; the same without the
heading where a panel has one series (on a bar chart an unknown heading reads as a
category); a table with a row per series (``| Series \\ Site | Site A | Site B |``,
first for heatmaps); a table with a column per series; panels as bold lines instead of
headings (a long heading reads as a sentence).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..models import LegendEntry
from .common import format_number, x_text
from .md_analysis import analysis_lines, has_values, implied_by_legend, inline, labelled
from .table import ordered_points

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Axis, Chart

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

_AXIS_NAMES = {"x": "X-Axis", "y": "Y-Axis", "y2": "Y-Axis (Right)", "x2": "X-Axis (Top)"}


def to_markdown(chart: Chart) -> str:
    """The chart as a Markdown description chartparse reads back to the same chart.

    Each layout is read back and compared with ``chart`` fact by fact (see
    :func:`facts`); the first that comes back whole is returned, else the one that
    loses the fewest facts. As a last resort, when every layout loses points (a chart
    built by hand that the reader would never make, such as bars at numeric x in a series
    the legend does not name), the series are also listed in the legend if that keeps
    more points: points are worth more than an exact legend.
    """
    if chart.kind == "heatmap":
        layouts: tuple[str, ...] = ("rows", "bullets", "bare", "columns")
    elif labelled(chart):
        layouts = ("bullets", "bare", "rows", "columns")
    else:
        layouts = ("bullets", "bare", "columns")  # numeric x: a header row would make x text
    tries = [(layout, False) for layout in layouts]
    if chart.panels:
        tries += [(layout, True) for layout in layouts]
    best_text, best_misses = "", -1
    for layout, bold_panels in tries:
        text = render(chart, layout, bold_panels=bold_panels)
        misses = round_trip_misses(chart, text)
        if misses == 0:
            return text
        if best_misses < 0 or misses < best_misses:
            best_text, best_misses = text, misses
    lost = points_lost(chart, best_text)
    for layout, bold_panels in tries:
        if lost == 0:
            break
        text = render(chart, layout, bold_panels=bold_panels, legend_names=True)
        text_lost = points_lost(chart, text)
        if text_lost < lost:
            best_text, lost = text, text_lost
    return best_text


def points_lost(chart: Chart, text: str) -> int:
    """How many points of ``chart`` do not come back (in their place) when ``text`` is read."""
    from ..api import parse

    want = Counter(f for f in facts(chart).elements() if f[0] == "point")
    got = Counter(f for f in facts(parse(text)).elements() if f[0] == "point")
    return sum((want - got).values()) + sum((got - want).values())


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
        lines += [f"#### {inline(panel.title)}", *_axes_lines(chart, panel.title),
                  *_declarations(chart, panel.title)]
    lines += ["### Detailed Analysis", *analysis_lines(chart, layout, bold_panels)]
    if chart.observations:
        lines.append("### Key Observations")
        lines += [f"* {inline(text)}" for text in chart.observations]
    if chart.interpretation:
        lines += ["### Interpretation", inline(chart.interpretation)]
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
        out = [f"## {heading}: {inline(filled[0].name)}", "### Components/Axes"]
        if title:
            out.append(f'* **Chart Title:** "{inline(title)}"')
        return out
    if title is None:
        return ["### Components/Axes", *kind_line]
    if chart.kind == "other":
        return ["### Components/Axes", f'* **Chart Title:** "{inline(title)}"']
    return [f"## {heading}: {inline(title)}", "### Components/Axes"]


def _panel_list(chart: Chart) -> list[str]:
    """``* **Panel Titles:** "A", "B"``: the reader then takes those headings as panels."""
    if not chart.panels:
        return []
    return ["* **Panel Titles:** " + ", ".join(f'"{inline(p.title)}"' for p in chart.panels)]


_SCALE_WORDS = {"log": "logarithmic", "linear": "linear", "categorical": "categorical"}


def _axes_lines(chart: Chart, panel: str | None) -> list[str]:
    """Each axis as a key with ``Label``, ``Unit``, ``Scale`` and ``Range`` child lines."""
    out = []
    for axis in chart.axes:
        if axis.panel != panel:
            continue
        key = f"* **{_AXIS_NAMES.get(axis.role, axis.role)}:**"
        label = inline(axis.label) if axis.label else ""
        if label and not any(c.isascii() and c.isalnum() for c in label):
            # The reader takes a 'Label:' line of symbols only ('α') for 'no label'; a
            # label stated on the axis line itself it keeps (and, with no digits or
            # words in it, it reads no range or scale from it).
            out.append(f'{key} Labeled "{label}".')
            label = ""
        else:
            out.append(key)
        out += [f"    {line}" for line in _axis_children(axis, label)]
    return out


def _axis_children(axis: Axis, label: str) -> list[str]:
    out = []
    if label and any(q in label for q in '"“”'):
        out.append(f"* **Label:** {label}")  # quotes inside: the reader would cut at them
    elif label:
        out.append(f'* **Label:** "{label}"')
    if axis.unit:
        out.append(f"* **Unit:** {inline(axis.unit)}")
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
        out.append(f"    * **{inline(entry.label)}**" + (f" ({text})" if text else ""))
    return out


def _declarations(chart: Chart, panel: str | None) -> list[str]:
    """Series with no values stated, declared so that the reader keeps them.

    The reader drops a series without points or summary values unless the text declares
    it. With a legend, a ``Data Series`` list does; without one that list would become
    the legend, so a ``Data Points`` line names the series instead (the reader takes
    it when the name is a style, ``Orange dots``).
    """
    empty = [s for s in chart.series if s.panel == panel and not has_values(s)
             and not implied_by_legend(chart, s)]
    if not empty:
        return []
    if chart.legend.entries:
        return ["* **Data Series:**", *(f"    * **{inline(s.name)}**" for s in empty)]
    return [f"* **Data Points:** {inline(s.name)}" for s in empty]
