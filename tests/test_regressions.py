"""Every input in tests/regressions/ parses without an exception into a valid chart.

The folder holds hand-made nasty inputs (``nasty-*.md``) and what the fuzzers found
(``crash-<sha1>.md``, ``slow-<sha1>.md``; see fuzz/README.md). Files are read as
bytes, the way the CLI reads them, so CR line ends and invalid UTF-8 stay as found.
Timing is not asserted here: slowness is the fuzzer's check.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import chartparse
from chartparse import Chart

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
FILES = sorted(p for p in REGRESSIONS.iterdir() if p.suffix == ".md")


def test_the_folder_is_not_empty() -> None:
    assert len([p for p in FILES if p.name.startswith("nasty-")]) >= 5


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_regression_input_parses_to_a_valid_chart(path: Path) -> None:
    data = path.read_bytes()
    chart = chartparse.parse_bytes(data, source=path.name)
    assert isinstance(chart, Chart)
    assert not [d for d in chart.diagnostics if d.code == "internal-error"], chart.diagnostics
    payload = chart.to_json()
    assert json.loads(payload)["source"] == path.name
    assert Chart.model_validate_json(payload) == chart
    for series in chart.series:
        for point in series.points:
            assert math.isfinite(point.y)
    # The text entry point agrees with the bytes one on valid UTF-8.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert chartparse.parse(text, source=path.name) == chart
