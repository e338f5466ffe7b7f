"""Hostile inputs (the builders of benchmarks/bench_hostile.py, at a small size) are read
without an internal error and give valid charts. Speed is measured by the benchmark,
never asserted here."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import chartparse
from chartparse.blocks import parse_lines
from chartparse.models import Chart

ROOT = Path(__file__).resolve().parents[1]
SIZE = 6_000


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "benchmarks" /
                                                  "bench_hostile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_hostile", module)
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def read(text: str) -> Chart:
    chart = chartparse.parse(text)
    codes = [d.code for d in chart.diagnostics]
    assert "internal-error" not in codes, chart.diagnostics
    assert "grammar-fallback" not in codes, chart.diagnostics
    again = Chart.model_validate(json.loads(chart.to_json()))  # valid per the models
    assert again == chart
    return chart


@pytest.mark.parametrize("name", sorted(set(bench.HOSTILE) - {"400-level indentation"}))
def test_hostile_input_gives_a_valid_chart(name: str) -> None:
    read(bench.HOSTILE[name](SIZE))


def test_builders_make_the_size_asked_for() -> None:
    for name, build in bench.HOSTILE.items():
        assert len(build(SIZE)) >= SIZE, name


def test_many_bullets_are_all_points() -> None:
    text = bench.bullet_lines(SIZE)
    complete = re.findall(r"^  \* Epoch \d+: ~0\.\d+\n", text, re.M)
    chart = read(text)
    [series] = chart.series
    xs = [p.x for p in series.points]
    assert len(xs) >= len(complete) > 250
    assert xs == list(range(len(xs)))
    assert all(p.approx for p in series.points)


def test_deep_table_rows_are_all_points() -> None:
    text = bench.deep_table(SIZE)
    rows = len(re.findall(r"^\| m\d+ \|.*\|\n", text, re.M))
    chart = read(text)
    assert [s.name for s in chart.series] == ["A", "B", "C"]
    assert all(len(s.points) >= rows > 150 for s in chart.series)


def test_one_long_line_is_one_line() -> None:
    lines, error = parse_lines(bench.one_long_line(SIZE))
    assert error is None
    assert [(line.kind, line.line) for line in lines] == [("heading", 1)]


def test_moderate_nesting_keeps_every_level() -> None:
    text = "".join(f"{'  ' * level}- level {level}: {level}\n" for level in range(60))
    chart = read("## Bar Chart: Depth\n" + text)
    assert chart.kind == "bar"
    assert len(chart.series) == 60


def test_400_levels_of_nesting_give_a_chart() -> None:
    chart = read(bench.deep_indentation(170_000))  # one whole 400-level block
    assert chart.kind == "bar"
    assert len(chart.series) >= 48


@pytest.mark.parametrize("text", [
    "| a | b |\n  - item: 1\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n  \n## Next\n",
    "## Bar Chart: T\n| x | y |\n|---|---|\n| 1 | 2 |\n    continued text\n",
])
def test_indented_line_after_a_table_is_read(text: str) -> None:
    lines, error = parse_lines(text)
    assert error is None
    assert [line.kind for line in lines].count("table") == 1
    assert lines[-1].kind != "table"
    read(text)


@pytest.mark.parametrize("text", ["- x: 0^-1\n", "- y: 0⁻²\n", "Loss: 0^-3 at step 0^-1\n"])
def test_zero_to_a_negative_power_is_not_an_internal_error(text: str) -> None:
    read("## Line Chart: Loss\n" + text)


def test_a_line_with_more_values_than_the_bound_is_read_in_part_and_reported() -> None:
    from chartparse.extract.text import MAX_VALUES_PER_TEXT

    many = ", ".join(f"about {i}" for i in range(MAX_VALUES_PER_TEXT + 50))
    chart = read(f"## Line Chart: Loss\n* **Train:** starts at 3 and then {many}\n")
    capped = [d for d in chart.diagnostics if d.code == "too-many-values"]
    assert len(capped) == 1 and capped[0].line == 2
    assert chart.series and chart.series[0].summary.start == 3


def test_a_line_within_the_bound_is_not_reported() -> None:
    chart = read("## Line Chart: Loss\n* **Train:** starts at 3, then 2, 1 and 0.5\n")
    assert "too-many-values" not in [d.code for d in chart.diagnostics]


def test_scan_stops_at_its_limit() -> None:
    from chartparse.values import scan

    assert [q.value for q in scan("1 2 3 4 5", limit=3)] == [1, 2, 3]
    assert len(scan("1 2 3 4 5")) == 5


def _lines_run(text: str) -> int:
    """Python lines executed by one parse: an operation count, not a timing."""
    count = 0

    def trace(frame: object, event: str, arg: object) -> object:
        nonlocal count
        count += event == "line"
        return trace

    sys.settrace(trace)
    try:
        chartparse.parse(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("name", ["wide table (columns)", "long heatmap rows", "flattened list"])
def test_work_grows_linearly_with_the_number_of_series_or_items(name: str) -> None:
    # Issue 17: a linear scan per new series (find_series) and per flattened item
    # (_adopting_parent) made these quadratic: doubling the input quadrupled the work.
    build = bench.HOSTILE[name]
    chartparse.parse(build(2_000))  # fill the per-process caches first
    small, large = _lines_run(build(30_000)), _lines_run(build(60_000))
    assert large / small < 2.4, (small, large)


def test_a_long_paragraph_of_every_series_sentences_is_read_without_recursing() -> None:
    # 500 such sentences once nested one reading per sentence and ended in an internal error
    sentences = " ".join(f"Both lines reach 1.{i % 9} at step {i}." for i in range(600))
    text = ("## Line Chart: Loss\n* **X-axis:** Step, 0 to 600.\n* **Legend:** Adam (blue), SGD (orange).\n"
            "### Detailed Analysis\n" + sentences + "\n")
    chart = read(text)
    assert [len(s.points) for s in chart.series] == [600, 600]
