"""Panels of the review re-plot drawn against axes: lines, markers, areas, scatters,
grouped bars (vertical, or horizontal when the chart's ``orientation`` says so) and
histograms (bins as adjacent bars on a numeric axis).

Every point is drawn as one element (a marker, or a bar) that carries the point's id.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..export.bins import series_bins
from ..export.common import axis_for, format_number, is_categorical, series_dash, x_text
from ..export.layout import category_colors
from ..export.plot_axes import category_names
from .svg_axes import (
    LABEL_SIZE,
    Box,
    band_height,
    bottom_axis,
    grid,
    label_width,
    side_axis,
)
from .svg_canvas import Svg, clip
from .svg_scale import Band, Linear, Scale, edge_ticks, numeric_scale

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Chart, Point, Series

BAR_KINDS = frozenset({"bar", "histogram", "box"})
LINE_KINDS = frozenset({"line", "area", "scatter"})


@dataclass(slots=True)
class Context:
    """What every panel needs: the chart, its colours, and how to name a point."""

    chart: Chart
    key: str
    colors: dict[str, str]
    index: dict[int, int]  # id(series) -> its index in chart.series

    def point_id(self, series: Series, at: int) -> str:
        return f"{self.key}-{self.index[id(series)]}-{at}"

    def color(self, series: Series) -> str:
        return self.colors.get(series.name, "#1f77b4")


def drawable(point: Point) -> bool:
    """A point with a finite y (and x, when numeric): one that has a place on the canvas."""
    return math.isfinite(point.y) and (isinstance(point.x, str) or math.isfinite(point.x))


def tip(series: Series, point: Point) -> str:
    approx = "~" if point.approx else ""
    label = f" ({point.label})" if point.label else ""
    return f"{series.name} · {x_text(point.x)}: {approx}{format_number(point.y)}{label}"


SHAPES = ("square", "triangle", "diamond", "circle")


def marker_shape(chart: Chart, series: Series) -> str:
    """``square``, ``triangle``, ``diamond`` when the text names one for the series (or its
    legend entry), else ``circle``."""
    words = series.marker or next((e.marker for e in chart.legend.entries
                                   if e.label == series.name and e.marker), None) or ""
    lowered = words.lower()
    return next((shape for shape in SHAPES if shape in lowered), "circle")


def _title(chart: Chart, role: str, panel: str | None) -> str | None:
    axis = axis_for(chart, role, panel)
    return axis.label if axis is not None and axis.label else None


def _values(group: list[Series]) -> list[float]:
    return [float(p.y) for s in group for p in s.points]


def _base(scale: Scale) -> float:
    """Where bars start, as a fraction of the value axis: zero, or the axis's low end."""
    if isinstance(scale, Linear):
        return min(max(scale.frac(0.0), 0.0), 1.0)
    return 0.0


def xy_panel(svg: Svg, ctx: Context, group: list[Series], panel: str | None, box: Box) -> None:
    chart = ctx.chart
    categorical = is_categorical(chart, group) or chart.kind in BAR_KINDS
    horizontal = chart.orientation == "horizontal" and categorical
    left = [s for s in group if s.axis != "y2" or horizontal]
    right = [s for s in group if s.axis == "y2" and not horizontal]
    left_role = "y"
    if not left:  # only right-axis series: their axis is drawn on the left
        left, right, left_role = right, [], "y2"
    bars = [s for s in group if chart.kind in BAR_KINDS or (
        categorical and chart.kind not in LINE_KINDS)]
    across: Scale = (Band(category_names(group)) if categorical else numeric_scale(
        axis_for(chart, "x", panel), [float(p.x) for s in group for p in s.points]))
    up = numeric_scale(axis_for(chart, left_role, panel), _values(left),
                       baseline=any(s in bars for s in left))
    up2 = numeric_scale(axis_for(chart, "y2", panel), _values(right),
                        baseline=any(s in bars for s in right)) if right else None
    x_title, y_title = _title(chart, "x", panel), _title(chart, left_role, panel)
    y2_title = _title(chart, "y2", panel) if up2 is not None else None
    if horizontal:
        area = _area(box, across, up, y_title, None, None, x_title)
        grid(svg, up, area, vertical=False)
        side_axis(svg, across, area, y_title, title_at=box.x + 10)
        bottom_axis(svg, up, area, x_title)
    else:
        area = _area(box, up, across, y_title, up2, y2_title, x_title)
        grid(svg, up, area, vertical=True)
        side_axis(svg, up, area, y_title, title_at=box.x + 10)
        if up2 is not None:
            side_axis(svg, up2, area, y2_title, right=True, title_at=box.right - 6)
        bottom_axis(svg, across, area, x_title)
    slots = {id(s): i for i, s in enumerate(bars)}
    for series in group:
        value_scale = up2 if (up2 is not None and series in right) else up
        place = (area, across, value_scale, horizontal)
        if id(series) in slots:
            _bars(svg, ctx, series, place, (slots[id(series)], len(bars)), horizontal)
        else:
            _line(svg, ctx, series, place, value_scale)


def _area(box: Box, value: Scale, along: Scale, value_title: str | None, right: Scale | None,
          right_title: str | None, along_title: str | None) -> Box:
    """The plot area inside ``box``: room on the left for ``value``'s labels (the values,
    or the categories of horizontal bars), on the right for a second axis, below for
    ``along``'s labels."""
    left = label_width(value) + (18 if value_title else 4)
    right_room = label_width(right) + (18 if right_title else 4) if right is not None else 12
    width = max(box.w - left - right_room, 20.0)
    under = band_height(along, width) if isinstance(along, Band) else 18.0
    bottom = under + (LABEL_SIZE + 6 if along_title else 2)
    return box.inset(left, 6, right_room, bottom)


