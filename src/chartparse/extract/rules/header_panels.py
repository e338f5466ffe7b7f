"""Header rules for figures of several panels, and for headers that name a line by its look;
and two component rules: panels listed by their places, and a group key over one colour per
label ('**GPT-4o**:' over 'Green = Correct').

A header may be a panel by what it measures ('**2. Charging (Red Bars):**' where the middle
chart's y axis is 'Charging'), by its number within a stated count of charts, by standing
over lines keyed by the declared series that state points of their own, or by a panel title
whose note names an entry. A header may also name one line by its look ('Red Line (Mean) +
Pink Shaded Area', 'Blue Line Trend & Data Points:').
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...vocab import PANEL_WORDS, PIE_PART_WORDS, fold
from ..categories import TRAILING_NOTE
from ..category_values import listed_tick
from ..legend import add_entries
from ..names import panel_name
from ..narrative import read_in
from ..panel_titles import TITLE_NOTE, untitled_panel
from ..state import name_key
from ..style_match import entry_by_style
from ..text import clean_name, drop_numbering, entry_with_look, is_style_words, quoted, strip_markup
from .components import COMPONENT_RULES
from .headers import HEADER_RULES, Header
from .patterns import look_series_name

if TYPE_CHECKING:  # pragma: no cover
    from ..scope import Scope
    from ..walker import Walker
    from .keyed_line import KeyedLine

_MIN_PANELS = 2


def panel_by_measure(w: Walker, h: Header) -> Scope | None:
    chart = w.state.chart
    if h.scope.panel is not None or len(chart.panels) < _MIN_PANELS or not h.name:
        return None
    wanted = name_key(drop_numbering(h.name))
    found = [a.panel for a in chart.axes
             if a.role == "y" and a.panel is not None and a.label and name_key(a.label) == wanted]
    if len(found) != 1 or found[0] is None:
        return None
    panel = found[0]
    label = drop_numbering(h.name)
    if not chart.panel_titles.get(panel) and untitled_panel(panel):
        chart.panel_titles[panel] = label  # (a panel with a title of its own keeps it)
    return h.scope.but(inherited=False, panel=panel, series=chart.series_for(label, panel))


HEADER_RULES.before(
    "header.stack-total", "header.panel-by-measure", panel_by_measure,
    "with panels named by place, each with its own y axis, a header naming one's y label is that panel",
    "**2. Charging (Red Bars):** (the middle chart's y axis is 'Charging')")


_NOTE: Final = re.compile(r"\s*\([^()]{0,40}\)")
_JOINED_LOOKS: Final = re.compile(r"\s\+\s|\s&\s|\swith\s")


def line_with_band(w: Walker, h: Header) -> Scope | None:
    """'1. Red Line (Mean) + Pink Shaded Area': a line and the band drawn around it are one
    series, named by the line's look."""
    parts = _JOINED_LOOKS.split(strip_markup(drop_numbering(h.title)), maxsplit=1)
    if len(parts) != 2 or (h.scope.series is not None and not h.scope.inherited):
        return None
    line, band = (_NOTE.sub("", p).strip(" :") for p in parts)
    if not look_series_name(line) or not is_style_words(band):
        return None
    return h.scope.but(inherited=False, series=w.state.chart.series_for(line, h.scope.panel))


HEADER_RULES.before(
    "header.lead-in", "header.line-with-band", line_with_band,
    "a line and its shaded band joined by '+': one series, named by the line's look",
    "#### 1. Red Line (Mean) + Pink Shaded Area")


_GROUP_TAIL: Final = re.compile(
    r"\s(?:trend|trends|data points|values|analysis|details)"
    r"(?:\s(?:&|and)\s(?:data points|values|key points))?$",
    re.IGNORECASE)


