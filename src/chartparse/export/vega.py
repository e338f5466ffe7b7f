"""A Chart as a Vega-Lite v5 specification (``--to vega-lite``), standard library only.

The points are inlined as ``data.values`` (one value per point, with ``panel``, ``series``,
``axis``, ``x``, ``y``, ``approx`` and ``label``), so the spec is self-contained.

- mark from the kind: line (with point markers), bar, point (scatter), area, arc (pie),
  rect (heatmap: x by series, colour by value); histograms draw bars; box plots draw a bar
  per box at the central value read (the description rarely gives the whole box);
- several series: colour by series (the colour the description names, else a palette
  colour of another hue, the same as the PNG), dashes for dashed/dotted lines, grouped
  (not stacked) bars;
- axis titles, log scales and stated ranges carried over; category x keeps text order;
- panels: a ``concat`` of one view per panel (each with its own axes), titled by panel;
- series on the right axis: a ``layer`` of the left and right series with
  ``resolve.scale.y = independent`` and the right axis drawn on the right;
- labelled points (scatter plots naming each model) get a text layer.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from .common import (
    axis_for,
    is_categorical,
    panel_order,
    series_colors,
    series_dash,
    series_in,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Axis, Chart, Series

SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v5.json"

MARKS = {
    "line": "line",
    "bar": "bar",
    "histogram": "bar",
    "box": "bar",
    "scatter": "point",
    "area": "area",
    "pie": "arc",
    "heatmap": "rect",
}

DASHES = {"solid": [1, 0], "dashed": [6, 4], "dotted": [1, 3], "dashdot": [6, 3, 1, 3]}

Spec = dict[str, Any]


def to_vega_lite(chart: Chart) -> Spec:
    """The chart as a Vega-Lite v5 spec (a JSON-ready dict)."""
    spec: Spec = {"$schema": SCHEMA_URL}
    if chart.title:
        spec["title"] = chart.title
    spec["description"] = f"{chart.kind} chart read by chartparse"
    spec["data"] = {"values": data_values(chart)}
    panels = panel_order(chart)
    if len(panels) <= 1:
        spec.update(_panel_view(chart, panels[0] if panels else None, filtered=False))
        return spec
    views = []
    for panel in panels:
        view = _panel_view(chart, panel, filtered=True)
        view["title"] = panel if panel is not None else "(no panel)"
        views.append(view)
    spec["concat"] = views
    spec["columns"] = 2 if len(views) == 4 else min(len(views), 3)
    return spec


def vega_lite_json(chart: Chart) -> str:
    return json.dumps(to_vega_lite(chart), indent=2, ensure_ascii=False) + "\n"


def data_values(chart: Chart) -> list[dict[str, Any]]:
    """One record per point, in series order (a non-finite y, which JSON cannot carry, is
    left out)."""
    return [
        {
            "panel": s.panel or "",
            "series": s.name,
            "axis": s.axis,
            "x": _js_number(p.x),
            "y": _js_number(p.y),
            "approx": p.approx,
            "label": p.label,
        }
        for s in chart.series
        for p in s.points
        if not (isinstance(p.y, float) and not math.isfinite(p.y))
    ]


def _js_number(value: float | str) -> float | str:
    """Integers past 2**53 as floats: JavaScript numbers cannot hold them exactly."""
    if isinstance(value, int) and abs(value) > 2**53:
        return float(value)
    return value


def _panel_view(chart: Chart, panel: str | None, *, filtered: bool) -> Spec:
    group = series_in(chart, panel)
    if chart.kind == "pie":
        view = _pie(chart, group)
    elif chart.kind == "heatmap":
        view = _heatmap(chart, group, panel)
    else:
        left = [s for s in group if s.axis != "y2"]
        right = [s for s in group if s.axis == "y2"]
        if left and right:
            view = {
                "layer": [
                    _series_layer(chart, group, left, panel, "y", split=True),
                    _series_layer(chart, group, right, panel, "y2", split=True),
                ],
                "resolve": {"scale": {"y": "independent"}},
            }
        else:
            role = "y2" if right else "y"
            view = _series_layer(chart, group, group, panel, role, split=False)
    if filtered:
        view = _filtered(view, {"field": "panel", "equal": panel or ""})
    return view


def _filtered(view: Spec, predicate: Spec | str) -> Spec:
    """``view`` with ``predicate`` applied before its own transforms."""
    return {"transform": [{"filter": predicate}, *view.get("transform", [])]} | {
        k: v for k, v in view.items() if k != "transform"
    }


def _series_layer(chart: Chart, group: list[Series], members: list[Series],
                  panel: str | None, role: str, *, split: bool) -> Spec:
    """A view (or a layer with point labels) drawing ``members`` against axis ``role``.

    ``split``: the panel has series on both y axes, so keep only this axis's points.
    """
    kind = chart.kind
    categorical = is_categorical(chart, group)
    mark_type = MARKS.get(kind) or ("bar" if categorical else "line")
    mark: Spec = {"type": mark_type, "tooltip": True}
    if mark_type == "line":
        mark["point"] = True
    if mark_type == "area":
        mark["opacity"] = 0.5
        mark["line"] = True
    encoding: Spec = {
        "x": _x_encoding(chart, group, panel, discrete=categorical or mark_type == "bar"),
        "y": _y_encoding(chart, members, panel, role, bars=mark_type in ("bar", "area")),
    }
    names = _names(group)
    everyone = [s for s in chart.series if s.points]  # one colour per name across panels
    if len(_names(everyone)) > 1 or (names and chart.legend.entries):
        encoding["color"] = _color_encoding(chart, everyone)
    if mark_type == "bar" and len(names) > 1:
        encoding["xOffset"] = {"field": "series", "type": "nominal", "sort": names}
    if mark_type == "line":
        dashes = [series_dash(chart, s) for s in _first_of_each(group)]
        if any(d not in (None, "solid") for d in dashes):
            encoding["strokeDash"] = {
                "field": "series",
                "type": "nominal",
                "sort": names,
                "scale": {"domain": names, "range": [DASHES[d or "solid"] for d in dashes]},
                "title": chart.legend.title,  # same field and title: merges with the colours
            }
    view: Spec = {"mark": mark, "encoding": encoding}
    if any(p.label for s in members for p in s.points):
        labels: Spec = {
            "transform": [{"filter": "datum.label != null"}],
            "mark": {"type": "text", "align": "left", "dx": 6, "dy": -6},
            "encoding": {"x": encoding["x"], "y": encoding["y"], "text": {"field": "label"}},
        }
        view = {"layer": [view, labels]}
    if split:
        view = _filtered(view, {"field": "axis", "equal": role})
    return view


def _x_encoding(chart: Chart, group: list[Series], panel: str | None, *, discrete: bool) -> Spec:
    axis = axis_for(chart, "x", panel)
    enc: Spec = {"field": "x", "title": axis.label if axis is not None else None}
    if discrete:
        enc["type"] = "ordinal"
        enc["sort"] = None if is_categorical(chart, group) else "ascending"
        return enc
    enc["type"] = "quantitative"
    xs = [float(p.x) for s in group for p in s.points if not isinstance(p.x, str)]
    scale = _scale(axis, xs)
    if scale:
        enc["scale"] = scale
    return enc


def _y_encoding(chart: Chart, members: list[Series], panel: str | None, role: str,
                *, bars: bool) -> Spec:
    axis = axis_for(chart, role, panel)
    enc: Spec = {"field": "y", "type": "quantitative",
                 "title": axis.label if axis is not None else None}
    if bars:
        enc["stack"] = None
    ys = [float(p.y) for s in members for p in s.points]
    scale = _scale(axis, ys, zero=bars)
    if scale:
        enc["scale"] = scale
    if role == "y2":
        enc["axis"] = {"orient": "right"}
    return enc


def _scale(axis: Axis | None, values: list[float], *, zero: bool = False) -> Spec:
    """Log scale and the stated range, when the data fit inside it."""
    scale: Spec = {}
    log = axis is not None and axis.scale == "log" and all(v > 0 for v in values)
    if log:
        scale["type"] = "log"
    if axis is not None and axis.min is not None and axis.max is not None:
        lo, hi = float(axis.min), float(axis.max)
        fits = all(lo <= v <= hi for v in values)
        if lo < hi and fits and (not log or lo > 0):
            scale["domain"] = [axis.min, axis.max]
    if "domain" not in scale and not zero and not log:
        scale["zero"] = False
    return scale


def _color_encoding(chart: Chart, group: list[Series]) -> Spec:
    names = _names(group)
    enc: Spec = {"field": "series", "type": "nominal", "sort": names,
                 "title": chart.legend.title}
    colors = series_colors(chart)
    enc["scale"] = {"domain": names, "range": [colors[name] for name in names]}
    return enc


def _pie(chart: Chart, group: list[Series]) -> Spec:
    def arc(series_filter: list[Spec]) -> Spec:
        categorical = is_categorical(chart, group)
        color_field = "x" if categorical or len(group) == 1 else "series"
        return {
            "transform": series_filter,
            "mark": {"type": "arc", "tooltip": True},
            "encoding": {
                "theta": {"field": "y", "type": "quantitative", "stack": True},
                "color": {"field": color_field, "type": "nominal", "sort": None,
                          "title": chart.legend.title},
                "order": {"field": "y", "type": "quantitative", "sort": "descending"},
            },
        }

    if len(group) <= 1:
        return arc([])
    return {"concat": [
        arc([{"filter": {"field": "series", "equal": s.name}}]) | {"title": s.name}
        for s in group
    ]}


def _heatmap(chart: Chart, group: list[Series], panel: str | None) -> Spec:
    x_axis = axis_for(chart, "x", panel)
    y_axis = axis_for(chart, "y", panel)
    cell = {
        "x": {"field": "x", "type": "ordinal", "sort": None,
              "title": x_axis.label if x_axis is not None else None},
        "y": {"field": "series", "type": "ordinal", "sort": _names(group),
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


def _names(group: list[Series]) -> list[str]:
    return [s.name for s in _first_of_each(group)]


def _first_of_each(group: list[Series]) -> list[Series]:
    """One series per distinct name (panels repeat names; duplicates merge in the picture)."""
    seen: dict[str, Series] = {}
    for s in group:
        seen.setdefault(s.name, s)
    return list(seen.values())