Place = tuple[Box, Scale, Scale, bool]


def _xy(place: Place, at: float, value_frac: float) -> tuple[float, float]:
    """Canvas position of a point: ``at`` is the fraction along the category (or x) axis."""
    area, _across, _value, horizontal = place
    if horizontal:
        return area.x + value_frac * area.w, area.y + at * area.h
    return area.x + at * area.w, area.bottom - value_frac * area.h


def _along(place: Place, point: Point) -> float:
    across = place[1]
    if isinstance(across, Band):
        return across.frac(across.names.index(x_text(point.x)))
    return across.frac(float(point.x))


def _bars(svg: Svg, ctx: Context, series: Series, place: Place, slot: tuple[int, int],
          horizontal: bool) -> None:
    area, across, value, _ = place
    at, count = slot
    band = across.width if isinstance(across, Band) else 0.05
    thick = 0.8 * band / max(count, 1)
    shift = (at - (count - 1) / 2) * thick
    names = across.names if isinstance(across, Band) else []
    by_category = category_colors(ctx.chart, names) if count == 1 and names else {}
    base = _base(value)
    for pi, point in enumerate(series.points):
        if not drawable(point):
            continue
        middle = _along(place, point) + shift
        top = value.frac(float(point.y))
        color = by_category.get(x_text(point.x)) or ctx.color(series)
        lo, hi = sorted((base, top))
        if horizontal:
            x1, y1 = _xy(place, middle - thick / 2, lo)
            x2, _ = _xy(place, middle, hi)
            svg.rect(x1, y1, x2 - x1, thick * area.h, color, point=ctx.point_id(series, pi),
                     tip=tip(series, point))
        else:
            x1, y1 = _xy(place, middle - thick / 2, hi)
            _, y2 = _xy(place, middle, lo)
            svg.rect(x1, y1, thick * area.w, y2 - y1, color, point=ctx.point_id(series, pi),
                     tip=tip(series, point))
        _label(svg, place, middle, top, point)


def _line(svg: Svg, ctx: Context, series: Series, place: Place, value: Scale) -> None:
    color = ctx.color(series)
    kind = ctx.chart.kind
    spots = [(_along(place, p), value.frac(float(p.y)), pi, p)
             for pi, p in enumerate(series.points) if drawable(p)]
    if not spots:
        return
    if not isinstance(place[1], Band):
        spots.sort(key=lambda spot: spot[0])
    drawn = [_xy(place, at, up) for at, up, _, _ in spots]
    if kind == "area" and len(drawn) > 1:
        base = _base(value)
        alone = sum(1 for s in ctx.chart.series if s.points and s.panel == series.panel) == 1
        svg.polygon([_xy(place, spots[0][0], base), *drawn, _xy(place, spots[-1][0], base)],
                    color, 0.25 if alone else 0.1)
    if kind != "scatter":
        svg.polyline(drawn, color, series_dash(ctx.chart, series))
    radius = 4.0 if kind == "scatter" else 3.2 if len(spots) <= 60 else 2.2
    shape = marker_shape(ctx.chart, series)
    for (x, y), (at, up, pi, point) in zip(drawn, spots, strict=True):
        svg.dot(x, y, color, point=ctx.point_id(series, pi), tip=tip(series, point), r=radius,
                shape=shape)
        _label(svg, place, at, up, point)


def _label(svg: Svg, place: Place, at: float, up: float, point: Point) -> None:
    if point.label:
        x, y = _xy(place, at, up)
        near_end = x > place[0].right - 80  # written leftwards, so it stays on the canvas
        svg.text(x - 4 if near_end else x + 4, y - 5, clip(point.label, 24), size=8.5,
                 anchor="end" if near_end else "start", css="point-label", full=point.label)


def histogram_panel(svg: Svg, ctx: Context, group: list[Series], panel: str | None,
                    box: Box) -> bool:
    """Bins as adjacent bars on a numeric axis; False when the x values are not bins."""
    bins = series_bins(group, allow_others=True)
    if bins is None:
        return False
    chart = ctx.chart
    edges = sorted({edge for lo_hi in bins.values() for edge in lo_hi})
    across = numeric_scale(axis_for(chart, "x", panel), edges, edges=True)
    if len(edges) <= 16 and isinstance(across, Linear):
        across.ticks = edge_ticks(edges)
    drawn = [p for s in group for p in s.points if x_text(p.x) in bins and drawable(p)]
    up = numeric_scale(axis_for(chart, "y", panel), [float(p.y) for p in drawn], baseline=True)
    others = [f"{x_text(p.x)}: {format_number(p.y)}" for s in group for p in s.points
              if x_text(p.x) not in bins]
    x_title = _title(chart, "x", panel)
    if others:  # points that are not ranges: said under the axis, not dropped silently
        x_title = f"{x_title + ' · ' if x_title else ''}not a bin, not drawn: {'; '.join(others)}"
    y_title = _title(chart, "y", panel)
    area = _area(box, up, across, y_title, None, None, x_title)
    grid(svg, up, area, vertical=True)
    side_axis(svg, up, area, y_title, title_at=box.x + 10)
    bottom_axis(svg, across, area, x_title)
    overlap = len({s.name for s in group}) > 1
    base = _base(up)
    for series in group:
        for pi, point in enumerate(series.points):
            edge = bins.get(x_text(point.x))
            if edge is None or not drawable(point):
                continue
            x1, x2 = (area.x + across.frac(e) * area.w for e in edge)
            top = area.bottom - up.frac(float(point.y)) * area.h
            floor = area.bottom - base * area.h
            svg.rect(x1, min(top, floor), x2 - x1, abs(floor - top), ctx.color(series),
                     point=ctx.point_id(series, pi), tip=tip(series, point),
                     opacity=0.55 if overlap else None)
    return True
