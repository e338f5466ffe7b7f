"""Stage 3 (chartparse.extract): meaning from small hand-written descriptions.

Each description below is written for this file.
"""

from __future__ import annotations

import pytest

import chartparse
from chartparse.extract.category_values import bin_list
from chartparse.extract.state import AxisDraft
from chartparse.models import Axis, Chart, Series


def parse(text: str) -> Chart:
    chart = chartparse.parse(text)
    assert not [d for d in chart.diagnostics if d.code == "internal-error"], chart.diagnostics
    return chart


def axis(chart: Chart, role: str, panel: str | None = None) -> Axis:
    for a in chart.axes:
        if a.role == role and a.panel == panel:
            return a
    raise AssertionError(f"no {role} axis (panel {panel!r}) in {chart.axes}")


def series(chart: Chart, name: str, panel: str | None = None) -> Series:
    for s in chart.series:
        if s.name == name and s.panel == panel:
            return s
    raise AssertionError(f"no series {name!r} (panel {panel!r}) in "
                         f"{[(s.name, s.panel) for s in chart.series]}")


def xy(s: Series) -> list[tuple]:
    return [(p.x, p.y) for p in s.points]


def codes(chart: Chart) -> list[str]:
    return [d.code for d in chart.diagnostics]


def all_points(chart: Chart) -> list[tuple]:
    return [(p.x, p.y) for s in chart.series for p in s.points]


REWARD = """\
## Line Chart: Reward Model Accuracy During Fine-Tuning
### Components/Axes
* **X-Axis:** Labeled "Training Steps". Ranging from 0 to 4000.
* **Y-Axis:** Labeled "Accuracy (%)". The scale runs from 50 to 90.
* **Legend:** Located in the lower right. It contains two entries:
* **Helpful:** Solid green line with circle markers.
* **Harmless:** Dashed purple line with square markers.
### Detailed Analysis
**1. Helpful (Green Line)**
* 0 steps: ~55%
* 1000 steps: ~68%
* 4000 steps: ~81%
**2. Harmless (Purple Line)**
* 0 steps: ~52%
* 1000 steps: 60%
* 4000 steps: ~74%
### Key Observations
* Helpful stays about 7 points above Harmless at 4000 steps.
* Harmless reaches 74 at 4000 steps, its maximum.
### Interpretation
The helpful objective is learned faster than the harmless one; at 2000 steps the gap is near 9.
"""


@pytest.fixture(scope="module")
def reward() -> Chart:
    return parse(REWARD)


# -- title and kind ------------------------------------------------------------------


def test_title_from_heading_after_the_kind(reward: Chart) -> None:
    assert reward.title == "Reward Model Accuracy During Fine-Tuning"


def test_explicit_chart_title_wins_over_the_heading() -> None:
    chart = parse(
        "# Chart Description\n"
        '* **Chart Title:** "Throughput of Three Storage Engines"\n'
        "* **Chart Type:** Bar chart\n"
    )
    assert chart.title == "Throughput of Three Storage Engines"


def test_kind_from_heading(reward: Chart) -> None:
    assert reward.kind == "line"


def test_kind_from_chart_type_key() -> None:
    chart = parse("# Figure 3\n* **Chart Type:** Horizontal bar chart\n* Lisbon: 27\n")
    assert chart.kind == "bar"


def test_kind_from_first_paragraph() -> None:
    chart = parse("This scatter plot compares model size with benchmark score.\n")
    assert chart.kind == "scatter"


def test_heading_kind_wins_over_chart_type_key() -> None:
    chart = parse("## Area Chart: Energy Mix\n* **Chart Type:** Stacked chart of lines\n")
    assert chart.kind == "area"


def test_kind_of_a_description_without_any_kind() -> None:
    assert parse("Some notes about a figure.\n").kind == "other"


# -- axes ------------------------------------------------------------------------------


def test_axis_labels_and_ranges(reward: Chart) -> None:
    x, y = axis(reward, "x"), axis(reward, "y")
    assert (x.label, x.min, x.max) == ("Training Steps", 0, 4000)
    assert (y.label, y.min, y.max) == ("Accuracy (%)", 50, 90)


def test_axis_unit_from_the_label(reward: Chart) -> None:
    assert axis(reward, "y").unit == "%"


