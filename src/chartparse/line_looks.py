"""What a flattened list line says by its form alone: a look in its key ('Blue', 'Dashed
line'), its value ('solid blue line') or its whole value in parentheses ('(red dashed
line)'); a count of the entries under it ('Seven entries'); one bare tick ('0.25'); a
key-only panel place ('Left Panel:') that heads that panel's entries in a legend.

The outline asks this to tell a legend's entries, a series header and an axis' ticks from
the notes after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from .blocks import Line
from .vocab import COLOR_WORDS, NUMBER_WORDS, PANEL_POSITIONS, PANEL_WORDS, STYLE_WORDS, fold
from .vocab_looks import MARKER_SYMBOLS, only_modifiers

if TYPE_CHECKING:  # pragma: no cover
    from .outline import Node

_STYLE_TEXT_WORDS = 4  # a label-first entry names its style within its first words
_STYLE_FILLERS = frozenset("a an the in as by of represented shown drawn marked using".split())
_WORDS: Final = re.compile(r"[a-z]+")

_GENERIC_SHAPES = frozenset(
    "line lines bar bars marker markers point points area symbol segment segments slice wedge "
    "fill swatch box boxes with and".split())


_QUOTED_KEY: Final = re.compile(r"\s{0,2}[\"'“‘`]([^\"'“”‘’`]{1,60})[\"'”’`]\s{0,2}")


def quoted_key(key: str) -> str | None:
    """The name a wholly quoted key holds ("'x': Blue line"): a name, never a look."""
    said = _QUOTED_KEY.fullmatch(key.replace("**", ""))
    return said.group(1).strip() if said is not None else None


_SYMBOL_THEN_LABEL: Final = re.compile(
    r"\s{0,2}[\"'“‘`](?P<symbol>[^\s\"'“”‘’`]{1,2})[\"'”’`]\s{0,2}(?:[-–—:=→]|->)\s{0,2}(?P<label>\S.{0,119})")


def symbol_entry(text: str) -> tuple[str, str] | None:
    """"'x' - micro average" -> ('micro average', 'cross marker'): a quoted marker symbol, then
    the name it stands for."""
    m = _SYMBOL_THEN_LABEL.fullmatch(text.replace("**", ""))
    if m is None:
        return None
    marker = MARKER_SYMBOLS.get(m.group("symbol").lower())
    return (m.group("label").strip().rstrip("."), f"{marker} marker") if marker else None


def symbol_key_look(key: str) -> str | None:
    """A wholly quoted key that is a marker symbol ("'x': micro average"): the mark it draws."""
    said = quoted_key(key)
    marker = MARKER_SYMBOLS.get(said.lower()) if said is not None else None
    return f"{marker} marker" if marker else None


def style_key(line: Line) -> bool:
    """A key that names a style: 'Blue', 'Blue squares', 'Dashed line', 'Row 1 (Blue shades)';
    not a bare 'Line:' or 'Markers:', which name a part rather than a look, nor a quoted name."""
    if line.key is not None and ("'" in line.key or '"' in line.key or "`" in line.key) \
            and quoted_key(line.key) is not None:
        return False
    words = _WORDS.findall(fold(line.key or ""))
    if any(w in COLOR_WORDS for w in words):
        return True
    if len(words) == 1 and _VALUE_FIRST.match(line.text):
        return False  # '**Patterns:** 8.4% (purple slice)': a label with its value ('Stars' too)
    if named_like_a_shade(words, line.text):
        return False
    return bool(words) and all(w in STYLE_WORDS for w in words) and any(
        w not in _GENERIC_SHAPES for w in words)


_VALUE_FIRST: Final = re.compile(r"[*_\s]{0,4}[~≈$]?\s?-?\d")


def style_text(line: Line) -> bool:
    """A value that describes a style: 'solid blue line', 'represented by a red dashed line'."""
    if line.text.lstrip("*_ ").startswith(('"', "'", "`", "\u201c")):
        return True  # a quoted label: 'Striped bars: "Before"'
    return style_words_lead(line.text)


def named_like_a_shade(key_words: Iterable[str], text: str) -> bool:
    """'Medium: Red (725,892, 51.8%)': a key of shades or modifiers only (its folded words)
    whose text leads with a colour is a label named like a shade, its text the look
    ('Horizontal: 5 lines' is a look)."""
    return only_modifiers(key_words) and any(w in COLOR_WORDS for w in _lead_words(text))


def style_words_lead(raw: str) -> bool:
    """Whether a text's first words name a colour, or are all style words."""
    words = _lead_words(raw)
    return any(w in COLOR_WORDS for w in words) or (
        bool(words) and all(w in STYLE_WORDS for w in words))


