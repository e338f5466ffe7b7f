"""Pass 1: keyed lines that state the figure's parts, as an ordered chain of named rules.

A rule returns True when it read the line whole (its children are not walked for
components), False when it read it but its children may state components too, and
None when it does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ...vocab import GRID_COLUMN_KEYS, GRID_ROW_KEYS, axis_field, fold
from ..axes import axis_role, read_axis
from ..axis_labels import REFERS_BACK, listed_items
from ..categories import drop_note
from ..finalize import DATA_KINDS
from ..key_looks import note_colour_key
from ..kinds import (
    OVERVIEW_LINES,
    chart_kind_in,
    explicit_title,
    kind_in,
    kinds_by_place,
    names_a_combination,
)
from ..legend import entry_from_line
from ..legend_lines import legend_line, read_into_panel_legend
from ..names import names_a_panel
from ..panel_templates import title_template
from ..panel_titles import TITLE_NOTE, names_a_grid_place, panel_number
from ..ruler import Ruler
from ..section_roles import titled_role
from ..state import name_key
from ..text import (
    all_quoted,
    clean_name,
    drop_numbering,
    is_style_words,
    quantities,
    strip_markup,
)
from .component_axes import axis_rule, bare_axis_rule, panel_axis_rule
from .component_radar import radar_part
from .component_series import one_series, series_list

if TYPE_CHECKING:  # pragma: no cover
    from ...outline import Node
    from ..walker import Walker
    from .keyed_line import KeyedLine

_CLAUSE_END: Final = re.compile(r"[,.;]")
_STYLE_LEAD_WORDS = 4  # 'Blue dots, each labeled...': a style of at most this many words

COMPONENT_RULES: Ruler = Ruler("components")
_AXIS_SAID: Final = re.compile(r"\W{0,3}the\s(?:(horizontal|x)|vertical|y)[\s-]?axis\b", re.IGNORECASE)


def _axis_said_in_text(w: Walker, c: KeyedLine) -> bool | None:
    """'**Li Fraction (x)**: The horizontal axis represents ..., ranging from 0 to 1': a key
    that is an axis' label, its text saying which axis it labels."""
    if c.info.axis is not None or not c.text or (m := _AXIS_SAID.match(strip_markup(c.text))) is None \
            or titled_role(c.key) is not None:  # ('**Axes:** The x-axis shows ...' states them: prose_lines)
        return None
    axis = read_axis(w.state.chart, "x" if m.group(1) else "y", None, "", c.text, w.child_pairs(c.node),
                     c.scope.panel, c.line.line, c.node.last_line)
    axis.label = axis.label or strip_markup(c.key).strip() or None
    return True


# 'The x-axis labels are mathematical expressions:' right under the axis line, over its list
_AXIS_LABELS_LEAD: Final = re.compile(
    r"(?:the\s)?(x|y|horizontal|vertical)[\s-]?axis\s(?:labels|categories|tick labels)\s"
    r"(?:are|include|read|show)\b")


def _categories_after_axis(w: Walker, c: KeyedLine) -> bool | None:
    if c.text or not categories_after_axis(w, c.key, c.line.line, c.node):
        return None
    return False  # (claimed; the keyed lines under it, such as the next axis, are read on)


def categories_after_axis(w: Walker, key: str, line: int | None, node: Node) -> bool:
    """'Categories:' with no value right after an axis line, over one item per category:
    that axis' categories, listed at the axis line's level (its other lines are read too)."""
    last = w.state.last_axis
    if last is None or last[3] is None or line != last[3] + 1:
        return False
    if axis_field(key) == "categories":
        own = axis_role(key)  # 'X-axis Categories:' after the y axis' lines lists the x axis' own
        own_role = own[0] if own is not None else last[0]
    elif (said := _AXIS_LABELS_LEAD.match(fold(strip_markup(key)))) is not None:
        own_role = "x" if said.group(1) in ("x", "horizontal") else "y"
    else:
        return False
    if own_role != last[0]:
        return False
    items: list[tuple[str | None, str]] = [(None, ch.line.text) for ch in node.children
                                           if ch.line is not None and ch.line.key is None and ch.line.text]
    if not items:
        return False
    role, field, panel, _ = last
    axis = read_axis(w.state.chart, role, field, "", "", items, panel, None, node.last_line)
    axis.scale = axis.scale or "categorical"
    for child in node.children:
        if child.line is not None and child.line.key is None:
            w.state.trace.claim(child.line.line, "component.axis-categories")
    return True


