"""Panels of the matplotlib re-plot that are not series against axes: histograms (bins
as adjacent bars on a numeric axis), heatmaps, and panels with only stated summaries."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .common import axis_for, format_number, series_colors, x_text
from .layout import wrap
from .plot_axes import (
    apply_scale,
    axis_labels,
    category_names,
    category_ticks,
    legend,
    set_limits,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from ..models import Chart, Series


def histogram(ax: Axes, chart: Chart, group: list[Series], panel: str | None,
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
    axis_labels(ax, chart, panel)
    if others:  # points read as bins that are not ranges: said under the axis, not dropped
        note = wrap("not a bin, not drawn: " + "; ".join(others), 90)
        ax.set_xlabel(f"{ax.get_xlabel()}\n{note}".strip())
    edges = sorted({edge for lo_hi in bins.values() for edge in lo_hi})
    if len(edges) <= 16:  # ticks on the bin edges, as a histogram's axis is usually drawn
        ax.set_xticks(edges)
        labels = _same_decimals(edges)
        crowded = sum(len(label) + 2 for label in labels) > 70
        ax.set_xticklabels(labels, fontsize=8, rotation=30 if crowded else 0)
    apply_scale(ax, "x", axis_for(chart, "x", panel), edges)
    heights = [float(p.y) for s in group for p in s.points if x_text(p.x) in bins]
    apply_scale(ax, "y", axis_for(chart, "y", panel), heights, baseline=True)
    legend(ax, chart, group, None)


def _same_decimals(values: list[float]) -> list[str]:
    """``2.75, 3.00, 3.25``: every number with as many decimals as the most precise one."""
    texts = [format_number(v) for v in values]
    decimals = max((len(t.split(".")[1]) for t in texts if "." in t and "e" not in t), default=0)
    return [f"{v:.{decimals}f}" for v in values] if decimals <= 6 else texts


def summary_panel(ax: Axes, chart: Chart, panel: str | None) -> None:
    """A panel whose series have no points: the stated axes, and the stated summaries."""
    stated = [s for s in chart.series if s.panel == panel]
    notes = [text + (" (right axis)" if s.axis == "y2" else "")
             for s in stated for text in [summary_text(s)] if text]
    ax.text(0.03, 0.97, "\n".join(notes) if notes else "no data points", va="top",
            ha="left", transform=ax.transAxes, fontsize=8, color="0.3")
    right = axis_for(chart, "y2", panel)
    twin = ax.twinx() if right is not None and (
        right.label or right.min is not None or any(s.axis == "y2" for s in stated)) else None
    axis_labels(ax, chart, panel, twin=twin)
    for target, which, role in ((ax, "x", "x"), (ax, "y", "y"), (twin, "y", "y2")):
        axis = axis_for(chart, role, panel)
        if target is None:
            continue
        words = [t for t in axis.ticks if isinstance(t, str)] if axis is not None else []
        if words:
            category_ticks(target, words, horizontal=which == "y")
        elif axis is not None and axis.min is not None and axis.max is not None:
            apply_scale(target, which, axis, [])
        elif which == "y":  # no stated range: the span of the stated summaries
            numbers = [float(v) for s in stated if (s.axis == "y2") == (role == "y2")
                       for v in (s.summary.start, s.summary.end, s.summary.min, s.summary.max)
                       if v is not None]
            if numbers and min(numbers) < max(numbers):
                set_limits(target, "y", min(numbers), max(numbers), log=False, baseline=False)


def summary_text(series: Series) -> str:
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


def heatmap(ax: Axes, chart: Chart, group: list[Series], panel: str | None) -> None:
    rows: list[str] = []
    for s in group:
        if s.name not in rows:
            rows.append(s.name)
    cols = category_names(group)
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
    axis_labels(ax, chart, panel)


