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
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .bins import series_bins
from .common import (
    axis_for,
    format_number,
    is_categorical,
    panel_order,
    series_colors,
    series_dash,
    series_in,
    x_text,
)
from .layout import category_colors, grid_shape, wrap
from .plot_pie import draw_pie

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..models import Axis, Chart, Series

BAR_KINDS = frozenset({"bar", "histogram", "box"})
LINESTYLES = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
MARKERS = {
    "circle": "o", "circles": "o", "dot": "o", "square": "s", "squares": "s",
    "triangle": "^", "triangles": "^", "diamond": "D", "diamonds": "D", "cross": "x",
    "x": "x", "star": "*", "stars": "*", "plus": "+", "pentagon": "p", "hexagon": "h",
}
# The Axes.legend ``loc`` strings used here (a subset of matplotlib's LegendLocType).
_LegendLoc = Literal["upper right", "upper left", "lower right", "lower left", "upper center",
                    "lower center", "center", "center right", "center left", "best"]
LEGEND_LOCATIONS: dict[str, _LegendLoc] = {
    "top-right": "upper right", "upper-right": "upper right", "top-left": "upper left",
    "upper-left": "upper left", "bottom-right": "lower right", "lower-right": "lower right",
    "bottom-left": "lower left", "lower-left": "lower left", "top": "upper center",
    "bottom": "lower center", "center": "center", "right": "center right",
    "left": "center left",
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
    summed = [s.panel for s in chart.series if _summary_text(s)]
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
    categories = _categories(group)
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
        _summary_panel(ax, chart, panel)
        return
    if chart.kind == "pie":
        draw_pie(ax, chart, group)
        return
    if chart.kind == "heatmap":
        _heatmap(ax, chart, group, panel)
        return
    if chart.kind == "histogram":
        bins = series_bins(group, allow_others=True)
        if bins is not None:
            _histogram(ax, chart, group, panel, bins)
            return
    horizontal = chart.orientation == "horizontal"
    categorical = is_categorical(chart, group) or chart.kind in BAR_KINDS
    categories = _categories(group) if categorical else []
    left = [s for s in group if s.axis != "y2" or horizontal]
    right = [s for s in group if s.axis == "y2" and not horizontal]
    twin = ax.twinx() if right and left else None
    bars = [s for s in group if chart.kind in BAR_KINDS or (categorical and chart.kind not in (
        "line", "area", "scatter"))]
    for series in group:
        target = twin if (twin is not None and series in right) else ax
        slot = bars.index(series) if series in bars else None
        _draw_series(target, chart, series, categories, (slot, len(bars)), horizontal=horizontal)
    _axis_labels(ax, chart, panel, twin=twin, right_only=bool(right and not left))
    if horizontal:
        _category_ticks(ax, categories, horizontal=True)
        _apply_scale(ax, "x", axis_for(chart, "x", panel), _values(group, "y"),
                     baseline=bool(bars))
        _legend(ax, chart, group, None)
        return
    if categorical:
        _category_ticks(ax, categories, horizontal=False)
    else:
        _apply_scale(ax, "x", axis_for(chart, "x", panel), _values(group, "x"))
    _apply_scale(ax, "y", axis_for(chart, "y2" if right and not left else "y", panel),
                 _values(left or right, "y"), baseline=bool(bars))
    if twin is not None:
        _apply_scale(twin, "y", axis_for(chart, "y2", panel), _values(right, "y"),
                     baseline=bool(bars))
    _legend(ax, chart, group, twin)


def _category_ticks(ax: Axes, categories: list[str], *, horizontal: bool) -> None:
    if horizontal:
        ax.set_yticks(range(len(categories)))
        ax.set_yticklabels([wrap(c, 28) for c in categories], fontsize=8)
        ax.set_ylim(len(categories) - 0.5, -0.5)  # the first category on top, as read
        return
    ax.set_xticks(range(len(categories)))
    rotate = len(categories) > 6 or max((len(c) for c in categories), default=0) > 10
    ax.set_xticklabels(categories, rotation=30 if rotate else 0,
                       ha="right" if rotate else "center", fontsize=8,
                       rotation_mode="anchor" if rotate else "default")


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


def _histogram(ax: Axes, chart: Chart, group: list[Series], panel: str | None,
               bins: dict[str, tuple[float, float]]) -> None:
    """Adjacent bars on a numeric axis, one per bin; several series overlap, see-through."""
    colors = series_colors(chart)
    overlap = len({s.name for s in group}) > 1
    others = [f"{x_text(p.x)}: {format_number(p.y)}" for s in group for p in s.points
              if x_text(p.x) not in bins]
    for series in group:
        drawn = [p for p in series.points if x_text(p.x) in bins]
        spans = [bins[x_text(p.x)] for p in drawn]
        ax.bar([lo for lo, _ in spans], [float(p.y) for p in drawn],
               width=[hi - lo for lo, hi in spans], align="edge", color=colors.get(series.name),
               alpha=0.55 if overlap else 1.0, edgecolor="black", linewidth=0.5,
               label=series.name)
    _axis_labels(ax, chart, panel)
    if others:  # points read as bins that are not ranges: said under the axis, not dropped
        note = wrap("not a bin, not drawn: " + "; ".join(others), 90)
        ax.set_xlabel(f"{ax.get_xlabel()}\n{note}".strip())
    edges = sorted({edge for lo_hi in bins.values() for edge in lo_hi})
    if len(edges) <= 16:  # ticks on the bin edges, as a histogram's axis is usually drawn
        ax.set_xticks(edges)
        labels = _same_decimals(edges)
        crowded = sum(len(label) + 2 for label in labels) > 70
        ax.set_xticklabels(labels, fontsize=8, rotation=30 if crowded else 0)
    _apply_scale(ax, "x", axis_for(chart, "x", panel), edges)
    heights = [float(p.y) for s in group for p in s.points if x_text(p.x) in bins]
    _apply_scale(ax, "y", axis_for(chart, "y", panel), heights, baseline=True)
    _legend(ax, chart, group, None)


def _same_decimals(values: list[float]) -> list[str]:
    """``2.75, 3.00, 3.25``: every number with as many decimals as the most precise one."""
    texts = [format_number(v) for v in values]
    decimals = max((len(t.split(".")[1]) for t in texts if "." in t and "e" not in t), default=0)
    return [f"{v:.{decimals}f}" for v in values] if decimals <= 6 else texts


def _summary_panel(ax: Axes, chart: Chart, panel: str | None) -> None:
    """A panel whose series have no points: the stated axes, and the stated summaries."""
    stated = [s for s in chart.series if s.panel == panel]
    notes = [text + (" (right axis)" if s.axis == "y2" else "")
             for s in stated for text in [_summary_text(s)] if text]
    ax.text(0.03, 0.97, "\n".join(notes) if notes else "no data points", va="top",
            ha="left", transform=ax.transAxes, fontsize=8, color="0.3")
    right = axis_for(chart, "y2", panel)
    twin = ax.twinx() if right is not None and (
        right.label or right.min is not None or any(s.axis == "y2" for s in stated)) else None
    _axis_labels(ax, chart, panel, twin=twin)
    for target, which, role in ((ax, "x", "x"), (ax, "y", "y"), (twin, "y", "y2")):
        axis = axis_for(chart, role, panel)
        if target is None:
            continue
        words = [t for t in axis.ticks if isinstance(t, str)] if axis is not None else []
        if words:
            _category_ticks(target, words, horizontal=which == "y")
        elif axis is not None and axis.min is not None and axis.max is not None:
            _apply_scale(target, which, axis, [])
        elif which == "y":  # no stated range: the span of the stated summaries
            numbers = [float(v) for s in stated if (s.axis == "y2") == (role == "y2")
                       for v in (s.summary.start, s.summary.end, s.summary.min, s.summary.max)
                       if v is not None]
            if numbers and min(numbers) < max(numbers):
                _set_limits(target, "y", min(numbers), max(numbers), log=False, baseline=False)


def _summary_text(series: Series) -> str:
    summary = series.summary
    parts = []
    if summary.start is not None or summary.end is not None:
        parts.append(f"from {_number(summary.start)} to {_number(summary.end)}")
    if summary.min is not None:
        parts.append(f"min {_number(summary.min)}")
    if summary.max is not None:
        parts.append(f"max {_number(summary.max)}")
    if summary.trend:
        parts.append(summary.trend)
    return f"{series.name}: {', '.join(parts)}" if parts else ""


def _number(value: float | None) -> str:
    return "?" if value is None else format_number(value)


def _heatmap(ax: Axes, chart: Chart, group: list[Series], panel: str | None) -> None:
    rows: list[str] = []
    for s in group:
        if s.name not in rows:
            rows.append(s.name)
    cols = _categories(group)
    grid = [[math.nan] * len(cols) for _ in rows]
    for s in group:
        for p in s.points:
            grid[rows.index(s.name)][cols.index(x_text(p.x))] = float(p.y)
    image = ax.imshow(grid, cmap="viridis", aspect="auto")
    ax.figure.colorbar(image, ax=ax)
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels(cols, rotation=30 if len(cols) > 4 else 0, fontsize=8,
                       ha="right" if len(cols) > 4 else "center")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(rows, fontsize=8)
    finite = [v for row in grid for v in row if not math.isnan(v)]
    middle = (min(finite) + max(finite)) / 2 if finite else 0.0
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if not math.isnan(value):
                ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=8,
                        color="black" if value > middle else "white")
    _axis_labels(ax, chart, panel)


