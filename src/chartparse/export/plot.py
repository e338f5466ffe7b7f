"""The chart redrawn with matplotlib from the extracted data (``--to png`` / ``--to svg``).

Needs the ``plot`` extra. matplotlib is imported inside these functions only, and no
pyplot state is used: each call builds its own ``Figure`` on the Agg canvas, so rendering
is safe in worker threads and never opens a window.

What is drawn: the title (wrapped, never cut), one subplot per panel (titled) in the grid
the text states ("a 2x2 grid") or a compact one, axis labels, log scales with plain-number
ticks, the stated axis ranges (when the points fit inside them, padded so that markers on
a limit show whole), a legend when there are several series, series on the right axis on
a twin axis, category x as labelled positions (bars grouped side by side for bar-like
kinds, drawn horizontally when the chart's ``orientation`` is horizontal), histogram bins
as adjacent bars on a numeric axis, point labels as annotations, pies labelled with the
stated values (small slices outside, with leader lines), heatmaps as annotated matrices.
Colours are the stated ones (a series', or the legend's for a series or a category).
The figure grows with its content (categories, panels). A chart whose series have only
summaries draws the stated axes with the summaries written in the frame.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .bins import series_bins
from .common import (
    axis_for,
    is_categorical,
    panel_order,
    series_colors,
    series_dash,
    series_in,
    x_text,
)
from .layout import category_colors, grid_shape, wrap
from .plot_axes import (
    apply_scale,
    axis_labels,
    category_names,
    category_ticks,
    legend,
    values_of,
)
from .plot_panels import heatmap, histogram, summary_panel, summary_text
from .plot_pie import draw_pie

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..models import Chart, Series

BAR_KINDS = frozenset({"bar", "histogram", "box"})
LINESTYLES = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
MARKERS = {
    "circle": "o", "circles": "o", "dot": "o", "square": "s", "squares": "s",
    "triangle": "^", "triangles": "^", "diamond": "D", "diamonds": "D", "cross": "x",
    "x": "x", "star": "*", "stars": "*", "plus": "+", "pentagon": "p", "hexagon": "h",
}
IMAGE_FORMATS = ("png", "svg", "pdf")


def figure(chart: Chart) -> Figure:
    """A matplotlib Figure of the chart (not attached to pyplot), laid out."""
    try:
        from matplotlib.figure import Figure
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "--to png/svg and chartparse.plot() need matplotlib: pip install 'chartparse[plot]'"
        ) from err
    panels = _panels(chart)
    rows, cols = grid_shape(len(panels), chart.panel_grid)
    cell_width, cell_height = _cell_size(chart, panels)
    width = min(cell_width * cols, MAX_WIDTH)
    title = wrap(chart.title, int(width * CHARS_PER_INCH_12PT)) if chart.title else ""
    title_height = 0.3 * (title.count("\n") + 1) if title else 0.0
    height = min(cell_height * rows + title_height, MAX_HEIGHT)
    fig = Figure(figsize=(width, height))
    grid = fig.subplots(rows, cols, squeeze=False)
    panel_chars = int(width / cols * CHARS_PER_INCH_10PT)
    for index, panel in enumerate(panels):
        ax = grid[index // cols][index % cols]
        _draw_panel(ax, chart, panel)
        if panel is not None:
            ax.set_title(wrap(panel, panel_chars), fontsize=10)
    for index in range(len(panels), rows * cols):
        grid[index // cols][index % cols].set_axis_off()
    _fit(fig, title)
    return fig


def _fit(fig: Figure, title: str) -> None:
    """Lay the panels out around their labels, below a band kept for the figure title."""
    import warnings

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)  # text extents need a renderer
    height = fig.get_figheight()
    band = (0.22 * (title.count("\n") + 1) + 0.12) / height if title else 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "not compatible with tight_layout" (colour bars)
        fig.tight_layout(rect=(0.0, 0.0, 1.0, 1.0 - band))
    if title:
        fig.suptitle(title, fontsize=12, fontweight="bold", y=1.0 - 0.06 / height, va="top")


# Characters of text that fit in an inch, for wrapping titles (average glyph width).
CHARS_PER_INCH_12PT = 72 / (12 * 0.62)
CHARS_PER_INCH_10PT = 72 / (10 * 0.6)
MAX_WIDTH, MAX_HEIGHT = 24.0, 36.0  # inches; 2400 x 3600 px at 100 dpi


def _panels(chart: Chart) -> list[str | None]:
    """Panels with points; when no series has points, the panels with stated summaries
    (or, with none, every panel named)."""
    order = panel_order(chart)
    if order:
        return order
    summed = [s.panel for s in chart.series if summary_text(s)]
    known: list[str | None] = [p.title for p in chart.panels if p.title in summed]
    rest = [p for p in dict.fromkeys(summed) if p not in known]
    # Nothing but panel titles read: their empty frames, in the stated grid.
    return [*known, *rest] or [p.title for p in chart.panels] or [None]


def _cell_size(chart: Chart, panels: list[str | None]) -> tuple[float, float]:
    """Width and height (inches) of one grid cell, grown to the densest panel's content."""
    width, height = (7.0, 5.0) if len(panels) == 1 else (4.6, 3.6)
    for panel in panels:
        need_width, need_height = _content_size(chart, series_in(chart, panel))
        width, height = max(width, need_width), max(height, need_height)
    return min(width, 16.0), min(height, 14.0)


