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
    arc, *labels = pie["layer"]
    assert arc["mark"]["type"] == "arc"
    assert arc["encoding"]["theta"]["field"] == "y"
    assert arc["encoding"]["color"]["field"] == "x"
    assert [layer["mark"]["type"] for layer in labels] == ["text"] * 3
    heat = build("heatmap", one).to_vega_lite()
    assert [v["mark"]["type"] for v in views(heat)] == ["rect", "text"]
    assert heat["layer"][0]["encoding"]["y"]["field"] == "series"


def test_axis_titles_log_scale_and_range_carry_over() -> None:
    chart = build("line", [{"name": "s", "points": [{"x": 1, "y": 20}, {"x": 64, "y": 60}]}],
                  axes=[{"role": "x", "label": "Params (B)", "scale": "log", "min": 1, "max": 64},
                        {"role": "y", "label": "Score", "min": 0, "max": 100}])
    enc = chart.to_vega_lite()["encoding"]
    assert enc["x"]["title"] == "Params (B)"
    assert enc["x"]["scale"] == {"type": "log", "domain": [1, 64], "padding": 8}
    assert enc["x"]["axis"] == {"format": "~g"}  # plain numbers on the log axis
    assert enc["y"]["title"] == "Score"
    assert enc["y"]["scale"] == {"domain": [0, 100], "padding": 8}


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


# -- issue 18: specs a person can trust at a glance ---------------------------------------

def test_horizontal_bars_put_the_categories_on_y_with_the_stated_titles() -> None:
    chart = build("bar", [{"name": n, "points": [{"x": "Rust", "y": 42}, {"x": "Go", "y": 17}]}
                          for n in ("2023", "2024")],
                  orientation="horizontal",
                  axes=[{"role": "y", "label": "Language", "scale": "categorical"},
                        {"role": "x", "label": "Lines of code", "min": 0, "max": 50}])
    enc = chart.to_vega_lite()["encoding"]
    assert (enc["y"]["field"], enc["y"]["type"], enc["y"]["title"]) == (
        "x", "ordinal", "Language")
    assert enc["y"]["sort"] is None  # categories top to bottom as written
    assert (enc["x"]["field"], enc["x"]["type"], enc["x"]["title"]) == (
        "y", "quantitative", "Lines of code")
    assert enc["x"]["scale"]["domain"] == [0, 50]
    assert enc["yOffset"]["field"] == "series" and "xOffset" not in enc


def pie_spec(**extra: Any) -> dict:
    return build("pie", [{"name": "Water", "points": [
        {"x": "Agriculture", "y": 49.4}, {"x": "Households", "y": 29.3},
        {"x": "Industry", "y": 17.5}, {"x": "Parks", "y": 2.6}, {"x": "Leaks", "y": 1.2}]}],
        **extra).to_vega_lite()


def test_pie_labels_carry_the_stated_values_and_small_slices_move_out() -> None:
    spec = pie_spec()
    arc, values, right, left = spec["layer"]
    calcs = {t["as"]: t["calculate"] for t in spec["transform"] if "calculate" in t}
    assert calcs["value_text"] == "format(datum.y, '.1f') + '%'"  # 29.3 -> "29.3%" as stated
    assert "datum.x + ' ('" in calcs["slice_label"]  # small slices are named beside the value
    assert "datum.tiny_rank" in calcs["label_radius"]  # ... staggered outwards
    assert [layer["mark"]["type"] for layer in (values, right, left)] == ["text"] * 3
    assert [layer["transform"][0]["filter"] for layer in (values, right, left)] == [
        "!datum.tiny", "datum.tiny && sin(datum.mid_angle) >= 0",
        "datum.tiny && sin(datum.mid_angle) < 0"]
    assert (right["mark"]["align"], left["mark"]["align"]) == ("left", "right")
    assert values["encoding"]["text"] == {"field": "slice_label"}
    assert values["encoding"]["theta"]["field"] == "mid_angle"
    assert arc["encoding"]["order"]["field"] == "slice_order"  # slices in text order


