"""Pies for the matplotlib writer: slices labelled with the values the text states.

Each slice shows its stated value (``29.3%``, never a recomputed share) and its name.
Slices of at least ``TINY`` of the whole carry the value inside and the name just outside;
smaller slices get one label further out, joined to the slice by a leader line, with the
labels on each side spread so that they never overlap.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .layout import category_colors
from .pie_labels import TINY, is_percent, slices, value_text

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from ..models import Chart, Series

_WIDTH = 0.045  # of a label character, in pie radii
_GAP = 0.16  # least vertical distance between two outside labels (pie radius = 1)


def draw_pie(ax: Axes, chart: Chart, group: list[Series]) -> None:
    pie = slices(group)
    if not pie:
        ax.text(0.5, 0.5, "no positive values", ha="center", va="center", color="gray")
        ax.set_axis_off()
        return
    names = [name for name, _ in pie]
    stated = [value for _, value in pie]
    values = [float(value) for value in stated]
    by_name = category_colors(chart, names)
    colors = [by_name[name] for name in names] if by_name else None
    wedges, _texts = ax.pie(values, colors=colors, startangle=90, counterclock=False,
                            wedgeprops={"edgecolor": "white", "linewidth": 1})
    percent = is_percent(chart, values)
    total = sum(values)
    tiny: list[tuple[float, str]] = []  # (angle in radians, label)
    reach = {1: 1.1, -1: 1.1}  # how far the labels go on the right (1) and the left (-1)
    for wedge, name, value, as_stated in zip(wedges, names, values, stated, strict=True):
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        text = value_text(as_stated, percent)
        if value / total >= TINY:
            ax.text(0.68 * math.cos(angle), 0.68 * math.sin(angle), text, ha="center",
                    va="center", fontsize=9, fontweight="bold", color=_ink(wedge.get_facecolor()))
            side = 1 if math.cos(angle) >= 0 else -1
            ax.text(1.08 * math.cos(angle), 1.08 * math.sin(angle), name, fontsize=9,
                    ha="left" if side > 0 else "right", va="center")
            reach[side] = max(reach[side], abs(1.08 * math.cos(angle)) + _WIDTH * len(name))
        else:
            label = f"{name} ({text})"
            side = 1 if math.cos(angle) >= 0 else -1
            tiny.append((angle, label))
            reach[side] = max(reach[side], 1.45 + _WIDTH * len(label))
    _leader_labels(ax, tiny)
    # Room for the outside labels, which the layout would not otherwise keep in view.
    ax.set_xlim(-reach[-1], reach[1])
    ax.set_ylim(-1.25, 1.25)
    ax.set_aspect("equal")


def _ink(fill: tuple[float, ...]) -> str:
    """Black on light slices, white on dark ones."""
    red, green, blue = fill[:3]
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.6 else "white"


def _leader_labels(ax: Axes, tiny: list[tuple[float, str]]) -> None:
    """Labels for small slices, outside the pie, each joined to its slice by a line."""
    for side in (1, -1):
        placed = sorted(
            ((angle, label) for angle, label in tiny if (math.cos(angle) >= 0) == (side > 0)),
            key=lambda item: -math.sin(item[0]))
        for (angle, label), y in zip(placed, _spread([1.15 * math.sin(a) for a, _ in placed]),
                                     strict=True):
            ax.annotate(label, xy=(math.cos(angle), math.sin(angle)),
                        xytext=(1.45 * side, y), va="center", ha="left" if side > 0 else "right",
                        fontsize=8 if len(placed) <= 2.4 / _GAP + 1 else 6,
                        arrowprops={"arrowstyle": "-", "color": "0.35", "linewidth": 0.8,
                                    "shrinkA": 0, "shrinkB": 2})


def _spread(ideal: list[float], top: float = 1.2) -> list[float]:
    """Heights (descending) as close to ``ideal`` as can be, at least a gap apart, within
    ``-top`` to ``top``: pushed down where they crowd, then up from the bottom."""
    if not ideal:
        return []
    gap = min(_GAP, 2 * top / max(len(ideal) - 1, 1))
    ys = [min(ideal[0], top)]
    for y in ideal[1:]:
        ys.append(min(y, ys[-1] - gap))
    ys[-1] = max(ys[-1], -top)
    for i in range(len(ys) - 2, -1, -1):
        ys[i] = max(ys[i], ys[i + 1] + gap)
    return ys
