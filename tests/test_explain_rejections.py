"""explain: named rejections, credits for what the statement forms did, exact columns,
and the unclaimed-values warning."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chartparse.explain import explain_text
from chartparse.number_columns import raw_numbers
from chartparse.rejection_spans import rejected_spans, rejection_for
from chartparse.rejections import REJECTIONS, Rejection
from cli_run import run

_BRACKETED = re.compile(r"\[([^\[\]]+)\]")


def _example(rule: Rejection) -> tuple[str, list[tuple[int, int]]]:
    """The example line without brackets, and the columns of the bracketed numbers."""
    text, spans, shift = "", [], 0
    last = 0
    for m in _BRACKETED.finditer(rule.example):
        text += rule.example[last:m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        last = m.end()
        shift += 2
    return text + rule.example[last:], spans


@pytest.mark.parametrize("rule", REJECTIONS, ids=[r.name for r in REJECTIONS])
def test_each_rejection_rejects_the_numbers_of_its_example(rule: Rejection) -> None:
    text, wanted = _example(rule)
    assert wanted, f"{rule.name}: the example marks no number"
    spans = rejected_spans(text)
    for start, end in wanted:
        assert rejection_for(start, end, spans) == rule.name, (rule.name, text[start:end])


def test_rejection_names_are_unique_and_documented() -> None:
    names = [r.name for r in REJECTIONS]
    assert len(names) == len(set(names))
    assert all(r.doc and r.example for r in REJECTIONS)


# Lines whose numbers are data (or may be): no rejection may take them.
DATA_LINES = [
    "* **Prompt tuning:** ~4.0% improvement",  # a bar whose value is an improvement
    "* From 2019 to 2021, the share climbs to 0.42",  # years are x values
    "* Step 3: 0.58",  # 'Step 3' is an x, not an ordinal label
    "* The loss falls to ~0.91 (n=2048)",  # n= here is the x of the point
    "* 30 layers: 0.77",  # a count-like x value
    "* Row 2: 0.31, 0.45, 0.12",  # heatmap row values
    "* Accuracy reaches 0.93 at 12 epochs",
    "- Block 4, value scale 4: ~0.1",  # 'scale' in a key that names a data cell
    "* Gradient norm: 0.5 at step 100",  # a series named 'gradient ...' is no colour scale
    "* Recall ranges from 0.6 (Model K) to 0.9 (Model L)",  # named ends are two values
    "* 1e-5",  # a number in scientific notation is no range '1e' to '5'
    "* Group 2: 41 wins",  # a group label with its value on the line: not only a label
    "* Recall reaches 30% of the maximum",  # a share of something other than the figure
    "* Score (r = 7 units)",  # r as a reading in units is no correlation
    "* Model X scores 85 on the benchmarks",  # a value, then what it was measured on
    "* The line starts near the 2000 level.",  # a level the line itself holds
    "* **Text:** 45%",  # a category named 'Text' (a modality) with its value
    "* At 100B tokens the loss is 2.3",  # a size followed by its unit word is an x
    "* Reaches 40B by step 900",  # a capitalised verb is no model name
    '* The bar is labelled "61.5%"',  # a quoted value without words is the bar's value
    "* Column 3: 0.44",  # a column with its value on the line is a cell
    "* Both dip at the end, landing at 120 (dark blue)",  # a value with its colour, at no place noun
]


def test_a_month_year_rejects_the_year_but_not_the_value_at_it() -> None:
    line = "* In March 2022 the index falls to about 31."
    spans = rejected_spans(line)
    assert rejection_for(*_cols(line, "2022"), spans) == "month-year"
    assert rejection_for(*_cols(line, "31"), spans) is None


@pytest.mark.parametrize("line", DATA_LINES)
def test_data_values_are_not_rejected(line: str) -> None:
    spans = rejected_spans(line)
    for start, end, _q in raw_numbers(line):
        assert rejection_for(start, end, spans) is None, line[start:end]


@pytest.mark.parametrize("line", ["* Segment 2: as the load rises the curve bends",
                                  "* Point 4: latency ≈ 12, throughput ≈ 300",
                                  "* **Bin 3 (~40-60 ms):** about 210 requests"])
def test_an_ordinal_label_is_element_numbering(line: str) -> None:
    first = raw_numbers(line)[0]
    assert rejection_for(first[0], first[1], rejected_spans(line)) == "element-numbering"
    if len(raw_numbers(line)) > 1:  # the values after the label are not its numbering
        second = raw_numbers(line)[1]
        assert rejection_for(second[0], second[1], rejected_spans(line)) != "element-numbering"


def test_relative_change_needs_a_change_not_a_plain_percentage() -> None:
    assert rejection_for(*_cols("a 15% increase over last year", "15%"),
                         rejected_spans("a 15% increase over last year")) == "relative-change"
    assert rejection_for(*_cols("Recall: 15% increase", "15%"),
                         rejected_spans("Recall: 15% increase")) is None


def _cols(text: str, part: str) -> tuple[int, int]:
    at = text.index(part)
    return at, at + len(part)


@pytest.mark.parametrize(("line", "text", "value"), [
    ("tokens at 2⁵ steps, then 7", "2⁵", 32),
    ("near 10<sup>3</sup> or 4", "10<sup>3</sup>", 1000),
    ("x = $2.5 \\times 10^{-3}$ and 9", "2.5 \\times 10^{-3}", 0.0025),
    ("current ~1.2×10⁻⁶ A, then 8", "1.2×10⁻⁶", 1.2e-6),
    ("cost ~1.4 x 10^5 tokens, then 6", "1.4 x 10^5", 1.4e5),  # a letter x for the times sign
])
def test_marks_of_powers_end_at_the_last_character_of_the_power(line: str, text: str,
                                                                  value: float) -> None:
    found = raw_numbers(line)
    start, end, q = found[0]
    assert line[start:end] == text
    assert q.value == pytest.approx(value)
    assert line[found[1][0]:found[1][1]].isdigit()  # the next number is found after it


DESCRIPTION = """## Line Chart: Queue depth over a shift
* **X-Axis:** Hour, 0 to 8
* **Y-Axis:** Jobs waiting, 0 to 60
### Detailed Analysis
* **Night crew (green):** starts at ~12 and ends at ~40 after the peak.
* **Night crew (green):** starts at ~14 and ends at ~41 on the rerun.
* **Day crew (blue):** swings between 18 and 31, later between 20 and 37.
* **Day crew (blue):** 0 h: 20, 4 h: 35, 8 h: 22
* The picture holds 2 lines; see Figure 3 for the raw log.
* Spikes of 17 and 29 were logged by the pager.
"""


def _marks_of(result, start: str) -> list:  # type: ignore[no-untyped-def]
    return next(ln.numbers for ln in result.lines if ln.text.startswith(start))


def test_a_summary_the_series_did_not_keep_is_credited_to_the_form_that_read_it() -> None:
    result = explain_text(DESCRIPTION)
    rerun = _marks_of(result, "* **Night crew (green):** starts at ~14")
    assert [(m.text, m.role, m.claimed_by) for m in rerun] == [
        ("~14", "summary", "statement.start-end"), ("~41", "summary", "statement.start-end")]


def test_numbers_a_form_consumed_carry_its_reason() -> None:
    result = explain_text(DESCRIPTION)
    swings = _marks_of(result, "* **Day crew (blue):** swings")
    assert [m.reason for m in swings[2:]] == ["min-already-read", "max-already-read"]


def test_counts_and_references_are_rejected_by_name() -> None:
    result = explain_text(DESCRIPTION)
    marks = next(ln.numbers for ln in result.lines if ln.text.startswith("* The picture"))
    assert [(m.text, m.reason) for m in marks] == [("2", "count-of-things"), ("3", "reference")]


def test_a_line_whose_numbers_nobody_claims_raises_unclaimed_values() -> None:
    result = explain_text(DESCRIPTION)
    pager = next(ln for ln in result.lines if ln.text.startswith("* Spikes"))
    assert all(m.claimed_by is None and m.reason is None for m in pager.numbers)
    warned = [d for d in result.diagnostics if d.code == "unclaimed-values"]
    assert [d.line for d in warned] == [pager.line]
    assert any(d.code == "unclaimed-values" for d in result.chart.diagnostics)


def test_json_unclaimed_equals_the_text_summary(tmp_path: Path) -> None:
    path = tmp_path / "queue.md"
    path.write_text(DESCRIPTION, encoding="utf-8")
    data = json.loads(run("explain", str(path), "--format", "json").stdout)
    marks = [m for ln in data["lines"] for m in ln["numbers"]]
    open_marks = [m for m in marks if m["claimed_by"] is None and m["reason"] is None]
    assert data["unclaimed"] == len(open_marks) == 2, open_marks
    assert [d["code"] for d in data["diagnostics"]] == ["unclaimed-values"]
    text = run("explain", str(path)).stdout.strip().splitlines()
    assert text[-1].endswith(f"{data['unclaimed']} unclaimed")
    assert any(row.startswith("warning unclaimed-values") for row in text)
    folder = run("explain", str(tmp_path)).stdout.strip().splitlines()
    assert f"{data['unclaimed']} unclaimed" in folder[-1]


def test_rules_lists_the_rejections_in_order() -> None:
    out = run("rules").stdout
    listed = out.split("[rejections of unclaimed numbers (explain)]", 1)[1]
    positions = [listed.index(f" {r.name}: ") for r in REJECTIONS]
    assert positions == sorted(positions)


LOST = """## Bar Chart: Review rejections by cause
* **X-Axis:** Cause
* **Y-Axis:** Rejections, 0 to 400
### Detailed Analysis
- **Missing tests**: ~312
- **Failing CI**: 198
- **Scope creep**: 121 - 140 reviews
"""


def test_parse_warns_when_a_data_line_loses_its_values() -> None:
    import chartparse

    chart = chartparse.parse(LOST)
    lost = [d for d in chart.diagnostics if d.code == "unclaimed-values"]
    assert [d.line for d in lost] == [7]
    assert lost[0].message.endswith("(121, 140)")
    assert [d.line for d in explain_text(LOST).diagnostics] == [7]  # explain agrees


def test_parse_does_not_warn_for_rejected_or_restated_numbers() -> None:
    import chartparse

    for line in ("- **Scope creep**: 3 bars in all, see Figure 2",  # rejected by name
                 "- **Scope creep**: like Failing CI, 198 - 198"):  # restates a value read
        chart = chartparse.parse(LOST.replace("- **Scope creep**: 121 - 140 reviews", line))
        assert not [d for d in chart.diagnostics if d.code == "unclaimed-values"], line


RESTATED = """## Line Chart: Error by round
* **X-Axis:** Round, 0 to 40
* **Y-Axis:** Error, 0 to 1
### Detailed Analysis
* Round 10: 0.5
* Round 20: 0.25
* Round 30: 0.125
### Notes
- Once more, round 10 shows 0.5
- Nothing happens from round 10 to round 20.
- Round 20 then 0.5 once more
"""


def test_a_restated_point_or_span_is_a_restatement_but_a_new_pairing_is_not() -> None:
    result = explain_text(RESTATED)
    # (not 'Round 10 again: 0.5': a key holding the x is read with its text, see keyed.sentence-across-key)
    same_point = _marks_of(result, "- Once more, round 10")
    assert {m.reason for m in same_point} == {"restates-claimed-value"}
    span = _marks_of(result, "- Nothing happens")
    assert {m.reason for m in span} == {"restates-claimed-value"}
    # 20 and 0.5 are both values of the chart, but (20, 0.5) is no point of it: a lost point
    new_pair = _marks_of(result, "- Round 20 then")
    assert all(m.claimed_by is None and m.reason is None for m in new_pair)


def test_a_value_stated_over_a_stretch_of_x_is_no_point_and_is_rejected_as_such() -> None:
    text = """## Line Chart: Loss by step
