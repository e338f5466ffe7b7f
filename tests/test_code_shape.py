"""The extractor stays readable: small functions, small modules (measured with radon)."""

from __future__ import annotations

from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chartparse"
MAX_COMPLEXITY = 25  # cyclomatic, per function, in the extractor
MAX_MODULE_LINES = 400


def test_no_function_in_the_extractor_is_too_complex() -> None:
    too_complex = []
    for path in sorted((PACKAGE / "extract").rglob("*.py")):
        for block in radon_complexity.cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                too_complex.append(f"{path.name}:{block.lineno} {block.name} ({block.complexity})")
    assert not too_complex, too_complex


def test_no_module_in_the_package_is_too_long() -> None:
    long = [f"{p.relative_to(PACKAGE)} ({n})" for p in sorted(PACKAGE.rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, long