def _lead_words(raw: str) -> list[str]:
    """The first words of a text that may state a look, fillers ('a', 'with') aside."""
    return [w for w in _WORDS.findall(fold(raw)) if w not in _STYLE_FILLERS][:_STYLE_TEXT_WORDS]


_LOOK_THEN_LABEL: Final = re.compile(
    r"^[\W_]{0,3}((?:[A-Za-z][\w-]{0,14}\s+){1,4}?)(?:labell?ed|named|marked|denoting)\s+[\"\u201c'`]",
    re.IGNORECASE)


def labels_looks(text: str) -> bool:
    """A value that names entries by their looks: 'Solid lines labeled "Stable", dashed ...'."""
    m = _LOOK_THEN_LABEL.match(text)
    return m is not None and all(
        w in STYLE_WORDS or w in COLOR_WORDS for w in _WORDS.findall(fold(m.group(1))))


def look_only(line: Line) -> bool:
    """A keyed line whose whole value is a look in parentheses: '**A:** (red dashed line)'."""
    text = line.text.strip("*_ ")
    return text.startswith("(") and text.endswith(")") and ")" not in text[1:-1] and style_words_lead(
        text[1:-1])


# 'Solid Lines (Model Size): Seven entries, ...', 'Reference Lines: Three dashed lines.': a
# keyed line that counts the lines listed after it.
_ENTRY_COUNT: Final = re.compile(
    r"^[*_ ]*(?:(?:it )?(?:contains|has|lists|shows) )?"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
    r"(?:[\w/-]{1,20} ){0,2}(?:entries|lines|series|items|curves|labels)\b", re.IGNORECASE)


_ANNOUNCED_COUNT: Final = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
    r"(?:[\w/-]{1,20} ){0,2}(?:entries|lines|series|items|curves|labels|methods|models)\b[^:]{0,40}:[*_ ]*$",
    re.IGNORECASE)


def ends_in_colon(text: str) -> bool:
    """'Task categories and benchmarks:', '**Entries:**': a text that announces what follows."""
    return text.rstrip("*_ ").endswith(":")


def announced_count(text: str) -> int:
    """'Top center. Three entries:': how many entries the lines after it list (0: not said)."""
    m = _ANNOUNCED_COUNT.search(text) if ends_in_colon(text) else None
    if m is None:
        return 0
    word = m.group(1).lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


def counts_entries(line: Line) -> bool:
    """A keyed line whose value counts the entries listed under it."""
    return line.key is not None and _ENTRY_COUNT.match(line.text) is not None


# One number alone on a line, with at most a short unit or multiplier ('0.25', '10M', '1e-5',
# '20%'): a tick of the axis it follows.
_BARE_TICK = re.compile(r"[*_`\s]*[~≈]?[-−+]?\d[\d,]{0,12}(?:\.\d{1,12})?(?:[eE][-+−]?\d{1,3})?"
                        r"\s?(?:%|[A-Za-zμ]{1,3})?[*_`\s]*")


def is_bare_tick(text: str) -> bool:
    return _BARE_TICK.fullmatch(text) is not None


_QUOTES: Final = re.compile(r"[\"\u201c][^\"\u201c\u201d]{1,80}[\"\u201d]")
_QUOTED_TITLE = re.compile(r"\b(?:titled|entitled|headed)\s+\**[\"\u201c][^\"\u201c\u201d]{1,80}[\"\u201d]",
                           re.IGNORECASE)  # 'titled "Packages:"' names the legend, no entry
_INLINE_ENTRY: Final = re.compile(
    r"^[*_ ]*(?:an? |the )?(?:[A-Za-z]+ ){0,2}(?:line|lines|bars?|dots?|markers?|curve)\s+"
    r"(?:represents?|denotes?|indicates?|stands? for|is|shows?)\b[^:]*$", re.IGNORECASE)
_ABSENT: Final = re.compile(r"^[*_ ]*(?:not |none\b|no |n/a\b|absent\b|there is no )")


