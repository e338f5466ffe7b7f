"""Pass 2: the scope a header opens (a key with no value, a bold line, a heading).

A header names a series, an x or category, or a panel, for the lines under it; or it
only groups them. The first rule that returns a scope wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ...vocab import BAR_ATTRIBUTE_KEYS, FEATURE_KEY_WORDS, fold, mentions_color
from ..categories import category_axis, category_x, declared_inside, drop_note, unescape
from ..category_values import listed_tick, stack_total
from ..heatmap import split_cell
from ..keys import is_bar_measure_key, key_words
from ..names import panel_name
from ..panel_titles import names_a_grid_place
from ..ruler import Ruler
from ..scope import into_panel
from ..state import AxisDraft, name_key
from ..text import PAREN_NOTE, clean_name, drop_numbering, is_style_words, quoted, strip_markup
from ..values_of import fills_label_template, x_number
from .header_categories import groups_categories, no_such_category
from .header_scopes import data_group, lead_in, numbered_section
from .patterns import MONTH_NAME, STYLE_PAREN, look_series_name, names_date

if TYPE_CHECKING:  # pragma: no cover
    from ...outline import Node
    from ..scope import Scope
    from ..walker import Walker

_NAME_MAX_WORDS = 3  # with no legend, a header of more words groups lines, it names no series
_POINT_NAME_MAX_WORDS = 6  # ... but on a scatter plot it may label a dot ('OpenAI Text Davinci 002')
_GENERIC_HEADER_WORDS = frozenset(
    """behavior behaviour trend trends phase phases overview analysis pattern patterns data values
    points summary region regions segment segments section details detail observations notes
    description shape distribution characteristics features general overall key main series
    panels panel lines legend charts plots groups coordinates example examples""".split()
)


class Header:
    """One header as the rules see it, with what is read from it at most once."""

    __slots__ = ("_name", "_x", "_x_read", "node", "scope", "title")

    def __init__(self, title: str, scope: Scope, node: Node | None) -> None:
        self.title = title
        self.scope = scope
        self.node = node
        self._name: str | None = None
        self._x: int | float | None = None
        self._x_read = False

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = clean_name(self.title)
        return self._name

    def x(self, w: Walker) -> int | float | None:
        if not self._x_read:
            self._x = x_number(self.title, w.state.x_words)
            self._x_read = True
        return self._x


HEADER_RULES: Ruler = Ruler("headers")


def _known_series(w: Walker, h: Header) -> Scope | None:
    series = w.match_series(h.title, h.scope.panel)
    return None if series is None else h.scope.but(inherited=False, series=series)


_NUMBERED_SERIES: Final = re.compile(
    r"^\W{0,3}(?:data\s)?series\s?(?:\d{1,2}\s?[:–-]|[A-Za-z]\s?:)\s?(\S.{0,80})$", re.IGNORECASE)


def _numbered_series(w: Walker, h: Header) -> Scope | None:
    """'### Series 1: Observed Data Points': the series named after the colon, whatever its words."""
    m = _NUMBERED_SERIES.match(strip_markup(h.title).strip())
    name = clean_name(m.group(1)) if m else ""
    if not name:
        return None
    return h.scope.but(inherited=False, series=w.state.chart.series_for(name, h.scope.panel))


def _panel(w: Walker, h: Header) -> Scope | None:
    """A panel header (see ``into_panel`` for the series it keeps)."""
    if not w.is_panel_title(h.title):
        return None
    node = h.node
    panel = w.state.chart.add_panel(panel_name(h.title), node.first_line if node else None,
                                    node.last_line if node else None)
    return into_panel(h.scope, w.state.chart, panel)


def _row_axis_value(w: Walker, h: Header) -> Scope | None:
    """On a heatmap, a header stating a value of the row axis by its name ('**Batch Size =
    32**' over a y axis 'Batch Size') names a row: the row's series."""
    state = w.state
    if state.kind != "heatmap" or h.scope.series is not None:
        return None
    axis = state.chart.axis("y", h.scope.panel)
    row_words = fold(axis.label or "") if axis is not None else ""
    m = _ROW_VALUE.match(fold(h.name)) if row_words else None
    if m is None or m.group(1).strip() != row_words:
        return None
    return h.scope.but(inherited=False, series=state.chart.series_for(h.name, h.scope.panel))


_ROW_VALUE: Final = re.compile(r"^([^=:\d]{1,60}?)\s?[=:]?\s?-?\d[\d.,]{0,12}$")


def _numeric_x(w: Walker, h: Header) -> Scope | None:
    state = w.state
    xv = h.x(w)
    if xv is None or h.scope.series is not None:
        return None
    if state.categorical() and not state.numeric_x_axis() and "=" not in h.title:
        return None
    if h.node is not None and h.node.line is not None:
        state.trace.read_x(h.node.line.line, xv, "header.x-value")
    return h.scope.but(x=xv)


def _written_x(w: Walker, h: Header) -> Scope | None:
    """'1. **December 2021:**' on a time axis, '**Top-3:**' on an axis "Top-k": an x as written."""
    if h.scope.series is not None or w.state.categorical():
        return None
    name = drop_numbering(strip_markup(h.title)).strip(" :")
    axis = w.state.chart.panel_axis("x", h.scope.panel)
    if names_date(name) or (
            axis is not None and fills_label_template(axis.label, name)):
        return h.scope.but(x=name)
    return None


def _no_name(w: Walker, h: Header) -> Scope | None:
    return h.scope if not h.name else None


def _heatmap_panel(w: Walker, h: Header) -> Scope | None:
    """A heatmap's bold title over lines that are cells ('Low classified as High: 5')."""
    node = h.node
    if w.state.kind != "heatmap" or node is None or node.line is None or node.line.key is not None \
            or h.scope.series is not None:
        return None  # a bold title ('**Grader North**'), not a key ('**Specific cells:**')
    # cells may sit one level down, under a 'Data Points:' key of a bold title
    below = node.children if node.line.kind == "heading" else [
        g for ch in node.children for g in (ch, *ch.children)]
    if not any(ch.line is not None and ch.line.key and split_cell(ch.line.key) for ch in below):
        return None
    panel = w.state.chart.add_panel(panel_name(h.title), node.first_line, node.last_line)
    return h.scope.but(panel=panel, series=None, x=None)


def _heatmap_row(w: Walker, h: Header) -> Scope | None:
    if w.state.kind != "heatmap" or (h.scope.series is not None and not h.scope.inherited) \
            or split_cell(h.title):
        return None
    declared = _declared_row(w, h)
    series = w.state.chart.series_for(declared or drop_note(unescape(h.name)), h.scope.panel)
    series.declared = series.declared or declared is not None  # a declared row stays, cells or not
    return h.scope.but(inherited=False, series=series)


def _declared_row(w: Walker, h: Header) -> str | None:
    """'Row 1: "Subj." (Subject)' or '`create` Row': the row the y axis declares, as declared."""
    name = quoted(h.title)
    if not name and h.name.lower().endswith(" row"):
        name = h.name[: -len(" row")].strip()
    if not name:
        return None
    rows = {_row_key(PAREN_NOTE.sub("", str(t))): PAREN_NOTE.sub("", str(t)).strip()
            for a in w.state.chart.axes if a.role == "y" for t in a.ticks}
    return rows.get(_row_key(name))


def _row_key(label: str) -> str:
    """A row label compared by name, or as written when it is all signs ('-$', '=')."""
    return name_key(label) or label.strip()


def _value_axis_series(w: Walker, h: Header) -> Scope | None:
    """On a categorical chart with two value axes, a header naming one ('**Accuracy (%) -
    Red Line:**') is the series that axis measures, not a category."""
    chart = w.state.chart
    if not w.state.categorical() or h.scope.x is not None or chart.axis("y2", None) is None:
        return None
    title = fold(h.title)
    for role in ("y", "y2"):
        axis = chart.axis(role, h.scope.panel) or chart.axis(role, None)
        if axis is None or not axis.label:
            continue
        label = fold(axis.label)
        # ('Latency (Bar Chart)' names the axis "Latency (s)": both notes dropped)
        if title == label or title.startswith(label + " ") or name_key(h.title) == name_key(axis.label):
            series = chart.series_for(axis.label, h.scope.panel)
            return h.scope.but(inherited=False, series=series)
    return None


_LOOK_SUFFIX: Final = re.compile(r"\s[-–—]\s+([^-–—()]{2,40})$")


def _name_before_look(title: str) -> str | None:
    """'Stork models (blue)' -> 'Stork models'; 'Load (req/s) - Light Green Bars' -> 'Load (req/s)':
    the name of a header that says how its lines are drawn, with a colour; else None."""
    plain = strip_markup(title).rstrip(": ")
    m = _LOOK_SUFFIX.search(plain)
    if m and is_style_words(m.group(1)) and mentions_color(m.group(1)):
        return clean_name(plain[: m.start()]) or None
    paren = PAREN_NOTE.search(plain)
    if paren and is_style_words(paren.group(1)) and mentions_color(paren.group(1)):
        return clean_name(plain) or None
    return None


def _styled_group(w: Walker, h: Header) -> Scope | None:
    """On a categorical chart with no legend, a header drawn in a colour ('**Stork models
    (blue):**') over lines keyed by names is a series whose lines are its categories; a
    declared category ('**Germany (blue bar):**') or a bar's own 'Value:' lines are not."""
    state = w.state
    scope = h.scope
    if not state.categorical() or state.known_names or scope.x is not None \
            or (scope.series is not None and not scope.inherited) or h.node is None:
        return None
    name = _name_before_look(h.title)
    if name is None:
        return None
    axis = category_axis(state.chart, scope.panel)
    if axis is not None and (declared_inside(axis, fold(name)) is not None
                             or fold(name) in {fold(str(t)) for t in axis.ticks}):
        return None
    keys = [ch.line.key for ch in h.node.children if ch.line is not None and ch.line.key]
    if not keys or any(w.memo.key_info(k).flags or is_bar_measure_key(key_words(k))
                       or key_words(k) in BAR_ATTRIBUTE_KEYS for k in keys):
        return None  # 'Median:', 'Value:', 'Color:' describe one box or bar
    return scope.but(inherited=False, series=state.chart.series_for(name, scope.panel))


_MOTION_HEADER_WORDS = frozenset(
    "increasing decreasing rising falling ascending descending upward downward oscillating".split())
_GROUPING_WORDS = _GENERIC_HEADER_WORDS | frozenset(
    ("categories category sub subcategories groups group breakdown and by per of the detailed "
     "intervals").split())


def _category(w: Walker, h: Header) -> Scope | None:
    if not w.state.categorical() or h.scope.x is not None or w.state.ranged_panel(h.scope.panel):
        return None  # (a panel with a numeric x axis of its own has no categories)
    axis = category_axis(w.state.chart, h.scope.panel)
    if groups_categories(axis, h.name, _GROUPING_WORDS):
        return h.scope  # '## 3. Categories and Sub-Categories' groups the categories below it
    if names_a_grid_place(h.name) and listed_tick(w.state.chart, h.scope.panel, h.name) is None:
        return h.scope  # '#### Top Row (Left to Right)' places the charts below it: no category
    x = category_x(w.state.chart, h.name, h.scope.panel)
    if isinstance(x, str) and no_such_category(w, h.name, h.title, h.scope.panel, x):
        return None
    if isinstance(x, str) and axis is not None and _names_categories(axis) \
            and declared_inside(axis, fold(x)) is None \
            and (h.scope.series is not None or _heads_categories(w, h)):
        return None  # 'Notable exceptions:' or '#### Vocals (a)' on an axis naming its categories (C1-C4)
    if h.scope.panel is None and (
            _NUMBERED_PANEL_PREFIX.match(h.title) or _one_chart_per_category(w, h, axis)):
        # '**Chart 1: Llama-70B**': one chart of several, drawn for that category
        node = h.node
        panel = w.state.chart.add_panel(panel_name(h.title), node.line.line if node and node.line else None,
                                        node.last_line if node else None)
        return h.scope.but(x=x, panel=panel)
    return h.scope.but(x=x)


def _heads_categories(w: Walker, h: Header) -> bool:
    """'#### Vocals (a)' over '**C1**: Median ~30' lines, on an axis listing C1-C4: a header over
    lines keyed by the declared categories heads them, and is none of them ('#### January' over
    '2022: 80' on an axis of months spells one differently)."""
    if h.node is None:
        return False
    keys = [key for key, _ in w.child_pairs(h.node) if key]
    chart = w.state.chart
    return len(keys) >= 2 and all(listed_tick(chart, h.scope.panel, key) is not None for key in keys)


def _one_chart_per_category(w: Walker, h: Header, axis: AxisDraft | None) -> bool:
    """'four horizontal bar charts' over an axis listing four questions, a heading naming each
    ('#### 1. Genomics Exp'): each chart is drawn for its category."""
    stated = w.state.chart.stated_panels
    return stated >= 2 and h.node is not None and h.node.is_section and axis is not None \
        and len(axis.ticks) == stated and all(isinstance(t, str) for t in axis.ticks)


_NUMBERED_PANEL_PREFIX: Final = re.compile(
    r"^\W{0,3}(?:chart|panel|plot|subplot|graph)\s{0,2}\(?[0-9a-h]\)?\s{0,2}:\s{0,2}\S", re.IGNORECASE)


_LISTED_CATEGORIES = 3  # an axis listing this many named categories declares them all


def _names_categories(axis: AxisDraft) -> bool:
    return sum(isinstance(t, str) for t in axis.ticks) >= _LISTED_CATEGORIES



def _series_at_x(w: Walker, h: Header) -> Scope | None:
    if h.scope.x is None:
        return None
    series = w.state.chart.series_for(h.name, h.scope.panel)
    return h.scope.but(inherited=False, series=series)


def _stack_total(w: Walker, h: Header) -> Scope | None:
    """'**Total Job Count Trend:**' over x values, with several series stacked: the total."""
    if h.scope.series is not None and not h.scope.inherited:
        return None
    if not stack_total(w.state, key_words(h.title), h.scope.panel):
        return None
    series = w.state.chart.series_for("Total", h.scope.panel)
    return h.scope.but(inherited=False, series=series)


def _late_x(w: Walker, h: Header) -> Scope | None:
    if h.x(w) is not None and h.scope.series is None:
        return h.scope.but(x=h.x(w))
    return None


def _new_series(w: Walker, h: Header) -> Scope | None:
    if not _names_a_series(w, h.title, h.name):
        return None
    return h.scope.but(inherited=False, series=w.state.chart.series_for(h.name, h.scope.panel))


def _names_a_series(w: Walker, title: str, name: str) -> bool:
    """Whether an unknown header introduces a new series (else it only groups lines)."""
    paren = PAREN_NOTE.search(title)
    if STYLE_PAREN.search(title) or (paren and mentions_color(paren.group(1))):
        return True
    if look_series_name(strip_markup(PAREN_NOTE.sub("", title))):  # ('Red 'x' Data Series' too)
        return True  # 'Green Line (Highest Series)': a line named by its look
    if w.state.known_names:
        return False  # with a legend, a name outside it is a heading, not a series
    if MONTH_NAME.search(title):
        return False  # '2. **December 2021 Crash**' is a stretch of time
    words = fold(name).split()
    most = _POINT_NAME_MAX_WORDS if w.state.kind == "scatter" else _NAME_MAX_WORDS  # a dot's label
    if set(words) <= _MOTION_HEADER_WORDS | FEATURE_KEY_WORDS:
        return False  # 'Increasing:', 'Local Minima:': stretches or features of the line, no line
    return 0 < len(words) <= most and not any(w in _GENERIC_HEADER_WORDS for w in words)


def _groups_only(w: Walker, h: Header) -> Scope | None:
    return h.scope


def _register(add: Callable[..., None]) -> None:
    """The chain, in the order its rules are tried."""
    add("header.known-series", _known_series, "a header naming a known series", "### Model A (blue)")
    add("header.numbered-series", _numbered_series, "'Series 1: <name>' names a series, whatever its "
        "words", "### Series 2: Fitted Points")
    add("header.data-group", data_group, "'Data Points:' only groups the lines under it",
      "**Data Points:**")
    add("header.lead-in", lead_in, "a lead-in sentence or a stretch of x groups lines",
      "The chart presents the following values:")
    add("header.panel", _panel, "a header that names a panel", "### (b) Validation loss")
    add("header.numbered-section", numbered_section, "a heading numbered like the document's own "
        "sections ('## 2. Axis Labels') is a part of the document: it only groups", "## 4. Annotations")
    add("header.stack-total", _stack_total, "with several series stacked, a 'Total' header is their sum",
      "**Total Count:**")
    add("header.row-axis-value", _row_axis_value, "on a heatmap, a header giving the row axis a value names "
        "that row", "**Batch Size = 32**")
    add("header.x-value", _numeric_x, "a header that is an x value ('Step 500:')", "**Step 500:**")
    add("header.written-x", _written_x, "a header that is an x as written: a date on a time axis, or "
        "the x label with its variable filled", "**December 2021:**, **Top-3:** (x axis 'Top-k')")
    add("header.unnamed", _no_name, "a header with no name left once cleaned", "**:**")
    add("header.heatmap-panel", _heatmap_panel, "a heatmap title over lines that are cells",
      "**Grader North**")
    add("header.heatmap-row", _heatmap_row, "in a heatmap, a header is a row", "**Stalls:**")
    add("header.value-axis-series", _value_axis_series,
      "on a two-axis categorical chart, a header naming a value axis is its series",
      "**Accuracy (%) - red line:**")
    add("header.styled-group", _styled_group,
      "with no legend, a header drawn in a colour over lines keyed by names is a series",
      "**Stork models (blue):**")
    add("header.category", _category, "on a categorical chart, a header is a category", "#### Germany")
    add("header.series-at-x", _series_at_x, "under an x, a header names a series", "**Baseline:**")
    add("header.late-x-value", _late_x, "an x value on a categorical chart with no series open",
      "**N = 8:**")
    add("header.new-series", _new_series, "a short header, or one with a style, names a new series",
      "**Run C (dashed red):**")
    add("header.groups-only", _groups_only, "anything else only groups the lines under it",
      "**General behaviour:**", records=False)


_register(HEADER_RULES.push)
