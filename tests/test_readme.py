"""The README is for users: what it promises is checked here, contributor notes live in docs/."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import chartparse

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"


def sections(text: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^##+ (.+)$", text, re.M)]


def first_code_block_after(heading: str) -> list[str]:
    body = README[README.index(heading):]
    match = re.search(r"```\w*\n(.*?)```", body, re.S)
    assert match, heading
    return match.group(1).strip().splitlines()


def test_user_sections_are_there() -> None:
    titles = " | ".join(sections(README)).lower()
    for name in ("quick start", "example", "command line", "formats", "extras", "validate",
                 "shell completion", "batch", "dask", "library", "contract", "diagnostics",
                 "limits", "contributing"):
        assert name in titles, name


def test_quick_start_is_two_commands_and_ci_runs_the_same_tests() -> None:
    install_and_run, install_and_test = first_code_block_after("## Quick start")
    assert "pip install ." in install_and_run and "chartparse corpus/" in install_and_run
    example = install_and_run.split("chartparse ", 1)[1].split()[0]
    assert (ROOT / example).is_file()
    assert '".[test]"' in install_and_test and install_and_test.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert 'python -m pip install --quiet ".[test]" && python -m pytest\n' in ci


def test_version_line_is_what_a_default_install_prints() -> None:
    compiled = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))[
        "tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["compile"]
    # accel.describe() for the compiled build without the accel extra (lark-cython).
    line = f"chartparse {chartparse.__version__} (mypyc-compiled ({len(compiled)} modules), pure-Python lark)"
    assert f"```text\n{line}\n```" in README


def test_contributors_get_the_fast_suite_and_the_architecture_notes() -> None:
    assert 'pytest -m "not slow"' in README
    assert "docs/ARCHITECTURE.md" in README
    notes = ARCHITECTURE.read_text("utf-8")
    for moved in ("collector", "key *shape*", "mypyc", "lark-cython", "hatch_build.py"):
        assert moved in notes, moved
    for internal in ("garbage collector", "key *shape*", "hot path stays cheap", "bench_parse.py --profile"):
        assert internal not in README, internal


def test_every_extra_named_exists() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"]
    named = set(re.findall(r"chartparse\[(\w+)\]", README))
    assert named and named <= set(extras), named - set(extras)
