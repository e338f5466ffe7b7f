"""A Chart as a Vega-Lite v5 specification (``--to vega-lite``), standard library only.

The points are inlined as ``data.values`` (one value per point, with ``panel``, ``series``,
``axis``, ``x``, ``y``, ``approx`` and ``label``), so the spec is self-contained.

- mark from the kind: line (with point markers), bar, point (scatter), area, arc (pie,
  labelled with the stated values, small slices' names and values further out), rect
  (heatmap: x by series, colour by value); histograms draw their bins as adjacent bars on
  a numeric axis (``bin_start``/``bin_end`` in the data); box plots draw a bar per box at
  the central value read (the description rarely gives the whole box);
- horizontal bar charts (``orientation``) put the categories on y, axis titles as stated;
- several series: colour by series (the colour the description names, else a palette
  colour of another hue, the same as the PNG), dashes for dashed/dotted lines, grouped
  (not stacked) bars;
- axis titles, log scales (plain-number labels) and stated ranges (padded a few pixels,
  except under bars) carried over; category x keeps text order; long titles wrapped;
- panels: a ``concat`` of one view per panel (each with its own axes), titled by panel,
  in as many columns as the stated grid has;
- series on the right axis: a ``layer`` of the left and right series with
  ``resolve.scale.y = independent`` and the right axis drawn on the right;
- labelled points (scatter plots naming each model) get a text layer.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from .bins import series_bins
from .common import (
    axis_for,
    is_categorical,
    panel_order,
    series_colors,
    series_dash,
    series_in,
    x_text,
)
from .layout import category_colors, grid_shape, wrap
from .vega_marks import categories, first_of_each, heatmap_view, pie_view, series_names

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
        spec["title"] = _title(chart.title, 70)
    spec["description"] = f"{chart.kind} chart read by chartparse"
    spec["data"] = {"values": data_values(chart)}
    panels = panel_order(chart)
    if len(panels) <= 1:
        spec.update(_panel_view(chart, panels[0] if panels else None, filtered=False))
        return spec
    views = []
    for panel in panels:
        view = _panel_view(chart, panel, filtered=True)
        view["title"] = _title(panel, 40) if panel is not None else "(no panel)"
        views.append(view)
    spec["concat"] = views
    spec["columns"] = grid_shape(len(views), chart.panel_grid)[1]
    return spec


def _title(text: str, width: int) -> str | list[str]:
    """A title, as lines of at most ``width`` characters when it is longer (never cut)."""
    lines = wrap(text, width).split("\n")
    return lines if len(lines) > 1 else text


def vega_lite_json(chart: Chart) -> str:
    return json.dumps(to_vega_lite(chart), indent=2, ensure_ascii=False) + "\n"


def data_values(chart: Chart) -> list[dict[str, Any]]:
    """One record per point, in series order (a non-finite y, which JSON cannot carry, is
    left out). A histogram's records also carry their bin's ``bin_start`` and ``bin_end``."""
    values: list[dict[str, Any]] = [
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
    bins = _bins(chart)
    if bins is not None:
        for value in values:
            edges = bins.get(x_text(value["x"]))
            value["bin_start"], value["bin_end"] = edges if edges else (None, None)
    return values


def _bins(chart: Chart) -> dict[str, tuple[float, float]] | None:
    if chart.kind != "histogram":
        return None
    return series_bins([s for s in chart.series if s.points], allow_others=True)


def _js_number(value: float | str) -> float | str:
    """Integers past 2**53 as floats: JavaScript numbers cannot hold them exactly."""
    if isinstance(value, int) and abs(value) > 2**53:
        return float(value)
    return value


def _panel_view(chart: Chart, panel: str | None, *, filtered: bool) -> Spec:
    group = series_in(chart, panel)
    if chart.kind == "pie":
        view = pie_view(chart, group)
    elif chart.kind == "heatmap":
        view = heatmap_view(chart, group, panel)
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
    bins = _bins(chart) if kind == "histogram" else None
    category = "x"  # the encoding channel of the x values (categories or numbers)
    if bins is not None:
        encoding: Spec = {
            "x": _bin_encoding(chart, panel, bins),
            "x2": {"field": "bin_end"},
            "y": _y_encoding(chart, members, panel, role, bars=True),
        }
        if len(series_names(group)) > 1:
            mark["opacity"] = 0.55  # several series overlap, see-through
    elif chart.orientation == "horizontal":
        # Categories down the y axis, values along x; the axis titles stay as stated.
        category = "y"
        encoding = {
            "y": _x_encoding(chart, group, panel, discrete=True) | {
                "title": _label(axis_for(chart, "y", panel))},
            "x": _y_encoding(chart, members, panel, "x", bars=mark_type in ("bar", "area")),
        }
    else:
        encoding = {
            "x": _x_encoding(chart, group, panel, discrete=categorical or mark_type == "bar"),
            "y": _y_encoding(chart, members, panel, role, bars=mark_type in ("bar", "area")),
        }
    names = series_names(group)
    everyone = [s for s in chart.series if s.points]  # one colour per name across panels
    by_category = category_colors(chart, categories(group)) if (
        mark_type == "bar" and len(names) == 1 and bins is None) else {}
    if by_category:  # the legend colours each bar
        encoding["color"] = {"field": "x", "type": "nominal", "legend": None,
                             "scale": {"domain": list(by_category),
                                       "range": list(by_category.values())}}
    elif len(series_names(everyone)) > 1 or (names and chart.legend.entries):
        encoding["color"] = _color_encoding(chart, everyone)
    if mark_type == "bar" and len(names) > 1 and bins is None:
        encoding[f"{category}Offset"] = {"field": "series", "type": "nominal", "sort": names}
    if mark_type == "line":
        dashes = [series_dash(chart, s) for s in first_of_each(group)]
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
    return _continuous(enc, axis, xs, zero=False)


def _bin_encoding(chart: Chart, panel: str | None, bins: dict[str, tuple[float, float]]) -> Spec:
    """Histogram bins on a numeric x axis: each bar spans its bin, so bars touch."""
    axis = axis_for(chart, "x", panel)
    enc: Spec = {"field": "bin_start", "type": "quantitative", "bin": {"binned": True},
                 "title": _label(axis)}
    edges = sorted({edge for lo_hi in bins.values() for edge in lo_hi})
    if len(edges) <= 16:
        enc["axis"] = {"values": edges, "format": f".{_decimals(edges)}f"}
    return _continuous(enc, axis, edges, zero=False)


def _decimals(values: list[float]) -> int:
    """How many decimals the most precise value needs (0.25 -> 2), at most 6."""
    return max((len(f"{v:.6f}".rstrip("0").split(".")[1]) for v in values), default=0)


def _label(axis: Axis | None) -> str | None:
    return axis.label if axis is not None else None




def _y_encoding(chart: Chart, members: list[Series], panel: str | None, role: str,
                *, bars: bool) -> Spec:
    axis = axis_for(chart, role, panel)
    enc: Spec = {"field": "y", "type": "quantitative",
                 "title": axis.label if axis is not None else None}
    if bars:
        enc["stack"] = None
    ys = [float(p.y) for s in members for p in s.points]
    _continuous(enc, axis, ys, zero=bars)
    if role == "y2":
        enc["axis"] = enc.get("axis", {}) | {"orient": "right"}
    return enc


PADDING = 8  # pixels beyond a stated limit, so that markers at the limit show whole


def _continuous(enc: Spec, axis: Axis | None, values: list[float], *, zero: bool) -> Spec:
    """``enc`` with its scale (log, stated range) and, on log scales, plain-number labels."""
    scale = _scale(axis, values, zero=zero)
    if scale:
        enc["scale"] = scale
    if scale.get("type") == "log":
        enc["axis"] = enc.get("axis", {}) | {"format": "~g"}
    return enc


def _scale(axis: Axis | None, values: list[float], *, zero: bool = False) -> Spec:
    """Log scale and the stated range, when the data fit inside it (padded, except for the
    baseline of bars)."""
    scale: Spec = {}
    log = axis is not None and axis.scale == "log" and all(v > 0 for v in values)
    if log:
        scale["type"] = "log"
    if axis is not None and axis.min is not None and axis.max is not None:
        lo, hi = float(axis.min), float(axis.max)
        fits = all(lo <= v <= hi for v in values)
        if lo < hi and fits and (not log or lo > 0):
            scale["domain"] = [axis.min, axis.max]
            if not zero:
                scale["padding"] = PADDING
    if "domain" not in scale and not zero and not log:
        scale["zero"] = False
    return scale


def _color_encoding(chart: Chart, group: list[Series]) -> Spec:
    names = series_names(group)
    enc: Spec = {"field": "series", "type": "nominal", "sort": names,
                 "title": chart.legend.title}
    colors = series_colors(chart)
    enc["scale"] = {"domain": names, "range": [colors[name] for name in names]}
    return enc