def _content_size(chart: Chart, group: list[Series]) -> tuple[float, float]:
    if not group:
        return 0.0, 0.0
    if chart.kind == "pie":
        return 7.5, 4.8
    categories = category_names(group)
    longest = min(max((len(c) for c in categories), default=0), 40)
    if chart.kind == "heatmap":
        rows = len({s.name for s in group})
        return 2.5 + 0.75 * len(categories) + 0.06 * longest, 1.6 + 0.45 * rows
    legend_height = 0.22 * max(len(group) - 6, 0)
    if not (is_categorical(chart, group) or chart.kind in BAR_KINDS) or (
            chart.kind == "histogram" and series_bins(group, allow_others=True) is not None):
        return 0.0, 3.0 + legend_height
    bars = max(len(group), 1) if chart.kind in BAR_KINDS else 1
    if chart.orientation == "horizontal":
        return 3.0 + 0.07 * longest, 1.2 + 0.28 * len(categories) * bars + legend_height
    label_height = 0.05 * longest if (len(categories) > 6 or longest > 10) else 0.0
    return 1.5 + 0.3 * len(categories) * bars, 3.0 + label_height + legend_height


def lay_out(fig: Figure) -> None:
    """Draw the figure once, so that its texts know their extents (for inspection)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()


def render(chart: Chart, fmt: str = "png", *, dpi: int = 100) -> bytes:
    """The chart as image bytes (``png``, ``svg`` or ``pdf``)."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"cannot draw {fmt!r}; choose from {', '.join(IMAGE_FORMATS)}")
    fig = figure(chart)
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig.set_dpi(dpi)
    canvas: Any = FigureCanvasAgg(fig)
    if fmt == "svg":
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        canvas = FigureCanvasSVG(fig)
    elif fmt == "pdf":
        from matplotlib.backends.backend_pdf import FigureCanvasPdf

        canvas = FigureCanvasPdf(fig)
    out = io.BytesIO()
    # No timestamps and fixed SVG ids, so the same chart always gives the same file.
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt)
    # The canvas's print method draws once; Figure.savefig would draw twice.
    with matplotlib.rc_context({"svg.hashsalt": "chartparse"}):
        getattr(canvas, f"print_{fmt}")(out, metadata=metadata)
    return out.getvalue()


def png(chart: Chart) -> bytes:
    return render(chart, "png")


def svg(chart: Chart) -> str:
    return render(chart, "svg").decode("utf-8")


def plot(chart: Chart, path: str | os.PathLike[str], *, dpi: int = 100) -> Path:
    """Draw ``chart`` to ``path``; the format comes from the suffix (.png, .svg, .pdf).

    The file is written whole (temp file + rename) and its path returned.
    """
    from ..output import write_atomic

    target = Path(path)
    fmt = target.suffix.lower().lstrip(".") or "png"
    write_atomic(target, render(chart, fmt, dpi=dpi))
    return target


# -- one panel ------------------------------------------------------------------------

