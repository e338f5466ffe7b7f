"""``--to vega-lite`` / ``Chart.to_vega_lite()``: a Vega-Lite v5 spec that draws the points."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from chartparse import Chart, parse_file
from chartparse.cli import main
from chartparse.export.vega import SCHEMA_URL


def build(kind: str, series: list[dict], **extra: Any) -> Chart:
    return Chart.model_validate({"kind": kind, "title": "Built", "series": series, **extra})


def views(spec: dict) -> list[dict]:
    """Every unit view (one with a mark) in a spec, depth first."""
    out = []
    if "mark" in spec:
        out.append(spec)
    for key in ("layer", "concat"):
        for child in spec.get(key, []):
            out += views(child)
    return out


def test_every_corpus_chart_has_one_data_value_per_point(
        corpus_docs: list[tuple[Path, dict]]) -> None:
    for path, _expected in corpus_docs:
        chart = parse_file(path)
        spec = chart.to_vega_lite()
        assert spec["$schema"] == SCHEMA_URL
        assert len(spec["data"]["values"]) == sum(len(s.points) for s in chart.series), path
        assert views(spec), path
        json.dumps(spec)  # JSON-ready


def test_values_carry_the_points() -> None:
    chart = build("line", [{"name": "Loss", "points": [{"x": 1, "y": 0.5, "approx": True}]}])
    assert chart.to_vega_lite()["data"]["values"] == [
        {"panel": "", "series": "Loss", "axis": "y", "x": 1, "y": 0.5, "approx": True,
         "label": None}]


def test_mark_follows_the_kind() -> None:
    one = [{"name": "s", "points": [{"x": "a", "y": 1}, {"x": "b", "y": 2}]}]
    marks = {kind: build(kind, one).to_vega_lite()["mark"]["type"]
             for kind in ("bar", "histogram", "box", "area")}
    assert marks == {"bar": "bar", "histogram": "bar", "box": "bar", "area": "area"}
    numeric = [{"name": "s", "points": [{"x": 1, "y": 1}, {"x": 2, "y": 2}]}]
    assert build("line", numeric).to_vega_lite()["mark"] == {
        "type": "line", "tooltip": True, "point": True}
    assert build("scatter", numeric).to_vega_lite()["mark"]["type"] == "point"
    pie = build("pie", one).to_vega_lite()
    assert pie["mark"]["type"] == "arc"
    assert pie["encoding"]["theta"]["field"] == "y"
    assert pie["encoding"]["color"]["field"] == "x"
    heat = build("heatmap", one).to_vega_lite()
    assert [v["mark"]["type"] for v in views(heat)] == ["rect", "text"]
    assert heat["layer"][0]["encoding"]["y"]["field"] == "series"


def test_axis_titles_log_scale_and_range_carry_over() -> None:
    chart = build("line", [{"name": "s", "points": [{"x": 1, "y": 20}, {"x": 64, "y": 60}]}],
                  axes=[{"role": "x", "label": "Params (B)", "scale": "log", "min": 1, "max": 64},
                        {"role": "y", "label": "Score", "min": 0, "max": 100}])
    enc = chart.to_vega_lite()["encoding"]
    assert enc["x"]["title"] == "Params (B)"
    assert enc["x"]["scale"] == {"type": "log", "domain": [1, 64]}
    assert enc["y"]["title"] == "Score"
    assert enc["y"]["scale"] == {"domain": [0, 100]}


def test_stated_range_is_dropped_when_points_fall_outside() -> None:
    chart = build("line", [{"name": "s", "points": [{"x": 1, "y": 150}]}],
                  axes=[{"role": "y", "label": "Score", "min": 0, "max": 100}])
    assert "domain" not in chart.to_vega_lite()["encoding"]["y"].get("scale", {})


def test_series_colours_dashes_and_grouped_bars() -> None:
    line = build("line", [
        {"name": "Train", "color": "dark blue", "points": [{"x": 1, "y": 1}]},
        {"name": "Val", "color": "orange", "line_style": "dashed", "points": [{"x": 1, "y": 2}]},
    ])
    enc = line.to_vega_lite()["encoding"]
    assert enc["color"]["scale"] == {"domain": ["Train", "Val"], "range": ["darkblue", "orange"]}
    assert enc["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4]]
    bars = build("bar", [{"name": n, "points": [{"x": "a", "y": 1}]} for n in ("A", "B")])
    enc = bars.to_vega_lite()["encoding"]
    assert enc["xOffset"]["field"] == "series"
    assert enc["y"]["stack"] is None
    assert enc["x"]["type"] == "ordinal"
    assert enc["x"]["sort"] is None  # category order as written


def test_panels_are_concatenated_views_filtered_by_panel() -> None:
    chart = build("line", [
        {"name": "s", "panel": p, "points": [{"x": 1, "y": i}]}
        for i, p in enumerate(["(a) Left", "(b) Right"])
    ], panels=[{"title": "(a) Left"}, {"title": "(b) Right"}])
    spec = chart.to_vega_lite()
    assert [v["title"] for v in spec["concat"]] == ["(a) Left", "(b) Right"]
    assert spec["concat"][1]["transform"][0] == {
        "filter": {"field": "panel", "equal": "(b) Right"}}


def test_right_axis_series_are_a_layer_with_an_independent_scale() -> None:
    chart = build("line", [
        {"name": "Power", "points": [{"x": 0, "y": 45}]},
        {"name": "Wind", "axis": "y2", "points": [{"x": 0, "y": 7.5}]},
    ], axes=[{"role": "y", "label": "Power (MW)"}, {"role": "y2", "label": "Wind (m/s)"}])
    spec = chart.to_vega_lite()
    assert spec["resolve"] == {"scale": {"y": "independent"}}
    left, right = spec["layer"]
    assert left["transform"] == [{"filter": {"field": "axis", "equal": "y"}}]
    assert right["transform"] == [{"filter": {"field": "axis", "equal": "y2"}}]
    assert right["encoding"]["y"]["axis"] == {"orient": "right"}
    assert (left["encoding"]["y"]["title"], right["encoding"]["y"]["title"]) == (
        "Power (MW)", "Wind (m/s)")


def test_point_labels_get_a_text_layer() -> None:
    chart = build("scatter", [{"name": "models", "points": [
        {"x": 7, "y": 41, "label": "Marlin-7B"}, {"x": 13, "y": 47}]}])
    spec = chart.to_vega_lite()
    assert [v["mark"]["type"] for v in views(spec)] == ["point", "text"]
    assert spec["layer"][1]["encoding"]["text"] == {"field": "label"}


def test_chart_without_points_is_still_a_spec() -> None:
    spec = Chart(kind="area", title="Empty").to_vega_lite()
    assert spec["data"]["values"] == []
    assert spec["mark"]["type"] == "area"
    assert "color" not in spec["encoding"]


def test_cli_writes_the_spec(tmp_path: Path) -> None:
    source = tmp_path / "c.md"
    source.write_text("## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(source), "--to", "vega-lite"])
    assert result.exit_code == 0, result.output
    spec = json.loads(result.stdout)
    assert spec["title"] == "Loss"
    assert [(v["x"], v["y"]) for v in spec["data"]["values"]] == [(1, 0.9), (2, 0.5)]