def test_axis_range_in_parentheses() -> None:
    chart = parse("## Line Chart: Loss\n* **Y-Axis:** Loss (0 to 150)\n")
    y = axis(chart, "y")
    assert (y.label, y.min, y.max) == ("Loss", 0, 150)


def test_axis_range_from_a_tick_list() -> None:
    chart = parse("## Line Chart: Loss\n* **X-Axis:** Epoch, with ticks at 0, 5, 10, 15, 20.\n")
    x = axis(chart, "x")
    assert (x.label, x.min, x.max) == ("Epoch", 0, 20)


def test_axis_tick_field_gives_ticks() -> None:
    chart = parse("* **X-Axis:**\n  * **Label:** Epoch\n  * **Ticks:** 0, 10, 20, 30\n")
    x = axis(chart, "x")
    assert x.ticks == [0, 10, 20, 30]
    assert (x.min, x.max) == (0, 30)


def test_axis_with_flattened_fields() -> None:
    chart = parse(
        "* **X-Axis:**\n"
        "* **Label:** Wall-clock time (hours)\n"
        "* **Scale:** Linear, from 0 to 48\n"
        "* **Y-Axis:**\n"
        "* **Label:** BLEU\n"
    )
    x = axis(chart, "x")
    assert (x.label, x.unit, x.scale, x.min, x.max) == (
        "Wall-clock time (hours)", "hours", "linear", 0, 48)
    assert axis(chart, "y").label == "BLEU"


def test_log_scale() -> None:
    chart = parse("* **X-axis:** Parameters (billions), log scale, from 1 to 100.\n")
    x = axis(chart, "x")
    assert (x.scale, x.min, x.max, x.unit) == ("log", 1, 100, "billions")


def test_right_y_axis_is_y2() -> None:
    chart = parse(
        "This line chart has two y axes.\n"
        "* **Y-axis (left):** Score (0 to 100)\n"
        "* **Y-axis (right):** Latency (ms)\n"
    )
    assert axis(chart, "y").label == "Score"
    assert axis(chart, "y2").label == "Latency (ms)"
    assert axis(chart, "y2").unit == "ms"


def test_categorical_note_is_not_a_unit() -> None:
    chart = parse("## Bar Chart: Speed\n* **X-Axis:** Storage engine (categorical)\n")
    x = axis(chart, "x")
    assert x.scale == "categorical"
    assert x.unit is None
    assert x.label == "Storage engine"


# -- legend ---------------------------------------------------------------------------


def test_legend_entries_label_first_with_styles(reward: Chart) -> None:
    entries = [(e.label, e.color, e.line_style, e.marker) for e in reward.legend.entries]
    assert entries == [
        ("Helpful", "green", "solid", "circle"),
        ("Harmless", "purple", "dashed", "square"),
    ]


def test_legend_position(reward: Chart) -> None:
    assert reward.legend.position == "lower-right"


def test_legend_entries_style_first() -> None:
    chart = parse(
        "* **Legend:** Upper left corner.\n"
        "  * Red dashed line: Jacobi\n"
        "  * Blue solid line: Gauss-Seidel\n"
        '  * Triangle markers: "Multigrid"\n'
    )
    entries = [(e.label, e.color, e.line_style, e.marker) for e in chart.legend.entries]
    assert entries == [
        ("Jacobi", "red", "dashed", None),
        ("Gauss-Seidel", "blue", "solid", None),
        ("Multigrid", None, None, "triangle"),
    ]
    assert chart.legend.position == "upper-left"


def test_series_take_the_legend_styles(reward: Chart) -> None:
    s = series(reward, "Helpful")
    assert (s.color, s.line_style, s.marker) == ("green", "solid", "circle")


def test_legend_quoted_labels_in_prose() -> None:
    chart = parse('* **Legend:** Bottom center; "Small" and "Large".\n')
    assert [e.label for e in chart.legend.entries] == ["Small", "Large"]
    assert chart.legend.position == "bottom-center"


def test_legend_prose_with_style_after_the_label() -> None:
    chart = parse('* **Legend:** Entries: "Small" (orange circles) and "Large" (green squares).\n')
    entries = [(e.label, e.color, e.marker) for e in chart.legend.entries]
    assert entries == [("Small", "orange", "circle"), ("Large", "green", "square")]


def test_legend_unquoted_prose_entries() -> None:
    chart = parse("* **Legend:** Accuracy (blue line), Loss (red line)\n")
    entries = [(e.label, e.color) for e in chart.legend.entries]
    assert entries == [("Accuracy", "blue"), ("Loss", "red")]