def _legend(w: Walker, c: KeyedLine) -> bool | None:
    if not c.info.legend or (c.info.legend_over_entries and c.text):
        return None  # ('Markers: 0, 10, 20' under an axis marks its ticks)
    panel = c.scope.panel
    entries = len(w.state.chart.legend)
    if c.text and REFERS_BACK.search(c.text) and not all_quoted(c.text):
        return True  # 'Legend (top-right): Same as above.': the earlier legend; what follows is no entry
    if panel is None:
        legend_line(w, c.node)
    else:  # A panel's own legend: its colours name its entries, whatever other panels reuse them for.
        read_into_panel_legend(w, panel, lambda: legend_line(w, c.node))
    if not c.node.children and len(w.state.chart.legend) == entries:
        w.state.legend_run_end = c.node.last_line  # its entries, flattened, follow it
    return True


def _title(w: Walker, c: KeyedLine) -> bool | None:
    if not c.info.title:
        return None
    chart = w.state.chart
    if not c.text:  # '**Titles:**' over 'Left Chart: "Energy Use 1990"', one line per panel
        for key, text in w.child_pairs(c.node):
            if key is not None:
                _declared_panel_title(w, key, text)
    place = _titled_place(c.key) if c.scope.panel is None else None
    if place is not None and (title := explicit_title(c.text)):
        chart.declared_panel_titles.append(title)  # 'Title (Left Chart): (a) Dry season'
        chart.panel_titles.setdefault(place, title)
    elif c.scope.panel is None and chart.explicit_title is None:
        chart.explicit_title = explicit_title(c.text)
    elif c.scope.panel is not None and (title := explicit_title(c.text)):
        chart.panel_titles.setdefault(c.scope.panel, title)  # the panel is known by its title
    return True


def _titled_place(key: str) -> str | None:
    """'Title (Left Chart)' or 'Left Chart Title': the panel whose title the key states."""
    plain = strip_markup(key).strip(" :")
    m = _TITLE_OF_PLACE.fullmatch(plain)
    if m is None:
        return None
    place = (m.group(1) or m.group(2) or "").strip()
    return place if place and names_a_panel(place) else None


_TITLE_OF_PLACE: Final = re.compile(r"(?i:title)\s{0,2}\(([^()]{2,40})\)|([^()]{2,40}?)\s(?i:title)")


def _kind(w: Walker, c: KeyedLine) -> bool | None:
    if not c.info.kind or not c.text:
        return None  # "**Type '~':**" over lines of its own heads a group, not the chart's kind
    chart = w.state.chart
    kind = kind_in(c.text)
    # The heading's kind stands, save a loose 'Diagram' that the key names as a plot of data
    # ('## Diagram: Phillips Curve' over 'Chart Type: Line graph with labeled points').
    if kind and (chart.kind_source != "heading" or (chart.kind == "diagram" and kind != "diagram")):
        chart.kind, chart.kind_source = kind, "key"
    if kind and names_a_combination(c.text):
        chart.mixed = True  # 'Dual-axis combination chart (bar chart + line chart)'
    if kind:
        _placed_kinds(w, c.text)
    return True


def _placed_kinds(w: Walker, text: str) -> None:
    """'Bar chart (Left) and box plot (Right)': the kind of each place of the figure."""
    for place, kind in kinds_by_place(text).items():
        w.state.panel_kinds.setdefault(place, kind)


def _panel_list(w: Walker, c: KeyedLine) -> bool | None:
    if not (c.info.panel_list and (c.text or c.node.children)):
        return None
    # '* **Panel Titles:** "ARC-Easy" (top-left), "PIQA" (top-right), ...', or one title
    # per plain item under the key
    names = all_quoted(c.text) + [strip_markup(ch.line.text) for ch in c.node.children
                                  if ch.line is not None and ch.line.key is None and ch.line.text]
    templates = [(n, t) for n in names if (t := title_template(n)) is not None]  # "T = [value]"
    w.state.panel_templates.extend(t for _, t in templates)
    names = [n for n in names if all(n != form for form, _ in templates)]
    for ch in c.node.children:  # 'Left Chart: "Energy Use 1990"': a title stated by place
        if ch.line is not None and ch.line.key is not None:
            _declared_panel_title(w, ch.line.key, ch.line.text)
    if not names and c.text and not c.node.children:
        # 'Titles: Llama-3 (top-left), Mistral (top-center)': the titles, their places dropped
        names = [drop_note(str(t)) for t in listed_items(strip_markup(c.text))]
    w.state.chart.declared_panel_titles.extend(drop_numbering(n) for n in names if drop_numbering(n))
    for name in names:
        w.state.panel_names.add(name_key(name))
        w.state.panel_names.add(name_key(drop_numbering(name)))  # 'a) GPQA' is headed 'GPQA'
    return True


def _panel_title(w: Walker, c: KeyedLine) -> bool | None:
    return True if _declared_panel_title(w, c.key, c.text) else None


