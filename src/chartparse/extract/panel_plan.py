"""Which headers are panels, decided from what the description declares, before pass 2.

A figure of several panels says so ("a 2x2 grid of bar charts, one per region: North,
South, East, West"; "three panels"), and then titles each panel with a header whose
words need not say 'panel' (`**North**`, `1. **Total:**`, `#### Outbound`, `### M=4`).
Read against those declarations, a group of sibling headers is a panel group when:

1. its titles are the panel names the overview lists; or
2. the text states N panels and the group has exactly N headers; or
3. each header holds a series header of its own that repeats across the group
   (`#### Run A` / `* **Loss (blue line):**`, `#### Run B` / the same); or
4. on a chart with a numeric x axis, each header holds lines naming legend series and
   the headers are neither series nor x values (`### M=4` holding `**Model U:**`); or
5. each header holds one table, and the tables share their header row; or
6. each header holds lines keyed by categories, each giving the values of several legend
   series (`#### Model X` over `- **PopQA**: Ours ≈ 50, Base ≈ 5`).

The panel names found are added to the reading state; the header rules then open a
panel wherever such a title stands.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..outline import Node
from ..vocab import BAR_ATTRIBUTE_KEYS, SECTION_ROLES, fold, lookup, mentions_color
from .categories import ITEM_SPLIT, category_axis, declared_inside
from .keys import is_bar_measure_key, key_info, key_words
from .kinds import (
    OVERVIEW_LINES,
    heading_kind,
    kind_in,
    kinds_by_place,
    names_a_combination,
    names_only_a_scale,
    says_several_panels,
    stated_panel_count,
    title_from_heading,
    titled_in,
)
from .names import names_coloured_slice, panel_name
from .rules.patterns import names_interval
from .section_roles import section_role, titled_role
from .state import name_key
from .text import drop_numbering, is_style_words, strip_markup
from .value_words import x_words_ok
from .values_of import fills_label_template, x_number

if TYPE_CHECKING:  # pragma: no cover
    from .reading import ReadingState
    from .scope import Scope
    from .walker import Walker

_LIST_AFTER_COLON: Final = re.compile(r":\s*([^:.;]{3,300})")
_NAME_WORDS = 5  # a listed panel name is short
_WORD: Final = re.compile(r"[a-z]+")
_TRAILING_PAREN: Final = re.compile(r"\(([^()]{1,60})\)\s*\**\s*$")
_PART_OF_A_PANEL = re.compile(r"\b(?:corner|colou?r ?bar|colou?r scale|legend|axis|axes)\b", re.IGNORECASE)


def stated_panel_names(text: str, count: int) -> list[str]:
    """'... one per region: North, South, East, West.' -> the four names (when count fits);
    'two heatmaps labeled **(a) Dry** and **(b) Wet**' -> the two names, each with its letter."""
    for m in _LIST_AFTER_COLON.finditer(strip_markup(text)):
        names = [n.strip().strip("\"'“”") for n in ITEM_SPLIT.split(m.group(1).strip())]
        names = [n for n in names if n]
        if len(names) == count and all(len(n.split()) <= _NAME_WORDS for n in names):
            return names
    return bold_lettered_names(text, count)


def bold_lettered_names(text: str, count: int) -> list[str]:
    """'two heatmaps labeled **(a) Dry** and **(b) Wet**' -> the names, as the panels' titles."""
    lettered = [m.group(1).strip() for m in _BOLD_LETTERED.finditer(text)]
    return lettered if len(lettered) == count else []


_BOLD_LETTERED: Final = re.compile(r"\*\*(\([a-hA-H]\)\s[^*]{1,40})\*\*")


def read_overview_text(state: ReadingState, text: str) -> None:
    """An opening line may state the chart's kind, its panel count (and the panels' names)
    or its title."""
    chart = state.chart
    state.overview_lines += 1
    if state.overview_lines > OVERVIEW_LINES:
        return
    if chart.kind_open():
        kind = kind_in(text)
        if kind:  # (one that confirms a 'Log-Log Plot' heading's line closes it too)
            chart.kind, chart.kind_source = kind, "overview"
    chart.mixed = chart.mixed or names_a_combination(text)  # 'a combined line and bar chart'
    state.several_panels_said = state.several_panels_said or says_several_panels(text)
    for place, kind in kinds_by_place(text).items():  # 'the left side is a bar chart, the right ...'
        state.panel_kinds.setdefault(place, kind)
    if chart.stated_panel_count is None:
        count = stated_panel_count(text)
        if count:
            chart.stated_panel_count = (count, None)
            state.stated_panel_names = stated_panel_names(text, count)
            chart.declared_panel_titles.extend(bold_lettered_names(text, count))
    if chart.explicit_title is None and not chart.stated_panel_count:
        chart.explicit_title = titled_in(text)