def _draw_panel(ax: Axes, chart: Chart, panel: str | None) -> None:
    group = series_in(chart, panel)
    if not group:
        summary_panel(ax, chart, panel)
        return
    if chart.kind == "pie":
        draw_pie(ax, chart, group)
        return
    if chart.kind == "heatmap":
        heatmap(ax, chart, group, panel)
        return
    if chart.kind == "histogram":
        bins = series_bins(group, allow_others=True)
        if bins is not None:
            histogram(ax, chart, group, panel, bins)
            return
    horizontal = chart.orientation == "horizontal"
    categorical = is_categorical(chart, group) or chart.kind in BAR_KINDS
    categories = category_names(group) if categorical else []
    left = [s for s in group if s.axis != "y2" or horizontal]
    right = [s for s in group if s.axis == "y2" and not horizontal]
    twin = ax.twinx() if right and left else None
    bars = [s for s in group if chart.kind in BAR_KINDS or (categorical and chart.kind not in (
        "line", "area", "scatter"))]
    for series in group:
        target = twin if (twin is not None and series in right) else ax
        slot = bars.index(series) if series in bars else None
        _draw_series(target, chart, series, categories, (slot, len(bars)), horizontal=horizontal)
    axis_labels(ax, chart, panel, twin=twin, right_only=bool(right and not left))
    if horizontal:
        category_ticks(ax, categories, horizontal=True)
        apply_scale(ax, "x", axis_for(chart, "x", panel), values_of(group, "y"),
                    baseline=bool(bars))
        legend(ax, chart, group, None)
        return
    if categorical:
        category_ticks(ax, categories, horizontal=False)
    else:
        apply_scale(ax, "x", axis_for(chart, "x", panel), values_of(group, "x"))
    apply_scale(ax, "y", axis_for(chart, "y2" if right and not left else "y", panel),
                values_of(left or right, "y"), baseline=bool(bars))
    if twin is not None:
        apply_scale(twin, "y", axis_for(chart, "y2", panel), values_of(right, "y"),
                    baseline=bool(bars))
    legend(ax, chart, group, twin)


def _draw_series(ax: Axes, chart: Chart, series: Series, categories: list[str],
                 slots: tuple[int | None, int], *, horizontal: bool = False) -> None:
    color = series_colors(chart).get(series.name)
    style = LINESTYLES.get(series_dash(chart, series) or "solid", "-")
    marker = MARKERS.get((series.marker or "").lower().split(" ")[-1], "o")
    label = series.name + (" (right axis)" if series.axis == "y2" and not horizontal else "")
    if categories:
        xs: list[float] = [categories.index(x_text(p.x)) for p in series.points]
    else:
        xs = [float(p.x) for p in series.points]
    ys = [float(p.y) for p in series.points]
    slot, count = slots

    def place(at: list[float], values: list[float]) -> tuple[list[float], list[float]]:
        """(horizontal, vertical) coordinates: with horizontal bars the categories run
        down the y axis."""
        return (values, at) if horizontal else (at, values)

    if slot is not None:
        width = 0.8 / max(count, 1)
        at = [x + (slot - (count - 1) / 2) * width for x in xs]
        by_category = category_colors(chart, categories) if count == 1 and categories else {}
        fill: Any = [by_category[x_text(p.x)] for p in series.points] if by_category else color
        if horizontal:
            ax.barh(at, ys, height=width, color=fill, label=label, edgecolor="black",
                    linewidth=0.4)
        else:
            ax.bar(at, ys, width=width, color=fill, label=label, edgecolor="black",
                   linewidth=0.4)
    elif chart.kind == "scatter":
        ax.scatter(*place(xs, ys), color=color, marker=marker, label=label, zorder=3)
    else:
        order = sorted(range(len(xs)), key=xs.__getitem__) if not categories else range(len(xs))
        sx, sy = [xs[i] for i in order], [ys[i] for i in order]
        (line,) = ax.plot(*place(sx, sy), color=color, linestyle=style, marker=marker,
                          markersize=4, label=label)
        if chart.kind == "area" and not horizontal:
            ax.fill_between(sx, sy, alpha=0.25, color=line.get_color())
    for x, p in zip(xs, series.points, strict=True):
        if p.label:
            (across,), (up,) = place([x], [float(p.y)])
            ax.annotate(p.label, (across, up), textcoords="offset points", xytext=(4, 4),
                        fontsize=7)


