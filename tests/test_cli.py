"""The command line: ``chartparse FILE --to FORMAT`` and ``chartparse convert FILE``."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import chartparse
from cli_run import assert_one_line_error, run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "example_line.md"
EXAMPLE_POINTS = 15  # three series of five points in corpus/example_line.expected.json


# -- reading and formats -------------------------------------------------------------


def test_file_with_to_json_and_no_subcommand() -> None:
    result = run(str(EXAMPLE), "--to", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["kind"] == "line"
    assert sum(len(s["points"]) for s in data["series"]) == EXAMPLE_POINTS


def test_json_is_the_default_format() -> None:
    result = run(str(EXAMPLE))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["kind"] == "line"


def test_convert_subcommand_gives_the_same_output() -> None:
    named = run("convert", str(EXAMPLE))
    assert named.exit_code == 0
    assert named.stdout == run(str(EXAMPLE), "--to", "json").stdout


def test_stdin_with_dash() -> None:
    result = run("-", "--to", "json", input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    assert sum(len(s["points"]) for s in data["series"]) == EXAMPLE_POINTS


def test_binary_stdin_is_refused() -> None:
    result = run("-", input=b"\x89PNG\x00\x00\x00")
    assert_one_line_error(result, "binary")


def test_jsonl_is_one_line() -> None:
    result = run(str(EXAMPLE), "--to", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["kind"] == "line"


def test_csv_header_and_one_row_per_point() -> None:
    result = run(str(EXAMPLE), "--to", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("panel,series,axis,x,y,approx")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == EXAMPLE_POINTS
    first = rows[0]
    assert (first["panel"], first["series"], first["axis"]) == ("", "Constant LR", "y")
    assert (first["x"], first["y"], first["approx"]) == ("0", "3.9", "True")


def test_format_name_is_case_insensitive() -> None:
    assert run(str(EXAMPLE), "--to", "JSON").exit_code == 0


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "chart.json"
    result = run(str(EXAMPLE), "--to", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["kind"] == "line"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.json"]  # no temp file left


def test_output_to_a_missing_directory_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(str(EXAMPLE), "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert_one_line_error(result, "cannot write")


# -- unreadable inputs ----------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.md"
    assert_one_line_error(run(str(path), "--to", "json"), str(path), "no such file")


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path), "--to", "json"), str(tmp_path), "directory")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "figure.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_one_line_error(run(str(path), "--to", "json"), str(path), "binary")


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("x" * 200, encoding="utf-8")
    assert_one_line_error(run(str(path), "--max-bytes", "100"), "limit")


def test_odd_text_file_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "stars.md"
    path.write_text("*" * 10_000, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema_version"] == "1"


# -- usage errors ---------------------------------------------------------------------


def test_unknown_option_is_a_usage_error() -> None:
    result = run(str(EXAMPLE), "--no-such-option")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no-such-option" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = run(str(EXAMPLE), "--to", "no-such-format")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no-such-format" in result.stderr


def test_missing_file_argument_is_a_usage_error() -> None:
    assert run("convert").exit_code == 2


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert chartparse.__version__ in result.stdout


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    source = tmp_path / "one.md"
    source.write_text("## Line Chart: Tide\n* **X-axis:** Hour\n* Hour 3: ~1.2\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "chartparse", str(source), "--to", "json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["series"][0]["points"][0]["y"] == 1.2
    usage = subprocess.run([sys.executable, "-m", "chartparse", "--help"], capture_output=True, text=True,
                           check=False)
    assert "chartparse FILE --to json" in usage.stdout


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert "chartparse FILE --to json" in result.stdout
    assert "convert" in result.stdout


def test_convert_help_lists_the_formats() -> None:
    result = run("convert", "--help")
    assert result.exit_code == 0
    for name in ("json", "jsonl", "csv"):
        assert name in result.stdout


# -- the installed console script ------------------------------------------------------


def _console_script() -> str:
    beside = Path(sys.executable).with_name("chartparse")
    found = str(beside) if beside.exists() else shutil.which("chartparse")
    if not found:
        pytest.skip("the chartparse console script is not installed")
    return found


@pytest.mark.slow
def test_console_script_reads_stdin(tmp_path: Path) -> None:
    run_ = subprocess.run(
        [_console_script(), "-", "--to", "json"],
        input=EXAMPLE.read_bytes(), capture_output=True, cwd=tmp_path, timeout=120,
    )
    assert run_.returncode == 0, run_.stderr
    data = json.loads(run_.stdout)
    assert sum(len(s["points"]) for s in data["series"]) == EXAMPLE_POINTS


@pytest.mark.slow
def test_console_script_error_is_one_line(tmp_path: Path) -> None:
    run_ = subprocess.run(
        [_console_script(), str(tmp_path / "absent.md")],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert run_.returncode == 1
    assert run_.stdout == ""
    assert run_.stderr.count("\n") == 1
    assert run_.stderr.startswith("chartparse: ")