def legend_said_inline(text: str) -> bool:
    """'Legend: Not present.', 'Legend: blue for "A", red for "B".', 'Legend: Red line
    represents the measured rate.': a legend key whose value said it all."""
    return bool(_ABSENT.match(fold(text)) or _QUOTES.search(_QUOTED_TITLE.sub("", text))
                or _INLINE_ENTRY.search(text)) or _colour_assignments(text) >= 2


_COLOUR_ASSIGNED: Final = re.compile(r"\b([A-Za-z]++) ?[=:] ?[\"'A-Za-z]")


def _colour_assignments(text: str) -> int:
    """How many entries a text names as 'colour = label' ('Blue = Democrats, Red = Republicans')."""
    return sum(m.group(1).lower() in COLOR_WORDS for m in _COLOUR_ASSIGNED.finditer(text))


_NO_LEGEND: Final = re.compile(r"\bno (?:separate |explicit |distinct |visible )?legend\b", re.IGNORECASE)


def announces_entries(text: str) -> bool:
    """'It defines the "Agent" types by color:': a text ending in ':' opens the entries under
    it, unless it says there is no legend (the coloured names are then the categories)."""
    return ends_in_colon(text) and _NO_LEGEND.search(text) is None


def intro_sentence(line: Line) -> bool:
    """A plain line, or a key-only line long enough to be a sentence ending in ':'."""
    return line.key is None or (not line.text and len(line.key.split()) >= _SENTENCE_KEY_WORDS)


_SENTENCE_KEY_WORDS = 5  # a key-only line this long is a sentence ending in ':', no block's title


def unlike_plain_members(line: Line, members: list[Node] | None) -> bool:
    """After plain entries ('* GPT-4 (blue)'), a keyed line with a value is a note, no entry."""
    return bool(line.text) and bool(members) and all(
        m.line is not None and m.line.key is None for m in members or ())


_SENTENCE_WORDS = 4  # ('Predicted (orange): The prediction follows ...' heads; 'Good (Blue): ~8' is a member)


def look_after_plain_keys(line: Line, members: list[Node] | None) -> bool:
    """After keyed data lines ('Start (2019-01): ~50'), a keyed line whose key names a look
    ('Predicted (Orange Dashed Line): ...') heads the next series; it joins no data run."""
    return len(line.text.split()) >= _SENTENCE_WORDS and style_key(line) and bool(members) and all(
        m.line is not None and m.line.key is not None and not style_key(m.line) for m in members or ())


_PANEL_PLACE_WORDS = frozenset(w for p in PANEL_POSITIONS for w in p.replace("-", " ").split())
_PANEL_LETTER: Final = re.compile(r"^\(?(?:[a-h]|\d{1,2}|[ivx]{1,4})\)?$")


def panel_place_key(line: Line) -> bool:
    """'**Left Panel:**', '**Top Chart:**', '**Subplot (b):**' with no value: where a panel's
    own block starts ('Legend:' over 'Left Panel:' over its entries)."""
    if line.key is None or line.text:
        return False
    words = fold(line.key.replace("*", "")).replace("-", " ").split()
    if not words or len(words) > 3:
        return False
    if words[-1] in PANEL_WORDS:
        return all(w in _PANEL_PLACE_WORDS for w in words[:-1]) and len(words) > 1
    return words[0] in PANEL_WORDS and len(words) == 2 and _PANEL_LETTER.match(words[1]) is not None


def opens_panel_entries(header: Line, members: list[Node] | None) -> bool:
    """Whether a panel place ('Left Panel:') after this legend header heads that panel's
    entries: right under a bare 'Legend:', or after other panels' blocks only."""
    return not header.text and all(m.line is not None and panel_place_key(m.line) for m in members or ())


def opens_empty_header(items: list[Node], line: Line) -> bool:
    """A plain line at the margin ('Rough positions:') right after a bold key-only item with no member."""
    if line.kind != "para" or line.indent != 0 or not items or line.bold_title() is not None \
            or (line.key is not None and "**" in line.key):
        return False
    last = items[-1]
    head = last.line
    return head is not None and head.kind == "item" and head.indent == 0 and last.group is not None \
        and not last.children and head.key is not None and not head.text


def continues_its_list(item: Line | None, line: Line) -> bool:
    """A list written on the line right after an item that announces it ('- **Y-Axis**: Categories
    labeled as ranges:' then '`90-100%`, `80-90%`'), not indented: the item's own text goes on."""
    return item is not None and item.end_line + 1 == line.line and line.key is None and "," in line.text \
        and ends_in_colon(item.text) and line.bold_title() is None