def _declared_panel_title(w: Walker, key: str, text: str) -> bool:
    """'Left Chart: "Building Energy Use 1990"': a panel named by its place, and its title."""
    if not names_a_panel(strip_markup(key)):
        return False  # (the cached test first: most component keys name no panel)
    titles = all_quoted(text)
    said = _KEY_NOTE.sub(" ", strip_markup(text)).strip(" .\"“”")  # '"Question" (centered at the top)'
    if (labelled := _LABELLED_TITLE.match(strip_markup(text))) is not None:
        titles, said = [labelled.group(1)], labelled.group(1)  # 'Labelled "G+". Color: Blue.'
    if not titles and w.state.chart.stated_panels >= _MIN_PANELS \
            and _PLACE_ONLY.fullmatch(strip_markup(key)) and 0 < len(said.split()) <= _TITLE_WORDS:
        titles = [said]  # 'three heatmaps' over 'Left: EM Score (Exact Match)': the left one's title
    if len(titles) != 1 or len(said) > len(titles[0]):
        return False
    w.state.chart.declared_panel_titles.append(titles[0])
    if (number := panel_number(strip_markup(key))) is not None:
        w.state.chart.numbered_panel_titles.setdefault(number, titles[0])
    return True


_LABELLED_TITLE: Final = re.compile(r"\s*(?:labell?ed|titled|entitled)\s+[\"“]([^\"“”]{1,60})[\"”]",
                                    re.IGNORECASE)
_MIN_PANELS = 2
_TITLE_WORDS = 5
_PLACE_ONLY: Final = re.compile(
    r"\W*(?:top|bottom|upper|lower|middle)?[- ]?(?:left|right|center|centre|middle)\W*", re.IGNORECASE)


_SLICE_LIST_WORDS = ("categories", "category", "slices", "segments", "wedges", "sectors")


def _pie_slices(w: Walker, c: KeyedLine) -> bool | None:
    """On a pie, 'Categories:' over one line per slice ('1: Semantic (teal)', '**Rent** (blue)'):
    the slices, each in its colour, are what a pie's legend lists."""
    if not _slice_list_key(w, c):
        return None
    for key, text in w.child_pairs(c.node):
        if key is not None and not key.strip("*_ ").isdigit():
            continue  # 'Percentages: each slice is labelled ...' is a note, not a slice
        entry = entry_from_line(None, text, None)
        if entry is not None:
            entry.label = clean_name(entry.label) or entry.label
            w.state.chart.add_legend_entry(entry)
    return True


def pie_slice_list(w: Walker, c: KeyedLine) -> bool:
    """On a pie, a slice list whose lines give each slice's value ('**Rent:** 41% (teal)'):
    its lines are data as well as the legend."""
    return _slice_list_key(w, c) and any(key is not None and not key.strip("*_ ").isdigit()
                                          and quantities(text)[1] for key, text in w.child_pairs(c.node))


def _slice_list_key(w: Walker, c: KeyedLine) -> bool:
    """On a pie, a 'Categories:' or 'Slices:' key over lines of its own."""
    return w.state.kind == "pie" and bool(c.node.children) \
        and fold(strip_markup(c.key)).startswith(_SLICE_LIST_WORDS)


def _colour_key(w: Walker, c: KeyedLine) -> bool | None:
    if c.scope.role == "data":
        return None  # '**Green (solid line):** Roughly constant.' in the data describes that line
    return True if c.text and note_colour_key(w.state, c.key, c.text, c.line.line) else None


def _kind_mention(w: Walker, c: KeyedLine) -> bool | None:
    """Observes every other component line; claims none. A line keyed by a panel
    ('**Panel (b) [Top Right]:** a line plot of ...') states that panel's kind."""
    state = w.state
    state.component_lines += 1
    low = c.key.lower()
    kind = chart_kind_in(c.text) if c.text and ("inset" not in low or "main" in low) else None
    if kind is not None:
        _placed_kinds(w, c.text)
    if kind is None:  # ('**Inset Plot:** a scatter plot' names a part's kind; 'Main Chart (with inset)' not)
        return None
    if state.chart.kind_open() and state.component_lines <= OVERVIEW_LINES:
        state.chart.kind, state.chart.kind_source = kind, "component"  # '**Main Chart:** Bar chart'
    if kind in DATA_KINDS and (w.is_panel_title(c.key) or names_a_grid_place(TITLE_NOTE.sub("", c.key))) \
            and chart_kind_in(_CLAUSE_END.split(c.text, maxsplit=1)[0]) == kind:
        # its first clause states it ('**Top Row (a, b):** heatmaps of ...' too)
        state.panel_kinds[name_key(c.key)] = kind
    return None