def test_pie_slices_take_the_colours_the_legend_states() -> None:
    spec = pie_spec(legend={"entries": [{"label": "Agriculture", "color": "dark green"},
                                        {"label": "Leaks", "color": "red"}]})
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Agriculture", "Households", "Industry", "Parks", "Leaks"]
    assert scale["range"][0] == "darkgreen" and scale["range"][4] == "red"


def test_bars_take_the_colours_the_legend_states_per_category() -> None:
    chart = build("bar", [{"name": "Score", "points": [{"x": "Ours", "y": 80},
                                                       {"x": "Baseline", "y": 60}]}],
                  legend={"entries": [{"label": "Ours", "color": "orange"},
                                      {"label": "Baseline", "color": "gray"}]})
    color = chart.to_vega_lite()["encoding"]["color"]
    assert color["field"] == "x"
    assert color["scale"] == {"domain": ["Ours", "Baseline"], "range": ["orange", "gray"]}


def test_histogram_bins_are_adjacent_bars_on_a_numeric_axis() -> None:
    chart = build("histogram", [{"name": "count", "points": [
        {"x": "0.25-0.50", "y": 4}, {"x": "0.50-0.75", "y": 9}, {"x": "0.75-1.00", "y": 2}]}])
    spec = chart.to_vega_lite()
    assert [(v["bin_start"], v["bin_end"]) for v in spec["data"]["values"]] == [
        (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]
    enc = spec["encoding"]
    assert enc["x"]["field"] == "bin_start" and enc["x"]["type"] == "quantitative"
    assert enc["x"]["bin"] == {"binned": True}
    assert enc["x2"] == {"field": "bin_end"}
    assert enc["x"]["axis"] == {"values": [0.25, 0.5, 0.75, 1.0], "format": ".2f"}


def test_long_titles_are_wrapped_into_lines() -> None:
    words = ("Share of households in each region that reported using public transport "
             "at least once a week during the second half of the survey year")
    spec = build("line", [{"name": "s", "points": [{"x": 1, "y": 1}]}], title=words).to_vega_lite()
    assert isinstance(spec["title"], list) and len(spec["title"]) > 1
    assert " ".join(spec["title"]).split() == words.split()


def test_a_stated_grid_sets_the_columns() -> None:
    series = [{"name": "s", "panel": p, "points": [{"x": 1, "y": 1}]} for p in "ABC"]
    assert build("line", series, panel_grid=[2, 2]).to_vega_lite()["columns"] == 2
    assert build("line", series).to_vega_lite()["columns"] == 3
    twelve = [{"name": "s", "panel": f"P{i}", "points": [{"x": 1, "y": 1}]} for i in range(12)]
    assert build("line", twelve, panel_grid=[3, 4]).to_vega_lite()["columns"] == 4


def test_a_summary_only_chart_keeps_the_stated_ranges() -> None:
    chart = build("line", [{"name": "Loss", "summary": {"start": 2.4, "end": 0.3}}],
                  axes=[{"role": "x", "label": "Epoch", "min": 0, "max": 50},
                        {"role": "y", "label": "Loss", "min": 0, "max": 3}])
    enc = chart.to_vega_lite()["encoding"]
    assert enc["x"]["scale"]["domain"] == [0, 50] and enc["y"]["scale"]["domain"] == [0, 3]


def test_the_spec_writer_reaches_no_matplotlib_even_for_types() -> None:
    """The compiled build type-checks every module the hot path can reach (models reach
    the Vega-Lite writer) in an environment without matplotlib."""
    import ast

    src = Path(__file__).resolve().parents[1] / "src"
    seen: set[str] = set()
    todo = ["chartparse.export.vega"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = src / (name.replace(".", "/") + ".py")
        if not path.exists():
            path = src / name.replace(".", "/") / "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                package = name if path.name == "__init__.py" else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                target = f"{package}.{node.module}" if node.level and node.module else (
                    node.module or package)
                targets = [target] + [f"{target}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            assert not any(t.startswith("matplotlib") for t in targets), (name, targets)
            todo += [t for t in targets if t.startswith("chartparse") and (
                (src / (t.replace(".", "/") + ".py")).exists()
                or (src / t.replace(".", "/") / "__init__.py").exists())]
    assert "chartparse.export.layout" in seen and "chartparse.export.pie_labels" in seen
