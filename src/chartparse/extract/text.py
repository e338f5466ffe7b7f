"""Small text helpers shared by the extractor's readers."""

from __future__ import annotations

import re
from typing import Final

from ..textcache import text_cache
from ..values import Quantity, normalise, scan
from ..vocab import COLOR_WORDS, LINE_STYLES, MARKERS, STYLE_WORDS, fold, mentions_color
from ..vocab_looks import SHADES
from .state import LegendEntryDraft

_STYLE_SPLIT: Final = re.compile(r"[\s/,()\-]+")
_WORDS_AND_HYPHENS: Final = re.compile(r"[\s/,()]+")
_HEX_COLOR: Final = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})$")  # the code in 'Teal (#008080)'
_WORD_SPLIT: Final = re.compile(r"[\s/,()]+")
_MARKER_WORDS = tuple((m, re.compile(rf"\b{re.escape(m)}(?:e?s)?\b")) for m in MARKERS)

PAREN_NOTE: Final = re.compile(r"\(([^()]*)\)")  # a note in brackets, one level (group 1: the note)
_QUOTED: Final = re.compile(r"[\"“”]([^\"“”\n]{1,200})[\"“”]|`([^`\n]{1,200})`|‘([^’\n]{1,200})’")
_MARKUP: Final = re.compile(r"\*\*|__|`")
_LEADING_NUMBERING: Final = re.compile(
    r"^\s*(?:(?:\d{1,3}|[A-Za-z]|[IVX]{1,4})[.)]\s+|\(\d{1,3}\)\s+|\d{1,2}:\s+(?=[^\W\d_]))"
)
_SERIES_PREFIX: Final = re.compile(
    r"^\s*(?:data\s+)?(?:series|line|entry|model|method)\s*(?:(?:\d{1,3}|[A-H](?=\s*:))\s*[:.\-–]|:)\s*",
    re.IGNORECASE
)
_ELEMENT_QUOTED: Final = re.compile(
    r'^(?:data\s+)?(?:series|line|curve|entry|bar|plot)\s{1,2}["“]([^"”]{1,60})["”]?\s*(?:\(([^()]{1,40})\))?$',
    re.IGNORECASE)
_QUOTED_THEN_NOTE: Final = re.compile(r'["“]([^"“”\n]{1,80})["”]\s{0,2}\(([^()\n]{1,40})\)')
_QUOTE_CLOSES_INSIDE: Final = re.compile(_QUOTED_THEN_NOTE.pattern + r":?$")  # strip_markup keeps its quotes
_SERIES_PAREN_NAME: Final = re.compile(r"\s*(?:data\s+)?series\s*\d{1,3}\s*\(([^()]{1,60})\)", re.IGNORECASE)
_TRAILING_PARENS: Final = re.compile(r"(?<!\s)\s*\(([^()]*)\)\s*$")  # (starts where its spaces start: linear)
_HTML_TAG: Final = re.compile(r"</?[a-zA-Z][^<>\n]{0,40}>")


_PLACE_WORDS = frozenset("""left leftmost middle center centre right rightmost top topmost bottom upper lower
    first second third inner outer segment bar portion part slice""".split())


_PLACE_NOTE_WORDS = _PLACE_WORDS | frozenset("row column panel plot chart graph subplot side corner".split())


def quoted_name_before_note(text: str) -> str | None:
    """'"Learn to Generate" (Top Row)' -> 'Learn to Generate': the quotes hold the name, and
    a note of place or look after them names nothing; another note stays ('"Ours" (λ=0.1)'
    -> 'Ours (λ=0.1)')."""
    m = _QUOTED_THEN_NOTE.fullmatch(text.strip().rstrip(":"))
    if m is None:
        return None
    name, note = m.group(1).strip(), m.group(2)
    if all(w in _PLACE_NOTE_WORDS for w in fold(note).replace("-", " ").split()) or is_style_words(note) \
            or mentions_color(note):
        return name
    return f"{name} ({note})"


_ESCAPE: Final = re.compile(r"\\([_*#\[\]\\`~|<>-])")


