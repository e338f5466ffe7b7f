"""Stage 3 (chartparse.extract): writing styles seen in VLM descriptions.

Each description below is hand-written for this file; each test checks one behaviour.
"""

from __future__ import annotations

import chartparse
from chartparse.extract.table_columns import numeric_cell
from chartparse.models import Chart, Series


def parse(text: str) -> Chart:
    chart = chartparse.parse(text)
    assert not [d for d in chart.diagnostics if d.code == "internal-error"], chart.diagnostics
    return chart


def named(chart: Chart, name: str) -> Series:
    found = [s for s in chart.series if s.name == name]
    assert len(found) == 1, [(s.name, s.panel) for s in chart.series]
    return found[0]


def xy(s: Series) -> list[tuple]:
    return [(p.x, p.y) for p in s.points]


def pts(chart: Chart) -> list[tuple]:
    """(series name, panel, x, y) for every point, in order."""
    return [(s.name, s.panel, p.x, p.y) for s in chart.series for p in s.points]


# -- 1. flattened series headers own the unkeyed lines after them ----------------------


def test_flattened_series_header_owns_following_unkeyed_lines() -> None:
    chart = parse(
        "## Line Chart: Pretraining Loss\n"
        "### Components/Axes\n"
        '* **X-axis:** "Tokens (B)", from 0 to 60.\n'
        '* **Y-axis:** "Loss", from 2.0 to 4.0.\n'
        "* **Legend:**\n"
        "* Blue line: Pythia-410M\n"
        "* Red line: Pythia-1B\n"
        "### Detailed Analysis\n"
        "* **Pythia-410M (Blue):** The blue line shows the loss.\n"
        "* At 20B tokens, the loss is approximately 2.9.\n"
        "* At 40B tokens, the loss is approximately 2.7.\n"
        "* **Pythia-1B (Red):** The red line sits lower.\n"
        "* At 20B tokens, the loss is approximately 2.6.\n"
        "* At 40B tokens, the loss is approximately 2.4.\n"
    )
    assert pts(chart) == [
        ("Pythia-410M", None, 20, 2.9),
        ("Pythia-410M", None, 40, 2.7),
        ("Pythia-1B", None, 20, 2.6),
        ("Pythia-1B", None, 40, 2.4),
    ]


# -- 2. a colon sentence naming one series scopes the next data section ----------------


def test_colon_sentence_naming_one_series_scopes_the_next_key_points() -> None:
    chart = parse(
        "## Line Chart: Accuracy over Epochs\n"
        "* **X-axis:** Epoch, from 0 to 10.\n"
        "* **Y-axis:** Accuracy (%), from 40 to 80.\n"
        "* **Legend:** Alpha (blue line), Beta (orange line).\n"
        "### Detailed Analysis\n"
        "The Alpha series shows two phases:\n"
        "**Key Data Points (x, y):**\n"
        "* (5, ~58.5)\n"
        "* (10, ~66.0)\n"
    )
    assert pts(chart) == [("Alpha", None, 5, 58.5), ("Alpha", None, 10, 66.0)]


# -- 3. month names as x ---------------------------------------------------------------


def test_month_names_are_x_values_in_a_from_to_sentence() -> None:
    chart = parse(
        "## Line Chart: Cluster Usage in the First Half\n"
        "* **X-axis:** Month, Jan to Jun.\n"
        "* **Y-axis:** Usage (TB), from 0 to 200.\n"
        "* **Legend:** Storage (dark blue line), Compute (light blue line).\n"
        "### Detailed Analysis\n"
        "* **Storage (Dark Blue):** grows from approximately 60 TB in Jan to about 180 TB in Jun.\n"
    )
    assert xy(named(chart, "Storage")) == [("Jan", 60), ("Jun", 180)]


# -- 4. "bottoms out at about Y around step X" -------------------------------------------