# -- series and points ------------------------------------------------------------------


def test_points_from_x_labels_under_series_headers(reward: Chart) -> None:
    assert xy(series(reward, "Helpful")) == [(0, 55), (1000, 68), (4000, 81)]
    assert xy(series(reward, "Harmless")) == [(0, 52), (1000, 60), (4000, 74)]


def test_approx_flags(reward: Chart) -> None:
    harmless = series(reward, "Harmless")
    assert [p.approx for p in harmless.points] == [True, False, True]


def test_points_carry_their_source_line(reward: Chart) -> None:
    first = series(reward, "Helpful").points[0]
    assert REWARD.splitlines()[first.line - 1] == "* 0 steps: ~55%"


def test_point_data_names_every_field_of_a_drafted_point() -> None:
    from chartparse.extract import _point
    from chartparse.extract.state import PointDraft

    draft = PointDraft(5, 0.5, True, 3, "peak", "statement.value-at-x")
    assert _point(draft, (4, 7)) == {**draft._asdict(), "span": {"start": 4, "end": 7}}
    assert _point(draft, None)["span"] is None


def test_numbers_in_key_observations_and_interpretation_are_not_points(reward: Chart) -> None:
    # The observation '74 at 4000 steps' and the interpretation's '2000 steps' add nothing.
    assert sorted(all_points(reward)) == sorted(
        [(0, 55), (1000, 68), (4000, 81), (0, 52), (1000, 60), (4000, 74)]
    )
    assert all(p.x != 2000 for s in reward.series for p in s.points)


def test_observations_and_interpretation_text(reward: Chart) -> None:
    assert reward.observations == [
        "Helpful stays about 7 points above Harmless at 4000 steps.",
        "Harmless reaches 74 at 4000 steps, its maximum.",
    ]
    assert reward.interpretation is not None
    assert reward.interpretation.startswith("The helpful objective is learned faster")


def test_tokens_with_magnitude_letter_as_x() -> None:
    chart = parse(
        "## Line Chart: Pretraining Loss\n"
        "* **X-Axis:** Tokens (B), 0 to 400\n"
        "* **Y-Axis:** Loss, 2 to 4\n"
        "### Detailed Analysis\n"
        "* 100B tokens: ~3.4\n"
        "* 200B tokens: ~2.9\n"
    )
    assert xy(series(chart, "Loss")) == [(100, 3.4), (200, 2.9)]


def test_tuple_points() -> None:
    chart = parse(
        "## Line Chart: Latency under Load\n"
        "* **X-Axis:** Requests per second (0 to 1000)\n"
        "**Nginx**\n"
        "* (100, ~12)\n"
        "* (500, ~18.5)\n"
    )
    s = series(chart, "Nginx")
    assert xy(s) == [(100, 12), (500, 18.5)]
    assert all(p.approx for p in s.points)


def test_epoch_percent_points() -> None:
    chart = parse(
        "## Line Chart: Top-1 Accuracy\n"
        "* **X-Axis:** Epoch\n"
        "**Baseline**\n"
        "* Epoch 1: ~41%\n"
        "* Epoch 3: ~75%\n"
    )
    assert xy(series(chart, "Baseline")) == [(1, 41), (3, 75)]


PERPLEXITY = """\
## Line Chart: Perplexity
* **X-Axis:** Tokens (B), from 0 to 500
* **Y-Axis:** Perplexity, from 0 to 60
* **Legend:**
  * **Small:** orange line
  * **Large:** green line
### Detailed Analysis
* **Small:** Starts at ~40 and ends at ~12. Peaks at ~45 at ~20B tokens.
* **Large:** At 60B tokens, the perplexity is approximately 21.5. It fluctuates between 8 and 10.
"""


@pytest.fixture(scope="module")
def perplexity() -> Chart:
    return parse(PERPLEXITY)


def test_narrative_value_at_x(perplexity: Chart) -> None:
    small = series(perplexity, "Small")
    assert [(p.x, p.y, p.approx) for p in small.points] == [(20, 45, True)]


def test_narrative_at_x_the_value_is(perplexity: Chart) -> None:
    large = series(perplexity, "Large")
    assert [(p.x, p.y, p.approx) for p in large.points] == [(60, 21.5, True)]


