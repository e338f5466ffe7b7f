"""``--resume``: no record lost or duplicated, even after a kill in the middle of a run."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import chartparse
from chartparse.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def run(*args: str) -> int:
    return CliRunner().invoke(main, ["batch", *args, "--quiet"]).exit_code


def sources(path: Path) -> Counter[str]:
    return Counter(json.loads(line)["source"] for line in path.read_text().splitlines())


def small_corpus(root: Path, n: int) -> list[str]:
    """``n`` tiny descriptions (one unreadable binary file among them)."""
    names = []
    for i in range(n):
        folder = root / f"d{i // 500:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:05d}.md"
        path.write_text(f"## Bar Chart: Item {i}\n* A: {i}\n* B: {i % 7}\n", encoding="utf-8")
        names.append(str(path))
    (root / "d00" / "00000.md").write_bytes(b"\x00binary")
    return names


def test_resume_twice_adds_no_duplicate(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 40)
    out = tmp_path / "out.jsonl"
    assert run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1") == 1
    for _ in range(2):
        assert run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--resume") == 1
    done = sources(out) + sources(tmp_path / "out.errors.jsonl")
    assert done == Counter(inputs)


def test_resume_finishes_a_partial_run_and_cuts_a_torn_line(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 30)
    out = tmp_path / "out.jsonl"
    run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    lines = out.read_text().splitlines(keepends=True)
    # As after a kill: 10 whole records and half of the 11th.
    out.write_text("".join(lines[:10]) + lines[10][: len(lines[10]) // 2])
    (tmp_path / "out.errors.jsonl").write_text("")
    assert run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--resume") == 1
    assert sources(out) + sources(tmp_path / "out.errors.jsonl") == Counter(inputs)
    assert out.read_text().splitlines()[:10] == [line.rstrip("\n") for line in lines[:10]]


def test_csv_resume_drops_points_of_charts_missing_from_the_ledger(tmp_path: Path) -> None:
    inputs = small_corpus(tmp_path / "in", 20)
    out = tmp_path / "p.csv"
    ledger = tmp_path / "p.charts.csv"
    run(str(tmp_path / "in"), "-o", str(out), "--to", "csv", "--jobs", "1")
    full_points = out.read_text()
    # As after a kill between the points and the ledger write: the last 5 charts' points
    # are in OUT, their ledger rows are not (and the last ledger line is torn).
    rows = ledger.read_text().splitlines(keepends=True)
    ledger.write_text("".join(rows[:-5]) + rows[-5][:4])
    assert run(str(tmp_path / "in"), "-o", str(out), "--to", "csv", "--jobs", "1",
               "--resume") == 1
    charts = [r["source"] for r in csv.DictReader(ledger.open())]
    assert Counter(charts) + sources(tmp_path / "p.csv.errors.jsonl") == Counter(inputs)
    assert out.read_text() == full_points


def test_resume_refuses_an_output_that_is_not_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("this is not json\n")
    assert run(str(CORPUS / "example_line.md"), "-o", str(out), "--resume") == 2


@pytest.mark.slow
def test_sigkill_midway_then_resume_gives_every_record_exactly_once(tmp_path: Path) -> None:
    # CHARTPARSE_RESUME_TEST_N=20000 runs it at the size issue 17 asks for.
    inputs = small_corpus(tmp_path / "in", int(os.environ.get("CHARTPARSE_RESUME_TEST_N", 2000)))
    one = Path(inputs[1])
    record_size = len(chartparse.parse(one.read_text(), source=str(one)).to_json(indent=None))
    kill_at = int(0.6 * len(inputs) * (record_size + 1))  # kill when about 60% is written
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    cmd = [sys.executable, "-m", "chartparse.cli", "batch", str(tmp_path / "in"), "-o", str(out),
           "--errors", str(errors), "--jobs", "2", "--chunk-size", "8", "--quiet"]
    proc = subprocess.Popen(cmd, start_new_session=True)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if out.exists() and out.stat().st_size > kill_at:
            break
        time.sleep(0.01)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch process and its workers
    proc.wait(timeout=30)
    whole = out.read_bytes().rsplit(b"\n", 1)[0].decode() if out.exists() else ""
    before = Counter(json.loads(line)["source"] for line in whole.splitlines())
    assert not before or max(before.values()) == 1
    print(f"killed with {len(before)} of {len(inputs)} records written")
    assert run(str(tmp_path / "in"), "-o", str(out), "--errors", str(errors),
               "--jobs", "1", "--resume") == 1
    done = sources(out) + sources(errors)
    assert done == Counter(inputs)