def unescape(text: str) -> str:
    """Markdown escapes out of a label: ``north\\_set`` -> ``north_set``."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _without_markers(text: str) -> str:
    """Markdown escapes resolved, bold and code markers dropped, HTML tags made spaces."""
    text = unescape(text)
    if "**" in text or "__" in text or "`" in text:
        text = _MARKUP.sub("", text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return text


def strip_emphasis(text: str) -> str:
    """Drop bold/code markers and HTML tags, keeping quotes: a text of several quoted names
    ('"Depth" with markers "Depth 1", "Depth 2"') keeps its first and last quote marks."""
    return _without_markers(text).strip(" _")


def strip_markup(text: str) -> str:
    """Drop bold/code markers and surrounding emphasis, quotes and punctuation; a quote that
    closes inside the text stays ('"Ours" (Top Row)' keeps both of its quotes)."""
    text = _without_markers(text).strip()
    text = text.strip(" _") if _QUOTE_CLOSES_INSIDE.match(text) else text.strip("_\"'“”‘’ ")
    if "*" in text:
        # Emphasis stars come in pairs; a lone trailing star is part of the name ('GSM8k*').
        lead = len(text) - len(text.lstrip("*"))
        trail = len(text) - len(text.rstrip("*"))
        text = text[lead: len(text) - min(trail, lead)] if lead else text
        text = text.strip("_\"'“”‘’ ")
    return text.strip()


def _may_quote(text: str) -> bool:
    """Whether ``text`` holds a character that opens or closes a quote of _QUOTED (a cheap
    test first: the pattern is tried at every position of a text without one)."""
    return "\"" in text or "`" in text or (not text.isascii() and (
        "“" in text or "”" in text or "‘" in text))


def quoted(text: str) -> str | None:
    if not _may_quote(text):
        return None
    m = _name_quote(text)
    if not m:
        return None
    value = next(g for g in m.groups() if g is not None)
    return value.strip().strip("*_ ").rstrip(",.;:").strip() or None


_COORDINATE_NOTE: Final = re.compile(r"\s{0,2}[\[(]?\s{0,2}[xy]\s{0,2}[:=]", re.IGNORECASE)
"""'`[x: ~30%, y: top]`': a quoted place in the figure, no name."""


def _name_quote(text: str) -> re.Match[str] | None:
    """The first quoted span that is not a coordinate note."""
    for m in _QUOTED.finditer(text):
        if not _COORDINATE_NOTE.match(next(g for g in m.groups() if g is not None)):
            return m
    return None


def first_quote(text: str) -> int:
    """Where the first quoted span starts (len(text) when none does)."""
    if not _may_quote(text):
        return len(text)
    m = _name_quote(text)
    return m.start() if m else len(text)


def all_quoted(text: str) -> list[str]:
    out: list[str] = []
    if not _may_quote(text):
        return out
    for m in _QUOTED.finditer(text):
        value = next(g for g in m.groups() if g is not None).strip().strip("*_ ").rstrip(",.;:")
        if value:
            out.append(value)
    return out


def only_quoted(text: str) -> list[str]:
    """'`create`, `edit`, `<END>`' -> the names: a line of two or more quoted names and
    nothing else but separators ([] otherwise)."""
    if not _may_quote(text):
        return []
    names = all_quoted(text)
    rest = _QUOTED.sub(" ", text).replace(",", " ").replace(";", " ").replace(" and ", " ").strip(" .*_-")
    return names if len(names) >= 2 and not rest else []


def drop_numbering(text: str) -> str:
    if "." not in text and ")" not in text and ":" not in text:
        return text  # (every numbering the pattern reads ends in one of these: a cheap test first)
    m = _LEADING_NUMBERING.match(text)  # anchored: a match, not a sub, is all it takes
    return text[m.end():] if m else text


def _is_compound_look(word: str) -> bool:
    """'dash-dot', 'sea-green': hyphened looks, the last part a colour or every part a look."""
    if "-" not in word:
        return False
    parts = [p for p in word.split("-") if p]
    return bool(parts) and (parts[-1] in COLOR_WORDS
                            or all(p in COLOR_WORDS or p in STYLE_WORDS for p in parts))


@text_cache()
def is_style_words(text: str) -> bool:
    if "$" in text or not _GLYPH_CHARS.isdisjoint(text):  # a marker's glyph beside a look ('($\\times$)')
        text = _MARKER_GLYPH.sub(" ", text)
    words = [w for w in _WORDS_AND_HYPHENS.split(fold(text)) if w.strip("-")]
    looks = [w for i, w in enumerate(words) if w in COLOR_WORDS or w in STYLE_WORDS or _is_compound_look(w)
             or (w == "error" and words[i + 1: i + 2] in (["bar"], ["bars"]))]  # 'with error bars'
    # a colour's code counts beside its name ('Teal (#008080)'), not alone; words that join
    # looks count beside two of them ('Red line with a solid circle')
    joins = sum(1 for i, w in enumerate(words) if w in _LOOK_JOINS and i and words[i - 1] in looks) \
        if len(looks) >= 2 else 0  # ('with a solid circle'; not a lead 'a blue segment (top)')
    return bool(looks) and len(looks) + joins + sum(1 for w in words if _HEX_COLOR.match(w)) == len(words)


_LOOK_JOINS: Final = frozenset({"a", "an"})  # after a look word ('with', 'and' are looks)


_GLYPH_CHARS: Final = frozenset("■□●○▲△▼▽◆◇★☆✕✖×•◼◻▪▫⬤")
_MARKER_GLYPH: Final = re.compile(r"\$\\?[A-Za-z]{1,20}\$|[■□●○▲△▼▽◆◇★☆✕✖×•◼◻▪▫⬤]")


@text_cache()
def series_paren_name(text: str) -> str | None:
    """'Data Series 1 (DROP)' -> 'DROP'; None when the parentheses hold a look
    ('Series 1 (Blue Circle)') or the text is not a numbered series with its name."""
    own = _SERIES_PAREN_NAME.fullmatch(text)
    if own is None or is_style_words(own.group(1)) or mentions_color(own.group(1)):
        return None
    return own.group(1)


_LOOK_THEN_QUOTED: Final = re.compile(r"([^()\"“]{2,40}?)\s{0,2}\(\s{0,2}[\"“]([^\"“”]{1,80})[\"”]\s{0,2}\)")


@text_cache()
def clean_name(raw: str) -> str:
    """A series/legend/panel name as written, without numbering, markup or style notes.

    ``**1. 1 Rec (Solid Blue Line)**`` -> ``1 Rec``;
    ``Data Series 1: v10-l1 (Dark Blue)`` -> ``v10-l1``.
    """
    text = strip_markup(raw).rstrip(":").strip()
    text = drop_numbering(text)
    if (quoted_name := _ELEMENT_QUOTED.match(text)) and (
            quoted_name.group(2) is None or is_style_words(quoted_name.group(2))
            or mentions_color(quoted_name.group(2))):
        return quoted_name.group(1).strip()  # 'Line "x" (Blue)': the line's quoted label
    named = _SERIES_PREFIX.sub("", text, count=1)
    if not is_style_words(named):  # ('Data Series: Bars' names a look, not a series)
        text = named
    text = series_paren_name(text) or text
    if (quoted := quoted_name_before_note(text)) is not None:
        return quoted
    looked = _LOOK_THEN_QUOTED.fullmatch(text) if '("' in text or "(“" in text else None
    if looked and is_style_words(looked.group(1)):
        return looked.group(2).strip()  # 'Blue ("Consistently correct (All)")': the quoted label
    m = _TRAILING_PARENS.search(text)
    if m and text[: m.start()].strip():
        inside = m.group(1)
        if is_style_words(inside) or mentions_color(inside):  # '(Pinkish-Brown segment, right)'
            before = text[: m.start()]
            # 'Middle Segment (Light Blue)': a place in the bar names no series; its colour does
            only_place = all(w in _PLACE_WORDS for w in fold(before).split())
            text = inside if only_place and is_style_words(inside) else before
    head, dash, look = text.rpartition(" - ") if " - " in text else ("", "", "")
    if dash and head.strip() and is_style_words(look):
        text = head  # 'GRPO (8B) - Blue Line': the look after a dash names no series
    text = strip_markup(text).rstrip(":").strip()
    return text


@text_cache()
def style_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(color, line style, marker) named in a description such as 'Dashed orange line'."""
    folded = fold(text)
    words = _WORD_SPLIT.split(folded)
    color = None
    for i, w in enumerate(words):
        base = w.split("-")[-1] if "-" in w else w
        if w in COLOR_WORDS or base in COLOR_WORDS:
            prefix = words[i - 1] if i > 0 and words[i - 1] in SHADES else None
            color = f"{prefix} {w}" if prefix else w
            break
    line_style = next((s for s in LINE_STYLES if s in folded), None)
    if line_style == "dash dot":
        line_style = "dash-dot"
    marker = next((m for m, word in _MARKER_WORDS if m in folded and word.search(folded)
                   and not (m == "dot" and line_style and "dot" in line_style)), None)
    return color, line_style, marker


