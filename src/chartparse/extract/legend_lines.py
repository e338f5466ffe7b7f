"""The legend's lines in pass 1: a ``Legend:`` key, a legend section, declared series."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Final

from ..blocks import Line
from ..line_looks import counts_entries, panel_place_key
from ..vocab import (
    LEGEND_ENTRY_GROUP_KEYS,
    LEGEND_META_KEYS,
    SERIES_ATTRIBUTE_KEYS,
    starts_with_any,
)
from .keys import is_data_group_key, key_words
from .legend import add_entries, entries_from_list, entry_from_line, label_from_look_key
from .legend_facts import color_scale_block, legend_fact
from .legend_notes import NO_LEGEND, legend_position, legend_titles, shared_legend_keys
from .legend_prose import entries_from_prose, parenthesised_entries
from .legend_table import entries_from_table
from .names import is_sentence, names_a_panel, panel_name
from .state import ChartDraft, LegendEntryDraft, name_key
from .text import PAREN_NOTE, all_quoted, clean_name, entry_with_look, is_style_words, quoted, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node
    from .walker import Walker

_COLUMN_HEADINGS: Final = re.compile(r"[\"“][^\"”;|]{1,40}(?:[;|]\s?[^\"”;|]{1,40}){1,4}[\"”]")
_TITLE_NOTE: Final = re.compile(  # '"method" (title)', '"Sex" - the legend title.'
    r"\(\s*(?:legend\s+)?title\s*\)|[\"”']\s*[-–—:]\s*(?:the\s+|its\s+)?(?:legend(?:'s)?\s+)?title\b",
    re.IGNORECASE)
_ATTRIBUTE_NOUNS = frozenset("color colour style shape thickness width opacity".split())
_PLACEMENT_WORDS = frozenset({"position", "positions", "location", "locations", "placement",
                              "spatial", "grounding", "layout"})
_PROSE_WORDS = 8  # a plain paragraph of more words in a legend lists entries in prose


def legend_line(w: Walker, node: Node) -> None:
    """A ``Legend:`` key line, with its value or its child lines."""
    chart = w.state.chart
    line = node.line
    assert line is not None and line.key is not None
    pos = legend_position(line.key) or legend_position(line.text)
    if legend_fact(w, node, pos):
        return
    if pos and chart.legend_position is None:
        chart.legend_position = pos
    titles = legend_titles(line.text)
    if titles and chart.legend_title is None:
        chart.legend_title = titles[0].rstrip(": ") or None
    if line.text and not node.children:
        add_entries(chart, entries_from_prose(line.text, line.line))
    elif line.text and quoted(line.text):
        # 'Legend: top-left, labelling the blue line as "L0".' names a styled entry inline;
        # 'mapping sizes (denoted by "B") to colours' quotes a unit, not an entry.
        add_entries(chart, [e for e in entries_from_prose(line.text, line.line)
                            if e.color or e.line_style or e.marker])
    legend_lines_under(w, node)


def legend_lines_under(w: Walker, node: Node) -> None:
    """Read the lines under ``node`` as legend lines, a key they share naming what they vary."""
    shared = shared_legend_keys(node)
    for child in node.children:
        legend_section_line(w, child, shared)


def legend_section_line(w: Walker, node: Node, shared: frozenset[str] = frozenset()) -> None:
    """A line inside a legend: an entry, a group of entries, or the legend's title/position."""
    chart = w.state.chart
    line = node.line
    if line is not None and line.kind == "table":
        w.state.trace.claim(line.line, "legend.table")
        add_entries(chart, entries_from_table(line.rows, line.row_lines))
        return
    if line is None or line.kind not in ("item", "para"):
        return
    if line.key is not None and _not_entries(w, node, line):
        return
    w.state.trace.claim(line.line, "legend.line")
    if line.key is not None and name_key(line.key) in shared:
        chart.legend_title = chart.legend_title or clean_name(line.key)
        line = Line(line.kind, line.line, line.end_line, line.text)  # the text alone is the entry
    if line.key is not None and (color_scale_block(w, node) or _keyed_part(w, node, line)):
        return
    if line.key is None and _legend_title_line(line.text):
        chart.legend_title = chart.legend_title or quoted(line.text) or None
        return
    if line.key is not None and _legend_keyed_line(w, node):
        return
    if line.key is None and _panel_led_line(w, line):
        return
    if line.kind == "para" and line.key is None and len(line.text.split()) > _PROSE_WORDS:
        add_entries(chart, entries_from_prose(line.text, line.line))
        return
    add_entries(chart, _line_entries(chart, line))
    legend_lines_under(w, node)