# -- axes, scales, legend ---------------------------------------------------------------

def _axis_labels(ax: Axes, chart: Chart, panel: str | None, *, twin: Axes | None = None,
                 right_only: bool = False) -> None:
    x_axis = axis_for(chart, "x", panel)
    y_axis = axis_for(chart, "y2" if right_only else "y", panel)
    if x_axis is not None and x_axis.label:
        ax.set_xlabel(wrap(x_axis.label, 60))
    if y_axis is not None and y_axis.label:
        ax.set_ylabel(wrap(y_axis.label, 40))
    y2_axis = axis_for(chart, "y2", panel)
    if twin is not None and y2_axis is not None and y2_axis.label:
        twin.set_ylabel(wrap(y2_axis.label, 40))


def _apply_scale(ax: Axes, which: str, axis: Axis | None, values: list[float], *,
                 baseline: bool = False) -> None:
    """Log scale, and the stated range when every value fits inside it.

    ``baseline``: bars grow from this axis's zero, which is not padded away.
    """
    if axis is None:
        return
    lo = float(axis.min) if axis.min is not None else None
    hi = float(axis.max) if axis.max is not None else None
    log = axis.scale == "log" and all(v > 0 for v in values) and (
        bool(values) or (lo is not None and lo > 0))
    if log:
        (ax.set_xscale if which == "x" else ax.set_yscale)("log")
    if lo is not None and hi is not None and lo < hi and all(lo <= v <= hi for v in values) and (
            not log or lo > 0):
        _set_limits(ax, which, lo, hi, log=log, baseline=baseline)
    if log:
        _log_ticks(ax, which)


