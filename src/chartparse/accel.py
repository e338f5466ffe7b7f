"""Which accelerators this installation runs on.

Two are optional and independent: the parsing hot path compiled with mypyc (built into
the wheel when a C compiler is available, see ``hatch_build.py``), and lark-cython for
the block grammar (the ``accel`` extra). ``chartparse --version`` reports both.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    """Names of the chartparse modules installed as compiled extensions (sorted)."""
    names = set()
    for path in _PACKAGE_DIR.rglob("*"):
        suffix = next((s for s in EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is None:
            continue
        parts = path.relative_to(_PACKAGE_DIR).with_name(path.name[: -len(suffix)]).parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.add(".".join(("chartparse", *parts)))
    return sorted(names)


def describe() -> str:
    """One line: 'mypyc-compiled (18 modules), lark-cython' or 'pure Python, pure-Python lark'."""
    from .blocks import accelerated

    count = len(compiled_modules())
    build = f"mypyc-compiled ({count} modules)" if count else "pure Python"
    return f"{build}, {'lark-cython' if accelerated() else 'pure-Python lark'}"