def entry_with_look(label: str, look: str, line: int | None) -> LegendEntryDraft:
    """A legend entry named ``label``, drawn as ``look`` describes ('dashed orange line')."""
    color, line_style, marker = style_of(look)
    entry = LegendEntryDraft(label=label, color=color, line_style=line_style, marker=marker, line=line)
    entry.drawn_line = draws_line(look)
    return entry


_LINE_NOUN: Final = re.compile(r"\b(?:lines?|curves?|trendlines?|polylines?)\b", re.IGNORECASE)


def draws_line(look: str) -> bool:
    """A look that names a drawn line ('blue line with circle markers'), not only marks."""
    return _LINE_NOUN.search(look) is not None


MAX_VALUES_PER_TEXT = 1000
"""Quantities read from one line at most. No chart description states more in one
sentence; the bound keeps a line of nothing but numbers from costing minutes."""


@text_cache(maxsize=16384, max_len=2048)
def quantities(text: str) -> tuple[str, tuple[Quantity, ...]]:
    """Normalised text and its quantities, the first MAX_VALUES_PER_TEXT of them
    (cached: lines are read in both passes)."""
    norm = normalise(text)
    return norm, tuple(scan(norm, limit=MAX_VALUES_PER_TEXT))


def is_no_value(text: str) -> bool:
    folded = fold(text)
    return (
        not folded
        or folded.startswith(("none", "no ", "not ", "n/a", "absent", "unspecified", "unknown",
                              "implicit", "there is no ", "there are no ", "missing"))
        or folded in ("no", "na")
    )