* **X-Axis:** Step, 0 to 400
* **Y-Axis:** Loss
### Detailed Analysis
* **Steps 0 - 80:** Loss is stable, approximately 2.0.
* **Steps 80 - 200:** Loss falls to about 1.1.
"""
    result = explain_text(text)
    marks = _marks_of(result, "* **Steps 80 - 200:**")
    assert [(m.text, m.reason) for m in marks] == [("80", "stretch-value"), ("200", "stretch-value"),
                                                    ("about 1.1", "stretch-value")]
    assert not any(m.point for m in marks)


@pytest.mark.parametrize(("line", "part", "reason"), [
    ("* Scores range from approximately -0.2 to 0.4.", "0.4", "range"),
    ("* **Range:** 0.10 (pale green) to 0.85 (navy).", "0.10", "range"),
    ("* Spans from 3 (light blue) to 9 (dark blue).", "9", "range"),
    ("- Teal = Parse error (12.5%, 9 responses)", "9", "count-behind-share"),
    ("* Colour gradient: white at 0.0, deep orange at 2.5", "2.5", "axis-scale"),
    ("* **Gradient:** grey (~0.1) then purple (~0.6)", "~0.6", "axis-scale"),
    ("**Task 2: Distil the teacher**", "2", "element-numbering"),
    ("- **Legend Position**: [x: 0.7, y: 0.2] (normalized coordinates)", "0.2", "layout-position"),
    ("* `2K` (placed at about 45% of the axis width)", "45%", "layout-position"),
    ("* Y label (rotated 90 degrees)", "90", "layout-position"),
    ("* **Title:** North vs South panel (r = 0.81)", "0.81", "statistic"),
    ("* **Box A (teal):** Median = **40**, Upper Quartile (Q3) = **55**", "55", "box-statistic"),
    ("It ranks 14 widely used open models by cost.", "14", "count-of-things"),
    ("Bars for 9 coastal countries are shown.", "9", "count-of-things"),
    ("* Trend: flat, always under the 0.25 baseline", "0.25", "reference-level"),
    ("Run B leads Run A with a gap of 1.5 points.", "1.5", "relative-change"),
    ("- **Narrow (σ=3.1)**: a single tall peak", "3.1", "statistic"),
    ("- **Text**: `drift = 0.8 m/s`, `T = 21`", "21", "figure-text"),
    ('* **Caption:** "Run 7 of 12, cold start"', "12", "figure-text"),
    ("* **Mar 2019 - Nov 2019:** a slow climb", "2019", "month-year"),
    ("* Teal: Falcon 40B", "40B", "model-size-in-name"),
    ("* Right panel: `Failures Mistral-2 22B (no tools)`", "22B", "model-size-in-name"),
    ('* Middle panel: "Noise 20%"', "20%", "quoted-label"),
    ("* **Column 3:**", "3", "element-numbering"),
])
def test_layout_ranges_counts_and_labels_are_rejected_by_name(line: str, part: str,
                                                                   reason: str) -> None:
    assert rejection_for(*_cols(line, part), rejected_spans(line)) == reason


def test_numbers_left_in_titles_and_panel_lists_are_text_not_data() -> None:
    text = """## Drift by noise level
