"""``--to md`` / ``Chart.to_markdown()``: a description chartparse reads back to the same points."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chartparse import Chart, LegendEntry, parse, parse_file
from chartparse.export import markdown
from chartparse.export.markdown import render, to_markdown

SEED_LINE = """## Line Chart: Validation Loss vs. Training Steps
### Overview
The chart compares three optimisers over 10k steps.
### Components/Axes
* **X-Axis:** Labeled "Training Steps (K)". The scale runs from 0 to 10.
* **Y-Axis:** Labeled "Validation Loss". The scale runs from 1.5 to 4.
* **Legend:** Positioned at the top right. It contains 3 entries:
* **Adam:** Solid blue line.
* **SGD:** Dashed orange line.
* **Lion:** Dotted green line.
### Detailed Analysis
**1. Adam (Solid Blue Line)**
* **Data Points (Approximate):**
* 0K steps: ~3.9
* 5K steps: ~2.4
* 10K steps: ~1.8
**2. SGD (Dashed Orange Line)**
* **Data Points (Approximate):**
* 0K steps: ~3.9
* 5K steps: ~3.1
* 10K steps: ~2.6
**3. Lion (Dotted Green Line)**
* **Data Points (Approximate):**
* 0K steps: ~3.8
* 5K steps: ~2.2
* 10K steps: ~1.7
### Key Observations
* Lion ends lowest, about 0.1 below Adam.
"""

SEED_BAR = """## Bar Chart: Accuracy by Benchmark
### Overview
A grouped bar chart of two models on four benchmarks.
### Components/Axes
* **X-Axis:** Labeled "Benchmark".
* **Y-Axis:** Labeled "Accuracy (%)". The scale runs from 0 to 100.
* **Legend:** Positioned at the top left. It contains 2 entries:
* **Model A:** Teal bar.
* **Model B:** Gray bar.
### Detailed Analysis
| Benchmark | Model A | Model B |
|---|---|---|
| MMLU | 71.2 | 64.8 |
| GSM8K | 55.0 | 61.3 |
| HumanEval | 40.5 | 38.1 |
| ARC | 82.7 | 79.9 |
"""


def points(chart: Chart) -> Counter:
    """(panel, series, x as text, y): x is compared as text, see point_keys()."""
    from chartparse.export.common import x_text

    return Counter((s.panel or "", s.name, x_text(p.x), float(p.y))
                   for s in chart.series for p in s.points)


def assert_round_trip(chart: Chart) -> None:
    text = to_markdown(chart)
    back = parse(text)
    assert points(back) == points(chart), text


def test_corpus_descriptions_round_trip(corpus_docs: list[tuple[Path, dict]]) -> None:
    checked = 0
    for path, _expected in corpus_docs:
        assert_round_trip(parse_file(path))
        checked += 1
    assert checked >= 30


@pytest.mark.parametrize("text", [SEED_LINE, SEED_BAR], ids=["seed-line", "seed-bar"])
def test_seed_style_descriptions_round_trip(text: str) -> None:
    chart = parse(text)
    assert sum(len(s.points) for s in chart.series) >= 8
    assert_round_trip(chart)


def test_output_is_the_seed_style() -> None:
    text = to_markdown(parse(SEED_LINE))
    assert text.startswith("## Line Chart: Validation Loss vs. Training Steps\n### Components/Axes\n")
    assert '* **X-Axis:**\n    * **Label:** "Training Steps (K)"\n' in text
    assert "    * **Range:** 0 to 10\n" in text
    assert "* **Legend:**\n    * **Position:** top-right\n    * **Adam** (blue solid line)\n" in text
    assert "**2. SGD (Dashed Orange Line)**" in text
    assert "**2. SGD (Dashed Orange Line)**\n* 0: ~3.9\n* 5000: ~3.1\n" in text
    assert "### Key Observations\n* Lion ends lowest" in text


def test_title_kind_axes_and_legend_read_back() -> None:
    chart = parse(SEED_LINE)
    back = parse(chart.to_markdown())
    assert (back.kind, back.title) == (chart.kind, chart.title)
    assert [(a.role, a.label, a.min, a.max) for a in back.axes] == [
        (a.role, a.label, a.min, a.max) for a in chart.axes]
    assert [(e.label, e.color) for e in back.legend.entries] == [
        ("Adam", "blue"), ("SGD", "orange"), ("Lion", "green")]


def build(kind: str, series: list[dict], *, panels: list[str] = (), axes: list[dict] = ()) -> Chart:
    return Chart.model_validate({
        "kind": kind, "title": "Built chart",
        "axes": list(axes) or [{"role": "x", "label": "Step"}, {"role": "y", "label": "Value"}],
        "panels": [{"title": p} for p in panels], "series": series,
    })


def test_panels_are_headings_that_read_back() -> None:
    series = [
        {"name": name, "panel": panel, "points": [{"x": 1, "y": i + 0.5}, {"x": 2, "y": i + 1}]}
        for i, (panel, name) in enumerate(
            [(p, n) for p in ("(a) Wild Type", "(b) Mutant") for n in ("25 °C", "37 °C")])
    ]
    chart = build("line", series, panels=["(a) Wild Type", "(b) Mutant"])
    text = to_markdown(chart)
    assert "#### (a) Wild Type\n**1. 25 °C (Line)**" in text
    assert_round_trip(chart)


def test_right_axis_series_read_back_on_the_right_axis() -> None:
    chart = build("line", [
        {"name": "Power", "points": [{"x": 0, "y": 45, "approx": True}, {"x": 12, "y": 15}]},
        {"name": "Wind", "axis": "y2", "points": [{"x": 0, "y": 7.5}, {"x": 12, "y": 4.5}]},
    ], axes=[{"role": "x", "label": "Hour"}, {"role": "y", "label": "Power (MW)"},
             {"role": "y2", "label": "Wind (m/s)", "min": 0, "max": 15}])
    back = parse(to_markdown(chart))
    assert points(back) == points(chart)
    assert {s.name: s.axis for s in back.series if s.points} == {"Power": "y", "Wind": "y2"}
    assert [p.approx for p in back.series[0].points] == [True, False]


def test_log_scale_survives() -> None:
    chart = build("line", [{"name": "Loss", "points": [{"x": 1e18, "y": 3.9}, {"x": 1e20, "y": 3.1}]}],
                  axes=[{"role": "x", "label": "Compute (FLOPs)", "scale": "log",
                         "min": 1e18, "max": 1e22}, {"role": "y", "label": "Loss"}])
    text = to_markdown(chart)
    assert "    * **Scale:** logarithmic\n    * **Range:** 1e+18 to 1e+22\n" in text
    back = parse(text)
    assert next(a for a in back.axes if a.role == "x").scale == "log"
    assert points(back) == points(chart)


@pytest.mark.parametrize("categories", [
    ["Wheat", "Maize", "Soybean"],
    ["Step 3", "100B", "Llama 3 70B", "50-100 ms"],   # digits: kept verbatim
    ["Min", "Max", "Q1", "Legend", "Total"],         # keyword-like labels
    ["M. Okafor", "J. Lindqvist"],                    # initials
])
def test_category_labels_read_back_verbatim(categories: list[str]) -> None:
    chart = build("bar", [
        {"name": name, "points": [{"x": c, "y": 10 * i + j} for j, c in enumerate(categories)]}
        for i, name in enumerate(["Drip", "Flood"])
    ])
    assert_round_trip(chart)


def test_heatmap_is_a_row_per_series_table() -> None:
    classes = ["Forest", "Water", "Urban"]
    chart = build("heatmap", [
        {"name": row, "points": [{"x": col, "y": 0.9 if row == col else 0.05} for col in classes]}
        for row in classes
    ], axes=[{"role": "x", "label": "Predicted"}, {"role": "y", "label": "True"}])
    text = to_markdown(chart)
    assert "| True \\ Predicted | Forest | Water | Urban |" in text
    assert_round_trip(chart)


def test_pie_slices_read_back() -> None:
    chart = build("pie", [{"name": "Time use", "points": [
        {"x": "Research", "y": 42, "approx": True}, {"x": "Teaching", "y": 18}]}], axes=[])
    assert_round_trip(chart)


def test_bullet_layout_is_kept_when_it_reads_back() -> None:
    chart = build("bar", [{"name": "Yield", "points": [{"x": "Wheat", "y": 6.2}]}])
    chart.legend.entries.append(LegendEntry(label="Yield", color="green"))
    assert to_markdown(chart) == render(chart, "bullets")
    assert "**1. Yield (Green Bar)**\n* **Wheat:** 6.2" in render(chart, "bullets")


def _misses(table: dict[str, int]) -> Callable[[Chart, str], int]:
    return lambda _chart, text: table.get(text, 5)


def test_first_layout_that_reads_back_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = build("bar", [{"name": "Revenue", "points": [{"x": "Q1", "y": 3}, {"x": "Q2", "y": 4}]}])
    misses = {render(chart, "bullets"): 2, render(chart, "rows"): 0, render(chart, "columns"): 0}
    monkeypatch.setattr(markdown, "round_trip_misses", _misses(misses))
    assert to_markdown(chart) == render(chart, "rows")
    assert "| Series \\ Step | Q1 | Q2 |\n|---|---|---|\n| Revenue | 3 | 4 |" in to_markdown(chart)


def test_fewest_misses_win_when_no_layout_reads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = build("bar", [{"name": "Revenue", "points": [{"x": "Q1", "y": 3}]}])
    misses = {render(chart, "bullets"): 2, render(chart, "rows"): 3, render(chart, "columns"): 1}
    monkeypatch.setattr(markdown, "round_trip_misses", _misses(misses))
    assert to_markdown(chart) == render(chart, "columns")
    assert "| Step | Revenue |\n|---|---|\n| Q1 | 3 |" in to_markdown(chart)


def test_a_lost_point_weighs_more_than_any_other_fact() -> None:
    chart = build("line", [{"name": "Loss", "points": [{"x": 1, "y": 2}]}])
    same = render(chart)
    no_axes = same.replace('    * **Label:** "Step"\n', "").replace('    * **Label:** "Value"\n', "")
    no_point = same.replace("* 1: 2\n", "")
    assert markdown.round_trip_misses(chart, same) == 0
    assert 0 < markdown.round_trip_misses(chart, no_axes) < markdown.round_trip_misses(chart, no_point)


def test_chart_without_points_renders_a_heading() -> None:
    text = Chart(kind="diagram", title="Pipeline").to_markdown()
    assert text.startswith("## Diagram: Pipeline\n")
    assert points(parse(text)) == Counter()


NAMES = ["Alpha", "Beta", "Gamma", "Delta", "Omega", "Baseline", "Ours", "Train", "Val", "GPT",
         "Llama (7B)", "µ-law", "north", "Control"]
CATEGORIES = [*NAMES, "Min", "Q1", "Total", "Median", "A. Smith", "Step 3", "Q1 2023", "≥ 90"]
NUMBERS = st.integers(-1000, 100000) | st.floats(0.001, 1e9).map(lambda f: float(f"{f:.4g}"))
VALUES = st.integers(-1000, 100000) | st.floats(-1e6, 1e6).map(lambda f: float(f"{f:.4g}"))


def label(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=1, max_size=3, unique=True).map(" ".join) | (
        st.tuples(st.sampled_from(words), st.integers(1, 99)).map(lambda t: f"{t[0]}-{t[1]}"))


@st.composite
def charts(draw: st.DrawFn) -> Chart:
    kind = draw(st.sampled_from(["line", "bar", "scatter", "area", "heatmap", "pie", "box"]))
    categorical = kind in ("bar", "heatmap", "pie", "box") and draw(st.booleans())
    names = draw(st.lists(label(NAMES), min_size=1, max_size=3, unique=True))
    panels = draw(st.sampled_from([[], ["(a) Left", "(b) Right"], ["Panel A: Loss", "Panel B: Time"]]))
    xs = draw(st.lists(label(CATEGORIES) if categorical else NUMBERS, min_size=1, max_size=5,
                       unique=True))
    right = kind in ("line", "scatter") and len(names) > 1 and draw(st.booleans())
    series = [
        {"name": name, "panel": panel, "axis": "y2" if right and name == names[-1] else "y",
         "points": [{"x": x, "y": draw(VALUES), "approx": draw(st.booleans())}
                    for x in xs if x == xs[0] or draw(st.booleans())]}
        for panel in (panels or [None]) for name in names
    ]
    axes = [{"role": "x", "label": "Input"}, {"role": "y", "label": "Output"}]
    if right:
        axes.append({"role": "y2", "label": "Right"})
    return build(kind, series, panels=panels, axes=axes)


# Each example parses up to three renderings; a quarter of the profile's budget is plenty.
@settings(max_examples=max(25, settings.default.max_examples // 4))
@given(charts())
def test_generated_charts_round_trip(chart: Chart) -> None:
    assert_round_trip(chart)