def test_bottoms_out_around_step_gives_a_point() -> None:
    chart = parse(
        "## Line Chart: Validation Loss\n"
        '* **X-axis:** "Steps", from 0 to 50.\n'
        '* **Y-axis:** "Loss", from 1.5 to 4.0.\n'
        "### Detailed Analysis\n"
        "* **Validation loss:** The curve bottoms out at about 2.0 around step 30.\n"
    )
    assert [(x, y) for _, _, x, y in pts(chart)] == [(30, 2.0)]


# -- 5. labelled pairs in a scatter plot ---------------------------------------------

SCATTER_AXES = (
    "## Scatter Plot: Size versus Quality\n"
    "* **X-axis:** Model Size (B parameters), from 0 to 80.\n"
    "* **Y-axis:** Generation Score, from 0 to 60.\n"
)


def test_scatter_labelled_pair_named_by_the_axes() -> None:
    chart = parse(
        SCATTER_AXES
        + "### Detailed Analysis\n"
        "* **ModelA-7B:** Model Size ~7B, Generation Score ~34\n"
    )
    assert [(x, y) for _, _, x, y in pts(chart)] == [(7, 34)]


def test_scatter_labelled_points_go_to_the_declared_dot_series() -> None:
    chart = parse(
        SCATTER_AXES
        + "* **Data Points:** Blue dots, each labeled with the model name.\n"
        "### Detailed Analysis\n"
        "* **ModelA-7B:** Model Size ~7B, Generation Score ~34\n"
        "* **ModelB-13B:** Model Size ~13B, Generation Score ~41\n"
    )
    assert [s.name for s in chart.series] == ["Blue dots"]
    dots = chart.series[0]
    assert xy(dots) == [(7, 34), (13, 41)]
    assert [p.label for p in dots.points] == ["ModelA-7B", "ModelB-13B"]


# -- 6. repeated x: scatter keeps both, line keeps the first -----------------------------


def test_scatter_keeps_two_dots_with_the_same_x() -> None:
    chart = parse(
        "## Scatter Plot: Recall by Depth\n"
        "* **X-axis:** Depth, from 0 to 10.\n"
        "* **Y-axis:** Recall, from 0 to 1.\n"
        "### Detailed Analysis\n"
        "* (7, 0.5)\n"
        "* (7, 0.6)\n"
    )
    assert [(x, y) for _, _, x, y in pts(chart)] == [(7, 0.5), (7, 0.6)]
    assert len(chart.series) == 1


def test_line_chart_keeps_only_the_first_value_for_a_repeated_x() -> None:
    chart = parse(
        "## Line Chart: Recall by Depth\n"
        "* **X-axis:** Depth, from 0 to 10.\n"
        "* **Y-axis:** Recall, from 0 to 1.\n"
        "### Detailed Analysis\n"
        "* (7, 0.5)\n"
        "* (7, 0.6)\n"
    )
    assert [(x, y) for _, _, x, y in pts(chart)] == [(7, 0.5)]


# -- 7. histograms -------------------------------------------------------------------

HISTOGRAM = (
    "## Histogram: Prompt Lengths\n"
    "* **X-axis:** Length (tokens), from 0 to 12,000.\n"
    "* **Y-axis:** Share (%), from 0 to 0.1.\n"
    "### Detailed Analysis\n"
    "* Bin 1 (0-600): ~0.081%\n"
    "* Bin 2 (~600-1200): ~0.039%\n"
)


def test_histogram_bin_key_gives_the_range_as_x() -> None:
    chart = parse(HISTOGRAM)
    assert [(x, y) for _, _, x, y in pts(chart)] == [("0-600", 0.081), ("600-1200", 0.039)]


def test_histogram_non_bin_key_gives_no_point() -> None:
    chart = parse(HISTOGRAM + "* **The Tail:** continues to about 12,000 tokens.\n")
    assert [(x, y) for _, _, x, y in pts(chart)] == [("0-600", 0.081), ("600-1200", 0.039)]


# -- 8. tables with a non-numeric cell -----------------------------------------------