def look_over_data(w: Walker, h: Header) -> Scope | None:
    """'Blue Line Trend & Data Points:' heads the lines about the series drawn so (a declared
    one by its look, else a series named by the look), not only a group of data lines."""
    title = strip_markup(drop_numbering(h.title)).strip(" :")
    tail = _GROUP_TAIL.search(title)
    look = title[: tail.start()].strip() if tail else ""
    if not look or not look_series_name(look):
        return None
    series = w.match_series(look, h.scope.panel)
    if series is None:
        entry = entry_by_style(look, w.state.legend_entries(h.scope.panel))
        series = w.state.chart.series_for(entry.label if entry is not None else look, h.scope.panel)
    return h.scope.but(inherited=False, series=series)


HEADER_RULES.before(
    "header.data-group", "header.look-over-data", look_over_data,
    "a look, then words of a data group: the lines under it are that series'",
    "**Blue Line Trend & Data Points:**")


_SERIES_UNDER_A_PANEL = 2


def panel_over_series(w: Walker, h: Header) -> Scope | None:
    """'**1. GSM8K:**' over 'Model A: at 0.1: ~1100, 0.5: ~900' and 'Model B: ...', lines
    keyed by the declared series that state points of their own, in a figure said to hold
    several charts: the header is the chart they sit in, not a category or a series."""
    state = w.state
    if h.node is None or h.scope.panel is not None or h.scope.series is not None \
            or not (state.several_panels_said or state.chart.stated_panels > 1) \
            or w.known_series_name(h.title, None) is not None:
        return None
    pairs = w.child_pairs(h.node)
    named = {name for key, _ in pairs if key and (name := _line_named(w, key)) is not None}
    if len(named) < _SERIES_UNDER_A_PANEL or not _state_points(w, pairs):
        return None  # ('Model A: ~0.63' under each attack: one bar per model, the header its x)
    panel = state.chart.add_panel(panel_name(h.title), h.node.first_line, h.node.last_line)
    return h.scope.but(panel=panel, series=None, x=None)


def _state_points(w: Walker, pairs: list[tuple[str | None, str]]) -> bool:
    """Whether any of the lines states a point with its own x ('at 0.1: ~1100')."""
    return any(read_in(w.state, text).points for _, text in pairs)


def _line_named(w: Walker, key: str) -> str | None:
    """The line a key names: one the legend knows, or one drawn in a look ('Green (solid line)')."""
    known = w.known_series_name(key, None)
    if known is not None:
        return known
    look = _NOTE.sub("", strip_markup(key)).strip()
    return look if look_series_name(look) else None


HEADER_RULES.before(
    "header.panel-over-categories", "header.panel-over-series", panel_over_series,
    "in a figure of several charts, a header over lines keyed by the declared series is a chart",
    "**1. GSM8K:** (over 'Model A: ...', 'Model B: ...')")


_NUMBERED: Final = re.compile(r"^\s*(\d{1,2})[.)]\s")


def numbered_panel(w: Walker, h: Header) -> Scope | None:
    """'**2. Hypothesis Testing Experience:**' in a figure of four charts: a numbered header,
    its number within the stated count, over lines of its own, that names no series or
    declared category, is the chart of that number."""
    chart = w.state.chart
    count = chart.stated_panels
    if count < _MIN_PANELS or h.node is None or h.node.line is None or not h.node.children \
            or h.scope.panel is not None or h.scope.series is not None:
        return None
    m = _NUMBERED.match(strip_markup(h.node.line.full_text))  # (the title comes without its number)
    if m is None or not 1 <= int(m.group(1)) <= count:
        return None
    if w.known_series_name(h.title, None) is not None or listed_tick(chart, None, h.name) is not None:
        return None
    pairs = w.child_pairs(h.node)
    named = sum(1 for key, _ in pairs if key and w.known_series_name(key, None) is not None)
    if named >= _SERIES_UNDER_A_PANEL and not _state_points(w, pairs):
        return None  # 'Model A: ~0.63' under each attack: one bar per model, the header its x
    panel = chart.add_panel(panel_name(h.title), h.node.first_line, h.node.last_line)
    return h.scope.but(panel=panel, series=None, x=None)


