"""Bad input: a clear one-line error (exit 1) or a diagnostic (exit 0), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import chartparse
from chartparse import ChartParseError
from cli_run import assert_one_line_error, run

GOOD = "## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n"


# -- the CLI ------------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path / "nope.md")), "nope.md", "no such file")


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path)), "is a directory")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(run(str(path)), "binary")


def test_utf16_file_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "utf16.md"
    path.write_bytes(GOOD.encode("utf-16"))
    assert_one_line_error(run(str(path)), "binary")


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("## Line Chart: Temp\n* Epoch 1: ~5 °C\n".encode("latin-1") + b"\xff\xfe\n")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    codes = [d["code"] for d in data["diagnostics"]]
    assert "invalid-utf8" in codes
    line = next(d["line"] for d in data["diagnostics"] if d["code"] == "invalid-utf8")
    assert line == 2
    assert data["series"][0]["points"][0]["y"] == 5


def test_empty_file_is_a_record_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["series"] == []
    assert "empty-input" in [d["code"] for d in data["diagnostics"]]


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\n\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    assert "empty-input" in [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(GOOD * 10, encoding="utf-8")
    assert_one_line_error(run(str(path), "--max-bytes", "100"), "big.md", "--max-bytes")


def test_file_at_max_bytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.md"
    path.write_text(GOOD, encoding="utf-8")
    result = run(str(path), "--max-bytes", str(len(GOOD.encode())))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("bad", ["0", "-5", "lots"])
def test_max_bytes_must_be_a_positive_number(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(GOOD, encoding="utf-8")
    result = run(str(path), "--max-bytes", bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_unwritable_output_in_missing_directory(tmp_path: Path) -> None:
    src = tmp_path / "c.md"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "no" / "such" / "dir" / "out.json"
    assert_one_line_error(run(str(src), "-o", str(out)), "cannot write")
    assert not out.exists()
    assert _leftovers(tmp_path) == ["c.md"]


def test_output_under_a_file_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "c.md"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "c.md" / "out.json"  # the parent is a file
    assert_one_line_error(run(str(src), "-o", str(out)), "cannot write")
    assert src.read_text(encoding="utf-8") == GOOD
    assert _leftovers(tmp_path) == ["c.md"]


def test_output_that_is_a_directory_is_refused_and_cleaned(tmp_path: Path) -> None:
    src = tmp_path / "c.md"
    src.write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").mkdir()
    assert_one_line_error(run(str(src), "-o", str(tmp_path / "out")), "cannot write")
    assert _leftovers(tmp_path) == ["c.md", "out"]
    assert _leftovers(tmp_path / "out") == []


def test_failed_write_keeps_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rename is the last step: a failure before it leaves the previous file intact."""
    src = tmp_path / "c.md"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", refuse)
    assert_one_line_error(run(str(src), "-o", str(out)), "No space left on device")
    assert out.read_text(encoding="utf-8") == "previous"
    assert _leftovers(tmp_path) == ["c.md", "out.json"]


def test_stdin_dash() -> None:
    result = run("-", input=GOOD.encode())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    assert [p["y"] for p in data["series"][0]["points"]] == [0.9, 0.5]


def test_stdin_binary_is_refused() -> None:
    assert_one_line_error(run("-", input=b"\x00\x01\x02binary"), "<stdin>", "binary")


def test_stdin_over_max_bytes() -> None:
    assert_one_line_error(run("-", "--max-bytes", "10", input=GOOD.encode()), "<stdin>",
                          "--max-bytes")


def test_stdin_empty_is_a_record() -> None:
    result = run("-", input=b"")
    assert result.exit_code == 0
    assert "empty-input" in [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


# -- the library --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda d: d / "missing.md", "missing"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "b.bin", b"\x00\x01"), "binary"),
        (lambda d: _write(d / "big.md", GOOD.encode() * 100), "too-large"),
    ],
)
def test_parse_file_raises_chartparse_error(tmp_path: Path, make, code: str) -> None:
    path = make(tmp_path)
    with pytest.raises(ChartParseError) as info:
        chartparse.parse_file(path, max_bytes=1000)
    assert info.value.code == code
    assert isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_parse_bytes_invalid_utf8_is_a_diagnostic() -> None:
    chart = chartparse.parse_bytes(b"## Line Chart: X\n* Epoch 1: ~5\n\xc3\x28\n")
    diag = [d for d in chart.diagnostics if d.code == "invalid-utf8"]
    assert diag and diag[0].severity == "warning" and diag[0].line == 3
    assert chart.series[0].points[0].y == 5


def test_parse_empty_text() -> None:
    chart = chartparse.parse("")
    assert chart.series == [] and "empty-input" in [d.code for d in chart.diagnostics]


def test_parse_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        chartparse.parse(12345)  # type: ignore[arg-type]


def test_nul_bytes_in_text_do_not_break_parse() -> None:
    chart = chartparse.parse("## Line Chart: X\n* Epoch 1: ~5\x00\n* Epoch 2: ~6\n")
    assert [p.y for p in chart.series[0].points] == [5, 6]