def read_lead_in(state: ReadingState, node: Node, parent_role: str) -> None:
    """A sentence ending in ':' that heads a list in the opening ('The image contains two
    panels:') is an opening line too."""
    line = node.line
    if line is not None and line.kind == "para" and parent_role in ("overview", "document", "other") \
            and state.overview_lines < OVERVIEW_LINES:
        read_overview_text(state, line.full_text)


def _title(node: Node) -> str | None:
    if node.is_section:
        return node.title or None
    line = node.line
    if line is not None and line.kind == "item" and line.key and not line.text and node.children:
        return line.key
    return None


def _headers(node: Node) -> list[tuple[Node, str]]:
    out = []
    for child in node.children:
        if child.read_as is not None:
            continue
        title = _title(child)
        if title and titled_role(title) is None:
            out.append((child, title))
    return out


def plan_panels(state: ReadingState, root: Node) -> None:
    """Add the names of header groups that are panels to ``state.panel_names``."""
    if state.chart.panels:
        return  # panels named by their own words were found in pass 1
    stated = state.chart.stated_panel_count[0] if state.chart.stated_panel_count else None
    declared = {name_key(n) for n in state.stated_panel_names}
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(child for child in node.children if child.children)
        group = _headers(node)
        if len(group) < 2:
            continue
        state.panel_names.update(_group_panels(state, group, declared, stated))


def _group_panels(state: ReadingState, group: list[tuple[Node, str]], declared: set[str],
                  stated: int | None) -> list[str]:
    """The name keys of a group of sibling headers that are panels (none when they are not)."""
    keys = [name_key(panel_name(drop_numbering(strip_markup(t)))) for _, t in group]
    if state.kind == "pie" and all(names_coloured_slice(t) for _, t in group):
        return []  # '1. **Blue Segment (Top-Right Quadrant):**': one pie's slices, each a block
    if {k.split(" ", 1)[0] for k in keys} == {"main", "inset"}:
        return keys  # 'Main Chart:' and 'Inset Chart:' over their own lines: a plot and its inset
    if len(declared) >= 2 and set(keys) <= declared:
        return keys  # the charts the overview names, a legend's names or not
    if any(k in state.known_names for k in keys) or any(_styled(t) for _, t in group):
        return []  # headers that name series (by the legend, or by a colour or style)
    if declared & set(keys):
        return [k for k in keys if k in declared]
    if _values_of_series_by_category(state, group):
        return keys
    if any(_is_x(state, t) or names_interval(t) for _, t in group) or _declared_categories(state, group):
        return []  # ('Task 0 (Epoch 0-100):' is a stretch of x)
    return keys if (stated and len(group) == stated) or _alike_parts(state, group) else []


def _alike_parts(state: ReadingState, group: list[tuple[Node, str]]) -> bool:
    """Rules 3 to 5: the headers hold parts of one shape (series headers, known series, slices, tables)."""
    return _repeats_series_header(group) or _holds_known_series(state, group) \
        or _pies_of_the_same_slices(state, group) or _tables_of_the_same_columns(group)


_SERIES_PER_LINE = 2  # a category's line gives the values of several legend series


def _values_of_series_by_category(state: ReadingState, group: list[tuple[Node, str]]) -> bool:
    """Rule 6: each header holds lines keyed by categories that give the values of several
    legend series ('- **PopQA**: Ours ≈ 50, Base ≈ 5'): the lines are the categories and
    name the series, so the headers over them are panels ('#### Model X Section')."""
    if len(state.known_names) < _SERIES_PER_LINE:
        return False
    shared: set[str] | None = None
    for node, _ in group:
        keys = set()
        for child in node.children:
            line = child.line
            if line is None or not line.key or not line.text or key_info(line.key).flags \
                    or name_key(strip_markup(line.key)) in state.known_names:
                continue  # ('Trend:', 'Approximate Values:' name no category)
            text = fold(line.text)
            if sum(1 for name in state.known_names if name in text) >= _SERIES_PER_LINE:
                keys.add(name_key(strip_markup(line.key)))
        shared = keys if shared is None else shared & keys
        if len(shared) < _SERIES_PER_LINE:
            return False  # (the same categories, each giving every series' value, under each header)
    return True