### Components
* **Panel Titles:** "Noise 5%", "Noise 25%"
**Left Panel (Drift):**
* **Title:** Drift vs Time, window = 15
* **X-Axis:** Time (s)
* **Y-Axis:** Drift (mm)
"""
    result = explain_text(text)
    title = _marks_of(result, "* **Title:**")
    panels = _marks_of(result, "* **Panel Titles:**")
    # the title names its panel ('Left Panel' is known by it), so its number is part of a name
    assert [(m.text, m.claimed_by, m.reason) for m in title] == [("15", "name", None)]
    assert all(m.claimed_by is None and m.reason in {"panel-name", "quoted-label"} for m in panels)


def test_numbers_of_the_overview_prose_are_overview_section() -> None:
    text = """## Line Chart: Drift of Four Sensors
### Overview
The chart compares drift for sensors sampled at 5%, 10% and 20% duty over 300 hours.
### Components/Axes
* **X-Axis:** Hours, 0 to 300
* **Y-Axis:** Drift (mm)
"""
    marks = _marks_of(explain_text(text), "The chart compares drift")
    assert marks and all(m.reason == "overview-section" for m in marks)


def test_a_list_of_x_positions_without_values_is_x_positions_only() -> None:
    text = """## Line Chart: Flux vs. Epoch
