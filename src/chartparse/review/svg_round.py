"""Panels of the review re-plot without value axes: pies (each slice keyed with the value
the text states, never a recomputed share) and heatmaps (a grid of cells, rows by series,
columns by x, each cell coloured by its value and showing it)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..export.common import PALETTE, format_number, panel_order, series_in, x_text
from ..export.layout import category_colors
from ..export.pie_labels import TINY, is_percent, value_text
from ..export.plot_axes import category_names
from .svg_axes import TICK_SIZE, Box, band_height, bottom_axis, label_width, side_axis
from .svg_canvas import Svg, clip, esc, num, text_width
from .svg_scale import Band
from .svg_xy import Context, drawable, tip

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Point, Series

def _slices(group: list[Series]) -> list[tuple[str, Series, int, Point]]:
    """(name, series, point index, point) per positive value, in text order (as
    :func:`chartparse.export.pie_labels.slices` names them)."""
    single = len(group) == 1
    out = []
    for s in group:
        for pi, p in enumerate(s.points):
            if not (drawable(p) and float(p.y) > 0):
                continue
            name = x_text(p.x) if single or isinstance(p.x, str) else s.name
            out.append((name if single or len(s.points) == 1 else f"{s.name}: {name}", s, pi, p))
    return out


def pie_panel(svg: Svg, ctx: Context, group: list[Series], box: Box) -> None:
    """The pie on the left, its key on the right: every slice's name and stated value
    (big slices also show the value inside)."""
    pie = _slices(group)
    if not pie:
        svg.text(box.x + box.w / 2, box.y + box.h / 2, "no positive values", anchor="middle",
                 css="note")
        return
    values = [float(p.y) for *_, p in pie]
    total = sum(values)
    percent = is_percent(ctx.chart, values)
    colors = _slice_colors(ctx)
    radius = max(min(box.h / 2 - 8, box.w * 0.42 / 2), 24.0)
    cx, cy = box.x + 8 + radius, box.y + box.h / 2
    key_x = cx + radius + 18
    row = min(16.0, (box.h - 8) / len(pie))
    size = min(TICK_SIZE, row - 2)
    key_y = cy - row * len(pie) / 2 + row / 2
    chars = int((box.right - key_x - 18) / (size * 0.58))
    start = 0.0  # clockwise from twelve o'clock, as the matplotlib writer draws it
    for i, (name, series, pi, point) in enumerate(pie):
        share = float(point.y) / total
        end = start + share * 2 * math.pi
        color = colors.get(name, PALETTE[i % len(PALETTE)][0])
        svg.path(_wedge(cx, cy, radius, start, end), color, point=ctx.point_id(series, pi),
                 tip=tip(series, point))
        text = value_text(point.y, percent)
        if share >= TINY and radius >= 40:
            x, y = _at(cx, cy, 0.64 * radius, (start + end) / 2)
            svg.text(x, y + 4, text, anchor="middle", css="on-fill", bold=True)
        y = key_y + i * row
        svg.add(f'<rect x="{num(key_x)}" y="{num(y - 5)}" width="10" height="10" '
                f'fill="{esc(color)}"/>')
        svg.text(key_x + 15, y + size / 2 - 1, f"{clip(name, chars - len(text) - 2)}: {text}",
                 size=size, full=f"{name}: {text}")
        start = end


def _slice_colors(ctx: Context) -> dict[str, str]:
    """A colour per slice name, the same in every panel: the legend's, else the palette's."""
    names: list[str] = []
    for panel in panel_order(ctx.chart):
        names += [n for n, *_ in _slices(series_in(ctx.chart, panel)) if n not in names]
    stated = category_colors(ctx.chart, names)
    return stated or {n: PALETTE[i % len(PALETTE)][0] for i, n in enumerate(names)}


def _at(cx: float, cy: float, r: float, angle: float) -> tuple[float, float]:
    """The point at ``angle`` (radians clockwise from twelve o'clock), ``r`` from the centre."""
    return cx + r * math.sin(angle), cy - r * math.cos(angle)


def _wedge(cx: float, cy: float, r: float, start: float, end: float) -> str:
    if end - start >= 2 * math.pi - 1e-9:  # the whole pie: two half circles
        return (f"M{num(cx)},{num(cy - r)}A{num(r)},{num(r)} 0 1 1 {num(cx)},{num(cy + r)}"
                f"A{num(r)},{num(r)} 0 1 1 {num(cx)},{num(cy - r)}Z")
    x1, y1 = _at(cx, cy, r, start)
    x2, y2 = _at(cx, cy, r, end)
    large = 1 if end - start > math.pi else 0
    return (f"M{num(cx)},{num(cy)}L{num(x1)},{num(y1)}"
            f"A{num(r)},{num(r)} 0 {large} 1 {num(x2)},{num(y2)}Z")


# viridis, sampled: low values dark purple, high values yellow
VIRIDIS = ((68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37))


def shade(f: float) -> str:
    f = min(max(f, 0.0), 1.0) * (len(VIRIDIS) - 1)
    i = min(int(f), len(VIRIDIS) - 2)
    t = f - i
    rgb = (round(a + (b - a) * t) for a, b in zip(VIRIDIS[i], VIRIDIS[i + 1], strict=True))
    return "#" + "".join(f"{c:02x}" for c in rgb)


def heatmap_panel(svg: Svg, ctx: Context, group: list[Series], panel: str | None,
                  box: Box) -> None:
    rows: list[str] = []
    for s in group:
        if s.name not in rows:
            rows.append(s.name)
    down, across = Band(rows), Band(category_names(group))
    left = label_width(down) + 4
    area = box.inset(left, 6, 12, band_height(across, box.w - left - 12) + 4)
    side_axis(svg, down, area, None)
    bottom_axis(svg, across, area, None)
    values = [float(p.y) for s in group for p in s.points if drawable(p)]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    width, height = area.w * across.width, area.h * down.width
    for s in group:
        row = rows.index(s.name)
        for pi, p in enumerate(s.points):
            if not drawable(p):
                continue
            column = across.names.index(x_text(p.x))
            f = (float(p.y) - low) / (high - low) if high > low else 0.5
            x, y = area.x + column * width, area.y + row * height
            svg.rect(x + 0.5, y + 0.5, width - 1, height - 1, shade(f),
                     point=ctx.point_id(s, pi), tip=tip(s, p), css="tile")
            text = format_number(p.y)
            if text_width(text, 9) < width - 2 and height >= 11:
                svg.text(x + width / 2, y + height / 2 + 3, text, size=9, anchor="middle",
                         css="ink-dark" if f > 0.5 else "ink-light")