HEADER_RULES.before(
    "header.panel-over-categories", "header.numbered-panel", numbered_panel,
    "in a figure of a stated number of charts, a numbered header within that count is a chart",
    "**2. Hypothesis Testing:** (in 'four stacked bar charts')")


def panel_of_series(w: Walker, h: Header) -> Scope | None:
    """'#### Left Chart (Available - Blue)': a panel's title whose note names a declared
    series opens that panel and that series in it."""
    if h.scope.panel is not None or h.node is None:
        return None
    known = w.known_series_name(h.title, None)
    if known is None or not (w.is_panel_title(h.title) or _numbered_chart_with_own_axes(w, h)):
        return None
    note = TRAILING_NOTE.search(strip_markup(h.title))
    named_by_note = note is not None and w.known_series_name(note.group(1), None) == known
    if not named_by_note and name_key(drop_numbering(strip_markup(h.title))) != name_key(known):
        return None  # ('1. Red Series (High Reward)' names the red line by its look: a series, no panel)
    chart = w.state.chart
    panel = chart.add_panel(panel_name(h.title), h.node.first_line, h.node.last_line)
    return h.scope.but(inherited=False, panel=panel, series=chart.series_for(known, panel))


def _numbered_chart_with_own_axes(w: Walker, h: Header) -> bool:
    """'### 1. Original Experts' in a figure of three plots, over axis lines of its own:
    the first chart, drawing that series."""
    count = w.state.chart.stated_panels
    m = _NUMBERED.match(strip_markup(h.node.line.full_text)) if h.node and h.node.line else None
    return count >= _MIN_PANELS and m is not None and 1 <= int(m.group(1)) <= count and h.node is not None \
        and any(key and _AXIS_KEY.search(key) for key, _ in w.child_pairs(h.node))


_AXIS_KEY: Final = re.compile(r"\bax[ie]s\b", re.IGNORECASE)


HEADER_RULES.before(
    "header.known-series", "header.panel-of-series", panel_of_series,
    "a panel's title whose note names a declared series: that panel, and that series in it",
    "#### Left Chart (Available - Blue)")


_PLACE_PHRASE: Final = re.compile(
    r"\W*(?:the\s)?(?:leftmost|rightmost|left|right|middle|center|centre|top|bottom|upper|lower|first|second"
    r"|third|fourth)(?:[- ](?:left|right|most|center|centre))?\s(?:plot|panel|chart|graph|subplot)s?\W*",
    re.IGNORECASE)
_MIN_PANELS_LISTED = 2


def panels_by_place(w: Walker, c: KeyedLine) -> bool | None:
    """'**Sections**:' over '**Control**: Leftmost plot.', '**AI Label**: Rightmost plot.':
    each key is the title of the panel at that place."""
    if c.text or len(c.node.children) < _MIN_PANELS_LISTED:
        return None
    titles = []
    for child in c.node.children:
        line = child.line
        if line is None or line.key is None or not _PLACE_PHRASE.fullmatch(strip_markup(line.text)):
            return None
        titles.append(strip_markup(line.key).strip(" :"))
    chart = w.state.chart
    chart.declared_panel_titles.extend(titles)
    w.state.panel_names.update(name_key(t) for t in titles)
    return True


COMPONENT_RULES.before(
    "component.panel-list", "component.panels-by-place", panels_by_place,
    "a key over lines each titling the panel at a place", "**Sections**: / **Control**: Leftmost plot.")


_COLOUR_IS: Final = re.compile(r"^\W{0,3}([A-Za-z][A-Za-z -]{1,20}?)\s?=\s?([^=()]{1,60}?)\s*(?:\(|$)")
_MIN_ENTRIES = 2