_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
# A calendar date written as an x: '2022-03', '2022-03-15', 'Mar 2022', "Jan '21" (case-insensitive)
DATE_TEXT = (r"(?:19|20)\d\d[-/](?:0?[1-9]|1[0-2])(?:[-/](?:0?[1-9]|[12]\d|3[01]))?"
             r"|" + _MONTH_WORD + r"\s?'?(?:(?:19|20)\d\d|\d\d)")
DATE: Final = re.compile(DATE_TEXT, re.IGNORECASE)
SPACED_DASHES = (" - ", " – ", " — ")  # 'Label - a, b', 'Speed - blue bars': a dash between words


def outer_parens(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed group, brackets included, nested groups inside
    ('(e.g., "overall (374)", "table (29)")' is one group); one pass, unbalanced tails ignored."""
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def without_outer_parens(text: str) -> str:
    """``text`` with each top-level bracketed group replaced by a space."""
    spans = outer_parens(text)
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return " ".join(parts)


def find_whole(text: str, name: str) -> int:
    """Where ``name`` first stands in ``text`` as a whole ('Chat' not in 'Chatbot', '1' not
    in '1.02'), or -1."""
    idx = text.find(name)
    while idx != -1:
        end = idx + len(name)
        if not (name[:1].isalnum() and idx > 0 and text[idx - 1].isalnum()) and not (
                name[-1:].isalnum() and end < len(text) and (text[end].isalnum() or (
                    name[-1].isdigit() and text[end] in ".," and text[end + 1: end + 2].isdigit()))):
            return idx
        idx = text.find(name, idx + 1)
    return -1
