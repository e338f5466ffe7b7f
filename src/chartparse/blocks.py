"""Stage 2: the block structure of a description, read by the lark grammar.

``grammar/blocks.lark`` turns the text into typed lines (headings, list items,
table rows, rules, paragraph lines), each split into an optional ``Key:`` lead
and its rest. Each line is one token; the parser is LALR with the contextual lexer,
made once per process (loaded pre-built when shipped). The tree it builds is flat
(the line tokens, and a subtree per table), read into :class:`Line` objects in one
loop. With the optional ``accel`` extra (lark-cython) the lexer and parser loops run
compiled; set CHARTPARSE_PURE_LARK=1 to turn that off.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from lark import Lark
from lark.exceptions import LarkError

from .grammar_files import grammar_text, load_parser, prebuilt, terminal_patterns

_CELL_SEP = re.compile(r"(?<!\\)\|")

LineKind = Literal["heading", "item", "para", "table", "rule"]

_EMPHASIS_EDGES = " \t*_`"
# 'GSM8k*' keeps its star, also as the last character ('**Dataset: GSM8k***')
_BOLD_ONLY = re.compile(r"^\s*\*\*((?:[^*\n]|\*(?!\*)|\*(?=\*\*\s*:?\s*$)){1,200})\*\*\s*:?\s*$")


@dataclass(slots=True)
class Line:
    """One structural line (or one table) with its 1-based source line."""

    kind: LineKind
    line: int
    end_line: int
    text: str
    key: str | None
    indent: int
    marker: str | None
    level: int
    rows: list[list[str]]
    row_lines: list[int]  # source line of each kept row

    # __init__ is written out because mypyc compiles it; a dataclass-generated one runs
    # interpreted, which made building this class a hot spot.
    def __init__(self, kind: LineKind, line: int, end_line: int, text: str = "",
                 key: str | None = None, indent: int = 0, marker: str | None = None,
                 level: int = 0, rows: list[list[str]] | None = None,
                 row_lines: list[int] | None = None) -> None:
        self.kind = kind
        self.line = line
        self.end_line = end_line
        self.text = text
        self.key = key
        self.indent = indent
        self.marker = marker
        self.level = level
        self.rows = [] if rows is None else rows
        self.row_lines = [] if row_lines is None else row_lines

    @property
    def full_text(self) -> str:
        """Key and rest together, as a reader would see the line."""
        if self.key is None:
            return self.text
        return f"{self.key}: {self.text}" if self.text else f"{self.key}:"

    @property
    def numbered(self) -> bool:
        return bool(self.marker and self.marker[0].isdigit())

    def bold_title(self) -> str | None:
        """The text of a line that is only bold text (``**1. Chat (Blue)**``)."""
        if self.key is not None:
            return None
        m = _BOLD_ONLY.match(self.text)
        return m.group(1).strip() if m else None


def clean_key(raw: str) -> str:
    """``**X-Axis:** `` / ``X-Axis: `` -> ``X-Axis``."""
    key = raw.strip()
    if key.startswith("**"):
        key = key[2:]
    key = key.rstrip()
    if key.endswith(":"):
        key = key[:-1]
    key = key.rstrip()
    if key.endswith("**"):
        key = key[:-2]
    elif key.endswith(")") and "** (" in key:
        key = key.replace("** (", " (", 1)  # '**Legend** (right side):' -> 'Legend (right side)'
    key = key.rstrip()
    if key.endswith(":"):
        key = key[:-1]
    return key.strip(_EMPHASIS_EDGES)


def indent_width(raw: str) -> int:
    """Columns of an indent; a tab counts as four."""
    return len(raw) + 3 * raw.count("\t")


def split_row(row: str) -> list[str]:
    """``| a | b |`` -> ``["a", "b"]`` (escaped pipes are kept)."""
    body = row.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = _CELL_SEP.split(body) if "\\" in body else body.split("|")
    return [c.strip() for c in cells]


_SEPARATOR_CELL = re.compile(r"^:?-{1,}:?$")


def is_separator_row(cells: list[str]) -> bool:
    return bool(cells) and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in cells if c)


def _read_lines(children: list) -> list[Line]:
    """Line objects from the children of ``start``: line tokens, and ``table`` trees.

    Each token's parts are read with the regexes of :func:`_splitters`. Tokens are
    read through ``.type``/``.value``/``.line`` so lark-cython tokens work too.
    """
    split_heading, split_item, split_para = _splitters()
    lines: list[Line] = []
    append = lines.append
    for child in children:
        kind = getattr(child, "type", None)
        if kind == "ITEM_LINE":
            indent, marker, key, rest = split_item(child.value).group("indent", "marker", "key", "rest")
            append(Line("item", child.line, child.line, rest.strip() if rest else "",
                        clean_key(key) if key else None, indent_width(indent) if indent else 0,
                        marker.strip()))
        elif kind == "PARA_LINE":
            indent, key, rest = split_para(child.value).group("indent", "key", "rest")
            append(Line("para", child.line, child.line, rest.strip() if rest else "",
                        clean_key(key) if key else None, indent_width(indent) if indent else 0))
        elif kind == "HEADING_LINE":
            hashes, key, rest = split_heading(child.value).group("hashes", "key", "rest")
            append(Line("heading", child.line, child.line, rest.strip() if rest else "",
                        clean_key(key) if key else None, level=len(hashes.strip())))
        elif kind == "RULE_LINE":
            append(Line("rule", child.line, child.line))
        elif kind is None:  # a table: Tree('table', [TABLE_ROW, ...])
            append(_table(child.children))
    return lines


def _table(rows: list) -> Line:
    kept = [(row.line, split_row(row.value)) for row in rows]
    # Only a row with a dash can be the |---| separator.
    kept = [(n, cells) for (n, cells), row in zip(kept, rows, strict=True)
            if "-" not in row.value or not is_separator_row(cells)]
    return Line("table", rows[0].line, rows[-1].line, rows=[c for _, c in kept],
                row_lines=[n for n, _ in kept])


_Matcher = Callable[[str], "re.Match[str]"]


@cache
def _splitters() -> tuple[_Matcher, _Matcher, _Matcher]:
    """Matchers that split heading, item and paragraph tokens into named parts.

    Built from the part terminals of ``blocks.lark``, in the order the line terminals
    compose them, so a part matches here exactly what it matched in the line token.
    """
    t = {name: f"(?:{regex})" for name, regex in terminal_patterns("blocks.lark").items()}
    content = rf"(?P<key>{t['KEY']})?(?P<rest>{t['REST']})?"
    heading = re.compile(rf"(?P<hashes>{t['HASHES']}){content}")
    item = re.compile(rf"(?P<indent>{t['INDENT']})?(?P<marker>{t['MARKER']}){content}")
    para = re.compile(rf"(?P<indent>{t['INDENT']})?{content}")
    # A line token always matches the parts it was composed from, so no match is None.
    return cast("tuple[_Matcher, _Matcher, _Matcher]", (heading.match, item.match, para.match))


def accelerated() -> bool:
    """Whether the block parser runs on lark-cython (the optional ``accel`` extra)."""
    return _lark_plugins() is not None


@cache
def _lark_plugins() -> dict | None:
    if os.environ.get("CHARTPARSE_PURE_LARK"):
        return None
    try:
        import lark_cython
    except ImportError:
        return None
    return lark_cython.plugins


@cache
def block_parser() -> Lark:
    """The block parser, once per process: loaded pre-built when the package ships it
    for this grammar and lark version (see :mod:`chartparse.grammar_files`), else built."""
    plugins = _lark_plugins()
    options: dict = {}
    if plugins:
        options["_plugins"] = plugins
    stored = prebuilt("blocks.lark")
    if stored is not None:
        return load_parser(stored["parser"], **options)
    return Lark(grammar_text("blocks.lark"), parser="lalr", lexer="contextual",
                maybe_placeholders=False, **options)


def parse_lines(text: str) -> tuple[list[Line], str | None]:
    """Parse text into lines. Returns the lines and, if the grammar failed, why.

    The grammar accepts every text; the fallback (each line a paragraph) exists
    so that a bug can never turn into an exception for the caller.
    """
    if not text.endswith("\n"):
        text += "\n"
    try:
        return _read_lines(block_parser().parse(text).children), None
    except LarkError as err:  # pragma: no cover - the grammar accepts any text
        lines = [
            Line("para", n, n, text=raw.strip())
            for n, raw in enumerate(text.split("\n"), start=1)
            if raw.strip()
        ]
        return lines, f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
