"""The chart redrawn with matplotlib from the extracted data (``--to png`` / ``--to svg``).

Needs the ``plot`` extra. matplotlib is imported inside these functions only, and no
pyplot state is used: each call builds its own ``Figure`` on the Agg canvas, so rendering
is safe in worker threads and never opens a window.

What is drawn: the title, one subplot per panel (titled), axis labels, log scales,
the stated axis ranges (when the points fit inside them), a legend when there are several
series, series on the right axis on a twin axis, category x as labelled positions (bars
grouped side by side for bar-like kinds), point labels as annotations, pies as pies and
heatmaps as annotated matrices. A chart with no points still renders, with a note.
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .common import (
    axis_for,
    is_categorical,
    panel_order,
    series_colors,
    series_dash,
    series_in,
    x_text,
)

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
    """A matplotlib Figure of the chart (not attached to pyplot)."""
    try:
        from matplotlib.figure import Figure
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "--to png/svg and chartparse.plot() need matplotlib: pip install 'chartparse[plot]'"
        ) from err
    panels = panel_order(chart) or [None]
    cols = 2 if len(panels) == 4 else min(len(panels), 3)
    rows = math.ceil(len(panels) / cols)
    fig = Figure(figsize=(5.4 * cols, 4.0 * rows + 0.4))
    grid = fig.subplots(rows, cols, squeeze=False)
    for index, panel in enumerate(panels):
        ax = grid[index // cols][index % cols]
        _draw_panel(ax, chart, panel)
        if panel is not None:
            ax.set_title(panel, fontsize=10)
    for index in range(len(panels), rows * cols):
        grid[index // cols][index % cols].set_axis_off()
    if chart.title:
        fig.suptitle(chart.title, fontsize=12, fontweight="bold")
    return fig


def _lay_out(fig: Figure) -> None:
    """Fit labels and titles once, before the one draw that writes the file."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "not compatible with tight_layout" on odd axes
        fig.tight_layout()


