"""Which flattened lines belong to the line that announces them.

Model output often writes a legend's entries, an axis' fields or a series' bullets at the
same indentation as the line that opens them. These tests tell, for one such line, what run
its header opens (legend, axis, series, generic) and whether the line joins the run or ends
it; `outline.build` applies them while it nests the lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from .blocks import Line
from .line_looks import (
    announced_count,
    announces_entries,
    counts_entries,
    ends_in_colon,
    is_bare_tick,
    labels_looks,
    legend_said_inline,
    look_after_plain_keys,
    look_only,
    opens_panel_entries,
    panel_place_key,
    style_key,
    style_text,
    unlike_plain_members,
)
from .textcache import text_cache
from .vocab import (
    AXIS_FIELD_KEYS,
    AXIS_KEYS,
    KIND_KEYS,
    LEGEND_ENTRY_GROUP_KEYS,
    LEGEND_META_KEYS,
    META_KEYS,
    axis_field,
    fold,
    key_shape,
    lookup,
    starts_with_any,
)
from .vocab_keys import key_announces_legend, key_lists_series

if TYPE_CHECKING:  # pragma: no cover
    from .outline import Node

_DATA_POINT_KEYS = ("data point", "approximate data", "key points", "data values")
HEADING_NOISE: Final = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]|\d{1,2}(?:\.\d+)*|[A-Za-z][.)]|[IVX]+\.)\s+")


def _key_words(line: Line) -> str:
    return _key_words_of(line.key or "")


@text_cache()
def _key_words_of(key: str) -> str:
    return _folded_key(key_shape(key))


@text_cache()
def _folded_key(key: str) -> str:
    return fold(HEADING_NOISE.sub("", key.replace("**", ""), count=1))


def _starts(words: str, phrases: tuple[str, ...] | frozenset[str]) -> bool:
    return starts_with_any(words, phrases if isinstance(phrases, tuple) else tuple(sorted(phrases)))


def own_group(line: Line) -> str | None:
    """What kind of run a line announces by its own key, if any."""
    if line.key is None:
        return None
    return _group_of_line_key(line.key)


@text_cache()
def _group_of_line_key(key: str) -> str | None:
    return _group_of_key(key_shape(key))  # 'Epoch 5' and 'Epoch 7' announce alike


@text_cache()
def _group_of_key(key: str) -> str | None:
    words = _folded_key(key)
    if lookup(AXIS_KEYS, key) and words[:1] in ("x", "y", "h", "v", "p", "s", "l", "r", "t", "b", "c"):
        return "axis"
    if key_announces_legend(key.replace("**", ""), words):
        return "legend"
    if key_lists_series(key.replace("**", ""), words):
        return "series"  # 'Data Series:', 'Models (Lines):' list series; 'Series 1:' is one entry
    return None


def is_group_header(line: Line) -> bool:
    """A line that announces what follows: a key with no value, text ending in ':', a legend."""
    if line.kind not in ("item", "para"):
        return False
    if (line.key is not None and not line.text) or (line.numbered and line.bold_title() is not None):
        return True  # ('1. **Red Line**' over '- **Trend:** ...' bullets heads them)
    if own_group(line) in ("legend", "axis", "series"):
        return True
    return ends_in_colon(line.text)


def heads_group(line: Line, group: str | None) -> bool:
    """A group header, or in a legend a line that counts the entries under it."""
    return is_group_header(line) or (group == "legend" and counts_entries(line))


def is_field_of(group: str, line: Line) -> bool:
    """A sub-header that belongs inside a group ('Entries:' in a legend, 'Label:' in an axis)."""
    words = _key_words(line)
    if own_group(line) in ("axis", "legend"):
        return False  # 'Y-axis Tick Markers' after 'Y-axis Label' is an axis line of its own
    if group == "legend":
        return _starts(words, LEGEND_ENTRY_GROUP_KEYS) or _starts(words, LEGEND_META_KEYS) or (
            panel_place_key(line)) or (
            not line.text and (_ENTRY_INTRO.search(words) is not None or _classes_and_looks(words))) or (
            counts_entries(line) and own_group(line) is None and words not in META_KEYS)  # ('Lines: 10')
    if group == "axis":
        if words.startswith(("color", "colour")):
            return False  # 'Color Scale: 0.00 to 1.00' is the heatmap's legend, not this axis
        if words.startswith(_DATA_POINT_KEYS):
            return False  # 'Data Points & Labels:' lists the data, not this axis' labels
        return words in AXIS_FIELD_KEYS or axis_field(line.key or "") is not None \
            or NUMBERED_CATEGORY.match(words) is not None \
            or (_PLACED_CATEGORY.fullmatch(words) is not None and not any(ch.isdigit() for ch in line.text))
    return False


# 'Models (by color):' groups the entries told apart by one channel; 'Top-left corner, labeled:' opens them
_CLASS_KEYS = ("categories", "classes", "groups")
_LOOK_WORDS = ("color", "colour", "style", "marker")


def _classes_and_looks(words: str) -> bool:
    """'Categories & Colors:' over a legend's entries (a bare 'Categories:' may list panels)."""
    return _starts(words, _CLASS_KEYS) and any(w in words for w in _LOOK_WORDS)


_ENTRY_INTRO: Final = re.compile(r"\bby (?:colou?r|shape|marker|(?:line )?style|pattern)s?$"
                                 r"|\blabell?ed$|\bcorner\b|^(?:column|row) \d{1,2}$")