def test_start_and_end_go_to_the_summary_not_points(perplexity: Chart) -> None:
    small = series(perplexity, "Small")
    assert (small.summary.start, small.summary.end) == (40, 12)
    assert all(p.y not in (40, 12) for p in small.points)


def test_fluctuates_between_gives_min_and_max_not_points(perplexity: Chart) -> None:
    large = series(perplexity, "Large")
    assert (large.summary.min, large.summary.max) == (8, 10)
    assert all(p.y not in (8, 10) for p in large.points)


def test_increase_from_to_is_start_and_end() -> None:
    chart = parse(
        "## Line Chart: Users\n"
        "* **Legend:**\n  * **Free:** blue line\n"
        "### Trends\n"
        "* **Free:** The count increases from 120 to 480 over the year.\n"
    )
    free = series(chart, "Free")
    assert (free.summary.start, free.summary.end) == (120, 480)
    assert free.points == []


def test_trend_text_goes_to_the_summary() -> None:
    chart = parse(
        "## Line Chart: Users\n"
        "* **X-Axis:** Month\n"
        "**1. Free (Blue Line)**\n"
        "* **Trend:** Slow, steady growth.\n"
        "* Month 1: 100\n"
        "* Month 2: 130\n"
    )
    free = series(chart, "Free")
    assert free.summary.trend == "Slow, steady growth."
    assert xy(free) == [(1, 100), (2, 130)]


def test_month_labels_are_x_values_without_an_axis_label() -> None:
    chart = parse("## Line Chart: Users\n**Free**\n* Month 1: 100\n* Week 2: 130\n")
    assert xy(series(chart, "Free")) == [(1, 100), (2, 130)]


def test_flattened_numbered_series_with_bullets() -> None:
    chart = parse(
        "## Line Chart: Loss\n"
        "* **X-Axis:** Epoch, 0 to 10\n"
        "### Detailed Analysis\n"
        "1. **Adam (Blue Line)**:\n"
        "- Epoch 0: ~2.5\n"
        "- Epoch 10: ~0.4\n"
        "2. **SGD (Red Line)**:\n"
        "- Epoch 0: ~2.5\n"
        "- Epoch 10: ~0.9\n"
    )
    assert xy(series(chart, "Adam")) == [(0, 2.5), (10, 0.4)]
    assert xy(series(chart, "SGD")) == [(0, 2.5), (10, 0.9)]


def test_flattened_x_groups_with_series_values() -> None:
    chart = parse(
        "## Bar Chart: Accuracy by Epoch\n"
        "* **Legend:**\n  * **Original:** blue bars\n  * **Modified:** orange bars\n"
        "### Detailed Analysis\n"
        "- **Epoch 1**:\n"
        "- Original: ~60%\n"
        "- Modified: ~52%\n"
        "- **Epoch 2**:\n"
        "- Original: ~71%\n"
        "- Modified: ~66%\n"
    )
    assert xy(series(chart, "Original")) == [("Epoch 1", 60), ("Epoch 2", 71)]
    assert xy(series(chart, "Modified")) == [("Epoch 1", 52), ("Epoch 2", 66)]


def test_generic_analysis_heading_is_not_a_series_name() -> None:
    chart = parse(
        "## Line Chart: Loss\n"
        "* **Y-Axis:** Loss, 2 to 4\n"
        "### Analysis\n"
        "* Epoch 1: ~3.4\n"
    )
    assert [s.name for s in chart.series] == ["Loss"]


def test_series_container_heading_is_not_a_series() -> None:
    chart = parse(
        "## Line Chart: Latency\n"
        "### Series\n"
        "**Nginx**\n"
        "* (100, 12)\n"
        "**Caddy**\n"
        "* (100, 15)\n"
    )
    assert [s.name for s in chart.series] == ["Nginx", "Caddy"]


def test_model_names_do_not_make_points() -> None:
    chart = parse(
        "## Bar Chart: Benchmark Scores\n"
        "* **X-Axis:** Model\n"
        "* **Y-Axis:** Score (0 to 100)\n"
        "### Data\n"
        "* **Pythia-1B:** 31.5\n"
        "* **Qwen2.5:** 64\n"
    )
    assert xy(series(chart, "Score")) == [("Pythia-1B", 31.5), ("Qwen2.5", 64)]
    assert all(p.y >= 0 for p in series(chart, "Score").points)


# -- bars -----------------------------------------------------------------------------


