"""Locate and load the .lark grammars shipped with the package.

In a wheel the top-level ``grammar/`` folder is installed as ``chartparse/grammar``;
in a source checkout (editable install) it sits two levels above this file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def grammar_text(name: str) -> str:
    packaged = resources.files("chartparse").joinpath("grammar").joinpath(name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammar" / name
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise FileNotFoundError(f"grammar file {name!r} is missing from the chartparse installation")
