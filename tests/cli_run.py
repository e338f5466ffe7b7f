"""Running the CLI in-process, and the shape of its one-line errors (shared by the CLI tests)."""

from __future__ import annotations

from click.testing import CliRunner, Result

from chartparse.cli import main


def run(*args: str, input: bytes | str | None = None) -> Result:
    """``chartparse ARGS`` with stdout and stderr kept apart; an escaping exception fails the test."""
    # Click 8.2 keeps stderr apart by default; older versions need mix_stderr=False.
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def assert_one_line_error(result: Result, *needles: str) -> None:
    """Exit 1, nothing on stdout, one ``chartparse: ...`` line on stderr naming every needle."""
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("chartparse: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]
