"""Vega-Lite views for pies (labelled arcs) and heatmaps (rects), split from vega.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .common import axis_for, is_categorical, x_text
from .layout import category_colors
from .pie_labels import TINY, decimals, is_percent

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Chart, Series

Spec = dict[str, Any]


def categories(group: list[Series]) -> list[str]:
    return list(dict.fromkeys(x_text(p.x) for s in group for p in s.points))


PIE_RADIUS = 110  # pixels


def pie_view(chart: Chart, group: list[Series]) -> Spec:
    """Arcs in the stated colours, labelled with the stated values (``29.3%``) just outside
    each slice; slices under ``TINY`` of the whole carry their name too, further out."""
    categorical = is_categorical(chart, group)
    color_field = "x" if categorical or len(group) == 1 else "series"
    names = categories(group) if color_field == "x" else series_names(group)
    color: Spec = {"field": color_field, "type": "nominal", "sort": None,
                   "title": chart.legend.title}
    by_name = category_colors(chart, names)
    if by_name:
        color["scale"] = {"domain": list(by_name), "range": list(by_name.values())}
    stated = [p.y for s in group for p in s.points]
    suffix = "%" if is_percent(chart, [float(y) for y in stated]) else ""
    theta = {"field": "y", "type": "quantitative", "stack": True}
    order = {"field": "slice_order", "type": "quantitative"}  # the slices in text order

    def labels(where: str, align: str) -> Spec:
        """Text at each slice's middle angle (radians, clockwise from the top)."""
        return {"transform": [{"filter": where}],
                "mark": {"type": "text", "fontSize": 11, "align": align},
                "encoding": {"theta": {"field": "mid_angle", "type": "quantitative",
                                       "scale": None},
                             "radius": {"field": "label_radius", "type": "quantitative",
                                        "scale": None},
                             "text": {"field": "slice_label"}}}

    def arc(series_filter: list[Spec]) -> Spec:
        return {
            "transform": [
                *series_filter,
                {"filter": "datum.y > 0"},
                {"window": [{"op": "row_number", "as": "slice_order"}]},
                {"joinaggregate": [{"op": "sum", "field": "y", "as": "total"}]},
                {"window": [{"op": "sum", "field": "y", "as": "cumulative"}],
                 "sort": [{"field": "slice_order"}]},
                {"calculate": "2 * PI * (datum.cumulative - datum.y / 2) / datum.total",
                 "as": "mid_angle"},
                # JSON drops a number's trailing zeros (14.0): the decimals the text gave.
                {"calculate": f"format(datum.y, '.{decimals(stated)}f') + {suffix!r}",
                 "as": "value_text"},
                {"calculate": f"datum.y / datum.total < {TINY}", "as": "tiny"},
                {"window": [{"op": "row_number", "as": "tiny_rank"}], "groupby": ["tiny"],
                 "sort": [{"field": "slice_order"}]},
                {"calculate": f"datum.tiny ? datum.{color_field} + ' (' + datum.value_text + ')'"
                              " : datum.value_text", "as": "slice_label"},
                # Values just outside their slice; a small slice's name and value further
                # out, on its side of the pie, each a line further than the last (in threes).
                {"calculate": f"datum.tiny ? {PIE_RADIUS + 20} + 15 * ((datum.tiny_rank - 1) % 3)"
                              f" : {PIE_RADIUS + 22}", "as": "label_radius"},
            ],
            "width": 2 * PIE_RADIUS + 260,
            "height": 2 * PIE_RADIUS + 100,
            "layer": [
                {"mark": {"type": "arc", "tooltip": True, "outerRadius": PIE_RADIUS},
                 "encoding": {"theta": theta, "color": color, "order": order}},
                labels("!datum.tiny", "center"),
                labels("datum.tiny && sin(datum.mid_angle) >= 0", "left"),
                labels("datum.tiny && sin(datum.mid_angle) < 0", "right"),
            ],
        }

    if len(group) <= 1:
        return arc([])
    return {"concat": [
        arc([{"filter": {"field": "series", "equal": s.name}}]) | {"title": s.name}
        for s in group
    ]}


def heatmap_view(chart: Chart, group: list[Series], panel: str | None) -> Spec:
    x_axis = axis_for(chart, "x", panel)
    y_axis = axis_for(chart, "y", panel)
    cell = {
        "x": {"field": "x", "type": "ordinal", "sort": None,
              "title": x_axis.label if x_axis is not None else None},
        "y": {"field": "series", "type": "ordinal", "sort": series_names(group),
              "title": y_axis.label if y_axis is not None else None},
    }
    values = [float(p.y) for s in group for p in s.points]
    middle = (min(values) + max(values)) / 2 if values else 0.0
    text_color = {"condition": {"test": f"datum.y > {middle!r}", "value": "white"},
                  "value": "black"}
    return {
        "width": {"step": 56},
        "height": {"step": 32},
        "layer": [
            {"mark": {"type": "rect", "tooltip": True},
             "encoding": cell | {"color": {"field": "y", "type": "quantitative", "title": None}}},
            {"mark": {"type": "text"},
             "encoding": cell | {"text": {"field": "y", "type": "quantitative"},
                                 "color": text_color}},
        ],
    }


def series_names(group: list[Series]) -> list[str]:
    return [s.name for s in first_of_each(group)]


def first_of_each(group: list[Series]) -> list[Series]:
    """One series per distinct name (panels repeat names; duplicates merge in the picture)."""
    seen: dict[str, Series] = {}
    for s in group:
        seen.setdefault(s.name, s)
    return list(seen.values())
