"""The CLI behaves like the tools users know: formats from -o, help, errors, completion."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import chartparse
from cli_run import run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "example_line.md"


# -- item 9: the output name states the format ---------------------------------------


@pytest.mark.parametrize(("name", "starts"), [
    ("out.csv", b"panel,series,"),
    ("out.PNG", b"\x89PNG"),
    ("out.md", b"## Line Chart: "),
    ("out.jsonl", b'{"schema_version"'),
    ("spec.vl.json", b'{\n  "$schema": "https://vega.github.io/schema/vega-lite/v5'),
])
def test_format_is_inferred_from_the_output_name(tmp_path: Path, name: str, starts: bytes) -> None:
    if name.lower().endswith(".png"):
        pytest.importorskip("matplotlib")
    out = tmp_path / name
    result = run(str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(starts)


def test_parquet_is_inferred_and_written(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "points.parquet"
    assert run(str(EXAMPLE), "-o", str(out)).exit_code == 0
    assert pq.read_table(out).num_rows == 15


def test_unknown_suffix_and_stdout_stay_json(tmp_path: Path) -> None:
    out = tmp_path / "chart.out"
    assert run(str(EXAMPLE), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text("utf-8"))["kind"] == "line"


@pytest.mark.parametrize(("fmt", "name"), [("json", "x.png"), ("csv", "x.parquet"), ("png", "x.svg"),
                                           ("md", "x.json")])
def test_a_contradiction_is_a_usage_error(tmp_path: Path, fmt: str, name: str) -> None:
    result = run(str(EXAMPLE), "--to", fmt, "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert "contradicts" in result.stderr and name in result.stderr
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(("fmt", "name"), [("vega-lite", "spec.json"), ("jsonl", "one.json"),
                                           ("table", "prompt.txt"), ("json", "chart.txt")])
def test_compatible_names_are_accepted(tmp_path: Path, fmt: str, name: str) -> None:
    assert run(str(EXAMPLE), "--to", fmt, "-o", str(tmp_path / name)).exit_code == 0


# -- item 12: no usage for a command never typed, help, folders, completion --------------


def test_unknown_option_first_names_no_subcommand() -> None:
    result = run("--bogus")
    assert result.exit_code == 2
    assert "No such option" in result.stderr and "--bogus" in result.stderr
    assert "convert" not in result.stderr
    assert "[OPTIONS] COMMAND [ARGS]" in result.stderr


def test_convert_options_before_the_file_still_work() -> None:
    for args in (["--to", "csv", str(EXAMPLE)], ["--to=csv", str(EXAMPLE)]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("panel,series,")


def test_help_command_is_like_help_flag() -> None:
    assert run("help").stdout == run("--help").stdout
    result = run("help", "validate")
    assert result.exit_code == 0
    assert "--exit-zero" in result.stdout
    unknown = run("help", "nope")
    assert unknown.exit_code == 2 and "no such command 'nope'" in unknown.stderr


def test_a_folder_suggests_batch(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "is a directory" in line and f"chartparse batch {tmp_path}" in line


def test_shell_completion_completes_commands_and_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from chartparse.cli import main

    env = {"_CHARTPARSE_COMPLETE": "bash_complete", "COMP_WORDS": "chartparse va", "COMP_CWORD": "1"}
    result = CliRunner().invoke(main, [], env=env, prog_name="chartparse")
    assert "plain,validate" in result.output.splitlines()
    env = {**env, "COMP_WORDS": "chartparse x.md --to pa", "COMP_CWORD": "3"}
    result = CliRunner().invoke(main, [], env=env, prog_name="chartparse")
    assert "plain,parquet" in result.output.splitlines()


def test_readme_documents_completion_and_the_main_guard() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "_CHARTPARSE_COMPLETE=bash_source chartparse" in readme
    assert 'if __name__ == "__main__":' in readme
    assert "parse_many" in readme


def test_library_size_error_does_not_name_the_cli_flag(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("## Line Chart: Loss\n" + "* Epoch 1: ~0.9\n" * 20, "utf-8")
    with pytest.raises(chartparse.ChartParseError) as caught:
        chartparse.parse_file(path, max_bytes=50)
    assert "--max-bytes" not in str(caught.value)
    assert "max_bytes" in str(caught.value) and caught.value.code == "too-large"
    cli = run(str(path), "--max-bytes", "50")
    assert cli.exit_code == 1 and "--max-bytes" in cli.stderr
    validate = run("validate", str(path), "--max-bytes", "50")
    assert "--max-bytes" in validate.stdout


def test_no_environment_leaks_into_other_tests() -> None:
    assert "_CHARTPARSE_COMPLETE" not in os.environ
