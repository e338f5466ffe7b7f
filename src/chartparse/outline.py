"""Nesting: sections under headings, items under items.

Markdown nests by indentation, but model output often flattens it: a numbered
``1. **Chat (Blue)**:`` followed by ``- starts at ...`` bullets at the same
indentation, or ``* **Legend:** ... entries:`` followed by its entries as
siblings. The outline re-attaches such runs to the line that announces them, so
the extractor can read scope from the tree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Line, without_edge_code_marks
from .line_looks import (
    continues_its_list,
    counts_entries,
    ends_in_colon,
    intro_sentence,
    opens_empty_header,
    panel_place_key,
)
from .outline_groups import HEADING_NOISE, closes, heads_group, is_field_of, is_group_header, own_group
from .textcache import text_cache

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


@text_cache()
def heading_text(raw: str) -> str:
    """``1. **Axis Labels and Markers**`` -> ``Axis Labels and Markers``; ``1990 Chart`` stays."""
    text = raw.replace("**", "").replace("__", "").strip()
    if noise := HEADING_NOISE.match(text):  # anchored: a match, not a sub, is all it takes
        text = text[noise.end():]
    return without_edge_code_marks(text.strip(" *_:")).strip()


def build(lines: list[Line]) -> Node:
    root = Node(None, title="", level=0)
    sections: list[Node] = [root]
    items: list[Node] = []  # open items, innermost last
    for line in lines:
        if opens_empty_header(items, line):  # an intro of the header's members, no heading
            node = Node(line, group="generic" if is_group_header(line) else None)
            items[-1].add_child(node)
            items.append(node)
            continue
        pseudo = line.kind == "para" and line.indent == 0 and (
            line.bold_title() or (line.key is not None and (
                not line.text or ends_in_colon(line.text))))
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
                if heads_group(line, parent.group):
                    node.group = own_group(line) or parent.group or "generic"
                parent.add_child(node)
                items.append(node)
                continue
            if is_group_header(line):
                node.group = own_group(line) or "generic"
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
        if closes(group, line, cl, candidate.children):
            continue
        if heads_group(line, group) and cl.numbered == line.numbered:
            if is_field_of(group, line) and not (counts_entries(cl) and counts_entries(line)
                                                   and own_group(cl) is None):
                return candidate  # (a second counted group is the first one's sibling)
            continue
        if cl.numbered and line.numbered:
            continue
        return candidate
    return None
