"""Stage 2: the block structure of a description, read by the lark grammar.

``grammar/blocks.lark`` turns the text into typed lines (headings, list items,
table rows, rules, paragraph lines), each split into an optional ``Key:`` lead
and its rest. Each line is one token; the parser is LALR with lark's basic lexer,
made once per process (loaded pre-built when shipped). It builds no tree: the
callbacks of :class:`LineBuilder`, lark's transformer, read each line token into a
:class:`Line` as the parser reduces it. With the optional ``accel`` extra
(lark-cython) the lexer and parser loops run compiled; set CHARTPARSE_PURE_LARK=1 to
turn that off.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, cast

from lark import Lark
from lark.exceptions import LarkError

from .grammar_files import LALR_OPTIONS, grammar_text, load_parser, prebuilt, terminal_patterns
from .textcache import text_cache

_CELL_SEP = re.compile(r"(?<!\\)\|")

LineKind = Literal["heading", "item", "para", "table", "rule"]

_EMPHASIS_EDGES = " \t*_`"
_EMPHASIS_EDGES_BUT_CODE = " \t*_"
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
        if self.key is not None or "**" not in self.text:
            return None  # (the pattern needs '**': a cheap test first)
        m = _BOLD_ONLY.match(self.text)
        return m.group(1).strip() if m else None


@text_cache(max_len=200)
def clean_key(raw: str) -> str:
    """``**X-Axis:** `` / ``X-Axis: `` / ``*X-Axis:*`` -> ``X-Axis``."""
    key = raw.strip()
    if key.startswith("**"):
        key = key[2:]
    elif key.startswith("*") and key.endswith(":*"):
        return key[1:-2].strip()  # '*Label:*' -> 'Label'
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
    if key.endswith("\\*"):  # 'Grounding Type \*': an escaped star ends the key's own name
        return key.lstrip(_EMPHASIS_EDGES)
    return without_edge_code_marks(key.strip(_EMPHASIS_EDGES_BUT_CODE))


def without_edge_code_marks(key: str) -> str:
    """A key in code marks loses them ('`a + b`'); a key whose code span closes inside keeps
    both marks ('Row `-$`' names the row '-$')."""
    if not key.startswith("`") and not key.endswith("`"):
        return key
    if key.count("`") % 2 == 0 and not (key.count("`") == 2 and key.startswith("`") and key.endswith("`")):
        return key
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
    if "\\(" in body or "$" in body:
        return [c.strip().replace(_MATH_PIPE, "|") for c in _CELL_SEP.split(_mask_math_pipes(body))]
    cells = _CELL_SEP.split(body) if "\\" in body else body.split("|")
    return [c.strip() for c in cells]


_MATH_PIPE = "\x00"


def _dollar_math(row: str, start: int, end: int) -> bool:
    """'$|x|$' is a formula: no space inside either dollar, no digit after the closing one."""
    return end > start + 1 and not row[start + 1].isspace() and not row[end - 1].isspace() \
        and not (end + 1 < len(row) and row[end + 1].isdigit())


def _mask_math_pipes(row: str) -> str:
    """A pipe inside inline math (``\\( |V| \\times d \\)``, ``$|x|$``) is no cell border: it
    is masked for the split (one pass; an unclosed formula masks nothing after it)."""
    out: list[str] = []
    i, n = 0, len(row)
    closes = {"\\)": True, "$": True}  # (once a closer is not found, none is sought again: linear)
    while i < n:
        close = "\\)" if row.startswith("\\(", i) else "$" if row[i] == "$" else None
        end = row.find(close, i + len(close) + (0 if close == "$" else 1)) if close and closes[close] else -1
        if close and end == -1:
            closes[close] = False
        if close == "$" and not _dollar_math(row, i, end):
            end = -1  # '$5 | $10': prices, no formula
        if close is None or end == -1:
            out.append(row[i])
            i += 1
            continue
        out.append(row[i:end].replace("|", _MATH_PIPE) + close)
        i = end + len(close)
    return "".join(out)


_SEPARATOR_CELL = re.compile(r"^:?-{1,}:?$")


def is_separator_row(cells: list[str]) -> bool:
    return bool(cells) and all(_SEPARATOR_CELL.match(c.replace(" ", "")) for c in cells if c)


_Matcher = Callable[[str], "re.Match[str]"]


def _compile_split(pattern: str) -> _Matcher:
    """The callbacks read a match with ``.groups()`` (by position, cheaper than by name),
    so the named parts must be its only groups."""
    compiled = re.compile(pattern)
    if compiled.groups != len(compiled.groupindex):
        raise ValueError("a part terminal of blocks.lark holds a capturing group")
    return cast(_Matcher, compiled.match)


class LineBuilder:
    """The block parser's callbacks (lark's ``transformer``), one per alternative of
    ``start`` in blocks.lark: each reads its line token into a :class:`Line` and appends
    it to the list the parse builds, so the parser makes no tree.

    A token's parts are read with matchers compiled from the part terminals of
    ``blocks.lark``, in the order the line terminals compose them, so a part matches
    here exactly what it matched in the line token (which is why no match is None).
    Tokens are read through ``.value``/``.line`` so lark-cython tokens work too.
    """

    def __init__(self, terminals: dict[str, str]) -> None:
        t = {name: f"(?:{regex})" for name, regex in terminals.items()}
        content = rf"(?P<key>{t['KEY']})?(?P<rest>{t['REST']})?"
        # A key ends in a colon (both KEY forms hold one): a line without a colon is split
        # the same without the key group, which the matcher then does not try at all.
        plain = rf"(?P<key>(?!)(?:{t['KEY']}))?(?P<rest>{t['REST']})?"
        heading = rf"(?P<hashes>{t['HASHES']})"
        item = rf"(?P<indent>{t['INDENT']})?(?P<marker>{t['MARKER']})"
        para = rf"(?P<indent>{t['INDENT']})?"
        self._split_heading = _compile_split(heading + content)
        self._split_item = _compile_split(item + content)
        self._split_para = _compile_split(para + content)
        self._split_heading_plain = _compile_split(heading + plain)
        self._split_item_plain = _compile_split(item + plain)
        self._split_para_plain = _compile_split(para + plain)

    def begin(self, children: list[Any]) -> list[Line]:
        return []

    def heading(self, children: list[Any]) -> list[Line]:
        lines: list[Line] = children[0]
        token = children[1]
        value = token.value
        split = self._split_heading if ":" in value else self._split_heading_plain
        hashes, key, rest = split(value).groups()
        n: int = token.line
        lines.append(Line("heading", n, n, rest.strip() if rest else "",
                          clean_key(key) if key else None, level=len(hashes.strip())))
        return lines

    def item(self, children: list[Any]) -> list[Line]:
        lines: list[Line] = children[0]
        token = children[1]
        value = token.value
        split = self._split_item if ":" in value else self._split_item_plain
        indent, marker, key, rest = split(value).groups()
        n: int = token.line
        lines.append(Line("item", n, n, rest.strip() if rest else "",
                          clean_key(key) if key else None, indent_width(indent) if indent else 0,
                          marker.strip()))
        return lines

    def para(self, children: list[Any]) -> list[Line]:
        lines: list[Line] = children[0]
        token = children[1]
        value = token.value
        split = self._split_para if ":" in value else self._split_para_plain
        indent, key, rest = split(value).groups()
        n: int = token.line
        lines.append(Line("para", n, n, rest.strip() if rest else "",
                          clean_key(key) if key else None, indent_width(indent) if indent else 0))
        return lines

    def rule(self, children: list[Any]) -> list[Line]:
        lines: list[Line] = children[0]
        line = children[1].line
        lines.append(Line("rule", line, line))
        return lines

    def blank(self, children: list[Any]) -> list[Line]:
        lines: list[Line] = children[0]  # the blank line's token is filtered out
        return lines

    def table(self, rows: list[Any]) -> Line:
        kept = [(row.line, split_row(row.value)) for row in rows]
        # Only a row with a dash can be the |---| separator.
        kept = [(n, cells) for (n, cells), row in zip(kept, rows, strict=True)
                if "-" not in row.value or not is_separator_row(cells)]
        return Line("table", rows[0].line, rows[-1].line, rows=[c for _, c in kept],
                    row_lines=[n for n, _ in kept])

    def add_table(self, children: list[Any]) -> list[Line]:
        lines: list[Line] = children[0]
        lines.append(children[1])
        return lines


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
    options: dict = {"transformer": LineBuilder(terminal_patterns("blocks.lark"))}
    if plugins:
        options["_plugins"] = plugins
    stored = prebuilt("blocks.lark")
    if stored is not None:
        return load_parser(stored["parser"], **options)
    return Lark(grammar_text("blocks.lark"), **LALR_OPTIONS["blocks.lark"], **options)


def parse_lines(text: str) -> tuple[list[Line], str | None]:
    """Parse text into lines. Returns the lines and, if the grammar failed, why.

    The grammar accepts every text; the fallback (each line a paragraph) exists
    so that a bug can never turn into an exception for the caller.
    """
    if not text.endswith("\n"):
        text += "\n"
    try:
        return cast("list[Line]", block_parser().parse(text)), None
    except LarkError as err:  # pragma: no cover - the grammar accepts any text
        lines = [
            Line("para", n, n, text=raw.strip())
            for n, raw in enumerate(text.split("\n"), start=1)
            if raw.strip()
        ]
        return lines, f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