def legend_section_line_of(w: Walker, node: Node, shared: frozenset[str], panel: str | None) -> None:
    """A line inside a legend section; under a panel's heading ('## Chart 1' > '### Legend'),
    its entries are that panel's own legend too."""
    if panel is None:
        legend_section_line(w, node, shared)
    else:
        read_into_panel_legend(w, panel, partial(legend_section_line, w, node, shared))


def _legend_title_line(text: str) -> bool:
    """'"method" (title),' names the legend's title; '"Power curve; Skill Score"' heads its
    columns: no entry either way."""
    return _TITLE_NOTE.search(text) is not None or _COLUMN_HEADINGS.fullmatch(text.strip(" *_`")) is not None


def _not_entries(w: Walker, node: Node, line: Line) -> bool:
    """'Data Points:' (or 'Trend:') under an entry holds its values, read with the data: no entries;
    '1. **Blue Line** (`m=4, b=2048`):' is the entry its brackets name. True when read so."""
    assert line.key is not None
    words = key_words(line.key)
    if (is_data_group_key(words) and (not line.text or node.children)) \
            or not {"note", "notes"}.isdisjoint(words.split()) \
            or (words == "trend" and not is_style_words(strip_markup(line.text))):
        return True  # ('**Data**: black circles', '**Trend**: dashed line' are entries; 'Critical Note' none)
    if line.text or not _QUOTED_IN_BRACKETS.search(line.key) \
            or (named := label_from_look_key(line.key)) is None:
        return False  # ('**Blue Bars** (left axis):' notes its axis: no name)
    w.state.trace.claim(line.line, "legend.line")
    add_entries(w.state.chart, [entry_with_look(named, strip_markup(line.key).partition("(")[0], line.line)])
    legend_lines_under(w, node)
    return True


def _keyed_part(w: Walker, node: Node, line: Line) -> bool:
    """A keyed line in a legend that is no entry of it: an axis, a panel's own legend, another
    part, a nested legend key, a sentence explaining the entries. True when read as such."""
    assert line.key is not None
    if w.memo.key_info(line.key).axis is not None:
        w.component_line_elsewhere(node)  # 'X-axis: Steps (0-500)' listed with the legend
        return True
    if line.text and _panel_legend_line(w, line):
        return True
    if node.children and panel_place_key(line):
        _panel_legend_block(w, node, line)
        return True
    if _names_another_part(w, node):
        return True
    if w.memo.key_info(line.key).legend:
        legend_line(w, node)  # 'Legend: Absent' inside a 'Colour and Legend' section
        return True
    if node.children and not _PLACEMENT_WORDS.isdisjoint(key_words(PAREN_NOTE.sub(" ", line.key)).split()):
        for child in node.children:  # 'Spatial Grounding (Legend):' over 'Run A: Top-left'
            if child.line is not None:  # says where the entries sit, not what they are
                w.state.trace.claim(child.line.line, "legend.placement")
        return True
    # 'For each method, two bars are presented: ...' explains the entries
    return line.kind == "para" and is_sentence(line.key)


def _line_entries(chart: ChartDraft, line: Line) -> list[LegendEntryDraft]:
    """The entries one legend line states: a list under one look, quoted labels, or one entry."""
    listed = entries_from_list(line.key, line.text, line.line) if line.key else []
    if line.key is not None and not listed and is_style_words(strip_markup(line.key)) \
            and len(names := all_quoted(line.text)) >= 2 \
            and _ONLY_SEPARATORS.fullmatch(_QUOTED_SPAN.sub("", line.text)):
        # 'Red: "baseline" or "decoder only"': one look drawn for either name
        listed = [entry_with_look(name, strip_markup(line.key), line.line) for name in names]
    if line.key is not None and not listed and not is_style_words(strip_markup(line.key)) \
            and len(quoted_items := all_quoted(_first_sentence(line.text))) >= 2:
        # 'Model Sizes (Parameter Counts): `0.275B`, `0.464B`': the key names what the labels vary
        listed = [LegendEntryDraft(label=item, line=line.line) for item in quoted_items]
    whole = line.text if line.key is None else f"{line.key} {line.text}"
    if not listed and (line.key is None or line.text.lstrip().startswith("(")) \
            and len(looked := parenthesised_entries(whole, line.line)) >= 2:
        listed = looked  # '**K₁** (red squares) and **K₂** (blue circles)': a label and its look, twice
    listed = _one_label_when_heads_shared(chart, listed)
    entry = None if listed else entry_from_line(line.key, line.text, line.line)
    return listed or ([entry] if entry else [])


_QUOTED_SPAN: Final = re.compile(r"[\"“][^\"“”\n]{1,60}[\"”]")
_ONLY_SEPARATORS: Final = re.compile(r"[\s,;/.]*(?:(?:or|and)[\s,;/.]+)*(?:or|and)?[\s,;/.]*")


