"""``chartparse explain``: every line's rule and every number's fate, as text and as data."""

from __future__ import annotations

import json
from pathlib import Path

from chartparse.explain import explain_text
from cli_run import run

DESCRIPTION = """## Line Chart: Cache hit rate by warm-up time
* **X-Axis:** Warm-up time (minutes), 0 to 30
* **Y-Axis:** Hit rate (%), 0 to 100
### Detailed Analysis
1. **Cold start run**
* 0 minutes: ~12
* 10 minutes: ~55
* 30 minutes: ~91
The run also logged 4 restarts.
### Key Observations
* The rate climbs by 79 points over 30 minutes.
"""


def _numbers(line_text: str, result) -> list:  # type: ignore[no-untyped-def]
    return next(ln.numbers for ln in result.lines if ln.text == line_text)


def test_points_axis_ranges_and_prose_are_accounted_for() -> None:
    result = explain_text(DESCRIPTION)
    point_line = _numbers("* 10 minutes: ~55", result)
    assert [(m.text, m.role) for m in point_line] == [("10", "point"), ("~55", "point")]
    assert all(m.claimed_by and m.point is not None for m in point_line)
    axis = _numbers("* **X-Axis:** Warm-up time (minutes), 0 to 30", result)
    assert {m.role for m in axis} == {"axis"}
    numbering = _numbers("1. **Cold start run**", result)
    assert numbering[0].reason == "list-numbering"
    prose = _numbers("* The rate climbs by 79 points over 30 minutes.", result)
    assert prose[0].reason == "observations-section"
    lost = _numbers("The run also logged 4 restarts.", result)
    assert lost[0].claimed_by is None and lost[0].reason is None
    assert result.unclaimed == 1
    assert result.claimed + result.rejected + result.unclaimed == sum(len(ln.numbers) for ln in result.lines)


def test_every_line_names_the_rule_that_read_it() -> None:
    result = explain_text(DESCRIPTION)
    rules = {ln.text: ln.rule for ln in result.lines}
    assert rules["## Line Chart: Cache hit rate by warm-up time"] == "document.heading"
    assert rules["* **X-Axis:** Warm-up time (minutes), 0 to 30"] == "component.axis"
    assert rules["* 0 minutes: ~12"] == "keyed.x-key"
    assert rules["The run also logged 4 restarts."] is None


def test_json_and_text_agree_on_the_unclaimed_count(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text(DESCRIPTION, encoding="utf-8")
    data = json.loads(run("explain", str(path), "--format", "json").stdout)
    assert data["unclaimed"] == 1
    assert {"line", "text", "block", "rule", "produced", "numbers"} <= set(data["lines"][0])
    number = data["lines"][5]["numbers"][1]
    assert number["text"] == "~12" and number["claimed_by"] and number["start"] == 13
    text = run("explain", str(path)).stdout
    assert text.strip().splitlines()[-1].endswith("1 unclaimed")
    assert "UNCLAIMED" in text


def test_a_folder_gives_one_line_per_file_and_a_total(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(DESCRIPTION, encoding="utf-8")
    result = run("explain", str(tmp_path))
    lines = result.stdout.strip().splitlines()
    assert result.exit_code == 0
    assert len(lines) == 3 and lines[-1].startswith("total: 2 files")
    assert "2 unclaimed" in lines[-1]


def test_a_missing_file_is_one_error_line_and_the_rest_still_explained(tmp_path: Path) -> None:
    good = tmp_path / "a.md"
    good.write_text(DESCRIPTION, encoding="utf-8")
    result = run("explain", str(good), str(tmp_path / "missing.md"))
    assert result.exit_code == 1
    assert "missing.md" in result.stderr and "Traceback" not in result.stderr
    assert "a.md: " in result.stdout


def test_rules_lists_every_chain_in_order() -> None:
    out = run("rules").stdout
    assert "[keyed]" in out and "[headers]" in out and "[components]" in out
    assert out.index("keyed.known-series") < out.index("keyed.x-key")
    assert out.index("statement.tuple") < out.index("statement.start-end")


def test_a_point_stated_again_is_credited_as_a_repeat() -> None:
    text = ("## Line Chart: Queue depth\n* **X-Axis:** Hour\n"
            "* **North:** rises to ~30 (hour 6).\n  * Hour 6: ~30\n")
    result = explain_text(text)
    marks = _numbers("  * Hour 6: ~30", result)
    assert [m.role for m in marks] == ["point", "point"]
    assert all(m.claimed_by and m.claimed_by.endswith("(repeat)") for m in marks)


def test_x_values_read_on_a_header_line_are_claimed_as_x() -> None:
    # The points sit on the rows; their x stands in the table's header cells or in a
    # header line above them.
    result = explain_text(
        "## Line Chart: Tide height\n"
        "* **X-Axis:** Hour, 0 to 12\n"
        "* **Legend:** Pier (blue), Cove (grey)\n"
        "### Detailed Analysis\n"
        "| Site | Hour 0 | Hour 6 | Hour 12 |\n"
        "|---|---|---|---|\n"
        "| Pier | 1.2 | 3.4 | 1.1 |\n"
        "| Cove | 0.9 | 2.8 | 1.0 |\n"
        "**Hour 9:**\n"
        "* Pier: 2.2\n"
    )
    header = _numbers("| Site | Hour 0 | Hour 6 | Hour 12 |", result)
    assert [(m.text, m.role, m.claimed_by) for m in header] == [
        ("0", "x", "table.series-rows"), ("6", "x", "table.series-rows"),
        ("12", "x", "table.series-rows")]
    assert [(m.role, m.claimed_by) for m in _numbers("**Hour 9:**", result)] == [("x", "header.x-value")]


def test_a_colour_scale_section_gives_no_legend_and_its_stops_are_named() -> None:
    text = ("## Heatmap: Score by Depth\n### Components\n- **Y-Axis Label:** \"Depth\"\n"
            "### Legend (Color Scale)\n- **Dark blue** → **-1.0**\n- **Yellow** → **1.0**\n"
            "### Detailed Analysis\n- **Depth 2:** 0.4\n")
    result = explain_text(text)
    assert not result.chart.legend.entries
    stops = _numbers("- **Dark blue** → **-1.0**", result)
    assert [m.reason for m in stops] == ["color-scale"]


def test_a_list_numeral_is_never_taken_for_a_point_value_it_equals() -> None:
    result = explain_text(
        "## Line Chart: Kiln Glow\n- **X-axis:** Wavelength (nm), 400-800\n- **Y-axis:** Glow\n\n"
        "**Peaks:**\n1. A peak at 610 nm with a glow of 1.0\n")
    marks = _numbers("1. A peak at 610 nm with a glow of 1.0", result)
    assert [(m.text, m.reason or m.role) for m in marks] == [("1", "list-numbering"), ("610", "point"),
                                                             ("1.0", "point")]


def test_a_table_restating_points_read_before_claims_them_as_repeats() -> None:
    result = explain_text(
        "# Bar Chart: Kiln Firings\n- **X-axis**: Kiln (Categorical)\n- **Legend**:\n- **Blue**: Bisque\n"
        "- **Red**: Glaze\n### North\n- **Bisque**: 4 firings (Blue)\n- **Glaze**: 6 firings (Red)\n"
        "## Data Table Reconstruction\n| Kiln | Bisque | Glaze |\n|---|---|---|\n| North | 4 | 6 |\n")
    marks = _numbers("| North | 4 | 6 |", result)
    assert [(m.text, m.role) for m in marks] == [("4", "point"), ("6", "point")]
    assert all(m.claimed_by and m.claimed_by.endswith("(repeat)") for m in marks)
