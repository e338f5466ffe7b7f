"""Axes of the matplotlib re-plot: labels, scales and stated ranges, ticks, legends."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Literal

from .common import axis_for, x_text
from .layout import category_colors, wrap

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from ..models import Axis, Chart, Series

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


def category_ticks(ax: Axes, categories: list[str], *, horizontal: bool) -> None:
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


def axis_labels(ax: Axes, chart: Chart, panel: str | None, *, twin: Axes | None = None,
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


def apply_scale(ax: Axes, which: str, axis: Axis | None, values: list[float], *,
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
        set_limits(ax, which, lo, hi, log=log, baseline=baseline)
    if log:
        log_ticks(ax, which)


PAD = 0.03  # of the axis length, beyond each stated limit: markers there show whole


def set_limits(ax: Axes, which: str, lo: float, hi: float, *, log: bool,
               baseline: bool) -> None:
    if log:
        factor = (hi / lo) ** PAD
        low, high = lo / factor, hi * factor
    else:
        pad = PAD * (hi - lo)
        low, high = (lo if baseline and lo == 0 else lo - pad), hi + pad
    (ax.set_xlim if which == "x" else ax.set_ylim)(low, high)


def log_ticks(ax: Axes, which: str) -> None:
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
    target.set_major_formatter(FuncFormatter(lambda value, _pos: tick_text(value)))
    target.set_minor_formatter(NullFormatter())


def legend(ax: Axes, chart: Chart, group: list[Series], twin: Axes | None) -> None:
    names = {s.name for s in group}
    if len(names) < 2 and not (names and chart.legend.entries):
        return
    handles, labels = ax.get_legend_handles_labels()
    by_category = category_colors(chart, category_names(group)) if (
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


def tick_text(value: float) -> str:
    """``0.1``, ``10``, ``1000``, then ``1e5``, ``1e6`` for large or tiny log ticks."""
    if value == 0 or 1e-4 <= abs(value) < 1e5:
        return f"{value:g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def category_names(group: list[Series]) -> list[str]:
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


def values_of(group: list[Series], which: str) -> list[float]:
    if which == "x":
        return [float(p.x) for s in group for p in s.points if not isinstance(p.x, str)]
    return [float(p.y) for s in group for p in s.points]