LATENCY_TABLE = (
    "## Bar Chart: Latency by Region\n"
    "| Region | Latency (ms) |\n"
    "|---|---|\n"
    "| north | 42 |\n"
    "| south | unclear |\n"
    "| east | 57 |\n"
)


def test_table_non_numeric_cell_warns_and_the_numeric_cells_are_kept() -> None:
    chart = parse(LATENCY_TABLE)
    assert pts(chart) == [
        ("Latency (ms)", None, "north", 42),
        ("Latency (ms)", None, "east", 57),
    ]
    warnings = [d for d in chart.diagnostics if d.code == "unreadable-value"]
    assert [d.severity for d in warnings] == ["warning"]
    assert "unclear" in warnings[0].message


def test_table_unreadable_value_warning_points_at_its_row() -> None:
    chart = parse(LATENCY_TABLE)
    lines = [d.line for d in chart.diagnostics if d.code == "unreadable-value"]
    assert len(lines) == 1 and lines[0] is not None
    assert LATENCY_TABLE.splitlines()[lines[0] - 1] == "| south | unclear |"


# -- 9. diagrams and screenshots have no series ----------------------------------------


def test_flowchart_has_no_series_even_with_step_values() -> None:
    chart = parse(
        "## Flowchart: Request Routing\n"
        "The diagram shows how a request moves through the system.\n"
        "* Step 1: 0.2\n"
        "* Step 2: 0.3\n"
        "* Step 3: 0.5\n"
    )
    assert chart.series == []


def test_screenshot_has_no_series_even_with_step_values() -> None:
    chart = parse(
        "## Screenshot: Training Dashboard\n"
        "The screenshot shows a web page with a settings panel.\n"
        "* Step 1: 0.2\n"
        "* Step 3: 0.5\n"
    )
    assert chart.series == []


# -- 10. horizontal bars: the value axis names the series --------------------------------


def test_horizontal_bar_chart_series_is_named_by_the_value_axis() -> None:
    chart = parse(
        "## Horizontal Bar Chart: Benchmark Results\n"
        '* **Y-axis (left):** "Model" - Lists the names of the models.\n'
        '* **X-axis (bottom):** "Mean Score" - ranging from 0 to 1.\n'
        "### Detailed Analysis\n"
        "* **model-a:** Score of 0.61.\n"
        "* **model-b:** Score of 0.47.\n"
    )
    assert pts(chart) == [
        ("Mean Score", None, "model-a", 0.61),
        ("Mean Score", None, "model-b", 0.47),
    ]


# -- 11. pie chart tables ------------------------------------------------------------


def test_pie_table_is_one_series_named_by_the_title_without_the_color_column() -> None:
    chart = parse(
        "## Pie Chart: Causes of Delays\n"
        "| Slice | Color | Percentage |\n"
        "|---|---|---|\n"
        "| Weather | Blue | 45% |\n"
        "| Crew | Green | 30% |\n"
        "| Maintenance | Grey | 25% |\n"
    )
    assert pts(chart) == [
        ("Causes of Delays", None, "Weather", 45),
        ("Causes of Delays", None, "Crew", 30),
        ("Causes of Delays", None, "Maintenance", 25),
    ]


# -- 12. grouped bars: one sentence, one value per legend series --------------------------


def test_grouped_bar_sentence_gives_one_point_per_named_series() -> None:
    chart = parse(
        "## Grouped Bar Chart: Accuracy by Difficulty\n"
        "* **X-axis:** Difficulty (Easy, Hard).\n"
        "* **Y-axis:** Accuracy (%), from 0 to 100.\n"
        "* **Legend:** ModelA (dark bars), ModelB (light bars).\n"
        "### Detailed Analysis\n"
        "* **Easy:** ModelA reaches 81.3%, while ModelB reaches 76.0%.\n"
    )
    assert xy(named(chart, "ModelA")) == [("Easy", 81.3)]
    assert xy(named(chart, "ModelB")) == [("Easy", 76.0)]


# -- 13. bold panel header followed by bold numbered series headers -----------------------