def _styled_data_group(w: Walker, c: KeyedLine) -> bool | None:
    if not (c.info.data_group and c.text):
        return None
    # '* **Data Points:** Blue dots, each labeled with the model name.'
    lead = _CLAUSE_END.split(strip_markup(c.text), maxsplit=1)[0].strip()
    if lead and is_style_words(lead) and len(lead.split()) <= _STYLE_LEAD_WORDS:
        series = w.state.chart.series_for(lead, c.scope.panel, c.line.line)
        series.declared = True
        w.state.style_defaults[c.scope.panel] = series
        return True
    return None  # ('Data Points: y-values for x = 50 and 100 are 3 and 7' is read with the data)


_KEY_NOTE: Final = re.compile(r"(?<!\s)\s*\([^()]*\)\s*")


def _grid_dimension(w: Walker, c: KeyedLine) -> bool | None:
    """In a heatmap, 'Columns (Models): A, B, C' lists the x axis' categories and 'Row
    Labels (Tasks):' over one item per row the y axis'; the note names the axis."""
    if w.state.kind != "heatmap" or c.scope.in_container:
        return None
    plain = drop_numbering(strip_markup(c.key))
    words = fold(_KEY_NOTE.sub(" ", plain)).strip(" :")
    role = "x" if words in GRID_COLUMN_KEYS else "y" if words in GRID_ROW_KEYS else None
    if role is None:
        return None
    axis = read_axis(w.state.chart, role, "categories", "", c.text, w.child_pairs(c.node), c.scope.panel,
                     c.line.line, c.node.last_line)
    axis.scale = axis.scale or "categorical"
    if not axis.ticks and len(items := listed_items(strip_markup(c.text).rstrip("."))) >= 2:
        axis.ticks = list[int | float | str](items)  # lower-case names ('cities_conj, facts_disj')
    note = _KEY_NOTE.search(plain)
    if note and not axis.label:
        axis.label = note.group(0).strip(" ()")
    for child in c.node.children:
        if child.line is not None:
            w.state.trace.claim(child.line.line, "component.grid-dimension")
    return True


def _register(add: Callable[..., None]) -> None:
    """The chain, in the order its rules are tried."""
    add("component.axis-categories", _categories_after_axis,
        "'Categories:' right after an axis line: the items under it are that axis' categories",
        "**Categories:** (after '**X-axis:** Size')")
    add("component.panel-axis", panel_axis_rule, "right after an axis line, a line keyed by a panel "
        "that states a range: that panel's axis", "* Chart (b): Scale from 0 to 500 mm (after a Y-axis line)")
    add("component.axis", axis_rule, "an axis key: label, unit, scale, range, ticks",
      "**Y-Axis:** Accuracy (%), 0 to 100", needs="component")
    add("component.bare-axis", bare_axis_rule, "in an axes section, a key that is only the axis' letter "
        "or direction", "- Horizontal: Year, from 1880 to 2020")
    add("component.axis-said-in-text", _axis_said_in_text, "a key that is an axis' label, its text "
        "saying which axis", "**Li Fraction (x):** The horizontal axis represents the Li fraction, 0 to 1")
    add("component.legend", _legend, "the legend: its entries, position and title",
      "**Legend:** solid blue = Ours, dashed red = Baseline", needs="legend_word")
    add("component.title", _title, "the chart's stated title", "**Title:** \"Throughput by batch size\"",
      needs="component")
    add("component.kind", _kind, "the stated chart type", "**Chart Type:** grouped bar chart")
    add("component.radar-part", radar_part, "on a radar chart, the spokes list and the radial scale",
        "**Spokes:** Speed, Range, Cost")
    add("component.grid-dimension", _grid_dimension,
        "in a heatmap, the columns (x categories) or rows (y categories) it lists",
        "**Columns (Models):** A, B, C")
    add("component.series-list", series_list, "a list of the series, with their styles",
      "**Data Series:** blue line (ours), orange line (baseline)", needs="series_list")
    add("component.one-series", one_series, "one series declared by its name in parentheses, "
        "with its look", "**Data Series 1 (DROP):** (Color: blue; Marker: circle)")
    add("component.panel-list", _panel_list, "the panel titles listed up front",
      "**Panel Titles:** \"Train\" (left), \"Test\" (right)", needs="panel_list")
    add("component.panel-title", _panel_title, "a panel named by its place, and its quoted title",
        "Left Chart: \"Energy Use 1990\"")
    add("component.pie-slices", _pie_slices, "on a pie, a 'Categories:' list of the slices: its legend",
        "**Categories:** 1: Rent (teal), 2: Food (grey)")
    add("component.colour-key", _colour_key, "a colour key naming a short label, outside a legend",
        "**Blue**: Method A")
    add("component.kind-mention", _kind_mention, "a chart type named in an early component line",
      "**Main Chart:** horizontal bar chart")
    add("component.styled-data-group", _styled_data_group,
      "'Data Points:' naming the style of the one series", "**Data Points:** blue dots",
      needs="data_group")


_register(COMPONENT_RULES.push)
