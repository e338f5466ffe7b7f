"""Locate and load the .lark grammars shipped with the package, and their pre-built parsers.

In a wheel the top-level ``grammar/`` folder is installed as ``chartparse/grammar``;
in a source checkout (editable install) it sits two levels above this file.

Building a lark LALR parser from a grammar costs more than reading a description, so
``grammar/parsers.pickle`` ships the parsers already built (lark's ``Lark.save`` data)
and the terminal patterns the scanners compile. It is written from the .lark files by
``python -m chartparse.grammar_files`` and used only where it matches both the grammar
file and the installed lark version (it records the grammar's sha256 and lark's
version); anywhere else the parser is built from the grammar at first use, as it would
be without the file. It is read from the package's own folder only, never from a cache
or temp directory, and holds plain data only (the loader refuses any class).
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from importlib.resources.abc import Traversable

PREBUILT = "parsers.pickle"
GRAMMARS = ("blocks.lark", "values.lark")
# Every parser state of blocks.lark accepts every line terminal, so a contextual lexer
# would hold one terminal set anyway: the basic lexer skips its per-token state lookup.
LALR_OPTIONS: dict[str, dict[str, Any]] = {
    "blocks.lark": {"parser": "lalr", "lexer": "basic", "maybe_placeholders": False},
    "values.lark": {"parser": "lalr", "lexer": "contextual"},
}


@cache
def grammar_dir() -> Traversable:
    packaged = resources.files("chartparse").joinpath("grammar")
    if packaged.joinpath(GRAMMARS[0]).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "grammar"
    if checkout.joinpath(GRAMMARS[0]).is_file():
        return checkout
    raise FileNotFoundError("the grammar folder is missing from the chartparse installation")


@cache
def grammar_text(name: str) -> str:
    path = grammar_dir().joinpath(name)
    if not path.is_file():
        raise FileNotFoundError(f"grammar file {name!r} is missing from the chartparse installation")
    return path.read_text(encoding="utf-8")


def grammar_sha256(name: str) -> str:
    return hashlib.sha256(grammar_text(name).encode("utf-8")).hexdigest()


def _lark_version() -> str:
    import lark

    return str(lark.__version__)


class _PlainData(pickle.Unpickler):
    """Unpickles plain data only (dicts, lists, strings, numbers): no class is ever loaded."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{PREBUILT} holds {module}.{name}, not plain data")


@cache
def _prebuilt_file() -> dict[str, dict[str, Any]]:
    path = grammar_dir().joinpath(PREBUILT)
    try:
        with path.open("rb") as fh:
            data = _PlainData(fh).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def stored_sha256(name: str) -> str | None:
    """The grammar digest ``parsers.pickle`` was built from (None when it has no entry)."""
    entry = _prebuilt_file().get(name)
    return entry.get("grammar_sha256") if isinstance(entry, dict) else None


def prebuilt(name: str) -> dict[str, Any] | None:
    """The pre-built parts of grammar ``name``, or None when missing or out of date.

    Keys: ``terminals`` (every terminal's regex, by name) and ``parser`` (``Lark.save``
    data of the LALR parser, as :func:`load_parser` takes it).
    """
    entry = _prebuilt_file().get(name)
    if (not isinstance(entry, dict) or entry.get("grammar_sha256") != grammar_sha256(name)
            or entry.get("lark") != _lark_version()):
        return None
    return entry


def load_parser(data: dict[str, Any], **options: Any):
    """A lark parser from ``Lark.save`` data, with the options lark allows at load time
    (``transformer``, ``_plugins``). The data came from this package, built by ``build``."""
    from lark import Lark

    return Lark._load_from_dict(data["data"], data["memo"], **options)


def terminal_patterns(name: str) -> dict[str, str]:
    """Every terminal of grammar ``name`` (used or only composed into others) as a regex."""
    entry = prebuilt(name)
    if entry is not None:
        return dict(entry["terminals"])
    from lark import Lark

    lexer_only = Lark(grammar_text(name), parser=None, lexer="basic")  # keeps every terminal
    return {t.name: t.pattern.to_regexp() for t in lexer_only.terminals}


def build() -> dict[str, dict[str, Any]]:
    """Build everything ``parsers.pickle`` holds, from the grammar files."""
    from lark import Lark

    out: dict[str, dict[str, Any]] = {}
    for name in GRAMMARS:
        parser = Lark(grammar_text(name), **LALR_OPTIONS[name])
        data, memo = parser.memo_serialize(list(_memoized_types()))
        lexer_only = Lark(grammar_text(name), parser=None, lexer="basic")
        out[name] = {
            "grammar_sha256": grammar_sha256(name),
            "lark": _lark_version(),
            "terminals": {t.name: t.pattern.to_regexp() for t in lexer_only.terminals},
            "parser": {"data": data, "memo": memo},
        }
    return out


def _memoized_types() -> tuple[type, ...]:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    return (TerminalDef, Rule)


def main(argv: list[str] | None = None) -> int:
    """``python -m chartparse.grammar_files``: rewrite ``parsers.pickle`` from the grammars."""
    target = grammar_dir().joinpath(PREBUILT)
    if not isinstance(target, Path):
        print("chartparse: the grammar folder is not a plain folder; nothing written",
              file=sys.stderr)
        return 1
    payload = pickle.dumps(build(), protocol=4)
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(payload)
    tmp.replace(target)
    print(f"wrote {target} ({len(payload)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