def _first_sentence(text: str) -> str:
    return text.split(". ", 1)[0]


def _joined(entries: list[LegendEntryDraft]) -> LegendEntryDraft:
    first = entries[0]
    joined = LegendEntryDraft(", ".join(e.label for e in entries), first.color, first.line_style,
                              first.marker, first.line)
    joined.rule = first.rule
    joined.drawn_line = any(e.drawn_line for e in entries)
    return joined


def _combinations_of_factors(earlier: list[str], items: list[str]) -> bool:
    """Two lists of as many items, different, sharing items only in the same places."""
    if len(earlier) != len(items) or earlier == items:
        return False
    shared = [i for i, p in enumerate(earlier) if p in items]
    return bool(shared) and all(items[i] == earlier[i] for i in shared)


def _one_label_when_heads_shared(chart: ChartDraft, listed: list[LegendEntryDraft]) -> list[LegendEntryDraft]:
    """'Solid red: CC, J/ψ η_c' then 'Dashed red: CC, J/ψ J/ψ': when this look's items and an
    earlier look's are as many and share one in the same place, each such line (every earlier
    one, not only the first) is one label holding a comma (a combination of factors), not a
    list of entries ('Blue: k=1, k=3' / 'Red: k=3, k=9' is)."""
    if len(listed) < 2:
        return listed
    items = [name_key(e.label) for e in listed]
    looks = (listed[0].color, listed[0].line_style, listed[0].marker)
    combined = False
    for earlier_line in dict.fromkeys(e.line for e in chart.legend):
        same_line = [e for e in chart.legend if e.line == earlier_line]
        earlier = same_line[0]
        if earlier.line == listed[0].line or (earlier.color, earlier.line_style, earlier.marker) == looks:
            continue
        labels = [e.label for e in same_line] if len(same_line) > 1 else earlier.label.split(", ")
        if not _combinations_of_factors([name_key(p) for p in labels], items):
            continue
        combined = True  # every earlier line it combines with was one label too, not only the first
        if len(same_line) > 1:
            chart.join_legend_entries(same_line, _joined(same_line))
    return [_joined(listed)] if combined else listed


_QUOTED_IN_BRACKETS: Final = re.compile(r"\(\s?[`\"“']")
_FIGURE_PARTS = frozenset({"equation", "equations", "fitted", "annotation", "annotations", "inset",
                           "insets", "gridlines", "watermark", "caption"})
# Whole keys naming a part ('Grid', 'Category Headers', 'Panel Label'); 'Grid Search' is a label
_FIGURE_PART_KEYS = frozenset({"grid", "background", "headers", "category headers", "column headers",
                               "panel label", "panel labels", "additional text", "other text",
                               "text annotation", "text annotations", "embedded text", "printed text",
                               "text labels"})


def _panel_legend_line(w: Walker, line: Line) -> bool:
    """'Left Diagram: Solid lines labeled "Stable", dashed lines labeled "Unstable".' in a
    legend: the entries of that panel's own legend."""
    assert line.key is not None
    if not names_a_panel(strip_markup(line.key)):
        return False
    entries = entries_from_prose(line.text, line.line)
    if not entries:
        return False
    chart = w.state.chart
    panel = chart.add_panel(panel_name(line.key), line.line, line.line)
    read_into_panel_legend(w, panel, lambda: add_entries(chart, entries))
    return True


def read_into_panel_legend(w: Walker, panel: str, read: Callable[[], None]) -> None:
    """Run ``read`` so that the legend entries it adds are also that panel's own legend."""
    chart = w.state.chart
    outer = chart.legend_sink
    sink: list[LegendEntryDraft] = []
    chart.legend_sink = sink  # (a panel's legend may hold another panel's: each keeps its own)
    try:
        read()
    finally:
        chart.legend_sink = outer
    w.state.add_panel_legend(panel, sink)
    if outer is not None:
        outer.extend(sink)


_PANEL_LEAD: Final = re.compile(
    r"^\W{0,3}((?:panel|chart|plot|subplot|graph|figure)\s?\(?(?:[a-h]|\d{1,2})\)?|(?:top|bottom|left|right)"
    r"(?:[- ](?:left|right))?\s(?:panel|chart|plot|subplot|graph))"
    r"\s(?:has|includes|contains|shows|displays|uses)\b",
    re.IGNORECASE)


def _panel_led_line(w: Walker, line: Line) -> bool:
    """'Panel (b) includes a legend labelled "Path"': that panel's own entry; 'Panel (a) has no
    legend.' states that it has none."""
    m = _PANEL_LEAD.match(strip_markup(line.text))
    if m is None:
        return False
    if NO_LEGEND.search(line.text):
        return True
    chart = w.state.chart
    entries = entries_from_prose(line.text[m.end():], line.line)
    if not entries:
        return False
    panel = chart.add_panel(panel_name(m.group(1)), line.line, line.line)
    read_into_panel_legend(w, panel, lambda: add_entries(chart, entries))
    return True


