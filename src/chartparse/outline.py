"""Nesting: sections under headings, items under items.

Markdown nests by indentation, but model output often flattens it: a numbered
``1. **Chat (Blue)**:`` followed by ``- starts at ...`` bullets at the same
indentation, or ``* **Legend:** ... entries:`` followed by its entries as
siblings. The outline re-attaches such runs to the line that announces them, so
the extractor can read scope from the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .blocks import Line
from .line_looks import (
    announced_count,
    announces_entries,
    continues_its_list,
    counts_entries,
    intro_sentence,
    is_bare_tick,
    labels_looks,
    legend_said_inline,
    look_after_plain_keys,
    look_only,
    opens_empty_header,
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
    ONE_SERIES_WORDS,
    SERIES_DECLARATION_KEYS,
    axis_field,
    fold,
    key_announces_legend,
    key_shape,
    lookup,
    starts_with_any,
)

_DATA_POINT_KEYS = ("data point", "approximate data", "key points", "data values")
PSEUDO_LEVEL = 7  # bold-only lines open a section below any Markdown heading
MAX_DEPTH = 48  # deeper list nesting is attached at this depth (keeps recursion bounded)


@dataclass(slots=True)
class Node:
    """A line with the lines it governs. The root and sections have ``title``."""

    line: Line | None
    children: list[Node]
    title: str | None
    level: int
    group: str | None  # for a line that announces a run: legend/axis/series/generic
    read_as: str | None  # set by the extractor: 'document' heading, or 'axis' section read whole
    nested: bool  # some child line is indented deeper than this line (kept by add_child)

    # __init__ is written out because mypyc compiles it; a dataclass-generated one runs
    # interpreted, which made building this class a hot spot.
    def __init__(self, line: Line | None, children: list[Node] | None = None,
                 title: str | None = None, level: int = 0, group: str | None = None) -> None:
        self.line = line
        self.children = [] if children is None else children
        self.title = title
        self.level = level
        self.group = group
        self.read_as = None
        self.nested = line is not None and any(
            c.line is not None and c.line.indent > line.indent for c in self.children)

    def add_child(self, child: Node) -> None:
        self.children.append(child)
        if (not self.nested and self.line is not None and child.line is not None
                and child.line.indent > self.line.indent):
            self.nested = True

    @property
    def is_section(self) -> bool:
        return self.title is not None

    @property
    def first_line(self) -> int | None:
        if self.line is not None:
            return self.line.line
        for child in self.children:
            found = child.first_line
            if found is not None:
                return found
        return None

    @property
    def last_line(self) -> int | None:
        for child in reversed(self.children):
            found = child.last_line
            if found is not None:
                return found
        return self.line.end_line if self.line is not None else None

    def walk(self):
        """Every node below this one, depth first, in source order."""
        for child in self.children:
            yield child
            yield from child.walk()


_KEY_NOTE: Final = re.compile(r"\s*\([^()]{1,40}\)\s*:?\s*$")
_HEADING_NOISE: Final = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]|\d{1,2}(?:\.\d+)*|[A-Za-z][.)]|[IVX]+\.)\s+")


@text_cache()
def heading_text(raw: str) -> str:
    """``1. **Axis Labels and Markers**`` -> ``Axis Labels and Markers``; ``1990 Chart`` stays."""
    text = raw.replace("**", "").replace("__", "").strip()
    if noise := _HEADING_NOISE.match(text):  # anchored: a match, not a sub, is all it takes
        text = text[noise.end():]
    return text.strip(" *_:`").strip()


def _key_words(line: Line) -> str:
    return _key_words_of(line.key or "")


@text_cache()
def _key_words_of(key: str) -> str:
    return _folded_key(key_shape(key))


@text_cache()
def _folded_key(key: str) -> str:
    return fold(_HEADING_NOISE.sub("", key.replace("**", ""), count=1))


def _starts(words: str, phrases: tuple[str, ...] | frozenset[str]) -> bool:
    return starts_with_any(words, phrases if isinstance(phrases, tuple) else tuple(sorted(phrases)))


def _own_group(line: Line) -> str | None:
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
    if _starts(words, SERIES_DECLARATION_KEYS) and not ONE_SERIES_WORDS.match(words):
        return "series"  # 'Data Series:' lists series; 'Series 1:' is one entry
    return None


def _is_group_header(line: Line) -> bool:
    """A line that announces what follows: a key with no value, text ending in ':', a legend."""
    if line.kind not in ("item", "para"):
        return False
    if (line.key is not None and not line.text) or (line.numbered and line.bold_title() is not None):
        return True  # ('1. **Red Line**' over '- **Trend:** ...' bullets heads them)
    if _own_group(line) in ("legend", "axis", "series"):
        return True
    return line.text.rstrip("*_ ").endswith(":")


def _heads_group(line: Line, group: str | None) -> bool:
    """A group header, or in a legend a line that counts the entries under it."""
    return _is_group_header(line) or (group == "legend" and counts_entries(line))


def _is_field_of(group: str, line: Line) -> bool:
    """A sub-header that belongs inside a group ('Entries:' in a legend, 'Label:' in an axis)."""
    words = _key_words(line)
    if _own_group(line) in ("axis", "legend"):
        return False  # 'Y-axis Tick Markers' after 'Y-axis Label' is an axis line of its own
    if group == "legend":
        return _starts(words, LEGEND_ENTRY_GROUP_KEYS) or _starts(words, LEGEND_META_KEYS) or (
            panel_place_key(line)) or (
            not line.text and _ENTRY_INTRO.search(words) is not None) or (
            counts_entries(line) and _own_group(line) is None and words not in META_KEYS)  # ('Lines: 10')
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
_ENTRY_INTRO: Final = re.compile(r"\bby (?:colou?r|shape|marker|(?:line )?style|pattern)s?$"
                                 r"|\blabell?ed$|\bcorner\b|^(?:column|row) \d{1,2}$")
NUMBERED_CATEGORY: Final = re.compile(r"(?:category|bar|group|label|tick) ?\d{1,2}\b")  # 'Label 2: "Rye"'
_PLACED_CATEGORY: Final = re.compile(  # 'Left Bar: "Female"': one category, named by its place
    r"(?:left|right|middle|center|centre|top|bottom|first|second|third|fourth|last)(?:most)? "
    r"(?:bar|column|slice|category|group)")
_AXIS_FIELD_LEAD: Final = re.compile(r"[*_ ]{0,4}(?:scale|ranges?|ranging|ticks?|tick marks|units?)\b", re.I)
_CATEGORIES_WORD = re.compile(r"\bcategor(?:y|ies|ical)\b", re.IGNORECASE)


def _closes(group: str, line: Line, header: Line, members: list[Node] | None = None) -> bool:
    """Whether a flattened line ends a group rather than belonging to it."""
    if group == "axis":
        # An axis adopts its fields ('Label:', 'Scale:'); a bare 'X-Axis:' also adopts
        # the plain lines after it (its categories).
        if line.key is None:
            # ... unless its text announces them ('It lists six categories:', 'Categories
            # (Models/Tasks)'); a bare number ('* 0.25') is a tick, 'Scale ranges ...' a field.
            return bool(header.text) and not header.text.rstrip("*_ ").endswith(":") \
                and _CATEGORIES_WORD.search(header.text) is None and not is_bare_tick(line.text) \
                and _AXIS_FIELD_LEAD.match(line.text) is None
        return not _is_field_of("axis", line)
    if line.key is None:
        # A bold-only line ('* **Pass@10 (Middle-Left Chart)**') heads what follows: it
        # ends a run of data lines rather than joining it.
        if group == "legend" and _leaves_the_list(line, header, members):
            return True
        return group == "generic" and line.bold_title() is not None
    own = _own_group(line)
    words = _key_words(line)
    if group == "legend":
        if panel_place_key(line):
            return not opens_panel_entries(header, members)
        if _is_field_of("legend", line):
            return False
        if _leaves_the_list(line, header, members):
            return True
        return (own is not None or _starts(words, KIND_KEYS) or words == "chart title"
                or words in META_KEYS or not _legend_member(line, header, members))
    if look_only(line):
        return True  # '**majority@k:** (Brown solid line)' heads the next series, no member
    if group == "series":
        return own is not None or _starts(words, KIND_KEYS) or words in META_KEYS or _starts(
            words, ("title", "chart title")) or unlike_plain_members(line, members)
    return own in ("axis", "legend") or _starts(words, KIND_KEYS) or words == "chart title" \
        or (group == "generic" and header.key is not None and look_after_plain_keys(line, members))


def _leaves_the_list(line: Line, header: Line, members: list[Node] | None) -> bool:
    """'3. **Bottom-Left Graph**' after a bulleted legend and its bulleted entries: a
    numbered line in a list that numbers nothing belongs to the outer numbered list."""
    if not line.numbered or header.numbered:
        return False
    entries = [m.line for m in members or () if m.line is not None and not _is_field_of("legend", m.line)]
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
              and not _is_field_of("legend", m.line)]
    if not before and legend_said_inline(header.text) and not announces_entries(header.text):
        return False
    shape = key_shape(line.key or "")
    if any(key_shape(b.key or "") == shape for b in before) \
            or len(members or ()) < announced_count(header.text):  # 'Three entries:' adopts three
        return True
    if before and all(style_key(b) for b in before):
        return False  # entries were style-first; this key is not a style
    return style_text(line)


def build(lines: list[Line]) -> Node:
    root = Node(None, title="", level=0)
    sections: list[Node] = [root]
    items: list[Node] = []  # open items, innermost last
    for line in lines:
        if opens_empty_header(items, line):  # an intro of the header's members, no heading
            node = Node(line, group="generic" if _is_group_header(line) else None)
            items[-1].add_child(node)
            items.append(node)
            continue
        pseudo = line.kind == "para" and line.indent == 0 and (
            line.bold_title() or (line.key is not None and (
                not line.text or line.text.rstrip("*_ ").endswith(":"))))
        if line.kind == "heading" or pseudo:
            level = line.level if line.kind == "heading" else PSEUDO_LEVEL
            if line.kind == "heading":
                title = heading_text(line.full_text)
            else:
                title = heading_text(line.bold_title() or line.key or "")
            while len(sections) > 1 and sections[-1].level >= level:
                sections.pop()
            node = Node(line, title=title, level=level)
            sections[-1].children.append(node)
            sections.append(node)
            items.clear()
            continue
        node = Node(line)
        container = sections[-1]
        if line.kind == "item":
            while items and items[-1].line is not None and items[-1].line.indent > line.indent:
                items.pop()
            # A same-indent sibling that announces nothing can't take this line in: drop it
            # now, so the search for an open group header stays short on long lists.
            while items and items[-1].line is not None and items[-1].line.indent == line.indent \
                    and items[-1].group is None:
                items.pop()
            parent = _adopting_parent(items, line) if len(items) < MAX_DEPTH else None
            if parent is not None:
                if _heads_group(line, parent.group):
                    node.group = _own_group(line) or parent.group or "generic"
                parent.add_child(node)
                items.append(node)
                continue
            if _is_group_header(line):
                node.group = _own_group(line) or "generic"
            while items and items[-1].line is not None and items[-1].line.indent >= line.indent:
                items.pop()
            if len(items) >= MAX_DEPTH:
                items[MAX_DEPTH - 1].add_child(node)
                continue
            (items[-1] if items else container).add_child(node)
            items.append(node)
        elif line.kind == "para" and items and (line.indent > 0 or continues_its_list(items[-1].line, line)):
            items[-1].add_child(node)
        else:
            container.children.append(node)
            if line.kind != "para" or line.indent == 0:
                items.clear()
    return root


def _adopting_parent(items: list[Node], line: Line) -> Node | None:
    """The open same-indent group header that a flattened item belongs to, if any."""
    # '2. **Bee**' after '1. **Ant**' and its bulleted headers is Ant's sibling, whatever
    # bulleted group is open in between.
    outer_numbered = line.numbered and any(
        i.line is not None and i.line.numbered and i.line.indent == line.indent for i in items)
    for candidate in reversed(items):
        cl = candidate.line
        if cl is None or cl.indent != line.indent or candidate.group is None \
                or (panel_place_key(line) and panel_place_key(cl)):
            continue  # ('Right Panel:' after 'Left Panel:' in a legend is its sibling)
        if outer_numbered and not cl.numbered:
            continue
        if candidate.nested:  # O(1): a scan of its children made flat lists quadratic
            continue  # its members are indented: the text nests properly, nothing to repair
        group = candidate.group
        if group == "legend" and not cl.text and not candidate.children and intro_sentence(line):
            return candidate  # 'No legend box, but the colours map so:' opens the entries under it
        if _closes(group, line, cl, candidate.children):
            continue
        if _heads_group(line, group) and cl.numbered == line.numbered:
            if _is_field_of(group, line) and not (counts_entries(cl) and counts_entries(line)
                                                   and _own_group(cl) is None):
                return candidate  # (a second counted group is the first one's sibling)
            continue
        if cl.numbered and line.numbered:
            continue
        return candidate
    return None
