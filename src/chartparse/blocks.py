"""Stage 2: the block structure of a description, read by the lark grammar.

``grammar/blocks.lark`` turns the text into typed lines (headings, list items,
table rows, rules, paragraph lines), each split into an optional ``Key:`` lead
and its rest. The parser is LALR with the contextual lexer, built once per
process, and builds :class:`Line` objects directly while parsing (no parse tree).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from .grammar_files import grammar_text

LineKind = Literal["heading", "item", "para", "table", "rule"]

_EMPHASIS_EDGES = " \t*_`"
_BOLD_ONLY = re.compile(r"^\s*\*\*([^*\n]{1,200})\*\*\s*:?\s*$")


@dataclass(slots=True)
class Line:
    """One structural line (or one table) with its 1-based source line."""

    kind: LineKind
    line: int
    end_line: int
    text: str = ""
    key: str | None = None
    indent: int = 0
    marker: str | None = None
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        """Key and rest together, as a reader would see the line."""
        if self.key is None:
            return self.text
        return f"{self.key}: {self.text}" if self.text else f"{self.key}:"

    @property
    def numbered(self) -> bool:
        return bool(self.marker) and self.marker[0].isdigit()

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
    key = key.rstrip()
    if key.endswith(":"):
        key = key[:-1]
    return key.strip(_EMPHASIS_EDGES)


def indent_width(raw: str) -> int:
    return sum(4 if ch == "\t" else 1 for ch in raw)


def split_row(row: str) -> list[str]:
    """``| a | b |`` -> ``["a", "b"]`` (escaped pipes are kept)."""
    body = row.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [c.strip() for c in cells]


_SEPARATOR_CELL = re.compile(r"^:?-{1,}:?$")


def is_separator_row(cells: list[str]) -> bool:
    return bool(cells) and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in cells if c)


class _ToLines(Transformer):
    """Builds Line objects while the LALR parser reduces (tree-less parsing)."""

    def start(self, children: list) -> list[Line]:
        return [child for child in children if isinstance(child, Line)]

    def content(self, tokens: list[Token]) -> tuple[str | None, str, int]:
        key: str | None = None
        rest = ""
        line = tokens[0].line or 0
        for tok in tokens:
            if tok.type in ("BOLD_KEY", "PLAIN_KEY"):
                key = clean_key(str(tok))
            else:
                rest = str(tok).strip()
        return key, rest, line

    @staticmethod
    def _parts(children: list) -> tuple[int, str | None, tuple[str | None, str, int] | None, int]:
        indent = 0
        marker = None
        content = None
        line = 0
        for child in children:
            if isinstance(child, Token):
                line = line or (child.line or 0)
                if child.type == "INDENT":
                    indent = indent_width(str(child))
                elif child.type in ("MARKER", "HASHES"):
                    marker = str(child).strip()
            else:
                content = child
                line = line or child[2]
        return indent, marker, content, line

    def heading(self, children: list) -> Line:
        _, marker, content, line = self._parts(children)
        key, rest = (content[0], content[1]) if content else (None, "")
        return Line("heading", line, line, text=rest, key=key, level=len(marker or "#"))

    def item(self, children: list) -> Line:
        indent, marker, content, line = self._parts(children)
        key, rest = (content[0], content[1]) if content else (None, "")
        return Line("item", line, line, text=rest, key=key, indent=indent, marker=marker)

    def para(self, children: list) -> Line:
        indent, _, content, line = self._parts(children)
        key, rest = (content[0], content[1]) if content else (None, "")
        return Line("para", line, line, text=rest, key=key, indent=indent)

    def table_row(self, children: list[Token]) -> tuple[int, str]:
        row = next(c for c in children if c.type == "PIPE_ROW")
        return (row.line or 0, str(row))

    def table(self, rows: list[tuple[int, str]]) -> Line:
        cells = [split_row(text) for _, text in rows]
        body = [c for c in cells if not is_separator_row(c)]
        return Line("table", rows[0][0], rows[-1][0], rows=body)

    def rule(self, children: list[Token]) -> Line:
        line = children[0].line or 0
        return Line("rule", line, line)


@cache
def block_parser() -> Lark:
    """The block parser, built once per process."""
    return Lark(
        grammar_text("blocks.lark"),
        parser="lalr",
        lexer="contextual",
        transformer=_ToLines(),
        maybe_placeholders=False,
    )


def parse_lines(text: str) -> tuple[list[Line], str | None]:
    """Parse text into lines. Returns the lines and, if the grammar failed, why.

    The grammar accepts every text; the fallback (each line a paragraph) exists
    so that a bug can never turn into an exception for the caller.
    """
    if not text.endswith("\n"):
        text += "\n"
    try:
        return block_parser().parse(text), None
    except LarkError as err:  # pragma: no cover - the grammar accepts any text
        lines = [
            Line("para", n, n, text=raw.strip())
            for n, raw in enumerate(text.split("\n"), start=1)
            if raw.strip()
        ]
        return lines, f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