def _panel_legend_block(w: Walker, node: Node, line: Line) -> None:
    """'Left Panel:' in a legend over its entries: the entries of that panel's own legend."""
    assert line.key is not None
    chart = w.state.chart
    chart.trace.enter("legend.panel-block")
    panel = chart.add_panel(panel_name(line.key), line.line, node.last_line)
    chart.trace.leave()
    _children_into_panel_legend(w, node, panel)


def _children_into_panel_legend(w: Walker, node: Node, panel: str) -> None:
    """Read the lines under ``node`` as entries of that panel's own legend."""
    w.state.trace.enter("legend.panel-block")
    read_into_panel_legend(w, panel, lambda: legend_lines_under(w, node))
    w.state.trace.leave()


def _names_another_part(w: Walker, node: Node) -> bool:
    """A line in a legend section that states another part of the figure, not an entry:
    an axis (``X-axis: Steps``) or a bare header of a block of its own (``Axis Labels:``)."""
    line = node.line
    assert line is not None and line.key is not None
    if w.memo.key_info(line.key).axis is not None:
        return True
    words = key_words(line.key).replace("/", " ").split()  # ('Color/Style: Solid dark blue line')
    unnoted = key_words(PAREN_NOTE.sub(" ", line.key)).split()  # ('Top-Right (Blue text):' is a place)
    if any(word in _FIGURE_PARTS for word in unnoted) or " ".join(words) in _FIGURE_PART_KEYS:
        return True  # 'Fitted Equations:' (and the lines under it) is a part of its own
    if words and words[-1] in _ATTRIBUTE_NOUNS and not is_style_words(strip_markup(line.key)) \
            and (line.text or not node.children):  # 'Models (by color):' over entries groups them
        return True  # 'Line Color: Blue' states the look of the one line, not an entry
    return not line.text and not node.children and not is_style_words(strip_markup(line.key))


def _legend_keyed_line(w: Walker, node: Node) -> bool:
    chart = w.state.chart
    line = node.line
    assert line is not None and line.key is not None
    words = key_words(line.key)
    if starts_with_any(words, LEGEND_META_KEYS):
        if words.startswith("title"):
            chart.legend_title = strip_markup(line.text) or None
        else:
            chart.legend_position = chart.legend_position or legend_position(line.text)
        return True
    if words in LEGEND_ENTRY_GROUP_KEYS and line.text and not node.children:
        add_entries(chart, entries_from_prose(line.text, line.line))
        return True
    if _grouped_or_drawn_entry(chart, node, line, words):
        return True
    if (words in LEGEND_ENTRY_GROUP_KEYS and (not line.text or node.children)) or (
        (not line.text or counts_entries(line)) and node.children
    ):
        legend_lines_under(w, node)
        if line.text and not node.children:
            add_entries(chart, entries_from_prose(line.text, line.line))
        return True
    return False


def _grouped_or_drawn_entry(chart: ChartDraft, node: Node, line: Line, words: str) -> bool:
    """'Model A: Blue (Think), Green (Cons)': a key over a list of looks with their labels (the
    key groups the entries; 'k=3: Blue square (■) and red circle (●)' draws one entry two ways);
    'Original Run:' over 'Color: Blue', 'Line Style: Solid': one entry drawn as they say."""
    assert line.key is not None
    if line.text and not node.children and len(listed := parenthesised_entries(line.text, line.line)) >= 2 \
            and all(_NAME_LETTERS.search(e.label) for e in listed):
        add_entries(chart, listed)
        return True
    if not line.text and node.children and words not in LEGEND_ENTRY_GROUP_KEYS and all(
            ch.line is not None and ch.line.key is not None
            and key_words(ch.line.key) in SERIES_ATTRIBUTE_KEYS for ch in node.children):
        looks = " ".join(ch.line.text for ch in node.children if ch.line is not None)
        add_entries(chart, [entry_with_look(clean_name(line.key), looks, line.line)])
        return True
    return False


_NAME_LETTERS: Final = re.compile(r"[^\W\d_]{2}")


def flattened_panel_legend(w: Walker, node: Node, panel: str) -> bool:
    """'**Legend (Both Charts):** top-left of each' then, flattened after it, '**Top Chart
    (Cube):**' over 'C_D: Solid blue line': that panel's own legend entries. True when read."""
    run_end = w.state.legend_run_end
    if run_end is None or node.first_line != run_end + 1:
        return False
    _children_into_panel_legend(w, node, panel)
    w.state.legend_run_end = node.last_line
    return True