def test_numbered_series_headers_inside_a_bold_panel_carry_the_panel() -> None:
    chart = parse(
        "## Line Charts: Training Curves\n"
        "Two panels side by side.\n"
        "**Chart 1: Loss vs Steps**\n"
        "**1. Alpha (Blue Line)**\n"
        "* Step 0: ~3.1\n"
        "* Step 100: ~1.7\n"
        "**2. Beta (Red Line)**\n"
        "* Step 0: ~3.3\n"
        "* Step 100: ~2.0\n"
        "**Chart 2: Accuracy vs Steps**\n"
        "**1. Alpha (Blue Line)**\n"
        "* Step 0: ~12\n"
        "* Step 100: ~61\n"
    )
    alpha = [s for s in chart.series if s.name == "Alpha" and s.panel and "Loss vs Steps" in s.panel]
    assert len(alpha) == 1, [(s.name, s.panel) for s in chart.series]
    assert xy(alpha[0]) == [(0, 3.1), (100, 1.7)]


# -- 14. panel names listed up front ------------------------------------------------


def test_panel_titles_listed_up_front_make_headings_panels() -> None:
    chart = parse(
        "## Bar Charts: Translation Quality\n"
        "The figure is a 2x1 grid of bar charts.\n"
        '* **Panel titles:** "English", "German".\n'
        "### English\n"
        "* System A: 31\n"
        "* System B: 28\n"
        "### German\n"
        "* System A: 24\n"
        "* System B: 22\n"
    )
    assert [p.title for p in chart.panels] == ["English", "German"]
    assert sorted({s.panel for s in chart.series}) == ["English", "German"]
    got = {(s.panel, p.x): p.y for s in chart.series for p in s.points}
    assert got == {
        ("English", "System A"): 31, ("English", "System B"): 28,
        ("German", "System A"): 24, ("German", "System B"): 22,
    }


# -- 15. "Data Series" key declares series ---------------------------------------------


def test_data_series_key_declares_series_read_later_from_prose() -> None:
    chart = parse(
        "## Line Chart: Query Latency by Index Size\n"
        "* **X-axis:** Documents, from 0 to 1000.\n"
        "* **Y-axis:** Latency (ms), from 0 to 10.\n"
        "* **Data Series:** Blue line (HNSW), Orange line (IVF-PQ)\n"
        "### Detailed Analysis\n"
        "The IVF-PQ line sits at 4.0 ms at 800 docs.\n"
    )
    assert [e.label for e in chart.legend.entries] == ["HNSW", "IVF-PQ"]
    assert pts(chart) == [("IVF-PQ", None, 800, 4.0)]


# -- 16. digits in model names are not values -------------------------------------------


def test_digits_in_a_model_name_are_not_the_value() -> None:
    chart = parse(
        "## Bar Chart: Reasoning Scores\n"
        "* **X-axis:** Model.\n"
        "* **Y-axis:** Score, from 0 to 100.\n"
        "### Detailed Analysis\n"
        "* **Open models:** Llama-2-7B scores approximately 45.\n"
    )
    assert [y for _, _, _, y in pts(chart)] == [45]


def test_a_number_cell_is_one_number_however_written() -> None:
    for cell in ("~0.42", "−3", "1.2e-3", "45%", "**7**", "1,024"):
        assert numeric_cell(cell), cell
    for cell in ("Model A", "3 runs", "n/a", ""):
        assert not numeric_cell(cell), cell


def test_a_name_stated_twice_with_two_looks_gives_two_series_and_no_bare_one() -> None:
    text = (
        "## Line Graph: Creep\n- **Legend**:\n- \"Fit\" (dashed line)\n- \"Fit\" (solid line)\n"
        "### Detailed Analysis\n1. **Fit (Dashed Line)**:\n- Starts at ~0.1 at 0 hours.\n"
        "2. **Fit (Solid Line)**:\n- Starts at ~0.3 at 0 hours.\n"
    )
    chart = chartparse.parse(text)
    assert [s.name for s in chart.series] == ["Fit (Dashed Line)", "Fit (Solid Line)"]