def test_bar_categories() -> None:
    chart = parse(
        "## Bar Chart: Median Commute Time by City\n"
        "* **X-Axis:** City\n"
        "* **Y-Axis:** Minutes (0 to 60)\n"
        "### Data\n"
        "* **Lisbon:** 27 minutes\n"
        "* **Oslo:** ~22 minutes\n"
        "* **Lagos:** approximately 54 minutes\n"
    )
    assert chart.kind == "bar"
    s = series(chart, "Minutes")
    assert [(p.x, p.y, p.approx) for p in s.points] == [
        ("Lisbon", 27, False), ("Oslo", 22, True), ("Lagos", 54, True)]


# -- tables --------------------------------------------------------------------------


def test_table_with_one_column_per_series() -> None:
    chart = parse(
        "## Line Chart: Throughput by Batch Size\n"
        "| Batch size | GPU-A | GPU-B |\n"
        "|---|---|---|\n"
        "| 8 | 110 | 95 |\n"
        "| 16 | 205 | ~170 |\n"
        "| 32 | 390 | 300 |\n"
    )
    assert xy(series(chart, "GPU-A")) == [(8, 110), (16, 205), (32, 390)]
    b = series(chart, "GPU-B")
    assert xy(b) == [(8, 95), (16, 170), (32, 300)]
    assert [p.approx for p in b.points] == [False, True, False]


def test_heatmap_table_has_one_series_per_row() -> None:
    chart = parse(
        "## Heatmap: Pairwise Agreement\n"
        "| | Judge A | Judge B | Judge C |\n"
        "|---|---|---|---|\n"
        "| Judge A | 1.00 | 0.62 | 0.48 |\n"
        "| Judge B | 0.62 | 1.00 | 0.55 |\n"
    )
    assert chart.kind == "heatmap"
    assert xy(series(chart, "Judge A")) == [("Judge A", 1.0), ("Judge B", 0.62), ("Judge C", 0.48)]
    assert xy(series(chart, "Judge B")) == [("Judge A", 0.62), ("Judge B", 1.0), ("Judge C", 0.55)]


def test_table_range_cells_are_not_values() -> None:
    chart = parse(
        "## Bar Chart: Ranges\n"
        "| Group | Value |\n|---|---|\n| a | 10-20 |\n| b | 30 |\n"
    )
    assert all_points(chart) == [("b", 30)]


# -- panels --------------------------------------------------------------------------


def test_bold_chart_sections_are_panels() -> None:
    chart = parse(
        "## Line Charts: Loss Curves\n"
        "Two panels side by side.\n"
        "**Chart 1: Training Loss**\n"
        "* **X-Axis:** Epoch (0 to 10)\n"
        "* Epoch 0: ~2.3\n"
        "* Epoch 10: ~0.4\n"
        "**Chart 2: Validation Loss**\n"
        "* Epoch 0: ~2.4\n"
        "* Epoch 10: ~0.9\n"
    )
    assert [p.title for p in chart.panels] == ["Chart 1: Training Loss", "Chart 2: Validation Loss"]
    by_panel = {s.panel: xy(s) for s in chart.series}
    assert by_panel == {
        "Chart 1: Training Loss": [(0, 2.3), (10, 0.4)],
        "Chart 2: Validation Loss": [(0, 2.4), (10, 0.9)],
    }
    assert axis(chart, "x", "Chart 1: Training Loss").max == 10
    assert "panel-count-mismatch" not in codes(chart)


GRID = """\
## Line Charts: Ablations across Tasks
### Overview
The figure is a 2x2 grid of line charts, one per task.
### Components
* **X-Axis:** Training Steps (0 to 1000)
* **Y-Axis (left):** Accuracy
* **Y-Axis (right):** Loss
* **Legend:**
  * **Accuracy:** blue line
  * **Loss:** red dashed line
### Detailed Analysis
1. **Math:** Accuracy reaches 0.6 at 1000 steps, while Loss falls to 1.1 at 1000 steps.
2. **Code:** Accuracy reaches 0.7 at 1000 steps, while Loss falls to 0.9 at 1000 steps.
3. **Logic:** Accuracy reaches 0.5 at 1000 steps, while Loss falls to 1.4 at 1000 steps.
4. **Prose:** Accuracy reaches 0.8 at 1000 steps, while Loss falls to 0.7 at 1000 steps.
"""


