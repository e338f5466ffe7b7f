"""Accelerator reporting, and the compiled build reading exactly as the pure sources do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import chartparse
from chartparse import accel
from cli_run import run

ROOT = Path(__file__).resolve().parents[1]


def test_compiled_modules_are_named_from_extension_files(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    suffix = EXTENSION_SUFFIXES[0]
    (tmp_path / "extract").mkdir()
    for name in (f"values{suffix}", f"extract/__init__{suffix}", f"extract/walker{suffix}",
                 "cli.py", "extract/tables.py", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(accel, "_PACKAGE_DIR", tmp_path)
    assert accel.compiled_modules() == ["chartparse.extract", "chartparse.extract.walker",
                                        "chartparse.values"]


def test_pure_sources_have_no_compiled_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accel, "_PACKAGE_DIR", ROOT / "src" / "chartparse")
    assert accel.compiled_modules() == []  # the build compiles in a temporary copy, never in-tree


@pytest.mark.parametrize(("modules", "lark_cython", "expected"), [
    (["chartparse.values", "chartparse.vocab"], True, "mypyc-compiled (2 modules), lark-cython"),
    ([], False, "pure Python, pure-Python lark"),
])
def test_describe_names_both_accelerators(monkeypatch: pytest.MonkeyPatch, modules: list[str],
                                          lark_cython: bool, expected: str) -> None:
    import chartparse.blocks

    monkeypatch.setattr(accel, "compiled_modules", lambda: modules)
    monkeypatch.setattr(chartparse.blocks, "accelerated", lambda: lark_cython)
    assert accel.describe() == expected


def test_version_reports_the_build() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"chartparse {chartparse.__version__} ({accel.describe()})"


def _reading(path: Path) -> dict:
    data = chartparse.parse_file(path).model_dump(mode="json")
    data.pop("source", None)
    return data


@pytest.mark.skipif(not accel.compiled_modules(), reason="this installation is pure Python")
def test_compiled_build_reads_every_fixture_as_the_pure_sources_do() -> None:
    fixtures = sorted((ROOT / "corpus").glob("*.md"))
    assert fixtures
    script = (
        "import json, sys, chartparse\n"
        "from chartparse import accel\n"
        "assert not accel.compiled_modules(), accel.compiled_modules()\n"
        "out = {}\n"
        "for p in sys.argv[1:]:\n"
        "    d = chartparse.parse_file(p).model_dump(mode='json')\n"
        "    d.pop('source', None)\n"
        "    out[p] = d\n"
        "print(json.dumps(out))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", script, *map(str, fixtures)], env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    pure = json.loads(result.stdout)
    differ = [p.name for p in fixtures if _reading(p) != pure[str(p)]]
    assert differ == []
