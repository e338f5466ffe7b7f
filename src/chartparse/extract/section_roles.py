"""The role of a section by its title: observations, interpretation, legend, a colour
scale, components, data; and which lines such a section reads for no points."""

from __future__ import annotations

import re
from typing import Final

from ..outline import Node
from ..textcache import text_cache
from ..vocab import SECTION_ROLES, WHOLE_TITLE_ROLES, fold, lookup
from ..vocab_sections import SENTENCE_TITLE_WORDS
from .keys import is_data_group_key, key_words
from .legend_notes import titles_a_color_scale
from .text import clean_name, drop_numbering, is_style_words, strip_markup


def section_role(title: str, parent: str) -> str:
    """The role of a section by its title ('Legend', 'Key Observations'), else its parent's."""
    if (role := titled_role(title)) is not None:
        # ('Legend (Color Scale)': values mapped to colours, no series' entries)
        return "color-scale" if role == "legend" and titles_a_color_scale(title) else role
    if parent != "data" and (whole := WHOLE_TITLE_ROLES.get(fold(drop_numbering(strip_markup(title))))):
        return whole  # '## Embedded Text' (under the data, '#### Spatial Grounding' is a category)
    return "other" if parent in ("document", "overview") else parent


_READ_FOR_NO_POINTS = {"overview": "prose.overview", "color-scale": "legend.color-scale"}


def read_for_no_points(role: str, key: str | None) -> str | None:
    """The claim of a line in a section read for no points: the overview's prose (read for
    the kind), a colour scale's stops."""
    return _READ_FOR_NO_POINTS.get(role) if key is None or role != "overview" else None


_ONE_SERIES_TITLE: Final = re.compile(r"[\W_]{0,4}(?:data\s+)?series\s*\d{0,3}\s*(?::\s*[\w\"'`]|\(\w)", re.I)
_DATA_PHRASES: Final = tuple((p, r) for p, r in SECTION_ROLES if r == "data")


_LOOK_SERIES_TITLE: Final = re.compile(
    r"^\W{0,4}([^\W\d_][\w -]{0,30}?)\s+(?:data\s+)?(?:series|points)\W{0,4}$", re.IGNORECASE)


@text_cache()
def titled_role(title: str) -> str | None:
    """The section role a title names ('Trend Verification & Data Point Extraction': data
    wins over any other role); None exactly when no phrase of SECTION_ROLES is in it."""
    if (one := _ONE_SERIES_TITLE.match(title)) and not is_style_words(clean_name(title[one.end() - 1:])):
        return None  # 'Data Series: DROP (blue)' heads one series; 'Data Series: Bars' the data
    if (look := _LOOK_SERIES_TITLE.match(title)) and is_style_words(look.group(1)):
        return None  # 'Cyan Data Series:', 'Cyan Data Points:' head the cyan series
    role = lookup(_DATA_PHRASES, title) or lookup(SECTION_ROLES, title)
    if role == "components" and (note := _TRAILING_NOTE.search(title)) is not None \
            and lookup(SECTION_ROLES, title[: note.start()]) is None:
        return None  # 'AMC23 (Top Axis):' names a radar's spoke by where it stands
    if role == "components" and len(title.split()) > SENTENCE_TITLE_WORDS:  # (it mentions an axis in passing)
        return None  # 'The chart presents three groups of bars along the x-axis:' leads in its data
    return role




_TRAILING_NOTE: Final = re.compile(r"\s?\([^()]{1,40}\)[\s:*]{0,4}$")


def headed_sections(root: Node, role: str) -> list[Node]:
    """The outermost sections (under a heading or a bold line) whose title names ``role``."""
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_section and node is not root and titled_role(node.title or "") == role:
            found.append(node)
            continue
        stack.extend(reversed(node.children))
    return found


def numbered_section_level(root: Node) -> int | None:
    """The heading level at which the description numbers its own sections ('## 2. Axis
    Labels', '## 3. Heatmap Categories'), when at least one of them names a known section:
    a numbered heading at that level is a part of the document, never a category or series."""
    counts: dict[int, int] = {}
    named: set[int] = set()
    for node in root.walk():
        if not is_numbered_heading(node) or not node.title:
            continue
        counts[node.level] = counts.get(node.level, 0) + 1
        if titled_role(node.title) is not None:
            named.add(node.level)
    return min((level for level in named if counts[level] >= _NUMBERED_SECTIONS_MIN), default=None)


_NUMBERED_SECTIONS_MIN = 2


def is_heading(node: Node) -> bool:
    """'#### Llama-7B': a Markdown heading (not a bold line or a key standing as one)."""
    return node.line is not None and node.line.kind == "heading"


def is_numbered_heading(node: Node) -> bool:
    """'## 3. **Results**': a Markdown heading that numbers itself."""
    line = node.line
    return line is not None and is_heading(node) and line.key is None \
        and drop_numbering(line.text) != line.text


def legend_only(node: Node, title: str, role: str) -> bool:
    """A legend section, whose lines are read as entries only: a data sub-section under it is
    read on its own; but '### Legend and Data Series' over entries that each hold their own
    'Data Points:' is data too."""
    if role == "legend":
        return True
    if not title.lower().startswith("legend"):
        return False
    if role != "data" or any(c.is_section and titled_role(c.title or "") == "data" for c in node.children):
        return True
    return not any(n.line is not None and n.line.key is not None and is_data_group_key(key_words(n.line.key))
                   for n in node.walk())