def test_grid_overview_with_numbered_panels_gives_per_panel_series() -> None:
    chart = parse(GRID)
    assert [p.title for p in chart.panels] == ["Math", "Code", "Logic", "Prose"]
    got = {(s.panel, s.name): (s.axis, xy(s)) for s in chart.series}
    assert got == {
        ("Math", "Accuracy"): ("y", [(1000, 0.6)]),
        ("Math", "Loss"): ("y2", [(1000, 1.1)]),
        ("Code", "Accuracy"): ("y", [(1000, 0.7)]),
        ("Code", "Loss"): ("y2", [(1000, 0.9)]),
        ("Logic", "Accuracy"): ("y", [(1000, 0.5)]),
        ("Logic", "Loss"): ("y2", [(1000, 1.4)]),
        ("Prose", "Accuracy"): ("y", [(1000, 0.8)]),
        ("Prose", "Loss"): ("y2", [(1000, 0.7)]),
    }
    assert "panel-count-mismatch" not in codes(chart)


def test_panel_count_mismatch() -> None:
    chart = parse(GRID.replace("2x2 grid", "3x4 grid"))
    assert "panel-count-mismatch" in codes(chart)
    message = next(d.message for d in chart.diagnostics if d.code == "panel-count-mismatch")
    assert "12" in message and "4" in message


def test_panel_count_mismatch_when_no_stated_panel_is_found() -> None:
    text = ("## Line Charts: Rain by Month\n### Overview\nThe image shows three line charts, one per town.\n"
            "### Detailed Analysis\n* Month 1: ~40\n* Month 2: ~55\n")
    chart = parse(text)
    assert not chart.panels
    message = next(d.message for d in chart.diagnostics if d.code == "panel-count-mismatch")
    assert "3" in message and "none" in message


def test_a_whole_number_at_the_cut_end_warns_that_its_point_is_not_kept() -> None:
    chart = parse("## Line Chart: Rain\n### Detailed Analysis\n* Month 1: ~40\n* Month 2: 55.5")
    assert "cut-value" not in codes(chart)  # ('55.5' has stated its precision: it is kept)
    assert [(p.x, p.y) for s in chart.series for p in s.points] == [(1, 40), (2, 55.5)]
    chart = parse("## Line Chart: Rain\n### Detailed Analysis\n* Month 1: ~40\n* Month 2: 55")
    assert [(p.x, p.y) for s in chart.series for p in s.points] == [(1, 40)]
    message = next(d.message for d in chart.diagnostics if d.code == "cut-value")
    assert "'55'" in message


def test_panels_container_heading_is_not_a_panel() -> None:
    chart = parse(GRID.replace("### Detailed Analysis", "### Panels"))
    assert [p.title for p in chart.panels] == ["Math", "Code", "Logic", "Prose"]


# -- diagnostics ---------------------------------------------------------------------


def test_truncated_description() -> None:
    text = (
        "## Line Chart: Loss\n"
        "* **Y-Axis:** Loss, from 0 to 5\n"
        "### Detailed Analysis\n"
        "* Epoch 1: ~4.2\n"
        "* Epoch 2: ~3.9\n"
        "* Epoch 3: the value is aroun"
    )
    chart = parse(text)
    assert chart.truncated
    diag = next(d for d in chart.diagnostics if d.code == "truncated")
    assert (diag.severity, diag.line) == ("warning", 6)
    assert xy(series(chart, "Loss")) == [(1, 4.2), (2, 3.9)]


def test_complete_description_is_not_truncated(reward: Chart) -> None:
    assert not reward.truncated
    assert "truncated" not in codes(reward)


def test_no_data_for_a_data_chart_without_values() -> None:
    chart = parse("## Line Chart: Loss\nThe line goes down steadily.\n")
    assert "no-data" in codes(chart)


def test_no_data_is_not_reported_for_a_diagram() -> None:
    chart = parse("## Diagram: Pipeline\nBoxes connected by arrows.\n")
    assert chart.kind == "diagram"
    assert "no-data" not in codes(chart)


def test_point_outside_axis() -> None:
    chart = parse(
        "## Line Chart: Loss\n"
        "* **Y-Axis:** Loss, from 0 to 5\n"
        "### Detailed Analysis\n"
        "* Epoch 1: ~4.2\n"
        "* Epoch 2: ~39\n"
    )
    diag = next(d for d in chart.diagnostics if d.code == "point-outside-axis")
    assert diag.line == 5
    assert diag.severity == "warning"