PAD = 0.03  # of the axis length, beyond each stated limit: markers there show whole


def _set_limits(ax: Axes, which: str, lo: float, hi: float, *, log: bool,
                baseline: bool) -> None:
    if log:
        factor = (hi / lo) ** PAD
        low, high = lo / factor, hi * factor
    else:
        pad = PAD * (hi - lo)
        low, high = (lo if baseline and lo == 0 else lo - pad), hi + pad
    (ax.set_xlim if which == "x" else ax.set_ylim)(low, high)


def _log_ticks(ax: Axes, which: str) -> None:
    """Plain-number ticks on a log axis: 1-2-5 steps over up to two decades (every
    integer multiple under one decade), decades beyond; minor ticks unlabelled."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    low, high = sorted(ax.get_xlim() if which == "x" else ax.get_ylim())
    if low <= 0:
        return
    decades = math.log10(high / low)
    subs: tuple[float, ...] = (
        tuple(float(k) for k in range(1, 10)) if decades < 1
        else (1.0, 2.0, 5.0) if decades <= 2.2 else (1.0,))
    target = ax.xaxis if which == "x" else ax.yaxis
    target.set_major_locator(LogLocator(base=10, subs=subs, numticks=12))
    target.set_major_formatter(FuncFormatter(lambda value, _pos: _tick(value)))
    target.set_minor_formatter(NullFormatter())


def _legend(ax: Axes, chart: Chart, group: list[Series], twin: Axes | None) -> None:
    names = {s.name for s in group}
    if len(names) < 2 and not (names and chart.legend.entries):
        return
    handles, labels = ax.get_legend_handles_labels()
    by_category = category_colors(chart, _categories(group)) if (
        len(names) == 1 and ax.patches) else {}
    if by_category:  # one series of bars, each in the colour the legend gives its category
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=c, edgecolor="black", linewidth=0.4) for c in by_category.values()]
        labels = list(by_category)
    if twin is not None:
        more_handles, more_labels = twin.get_legend_handles_labels()
        handles += more_handles
        labels += more_labels
    seen: dict[str, Artist] = {}
    for handle, label in zip(handles, labels, strict=True):
        seen.setdefault(label, handle)
    position = (chart.legend.position or "").lower().replace(" ", "-")
    ax.legend(list(seen.values()), list(seen), loc=LEGEND_LOCATIONS.get(position, "best"),
              fontsize=8)


def _tick(value: float) -> str:
    """``0.1``, ``10``, ``1000``, then ``1e5``, ``1e6`` for large or tiny log ticks."""
    if value == 0 or 1e-4 <= abs(value) < 1e5:
        return f"{value:g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def _categories(group: list[Series]) -> list[str]:
    out: list[str] = []
    numeric = all(not isinstance(p.x, str) for s in group for p in s.points)
    points = [p for s in group for p in s.points]
    if numeric:
        points.sort(key=lambda p: float(p.x))
    for p in points:
        text = x_text(p.x)
        if text not in out:
            out.append(text)
    return out


def _values(group: list[Series], which: str) -> list[float]:
    if which == "x":
        return [float(p.x) for s in group for p in s.points if not isinstance(p.x, str)]
    return [float(p.y) for s in group for p in s.points]
