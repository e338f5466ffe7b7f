"""``chartparse validate FILE...``: lint-style diagnostics and exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartparse.cli import main

CLEAN = "## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n"
NO_DATA = "## Line Chart: Loss\n### Overview\nThe loss falls.\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in [("clean.md", CLEAN), ("nodata.md", NO_DATA)]:
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    out["binary.md"] = tmp_path / "binary.md"
    out["binary.md"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out["missing.md"] = tmp_path / "missing.md"
    return out


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_clean_file_exits_zero_and_prints_nothing(files: dict[str, Path]) -> None:
    code, out, err = run(str(files["clean.md"]))
    assert (code, out) == (0, "")
    assert "1 file checked: no problems" in err


def test_diagnostics_are_lint_lines_and_exit_one(files: dict[str, Path]) -> None:
    code, out, err = run(str(files["clean.md"]), str(files["nodata.md"]))
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith(f"{files['nodata.md']}: warning no-data ")
    assert "2 files checked: 1 warning(s), 0 error(s)" in err


def test_diagnostic_with_a_line_has_file_colon_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.md"
    path.write_text("## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5 and then the", "utf-8")
    code, out, _err = run(str(path))
    assert code == 1
    assert any(line.startswith(f"{path}:3: warning ") for line in out.splitlines()), out


def test_unreadable_files_are_reported_and_the_rest_still_checked(
        files: dict[str, Path]) -> None:
    code, out, err = run(str(files["missing.md"]), str(files["binary.md"]), str(files["nodata.md"]))
    assert code == 1
    missing, binary, nodata = out.splitlines()
    assert missing == f"{files['missing.md']}: error missing no such file"
    assert binary == f"{files['binary.md']}: error binary binary file, not a text description"
    assert nodata.startswith(f"{files['nodata.md']}: warning no-data ")
    assert "2 unreadable" in err


def test_json_format_for_machines(files: dict[str, Path]) -> None:
    code, out, _err = run("--format", "json", str(files["clean.md"]), str(files["nodata.md"]),
                          str(files["missing.md"]))
    assert code == 1
    reports = [json.loads(line) for line in out.splitlines()]  # JSON Lines: one per file
    assert [(r["file"], r["ok"], r["error_code"]) for r in reports] == [
        (str(files["clean.md"]), True, None),
        (str(files["nodata.md"]), False, None),
        (str(files["missing.md"]), False, "missing"),
    ]
    [diagnostic] = reports[1]["diagnostics"]
    assert set(diagnostic) == {"severity", "code", "message", "line"}
    assert (diagnostic["severity"], diagnostic["code"]) == ("warning", "no-data")
    assert reports[2]["error"] == "no such file"


def test_stdin_is_dash() -> None:
    assert run("-", stdin=CLEAN)[0] == 0
    code, out, _err = run("-", stdin=NO_DATA)
    assert code == 1 and out.startswith("<stdin>: warning no-data ")


@pytest.mark.parametrize("args", [[], ["--format", "xml", "x.md"], ["--bogus", "x.md"]])
def test_usage_errors_exit_two(args: list[str]) -> None:
    assert run(*args)[0] == 2


CUT = "## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5 and then the"


def test_ignore_drops_a_code_and_the_exit_status_follows(tmp_path: Path) -> None:
    path = tmp_path / "cut.md"
    path.write_text(CUT, "utf-8")
    assert run(str(path))[0] == 1
    code, out, err = run("--ignore", "truncated", str(path))
    assert (code, out) == (0, "")
    assert "no problems" in err


def test_select_keeps_only_the_named_codes(files: dict[str, Path], tmp_path: Path) -> None:
    cut = tmp_path / "cut.md"
    cut.write_text(CUT, "utf-8")
    code, out, _err = run("--select", "no-data,empty-input", str(cut), str(files["nodata.md"]))
    assert code == 1
    assert [line.split()[2] for line in out.splitlines()] == ["no-data"]
    assert run("--select", "truncated", "--ignore", "truncated", str(cut))[0] == 0


def test_exit_zero_reports_but_exits_zero(files: dict[str, Path]) -> None:
    code, out, _err = run("--exit-zero", str(files["nodata.md"]), str(files["missing.md"]))
    assert code == 0
    assert len(out.splitlines()) == 2


def test_folders_are_walked_like_batch(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text(NO_DATA, "utf-8")
    (tmp_path / "a.md").write_text(CLEAN, "utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / "loop").symlink_to(tmp_path)
    code, out, err = run("--format", "json", str(tmp_path))
    assert code == 1
    reports = [json.loads(line) for line in out.splitlines()]
    assert [(Path(r["file"]).relative_to(tmp_path).as_posix(), r["error_code"]) for r in reports] == [
        ("a.md", None), ("b/inner.txt", None), ("loop", "symlink-loop")]
    assert [d["code"] for d in reports[1]["diagnostics"]] == ["no-data"]
    assert "3 files checked" in err


def test_readme_describes_the_json_lines_output() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "one JSON object per line" in readme and "--exit-zero" in readme