def _declared_categories(state: ReadingState, group: list[tuple[Node, str]]) -> bool:
    """Headers that are all categories the category axis lists ('Tasks (Checkmate-in-One,
    Word sorting)' on a horizontal bar chart's y axis): each opens a category, not a panel."""
    if not state.categorical():
        return False
    axis = category_axis(state.chart, None)
    return axis is not None and all(
        declared_inside(axis, fold(drop_numbering(strip_markup(t)))) is not None for _, t in group)


def _styled(title: str) -> bool:
    """'CUSUM (Blue Circles)': a header that names its line by colour or style."""
    m = _TRAILING_PAREN.search(title)
    if m is None:
        return False
    return is_style_words(m.group(1)) or mentions_color(m.group(1))


_SETTING: Final = re.compile(r"\s{0,2}([^\W\d_]\w{0,8})\s?=\s?-?\d[\d.]{0,8}\s{0,2}:?\s{0,2}$")


def _is_x(state: ReadingState, title: str) -> bool:
    """A header that is a value on the x axis ('Epoch 10' on an axis "Epoch"); 'K0=5' on an
    axis "K" sets another variable, no x."""
    setting = _SETTING.match(strip_markup(drop_numbering(title)))
    if setting is not None and not x_words_ok(fold(setting.group(1)), state.x_words):
        return False
    if state.categorical() and not state.numeric_x_axis() and state.kind != "pie":
        return True  # headers of a bar chart's groups are categories (a pie has no x axis)
    axis = state.chart.axis("x", None)
    if axis is not None and fills_label_template(axis.label, drop_numbering(strip_markup(title)).strip(" :")):
        return True  # 'Top-3' on an axis "Top-k"
    if x_number(title, state.x_words) is None:
        return False
    words = set(_WORD.findall(fold(title)))
    return not words or bool({w.rstrip("s") for w in words} & {w.rstrip("s") for w in state.x_words})


_NOT_SERIES_FLAGS = frozenset({"container", "data_group", "trend", "meta", "series_list", "component",
                               "legend_word", "central", "spread"})


def _inner_header_keys(node: Node) -> set[str]:
    """Keys under a header that head lines of their own and could name a series
    ('**Loss (blue line):**'), not containers such as 'Data Points:'."""
    keys = set()
    for child in node.children:
        line = child.line
        if line is not None and line.key and not line.text and child.children \
                and not key_info(line.key).flags & _NOT_SERIES_FLAGS \
                and lookup(SECTION_ROLES, line.key) is None:
            keys.add(name_key(line.key))
    return keys


def _repeats_series_header(group: list[tuple[Node, str]]) -> bool:
    inner = [_inner_header_keys(node) for node, _ in group]
    return all(inner) and bool(set.intersection(*inner))


def _holds_known_series(state: ReadingState, group: list[tuple[Node, str]]) -> bool:
    if not state.known_names or not state.numeric_x_axis():
        return False
    for node, _ in group:
        named = False
        for child in node.walk():
            line = child.line
            key = line.key if line is not None else None
            if key and name_key(strip_markup(key)) in state.known_names:
                named = True
                break
        if not named:
            return False
    return True


def _pies_of_the_same_slices(state: ReadingState, group: list[tuple[Node, str]]) -> bool:
    """On a pie chart, headers each over lines keyed by the same slices: one pie each
    ('Percentage:', 'Color:', 'Position:' under each slice describe that one slice)."""
    if state.kind != "pie":
        return False
    keys = [{key_words(ch.line.key) for ch in node.children if ch.line is not None and ch.line.key}
            for node, _ in group]
    slices = {k for k in set.intersection(*keys) if k not in BAR_ATTRIBUTE_KEYS and not is_bar_measure_key(k)
              and not key_info(k).flags} if keys else set()
    return all(len(k) >= 2 for k in keys) and len(slices) >= 2