NUMBERED_CATEGORY: Final = re.compile(r"(?:category|bar|group|label|tick) ?\d{1,2}\b")  # 'Label 2: "Rye"'
_PLACED_CATEGORY: Final = re.compile(  # 'Left Bar: "Female"': one category, named by its place
    r"(?:left|right|middle|center|centre|top|bottom|first|second|third|fourth|last)(?:most)? "
    r"(?:bar|column|slice|category|group)")
_AXIS_FIELD_LEAD: Final = re.compile(r"[*_ ]{0,4}(?:scale|ranges?|ranging|ticks?|tick marks|units?)\b", re.I)
_CATEGORIES_WORD = re.compile(r"\bcategor(?:y|ies|ical)\b", re.IGNORECASE)


def closes(group: str, line: Line, header: Line, members: list[Node] | None = None) -> bool:
    """Whether a flattened line ends a group rather than belonging to it."""
    if group == "axis":
        # An axis adopts its fields ('Label:', 'Scale:'); a bare 'X-Axis:' also adopts
        # the plain lines after it (its categories).
        if line.key is None:
            # ... unless its text announces them ('It lists six categories:', 'Categories
            # (Models/Tasks)'); a bare number ('* 0.25') is a tick, 'Scale ranges ...' a field.
            return bool(header.text) and not ends_in_colon(header.text) \
                and _CATEGORIES_WORD.search(header.text) is None and not is_bare_tick(line.text) \
                and _AXIS_FIELD_LEAD.match(line.text) is None
        if is_field_of("axis", line):
            return False
        # 'X-Axis: Task categories and benchmarks:' over 'Math: AIME 2024, MATH-500': the axis
        # announced a list, and keyed lines that announce nothing else are its grouped categories
        return not (ends_in_colon(header.text) and line.text and not _announces_other(line))
    if line.key is None:
        # A bold-only line ('* **Pass@10 (Middle-Left Chart)**') heads what follows: it
        # ends a run of data lines rather than joining it.
        if group == "legend" and _leaves_the_list(line, header, members):
            return True
        return group == "generic" and line.bold_title() is not None
    own = own_group(line)
    words = _key_words(line)
    if group == "legend":
        if panel_place_key(line):
            return not opens_panel_entries(header, members)
        if is_field_of("legend", line):
            return False
        if _leaves_the_list(line, header, members):
            return True
        return (own is not None or _starts(words, KIND_KEYS) or words == "chart title"
                or words in META_KEYS or not _legend_member(line, header, members))
    if look_only(line):
        return True  # '**majority@k:** (Brown solid line)' heads the next series, no member
    if group == "series":
        return _announces_other(line) or unlike_plain_members(line, members)
    return own in ("axis", "legend") or _starts(words, KIND_KEYS) or words == "chart title" \
        or (group == "generic" and header.key is not None and look_after_plain_keys(line, members))


def _announces_other(line: Line) -> bool:
    """A keyed line that opens something else: an axis, legend or series list, a kind, a title."""
    words = _key_words(line)
    return own_group(line) is not None or _starts(words, KIND_KEYS) or words in META_KEYS \
        or _starts(words, ("title", "chart title"))


def _leaves_the_list(line: Line, header: Line, members: list[Node] | None) -> bool:
    """'3. **Bottom-Left Graph**' after a bulleted legend and its bulleted entries: a
    numbered line in a list that numbers nothing belongs to the outer numbered list."""
    if not line.numbered or header.numbered:
        return False
    entries = [m.line for m in members or () if m.line is not None and not is_field_of("legend", m.line)]
    if not entries:  # '2. **Right Plot**' right after the legend: a first entry would be '1.'
        return _list_number(line) > 1
    return not any(e.numbered for e in entries)


def _list_number(line: Line) -> int:
    return int(digits) if (digits := (line.marker or "").rstrip(".) ")).isdigit() else 0


_LEGEND_META_WORDS = frozenset(
    "position location placement coordinates title orientation visual visuals".split())

def _about_the_legend(header: Line) -> bool:
    """A key that states something about the legend ('Legend Position', 'Legend coordinates'),
    not one that announces its entries."""
    words = _key_words(header).split()
    return len(words) > 1 and any(w in _LEGEND_META_WORDS for w in words[1:])


def _legend_member(line: Line, header: Line, members: list[Node] | None) -> bool:
    """Whether a flattened keyed line is one more entry of the legend it follows.

    Entries of one legend share a form: style first (``Blue: Hot tier``) or label first
    (``Hot tier: solid blue line``), or keys of one shape (``Level 0:``, ``Level 4:``).
    A keyed line that takes neither form, or not the form of the entries before it, is
    the next note (``Stacking:``, ``Axis Labels:``).
    """
    if _about_the_legend(header):
        return False  # 'Legend Position: top-left' adopts no entries
    if style_key(line) or labels_looks(line.text):
        return True  # ('Left Plot: Solid lines labeled "Stable", ...' states that plot's entries)
    if not line.text:
        return False  # 'Axis Labels:' opens a block of its own
    before = [m.line for m in members or () if m.line is not None and m.line.key is not None
              and not is_field_of("legend", m.line)]
    if not before and legend_said_inline(header.text) and not announces_entries(header.text):
        return False
    shape = key_shape(line.key or "")
    if any(key_shape(b.key or "") == shape for b in before) \
            or len(members or ()) < announced_count(header.text):  # 'Three entries:' adopts three
        return True
    if before and all(style_key(b) for b in before):
        return False  # entries were style-first; this key is not a style
    return style_text(line)