def render(chart: Chart, fmt: str = "png", *, dpi: int = 100) -> bytes:
    """The chart as image bytes (``png``, ``svg`` or ``pdf``)."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"cannot draw {fmt!r}; choose from {', '.join(IMAGE_FORMATS)}")
    fig = figure(chart)
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig.set_dpi(dpi)
    canvas: Any = FigureCanvasAgg(fig)
    _lay_out(fig)
    if fmt == "svg":
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        canvas = FigureCanvasSVG(fig)
    elif fmt == "pdf":
        from matplotlib.backends.backend_pdf import FigureCanvasPdf

        canvas = FigureCanvasPdf(fig)
    out = io.BytesIO()
    # No timestamps and fixed SVG ids, so the same chart always gives the same file.
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt)
    # The canvas's print method draws once; Figure.savefig would draw twice after a layout.
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
        ax.text(0.5, 0.5, "no data points", ha="center", va="center",
                transform=ax.transAxes, color="gray")
        _axis_labels(ax, chart, panel)
        return
    if chart.kind == "pie":
        _pie(ax, chart, group)
        return
    if chart.kind == "heatmap":
        _heatmap(ax, chart, group, panel)
        return
    categorical = is_categorical(chart, group) or chart.kind in BAR_KINDS
    categories = _categories(group) if categorical else []
    left = [s for s in group if s.axis != "y2"]
    right = [s for s in group if s.axis == "y2"]
    twin = ax.twinx() if right and left else None
    bars = [s for s in group if chart.kind in BAR_KINDS or (categorical and chart.kind not in (
        "line", "area", "scatter"))]
    for series in group:
        target = twin if (twin is not None and series.axis == "y2") else ax
        slot = bars.index(series) if series in bars else None
        _draw_series(target, chart, series, categories, slot, len(bars))
    _axis_labels(ax, chart, panel, twin=twin, right_only=bool(right and not left))
    if categorical:
        ax.set_xticks(range(len(categories)))
        rotate = len(categories) > 6 or max((len(c) for c in categories), default=0) > 10
        ax.set_xticklabels(categories, rotation=30 if rotate else 0,
                           ha="right" if rotate else "center", fontsize=8)
    else:
        _apply_scale(ax, "x", axis_for(chart, "x", panel), _values(group, "x"))
    _apply_scale(ax, "y", axis_for(chart, "y2" if right and not left else "y", panel),
                 _values(left or right, "y"))
    if twin is not None:
        _apply_scale(twin, "y", axis_for(chart, "y2", panel), _values(right, "y"))
    _legend(ax, chart, group, twin)


def _draw_series(ax: Axes, chart: Chart, series: Series, categories: list[str],
                 slot: int | None, slots: int) -> None:
    color = series_colors(chart).get(series.name)
    style = LINESTYLES.get(series_dash(chart, series) or "solid", "-")
    marker = MARKERS.get((series.marker or "").lower().split(" ")[-1], "o")
    label = series.name + (" (right axis)" if series.axis == "y2" else "")
    if categories:
        xs: list[float] = [categories.index(x_text(p.x)) for p in series.points]
    else:
        xs = [float(p.x) for p in series.points]
    ys = [float(p.y) for p in series.points]
    if slot is not None:
        width = 0.8 / max(slots, 1)
        offset = (slot - (slots - 1) / 2) * width
        ax.bar([x + offset for x in xs], ys, width=width, color=color, label=label,
               edgecolor="black", linewidth=0.4)
    elif chart.kind == "scatter":
        ax.scatter(xs, ys, color=color, marker=marker, label=label, zorder=3)
    else:
        order = sorted(range(len(xs)), key=xs.__getitem__) if not categories else range(len(xs))
        sx, sy = [xs[i] for i in order], [ys[i] for i in order]
        (line,) = ax.plot(sx, sy, color=color, linestyle=style, marker=marker, markersize=4,
                          label=label)
        if chart.kind == "area":
            ax.fill_between(sx, sy, alpha=0.25, color=line.get_color())
    for x, p in zip(xs, series.points, strict=True):
        if p.label:
            ax.annotate(p.label, (x, float(p.y)), textcoords="offset points", xytext=(4, 4),
                        fontsize=7)


def _pie(ax: Axes, chart: Chart, group: list[Series]) -> None:
    labels: list[str] = []
    values: list[float] = []
    single = len(group) == 1
    for s in group:
        for p in s.points:
            if float(p.y) <= 0:
                continue
            name = x_text(p.x) if single or isinstance(p.x, str) else s.name
            labels.append(name if single or len(s.points) == 1 else f"{s.name}: {name}")
            values.append(float(p.y))
    if not values:
        ax.text(0.5, 0.5, "no positive values", ha="center", va="center", color="gray")
        ax.set_axis_off()
        return
    ax.pie(values, labels=labels, autopct="%1.0f%%", startangle=90, counterclock=False,
           textprops={"fontsize": 8})
    ax.set_aspect("equal")


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
        ax.set_xlabel(x_axis.label)
    if y_axis is not None and y_axis.label:
        ax.set_ylabel(y_axis.label)
    y2_axis = axis_for(chart, "y2", panel)
    if twin is not None and y2_axis is not None and y2_axis.label:
        twin.set_ylabel(y2_axis.label)


def _apply_scale(ax: Axes, which: str, axis: Axis | None, values: list[float]) -> None:
    """Log scale and the stated range (only when every point fits inside it)."""
    if axis is None:
        return
    log = axis.scale == "log" and bool(values) and all(v > 0 for v in values)
    if log:
        from matplotlib.ticker import FuncFormatter

        (ax.set_xscale if which == "x" else ax.set_yscale)("log")
        # Plain numbers (1, 10, 100) read better than 10^0, 10^1 on short log ranges.
        plain = FuncFormatter(lambda value, _pos: _tick(value))
        (ax.xaxis if which == "x" else ax.yaxis).set_major_formatter(plain)
    if axis.min is None or axis.max is None:
        return
    lo, hi = float(axis.min), float(axis.max)
    if lo < hi and all(lo <= v <= hi for v in values) and (not log or lo > 0):
        (ax.set_xlim if which == "x" else ax.set_ylim)(lo, hi)


def _legend(ax: Axes, chart: Chart, group: list[Series], twin: Axes | None) -> None:
    names = {s.name for s in group}
    if len(names) < 2 and not (names and chart.legend.entries):
        return
    handles, labels = ax.get_legend_handles_labels()
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
