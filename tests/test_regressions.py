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

# Inputs that still fail, with the bug they show. Remove an entry when it is fixed.
HUGE_NUMBER = ("values: a number beyond float range ('1e400') is read as inf; to_json() writes "
               "null and Chart.model_validate_json() rejects the result")
KNOWN = {
    "crash-035c2c11e5e05584c7c4c5883757888b1cc041cc.md": HUGE_NUMBER,
    "crash-b87f4e0f3115fdf7989507756ddc0ac9a69b2c13.md": HUGE_NUMBER,
    "crash-d3aa7ba200e030a81e3dd8b550178bc770c724fe.md": HUGE_NUMBER,
}


def test_the_folder_is_not_empty() -> None:
    assert len([p for p in FILES if p.name.startswith("nasty-")]) >= 5


def test_known_failures_exist() -> None:
    names = {p.name for p in FILES}
    assert set(KNOWN) <= names


def _params() -> list:
    return [
        pytest.param(path, id=path.name,
                     marks=[pytest.mark.xfail(reason=KNOWN[path.name], strict=False)]
                     if path.name in KNOWN else [])
        for path in FILES
    ]


@pytest.mark.parametrize("path", _params())
def test_regression_input_parses_to_a_valid_chart(path: Path) -> None:
    data = path.read_bytes()
    chart = chartparse.parse_bytes(data, source=path.name)
    assert isinstance(chart, Chart)
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