def test_a_row_axis_of_years_is_no_value_range() -> None:
    """A figure whose y axis lists its rows (2018-2020) holds cells whose values are colours:
    a cell of 0.5 in the row '2018' lies outside no range."""
    chart = parse(
        "## Heatmap & Scatter Plot: Crops\n"
        "### Components/Axes\n"
        "**Heatmap:**\n"
        "* **X-axis:** Crops - Wheat, Oats\n"
        "* **Y-axis:** Seasons - 2018, 2019, 2020\n"
        "**Scatter Plot:**\n"
        "* **X-axis:** Moisture\n"
        "* **Y-axis:** Yield\n"
        "### Detailed Analysis\n"
        "**Heatmap Data:**\n"
        "| Season | Wheat | Oats |\n"
        "|---|---|---|\n"
        "| 2018 | 0.5 | 0.2 |\n"
        "| 2019 | 0.4 | 0.3 |\n"
        "| 2020 | 0.6 | 0.1 |\n"
    )
    assert any(s.name == "2018" and s.points for s in chart.series)
    assert "point-outside-axis" not in codes(chart)


def test_points_inside_the_axis_raise_no_warning(reward: Chart) -> None:
    assert "point-outside-axis" not in codes(reward)


def test_clean_description_has_no_diagnostics(reward: Chart) -> None:
    assert reward.diagnostics == []


def test_a_default_series_joins_its_later_named_twin() -> None:
    # Prose opens the unnamed default (named after the y axis at the end); a table column
    # named like the y axis comes later. One series, not two of the same name.
    chart = parse(
        "## Line Chart: Drift\n"
        "* **Y-Axis:** Drift (mm), 0 to 9\n"
        "* **X-Axis:** Day, 0 to 20\n"
        "### Analysis\n"
        "* **Early stretch (0-5):** starts at about 1.5.\n"
        "| Day | Drift (Y) |\n"
        "|---|---|\n"
        "| 10 | 4.1 |\n"
        "| 20 | 7.7 |\n"
    )
    named = [s for s in chart.series if s.name == "Drift (mm)" or s.name == "Drift"]
    assert len(named) == 1, chart.series
    assert [(p.x, p.y) for p in named[0].points] == [(10, 4.1), (20, 7.7)]


@pytest.mark.parametrize("values", ["Blue ~300, Amber ~900", "BLUE ~300, AMBER ~900"])
def test_values_named_by_their_legend_colours_at_an_x(values: str) -> None:
    chart = chartparse.parse("## Line chart: Throughput by epoch\n\n**Legend:**\n- Blue line: Alpha\n"
                             f"- Amber line: Beta\n\n**Data:**\n- Epoch 5: {values}\n")
    points = {s.name: [(p.x, p.y, p.rule) for p in s.points] for s in chart.series}
    assert points == {"Alpha": [(5, 300, "statement.values-by-colour")],
                      "Beta": [(5, 900, "statement.values-by-colour")]}


PANEL_OWN_LEGENDS = """## Figure: Two Gauges
### Components/Axes
1. **Left Plot (Level)**
- **Legend**: "Gauge A" (teal line).
2. **Right Plot (Flow)**
- **Legend**: Two entries ("Gust", "Mean").
### Detailed Analysis
#### Left Plot (Level)
- Peak at approximately (x=2, y=3.5).
"""


def test_a_panels_own_legend_makes_series_of_that_panel_only() -> None:
    chart = parse(PANEL_OWN_LEGENDS)
    placed = {(s.name, s.panel) for s in chart.series}
    assert placed == {("Gauge A", "Left Plot (Level)"), ("Gust", "Right Plot (Flow)"),
                      ("Mean", "Right Plot (Flow)")}


# -- values that could not be kept ----------------------------------------------------


def test_a_second_different_value_at_the_same_x_is_reported_not_silently_lost() -> None:
    chart = parse(
        "## Line Chart: Queue Length\n"
        "### Detailed Analysis\n"
        "* **Hour 2:** 14\n"
        "* **Hour 4:** 19\n"
        "* **Hour 2:** 23\n"
    )
    assert xy(chart.series[0]) == [(2, 14), (4, 19)]
    found = [d for d in chart.diagnostics if d.code == "conflicting-value"]
    assert len(found) == 1 and found[0].line == 5 and "y=23 at x=2" in found[0].message