def colour_key_group(w: Walker, c: KeyedLine) -> bool | None:
    """'**GPT-4o**:' over 'Green = Correct (35.3%)', 'Red = Wrong (58.8%)': one colour per
    label, the entries a chart's (or a group's) legend gives."""
    if c.text or len(c.node.children) < _MIN_ENTRIES:
        return None
    entries = []
    for child in c.node.children:
        line = child.line
        m = _COLOUR_IS.match(line.text) if line is not None and line.key is None else None
        if m is None or not is_style_words(m.group(1)):
            return None
        entries.append(entry_with_look(m.group(2).strip(" .\"'"), m.group(1), line.line if line else None))
    add_entries(w.state.chart, entries)
    for child in c.node.children:
        if child.line is not None:
            w.state.trace.claim(child.line.line, "component.colour-key-group")
    return True


COMPONENT_RULES.before(
    "component.colour-key", "component.colour-key-group", colour_key_group,
    "a key over lines each pairing a colour with a label: legend entries", "**GPT-4o**: / - Green = Correct")


_MOST = 4  # all but a quarter of a pie's keys name the legend's slices


def pie_of_several(w: Walker, h: Header) -> Scope | None:
    """On a pie chart, a header over lines keyed by the legend's slices is one pie of several."""
    scope = h.scope
    if w.state.kind != "pie" or h.node is None or scope.series is not None or scope.x is not None:
        return None
    if set(fold(h.name).split()) <= PIE_PART_WORDS:
        return None  # 'Segment Proportions (Estimated)' names the pie's own slices: no pie of several
    entries = {fold(e.label) for e in w.state.chart.legend}
    keys = [fold(clean_name(ch.line.key)) for ch in h.node.children if ch.line is not None and ch.line.key]
    known = sum(k in entries for k in keys)  # ('History/Biology': two slices said at once)
    if known < 2 or known * _MOST < len(keys) * (_MOST - 1):
        return None
    panel = w.state.chart.add_panel(panel_name(h.title), h.node.line.line if h.node.line else None,
                                    h.node.last_line)
    return scope.but(inherited=False, panel=panel, series=w.state.chart.series_for(h.name, panel))


HEADER_RULES.before(
    "header.panel-over-categories", "header.pie-of-several", pie_of_several,
    "on a pie chart, a header over lines keyed by legend slices is one pie of several", "**Group B:**")


def registered_panel_named(w: Walker, h: Header) -> Scope | None:
    """In a figure of several panels, a header naming a registered panel with a panel noun
    after it ('**Reasoning Skills Chart:**' for the panel 'Reasoning Skills', or 'Chart 1:
    "Reasoning Skills"') opens it."""
    chart = w.state.chart
    words = fold(h.name).split()
    if len(chart.panels) < _MIN_PANELS or len(words) < _MIN_PANELS or words[-1] not in PANEL_WORDS:
        return None
    wanted = name_key(" ".join(words[:-1]))
    panel = next((t for t, _, _ in chart.panels if wanted in (name_key(t), name_key(quoted(t) or ""))), None)
    if panel is None or panel == h.scope.panel:
        return None
    return h.scope.but(inherited=False, panel=panel, series=None, x=None)


HEADER_RULES.before(
    "header.category", "header.registered-panel-named", registered_panel_named,
    "in a figure of several panels, a header naming a registered panel with a panel noun opens it",
    "**Reasoning Skills Chart:** (the panel 'Reasoning Skills')")


def one_box(w: Walker, h: Header) -> Scope | None:
    """'1. **Topmost Box Plot (Position: Top):**' on a box plot stated as one chart, with no
    categories on its axis: one box, named by the header (its place note aside)."""
    state = w.state
    if state.kind_at(h.scope.panel) != "box" or state.chart.stated_panels >= 2 or h.scope.x is not None \
            or "box" not in fold(h.title).replace("-", " ").split() \
            or any(a.has_named_ticks() for a in state.chart.axes):
        return None
    name = TITLE_NOTE.sub("", clean_name(h.title)).strip()
    return h.scope.but(x=name) if name else None


HEADER_RULES.before(
    "header.panel", "header.one-box", one_box,
    "on a box plot stated as one chart with no categories, a header naming a box is its x",
    "1. **Topmost Box Plot (Position: Top):**")
