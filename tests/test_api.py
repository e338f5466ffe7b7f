"""The library API (chartparse.parse / parse_bytes / parse_file) and the JSON contract."""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import chartparse
from chartparse import Chart, ChartParseError

SMALL = "## Line Chart: Loss\n* **X-Axis:** Epoch\n* Epoch 1: ~0.9\n* Epoch 2: 0.5\n"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t\n",
        "# A\n## B\n### C\n",
        "*" * 100_000,
        "*\n" * 5_000,
        "| " * 5_000,
        "(" * 20_000 + "1",
        "  " * 10_000 + "* deep",
        "~" * 10_000,
        "\x00\ufffd\u202e",
        "\\n",
    ],
    ids=["empty", "whitespace", "only-headings", "stars", "star-lines", "pipes", "parens",
         "indent", "tildes", "odd-chars", "literal-newline"],
)
def test_parse_never_raises_on_odd_text(text: str) -> None:
    chart = chartparse.parse(text)
    assert isinstance(chart, Chart)
    assert chart.schema_version == "1"
    assert "internal-error" not in [d.code for d in chart.diagnostics]
    json.loads(chart.to_json())


def test_empty_text_is_reported() -> None:
    chart = chartparse.parse("")
    assert [d.code for d in chart.diagnostics] == ["empty-input"]
    assert chart.kind == "other"
    assert chart.series == []


def test_parse_reads_points() -> None:
    chart = chartparse.parse(SMALL)
    assert chart.kind == "line"
    assert chart.title == "Loss"
    points = [(p.x, p.y, p.approx) for p in chart.series[0].points]
    assert points == [(1, 0.9, True), (2, 0.5, False)]


def test_parse_records_the_source_name() -> None:
    assert chartparse.parse(SMALL, source="loss.md").source == "loss.md"


def test_parse_accepts_bytes() -> None:
    chart = chartparse.parse(b"\xef\xbb\xbf" + SMALL.encode("utf-8"))
    assert chart.title == "Loss"
    assert len(chart.series[0].points) == 2


def test_parse_bytes_reports_invalid_utf8_with_its_line() -> None:
    chart = chartparse.parse_bytes(b"## Line Chart: Loss\n* Epoch \xff 1: ~0.9\n")
    diag = next(d for d in chart.diagnostics if d.code == "invalid-utf8")
    assert (diag.severity, diag.line) == ("warning", 2)


@pytest.mark.parametrize("value", [123, None, 1.5, ["a"], Path("x.md")])
def test_parse_rejects_non_text(value: object) -> None:
    with pytest.raises(TypeError, match="str"):
        chartparse.parse(value)  # type: ignore[arg-type]


def test_parse_file(tmp_path: Path) -> None:
    path = tmp_path / "loss.md"
    path.write_text(SMALL, encoding="utf-8")
    chart = chartparse.parse_file(path)
    assert chart.source == str(path)
    assert len(chart.series[0].points) == 2
    assert chartparse.parse_file(str(path)).to_dict() == chart.to_dict()


def test_parse_file_missing_raises_chart_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.md"
    with pytest.raises(ChartParseError) as info:
        chartparse.parse_file(path)
    assert isinstance(info.value, ValueError)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_parse_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(SMALL, encoding="utf-8")
    with pytest.raises(ChartParseError) as info:
        chartparse.parse_file(path, max_bytes=10)
    assert info.value.code == "too-large"


def test_parse_is_deterministic() -> None:
    assert chartparse.parse(SMALL).to_json() == chartparse.parse(SMALL).to_json()


# -- the JSON contract (CONTRACT.md) ------------------------------------------------

TOP_KEYS = {"schema_version", "kind", "title", "axes", "legend", "panels", "series",
            "observations", "interpretation", "diagnostics"}
AXIS_KEYS = {"role", "label", "unit", "scale", "min", "max", "panel"}
LEGEND_KEYS = {"position", "entries"}
ENTRY_KEYS = {"label", "color", "line_style", "marker"}
PANEL_KEYS = {"title"}
SERIES_KEYS = {"name", "panel", "axis", "points", "summary"}
POINT_KEYS = {"x", "y", "approx"}
SUMMARY_KEYS = {"start", "end", "min", "max", "trend"}
DIAGNOSTIC_KEYS = {"severity", "code", "message", "line"}
KINDS = {"line", "bar", "scatter", "area", "pie", "heatmap", "histogram", "box", "table",
         "diagram", "mixed", "other"}

FULL = """\
## Line Charts: Loss Curves
Two panels side by side.
### Components
* **X-Axis:** Epoch (0 to 10)
* **Y-Axis:** Loss (0 to 3)
* **Legend:** upper right
  * **Adam:** solid blue line with circle markers
  * **SGD:** dashed red line
### Detailed Analysis
**Chart 1: Training Loss**
* **Adam:** reaches 0.4 at epoch 10.
* **SGD:** starts at 2.5 and ends at 1.1.
**Chart 2: Validation Loss**
* **Adam:** reaches 0.9 at epoch 10.
### Key Observations
* Adam is faster.
### Interpretation
Adaptive methods help here.
"""


