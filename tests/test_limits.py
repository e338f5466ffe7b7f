"""``--max-bytes``: an input over the limit is refused with one clear line and exit 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chartparse.source import DEFAULT_MAX_BYTES
from cli_run import assert_one_line_error, run

DESCRIPTION = "## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n"


def test_default_limit_is_ten_megabytes() -> None:
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024


def test_file_over_the_default_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(b"- x: 1\n" * (DEFAULT_MAX_BYTES // 7 + 1))
    assert path.stat().st_size > DEFAULT_MAX_BYTES
    assert_one_line_error(run(str(path), "--to", "json"), str(path), str(DEFAULT_MAX_BYTES), "--max-bytes")


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.md"
    path.write_text(DESCRIPTION, encoding="utf-8")
    result = run(str(path), "--max-bytes", str(path.stat().st_size))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["series"][0]["points"]


def test_file_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "over.md"
    path.write_text(DESCRIPTION, encoding="utf-8")
    limit = path.stat().st_size - 1
    assert_one_line_error(run(str(path), "--max-bytes", str(limit)), str(limit), "--max-bytes")


def test_stdin_over_the_limit_is_refused() -> None:
    assert_one_line_error(run("-", "--max-bytes", "10", input=DESCRIPTION), "<stdin>", "10", "--max-bytes")


def test_stdin_within_the_limit_is_read() -> None:
    result = run("-", "--max-bytes", str(len(DESCRIPTION.encode())), input=DESCRIPTION)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "<stdin>"


@pytest.mark.parametrize("bad", ["0", "-5", "ten"])
def test_a_limit_that_is_not_a_positive_number_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "d.md"
    path.write_text(DESCRIPTION, encoding="utf-8")
    result = run(str(path), "--max-bytes", bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_installed_command_refuses_an_oversize_file(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(DESCRIPTION * 10, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "chartparse.cli", str(path), "--to", "json", "--max-bytes", "64"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0
    assert done.stderr.startswith("chartparse: ") and "64" in done.stderr
    assert "Traceback" not in done.stderr