def test_the_same_value_restated_at_an_x_raises_nothing() -> None:
    chart = parse(
        "## Line Chart: Queue Length\n"
        "### Detailed Analysis\n"
        "* **Hour 2:** 14\n"
        "* **Hour 2:** 14\n"
    )
    assert "conflicting-value" not in codes(chart)


def test_a_row_names_a_declared_series_written_in_the_plural() -> None:
    """'Cyan Diamond' in a table row names the declared 'Cyan Diamonds'; an exact key still wins."""
    from chartparse.extract.table_pairs import known_name

    known = {"cyan diamonds": "Cyan Diamonds", "red circle": "Red circle"}
    assert known_name("Cyan Diamond", known) == "Cyan Diamonds"
    assert known_name("**Red circle**", known) == "Red circle"
    assert known_name("Blue Square", known) is None


def test_power_ticks_with_their_values_in_brackets_are_each_one_tick() -> None:
    chart = chartparse.parse("## Line Chart: Hits\n* **X-Axis:** Cache (MB), log scale. Gridlines and "
                             "labels are at: `10⁰` (1), `10¹` (10), `10²` (100).\n")
    [x_axis] = chart.axes
    assert x_axis.ticks == [1, 10, 100] and x_axis.scale == "log"


def test_mirrored_ticks_are_all_kept() -> None:
    chart = chartparse.parse("## Bar Chart: Population\n* **X-Axis:** Population (millions), with tick marks "
                             "at 3, 2, 1, 0, 1, 2, 3.\n")
    [x_axis] = chart.axes
    assert x_axis.ticks == [3, 2, 1, 0, 1, 2, 3]


def test_a_unit_letter_in_brackets_is_no_magnitude_of_the_x_axis() -> None:
    chart = chartparse.parse("## Line Chart: Resistance\n* **X-Axis:** Temperature (K), 200 to 400.\n"
                             "* **Y-Axis:** Resistance, 0 to 1.\n### Data\n"
                             "* **Film:** ~0.2 (250K), ~0.5 (300K).\n")
    assert not any(p.x in (250000, 300000) for s in chart.series for p in s.points)


def test_a_series_named_by_a_bar_goes_once_its_value_is_a_point_there() -> None:
    chart = parse(
        "## Bar Chart: Commute mode share\n"
        "* **X-Axis:** Mode\n* Left Bar: **\"Cycle\"**\n* Right Bar: **\"Transit\"**\n"
        "### Detailed Analysis\n"
        "* **Data Series 1 (Cycle):**\n* **Value:** **38.5%**\n"
        "* **Data Series 2 (Transit):**\n* **Value:** **61.5%**\n")
    assert len(chart.series) == 1
    assert [(p.x, p.y) for p in chart.series[0].points] == [("Cycle", 38.5), ("Transit", 61.5)]


def test_categories_listed_for_years_are_the_years() -> None:
    chart = parse('## Bar Chart: Theses filed per year\n'
                  '- **X-axis (Year)**: Labeled "Year," with categories for 2019, 2020, 2021, and 2022.\n'
                  '- **Y-axis (Theses)**: Labeled "Theses," with a scale from 0 to 40.\n')
    assert axis(chart, "x").ticks == [2019, 2020, 2021, 2022]


def test_categories_listed_for_a_phrase_are_the_items_after_it() -> None:
    chart = parse('## Bar Chart: Rainfall\n'
                  '- **X-axis**: Labeled "Region", with categories for each region: North, South, East.\n'
                  '- **Y-axis**: Rainfall (mm), 0 to 900.\n')
    assert axis(chart, "x").ticks == ["North", "South", "East"]


def test_an_axis_has_named_ticks_when_any_tick_is_a_name() -> None:
    axis = AxisDraft("x")
    assert not axis.has_named_ticks()
    axis.ticks.extend([0, 0.5])
    assert not axis.has_named_ticks()
    axis.ticks.append("Other")
    assert axis.has_named_ticks()


def test_bracketed_bins_are_kept_whole_even_with_a_comma_inside() -> None:
    assert bin_list("Bins: [0-5], [5-10], [10, 15]") == ["[0-5]", "[5-10]", "[10, 15]"]
    assert bin_list("The bins are: [0], [3-6], [9-12], [100].") == ["[0]", "[3-6]", "[9-12]", "[100]"]