def test_chart_json_has_every_contract_key() -> None:
    data = json.loads(chartparse.parse(FULL).to_json())
    assert set(data) >= TOP_KEYS
    assert data["schema_version"] == "1"
    assert data["kind"] in KINDS
    assert data["axes"] and data["legend"]["entries"] and data["panels"] and data["series"]
    for a in data["axes"]:
        assert set(a) >= AXIS_KEYS
        assert a["role"] in ("x", "y", "y2")
        assert a["scale"] in ("linear", "log", "categorical", None)
    assert set(data["legend"]) >= LEGEND_KEYS
    for e in data["legend"]["entries"]:
        assert set(e) >= ENTRY_KEYS
        assert isinstance(e["label"], str)
    for p in data["panels"]:
        assert set(p) >= PANEL_KEYS
    assert any(s["points"] for s in data["series"])
    for s in data["series"]:
        assert set(s) >= SERIES_KEYS
        assert s["axis"] in ("y", "y2")
        assert set(s["summary"]) >= SUMMARY_KEYS
        for p in s["points"]:
            assert set(p) >= POINT_KEYS
            assert isinstance(p["y"], int | float)
            assert isinstance(p["x"], int | float | str)
            assert isinstance(p["approx"], bool)
    assert isinstance(data["observations"], list)
    assert data["observations"] == ["Adam is faster."]
    assert data["interpretation"] == "Adaptive methods help here."


def test_diagnostics_have_every_contract_key() -> None:
    data = json.loads(chartparse.parse("## Line Chart: Loss\nno numbers").to_json())
    assert data["diagnostics"]
    for d in data["diagnostics"]:
        assert set(d) >= DIAGNOSTIC_KEYS
        assert d["severity"] in ("warning", "error")
        assert isinstance(d["message"], str) and "\n" not in d["message"]


def test_empty_chart_json_has_every_contract_key() -> None:
    data = json.loads(chartparse.parse("").to_json())
    assert set(data) >= TOP_KEYS
    assert set(data["legend"]) >= LEGEND_KEYS
    assert (data["title"], data["interpretation"]) == (None, None)


def test_json_round_trips_through_the_model() -> None:
    chart = chartparse.parse(FULL)
    again = Chart.model_validate_json(chart.to_json())
    assert again == chart
    assert chart.to_dict() == json.loads(chart.to_json())


def test_point_rows_are_one_per_point() -> None:
    chart = chartparse.parse(FULL)
    rows = chart.point_rows()
    assert len(rows) == sum(len(s.points) for s in chart.series)
    assert {"panel", "series", "axis", "x", "y", "approx"} <= set(rows[0])


LONG = SMALL + "".join(f"* Epoch {n}: {n % 7}.5\n" for n in range(3, 6000))


def _record_collector_state(monkeypatch: pytest.MonkeyPatch, fail: bool = False,
                            inside: Callable[[], None] | None = None) -> list[bool]:
    """Make parse note whether the cyclic collector runs while it reads (and maybe fail)."""
    from chartparse import api

    seen: list[bool] = []
    real_extract = api.extract_lines

    def extract_lines(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        if inside is not None:
            inside()
        if fail:
            raise RuntimeError("boom")
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(api, "extract_lines", extract_lines)
    return seen


def test_a_long_input_pauses_the_collector_while_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from chartparse.api import PAUSE_COLLECTOR_FROM_CHARS

    assert len(LONG) >= PAUSE_COLLECTOR_FROM_CHARS
    seen = _record_collector_state(monkeypatch)
    assert gc.isenabled()
    assert len(chartparse.parse(LONG).series[0].points) > 5000
    assert seen == [False]
    assert gc.isenabled()


def test_a_short_input_leaves_the_collector_running(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _record_collector_state(monkeypatch)
    chartparse.parse(SMALL)
    assert seen == [True]


def test_the_collector_resumes_after_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _record_collector_state(monkeypatch, fail=True)
    chart = chartparse.parse(LONG)
    assert [d.code for d in chart.diagnostics] == ["internal-error"]
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _record_collector_state(monkeypatch)
    gc.disable()
    try:
        chartparse.parse(LONG)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False]


def test_overlapping_reads_in_threads_share_one_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    first_inside, second_done = threading.Event(), threading.Event()
    during_first: list[bool] = []

    def inside() -> None:
        if not first_inside.is_set():  # the first reader waits inside for the second to end
            first_inside.set()
            assert second_done.wait(30)
            during_first.append(gc.isenabled())

    _record_collector_state(monkeypatch, inside=inside)
    first = threading.Thread(target=chartparse.parse, args=(LONG,))
    first.start()
    assert first_inside.wait(30)
    chartparse.parse(LONG)  # starts and ends while the first read is still inside
    second_done.set()
    first.join(30)
    assert during_first == [False]  # the second read's end did not resume the collector
    assert gc.isenabled()