### Components/Axes
* **X-Axis:** Epoch, 0 to 8
* **Y-Axis:** Flux (mJy)
### Detailed Analysis
* **Survey A (teal):**
* Epochs: 1, 3, 5, 7
* At epoch 2, flux ≈ 4.1.
"""
    marks = _marks_of(explain_text(text), "* Epochs:")
    assert [(m.text, m.reason) for m in marks] == [
        ("1", "x-positions-only"), ("3", "x-positions-only"), ("5", "x-positions-only"),
        ("7", "x-positions-only")]


def test_a_number_in_the_chart_title_is_part_of_its_name() -> None:
    text = """## Drift
### Components
* **Title:** Drift vs Time, window = 15
* **X-Axis:** Time (s)
"""
    title = _marks_of(explain_text(text), "* **Title:**")
    assert [(m.text, m.claimed_by, m.reason) for m in title] == [("15", "name", None)]


def test_an_arrow_or_a_tag_is_no_bound() -> None:
    text = "## Line Chart: L\n* **A:** v1 -> 80, v2 => 65\n* **B:** trend 90 --> 70<br>55\n| 1 | < 5 |\n"
    reasons = {m.text.strip(): m.reason for ln in explain_text(text).lines for m in ln.numbers}
    assert reasons.get("80") != "bound" and reasons.get("65") != "bound" and reasons.get("70") != "bound"
    assert reasons.get("5") == "bound"


def test_a_share_restated_in_percent_after_it_is_a_restatement() -> None:
    text = """## Histogram: Share by score
* **X-Axis:** Score, 0 to 5
* **Y-Axis:** Share, 0 to 1
### Detailed Analysis
* Score 1: ~0.42 (42%)
"""
    marks = _marks_of(explain_text(text), "* Score 1")
    assert [m.reason for m in marks if m.text.endswith("%")] == ["restates-claimed-value"]