def _tables_of_the_same_columns(group: list[tuple[Node, str]]) -> bool:
    """Headers each over a table whose header row is the same: one panel per table
    ('#### Model A' and '#### Model B', each over '| Size | 0.1 | 0.2 |')."""
    heads = []
    for node, _ in group:
        tables = [ch.line.rows[0] for ch in node.children
                  if ch.line is not None and ch.line.kind == "table" and ch.line.rows]
        if len(tables) != 1:
            return False
        heads.append([fold(cell) for cell in tables[0]])
    return len(heads[0]) >= 2 and all(h == heads[0] for h in heads[1:])


_AXIS_LINES_OF_A_PANEL = 2  # an x and a y axis line


def panels_by_own_axes(node: Node) -> list[Node]:
    """Rule 6, read in pass 1: two or more sibling headers in the components, each over axis
    lines of its own ('**Heatmap:**' over 'X-axis:' and 'Y-axis:', '**Scatter Plot:**' over
    its own two): each header is a panel."""
    found = []
    for child in node.children:
        if not child.is_section or not child.title or titled_role(child.title) is not None:
            continue
        roles = {info.axis[0] for ch in child.children if ch.line is not None and ch.line.key
                 and (info := key_info(ch.line.key)).axis is not None}
        if len(roles) >= _AXIS_LINES_OF_A_PANEL:
            found.append(child)
    return found if len(found) >= 2 else []


def role_of_section(node: Node, title: str, parent: str) -> str:
    """The section's role; 'General Observations' over sub-sections that each state their
    own axes holds the figure's panels, not remarks on them."""
    role = section_role(title, parent)
    if role in ("observations", "interpretation") and panels_by_own_axes(node):
        return "other"
    return role


def component_panel(w: Walker, node: Node, scope: Scope) -> str | None:
    """'1. **Top-Left Graph**', '* **Left Chart:**' in the components: a bold item or empty key naming
    a panel, whose axes and legend follow it ('**Legend (Top Chart):**' names a part, no panel)."""
    line = node.line
    if scope.role != "components" or line is None or line.kind != "item":
        return None
    if line.key is not None:
        title = None if line.text or w.memo.key_info(line.key).flags else line.key
    else:
        title = None if node.children else line.bold_title()
    if not title or _PART_OF_A_PANEL.search(title) or not w.is_panel_title(title):
        return None  # 'Top-right corner of the bar chart:', 'Subplot (c) Color Bar:'
    trace = w.state.trace
    trace.enter("section.panel")
    panel = w.state.chart.add_panel(panel_name(title), line.line, line.line)
    trace.leave()
    trace.claim(line.line, "section.panel")
    return panel


def plan_chart_headings(state: ReadingState, root: Node, first: Node) -> bool:
    """'## Area Chart: A' then '## Bar Chart: B': one panel each, titled A and B. True when
    the document's first heading is one of several such."""
    charts = _chart_headings(root, first)
    if len(charts) < 2:
        return False
    for node in charts:
        state.panel_names.add(name_key(node.title or ""))
        if node.line is not None and (title := title_from_heading(node.line.key, node.line.text)):
            state.chart.panel_titles[panel_name(node.title or "")] = title
    return True


def _chart_headings(root: Node, first: Node) -> list[Node]:
    """The headings at the level of the document's first one that each name a chart kind
    ('## Stacked Area Chart: Papers' then '## Grouped Bar Chart: Methods'): two or more
    describe one chart each."""
    level = first.level
    found = []
    for node in root.walk():
        line = node.line
        if node.is_section and node.level == level and line is not None and line.kind == "heading" \
                and heading_kind(line.key, line.text)[0] is not None:
            found.append(node)
    return found


def read_document_heading(state: ReadingState, root: Node) -> None:
    """The top heading: the title it gives, the kind it names, and whether it plans panels."""
    chart = state.chart
    for node in root.walk():
        if node.is_section and node.line is not None and node.line.kind == "heading":
            line = node.line
            chart.heading_title = title_from_heading(line.key, line.text)
            kind, chart.mixed = heading_kind(line.key, line.text)
            if kind:
                scale_only = names_only_a_scale(line.text if line.key is None else f"{line.key}: {line.text}")
                chart.kind, chart.kind_source = kind, "heading-scale" if scale_only else "heading"
            if chart.heading_title and titled_role(chart.heading_title) and line.key is None:
                chart.heading_title = None
            chart.trace.claim(line.line, "document.heading")
            if not plan_chart_headings(state, root, node):
                node.read_as = "document"
            return
        if node.line is not None and node.line.kind in ("para", "item"):
            return
