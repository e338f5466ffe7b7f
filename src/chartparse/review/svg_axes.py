"""Axes of the review re-plot: the plot area in a panel, grid lines, ticks, tick labels
and axis titles, for numeric scales (linear, log) and category bands."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .svg_canvas import Svg, clip, text_width
from .svg_scale import Band, Scale

TICK_SIZE = 10  # px, tick labels
LABEL_SIZE = 11  # px, axis titles
CATEGORY_CHARS = 28  # a category label longer than this is clipped (the tooltip holds it all)
ROTATE = 40.0  # degrees, for category labels that do not fit side by side


@dataclass(slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, left: float, top: float, right: float, bottom: float) -> Box:
        return Box(self.x + left, self.y + top, max(self.w - left - right, 20.0),
                   max(self.h - top - bottom, 20.0))


def label_width(scale: Scale) -> float:
    """Room the tick labels of ``scale`` take beside a vertical axis."""
    if isinstance(scale, Band):
        longest = max((len(n) for n in scale.names), default=0)
        return text_width("x" * min(longest, CATEGORY_CHARS), TICK_SIZE) + 8
    return max((text_width(t, TICK_SIZE) for _, t in scale.ticks), default=0.0) + 8


def band_rotated(band: Band, length: float) -> bool:
    """True when the category names do not fit side by side along ``length`` px."""
    room = length * band.width - 4
    return any(text_width(clip(n, CATEGORY_CHARS), TICK_SIZE) > room for n in band.names)


def band_height(band: Band, length: float) -> float:
    """Room the category names take under a horizontal axis ``length`` px long."""
    if not band_rotated(band, length):
        return TICK_SIZE + 8
    longest = min(max((len(n) for n in band.names), default=0), CATEGORY_CHARS)
    return text_width("x" * longest, TICK_SIZE) * math.sin(math.radians(ROTATE)) + 16


def grid(svg: Svg, scale: Scale, area: Box, *, vertical: bool) -> None:
    """Light grid lines across ``area`` at the ticks of a value scale."""
    if isinstance(scale, Band):
        return
    for value, _ in scale.ticks:
        f = scale.frac(value)
        if vertical:
            y = area.bottom - f * area.h
            svg.line(area.x, y, area.right, y, "grid")
        else:
            x = area.x + f * area.w
            svg.line(x, area.y, x, area.bottom, "grid")


def bottom_axis(svg: Svg, scale: Scale, area: Box, title: str | None) -> None:
    """The axis line under ``area``, its ticks and labels, and its title."""
    svg.line(area.x, area.bottom, area.right, area.bottom, "axis")
    y = area.bottom
    if isinstance(scale, Band):
        rotated = band_rotated(scale, area.w)
        for i, name in _thinned(scale, area.w, 12 if rotated else None):
            x = area.x + scale.frac(i) * area.w
            svg.line(x, y, x, y + 4, "axis")
            shown = clip(name, CATEGORY_CHARS)
            if rotated:
                svg.text(x + 3, y + 13, shown, size=TICK_SIZE, anchor="end", rotate=-ROTATE,
                         full=name)
            else:
                svg.text(x, y + 15, shown, size=TICK_SIZE, anchor="middle", full=name)
        under = band_height(scale, area.w)
    else:
        for value, text in scale.ticks:
            x = area.x + scale.frac(value) * area.w
            svg.line(x, y, x, y + 4, "axis")
            svg.text(x, y + 15, text, size=TICK_SIZE, anchor="middle")
        under = TICK_SIZE + 8
    if title:
        shown = clip(title, int(area.w / (LABEL_SIZE * 0.58)))
        svg.text(area.x + area.w / 2, y + under + 12, shown, size=LABEL_SIZE, anchor="middle",
                 css="axis-title", full=title)


def side_axis(svg: Svg, scale: Scale, area: Box, title: str | None, *, right: bool = False,
              title_at: float | None = None) -> None:
    """The axis line beside ``area`` (left, or ``right``), its ticks, labels and title;
    ``title_at``: the x of the title (default: left of the labels)."""
    x = area.right if right else area.x
    svg.line(x, area.y, x, area.bottom, "axis")
    out = 1 if right else -1
    anchor = "start" if right else "end"
    if isinstance(scale, Band):  # categories down the axis, the first on top
        for i, name in _thinned(scale, area.h, 11):
            y = area.y + scale.frac(i) * area.h
            svg.line(x, y, x + 4 * out, y, "axis")
            svg.text(x + 6 * out, y + 3.5, clip(name, CATEGORY_CHARS), size=TICK_SIZE,
                     anchor=anchor, full=name)
    else:
        for value, text in scale.ticks:
            y = area.bottom - scale.frac(value) * area.h
            svg.line(x, y, x + 4 * out, y, "axis")
            svg.text(x + 6 * out, y + 3.5, text, size=TICK_SIZE, anchor=anchor)
    if title:
        at = title_at if title_at is not None else x + out * (label_width(scale) + 8)
        middle = area.y + area.h / 2
        shown = clip(title, int(area.h / (LABEL_SIZE * 0.58)))
        svg.text(at, middle, shown, size=LABEL_SIZE, anchor="middle", css="axis-title",
                 rotate=90 if right else -90, full=title)


def _thinned(band: Band, length: float, least: float | None) -> list[tuple[int, str]]:
    """The categories to label: every one, or every k-th when the bands are narrower than
    ``least`` px (labels would overlap)."""
    step = 1
    if least is not None and band.names:
        step = max(1, math.ceil(least / max(length * band.width, 0.1)))
    return [(i, n) for i, n in enumerate(band.names) if i % step == 0]
