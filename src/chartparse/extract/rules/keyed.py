"""Pass 2: ``Key: value`` lines that carry data, as an ordered chain of named rules.

The first rule that claims a line wins. A rule that names the key flag it needs
(``needs="container"``) is tried only for keys with that flag (see ``KeyInfo.flags``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ..add_points import apply_reading, target
from ..category_values import listed_tick
from ..entry_values import every_series_leads
from ..limits import names_to_mention
from ..names import series_placed_on
from ..narrative import read_in
from ..ruler import DONE, Claim, Ruler
from ..state import SeriesDraft, name_key
from ..statement_split import values_for_bins
from ..statements import key_then_text, statement
from ..style_match import series_drawn_as
from ..text import PAREN_NOTE, all_quoted, clean_name, strip_markup
from ..value_words import settings_of_two_variables
from ..values_of import x_number
from .components import pie_slice_list
from .keyed_axis_pair import axis_key_value, axis_noted_ticks, tuple_key, x_positions, y_at_own_category
from .keyed_both_signs import at_both_signs
from .keyed_categories import (
    all_series_at_x,
    bar_attribute,
    bar_label,
    bar_measure,
    bar_names_category,
    category_value,
    entry_at_category,
    histogram_bin,
    pie_of_several,
    read_at_category,
    series_at_x,
    stack_total_key,
    sub_category,
)
from .keyed_line import KeyedLine
from .keyed_notes import axes_stated, feature_key, legend_key, meta_key, read_in_pass_one, trend_key
from .keyed_panels import declared_panel, panel_by_count, panel_description, registered_panel
from .keyed_series import container_series, feature_at_noted_x, known_series, look_labelled
from .patterns import (
    ALL_SERIES_WORDS,
    AT_NAME_EQUALS,
    STYLE_PAREN,
    look_series_name,
    names_date,
    names_features,
    names_interval,
    names_stretch,
    numbers_a_point,
    only_lead_in,
    point_label,
    span_with_own_x,
    x_after_measure,
    x_after_y_measure,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..reading import ReadingState
    from ..walker import Walker


KEYED_RULES: Ruler = Ruler("keyed")


def _series_list(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.node.children:
        return None
    said = all_quoted(c.text)
    named = w.known_series_name(said[0], c.scope.panel) if len(said) == 1 else None
    if named is not None:  # '**Data Series**: "Surviving" (blue markers).' over that series' lines
        series = w.state.chart.series_for(named, c.scope.panel, c.line.line)
        w.data(c.node, c.scope.but(inherited=False, series=series))
        return DONE
    w.data(c.node, c.scope.but(in_container=True))
    return DONE


def _box_spread(w: Walker, c: KeyedLine) -> Claim | None:
    return DONE if w.state.kind == "box" else None


def _central_value(w: Walker, c: KeyedLine) -> Claim | None:
    if c.scope.x is None or w.known_series_name(c.key, c.scope.panel) is not None:
        return None  # 'Average:' under a model is the legend's series 'Average', not a mean
    statement(w, c.text, c.scope, c.line.line)
    return DONE


def _container(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.text and listed_tick(w.state.chart, c.scope.panel, c.key) is not None:
        return None  # '2. **Examples:**' on an axis listing the category "Examples"
    inner = c.scope.but(in_container=True)
    if (drawn := container_series(w, c)) is not None:  # 'Data Points (Red Dots):' the red dots' points
        inner = inner.but(inherited=False, series=drawn)
    elif (panel := _noted_panel(w, c)) is not None:  # 'Approximate Points (Left Plot):' that panel's
        chart = w.state.chart
        series = chart.series_for(inner.series.name, panel) if inner.series is not None else None
        inner = inner.but(inherited=False, panel=panel, series=series)
    if c.text:
        statement(w, c.text, inner, c.line.line)
    w.data(c.node, inner)
    return DONE


def _noted_panel(w: Walker, c: KeyedLine) -> str | None:
    """The registered panel a data container's bracket names, when it is not the scope's."""
    note = PAREN_NOTE.search(c.key)
    panel = registered_panel(w.state.chart, note.group(1)) if note is not None else None
    return panel if panel != c.scope.panel else None


def _components_section(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    if scope.role != "components" or scope.in_container:
        return None
    if pie_slice_list(w, c):  # 'Categories & Labels:' over '**Mechanical:** 17.0% (Blue slice)'
        w.data(c.node, scope.but(in_container=True))
        return DONE
    series = None if c.text else w.match_series(c.key, scope.panel)
    if series is None and not c.text and (panel := registered_panel(w.state.chart, c.key)) is not None:
        return Claim(scope.but(panel=panel, series=None, x=None))  # 'Left Chart (A):' over its lines
    if series is None:
        return DONE  # ('**F1 Series:**' over 'k=10: 30.29' lines states the data here)
    inner = scope.but(inherited=False, series=series, in_container=True)
    w.data(c.node, inner)
    return Claim(inner)


def _text_states_both(w: Walker, text: str) -> bool:
    reading = read_in(w.state, text)
    return any(p.x_start is not None for p in reading.points)


def _measured_at(state: ReadingState, c: KeyedLine) -> int | float | None:
    """The x a key names after a measure: by the x axis' words ('Density at Reward Score 0.6')
    or after the y axis' own words ('Approximate GFLOPS in 2017')."""
    measured_at = x_after_measure(strip_markup(c.key), state.x_words) if "at" in c.key else None
    if measured_at is None and c.text and c.key[-1:].isdigit():
        measured_at = x_after_y_measure(strip_markup(c.key), state.y_words)
    return measured_at


def _x_key(w: Walker, c: KeyedLine) -> Claim | None:
    state = w.state
    measured_at = _measured_at(state, c)
    if state.categorical() and measured_at is None:
        return None  # ('Density at Reward Score 0.6:' names its x, even among a histogram's bins)
    if numbers_a_point(c.key, c.text):
        return None  # 'Point 4: τ ≈ 200, p ≈ 1.5e-4': 4 counts points, it is no x
    if names_interval(c.key) and not names_date(clean_name(c.key).lstrip("~≈ ")):
        return None  # '2015–2016:' heads a stretch of x (keyed.x-interval); '2019-04' is a date
    if c.text and "=" in c.key and measured_at is None and _text_states_both(w, c.text):
        return None  # 'k=3: Time ≈ 9.8, Accuracy ≈ 0.41': the key labels a point the text gives
    x: int | float | str | None = None
    if c.text and names_date(name := clean_name(c.key).lstrip("~≈ ")):
        x = name  # 'October: ~60', '~2018-05: ≈72' on a time axis: the date, not its year
    elif not span_with_own_x(c.key, c.text):
        x = x_number(_without_feature_note(c.key), state.x_words)
    if x is None:
        m = AT_NAME_EQUALS.match(strip_markup(c.key))  # 'At α=0.2:' names the x by its variable
        x = float(m.group(1)) if m else measured_at
    if x is None:
        return DONE if at_both_signs(w, c) else None
    scope = c.scope
    inner = scope.but(x=x)
    if c.text:
        if scope.series is None and ALL_SERIES_WORDS.search(c.text):
            names = state.legend_labels(scope.panel) or names_to_mention(state)
            for name in names:
                series = state.chart.series_for(name, scope.panel, c.line.line)
                statement(w, c.text, inner.but(inherited=False, series=series), c.line.line)
        else:  # ('Density at x = 0: The density at x = 0 is ~0.0015' restates its x)
            own_x = measured_at is not None and _text_states_both(w, c.text)
            statement(w, c.text, scope if own_x else inner, c.line.line)
    w.data(c.node, inner)
    return DONE


def _without_feature_note(key: str) -> str:
    """'Step 30 (Peak)', '2001 Peak': the x, its note naming a feature of the line there left out."""
    note = PAREN_NOTE.search(key) if key.rstrip("*_ :").endswith(")") else None
    if note is not None and names_features(note.group(0).strip("() ")):
        return key[: note.start()]
    tail = _FEATURE_TAIL.match(key)
    return tail.group(1) if tail is not None and names_features(tail.group(2)) else key


# ('2001 Peak': a bare number, then the feature; 'Layer 12 Peak' names its own thing)
_FEATURE_TAIL: Final = re.compile(
    r"^([~≈]?\s?-?\d[\d.,]{0,12})\s{1,2}([^\W\d_][^\W\d]{1,15}(?:\s[^\W\d_][^\W\d]{1,15})?)$")


def _declared_category(w: Walker, c: KeyedLine) -> Claim | None:
    tick = listed_tick(w.state.chart, c.scope.panel, c.key) if c.text else None
    return None if tick is None else read_at_category(w, c, tick)


def _header_key(w: Walker, c: KeyedLine) -> Claim | None:
    if c.text and not only_lead_in(c.text):
        return None  # ('**Red Series:** Approximate coordinates:' heads its lines too)
    scope = c.scope
    inner = w.header_scope(c.key, scope, c.node)
    w.data(c.node, inner)
    # A flattened series or panel header also governs the lines after it.
    if inner.series is not None and inner.series is not scope.series and scope.x is None \
            and inner.panel == scope.panel:
        return Claim(inner)
    if inner.panel is not None and inner.panel != scope.panel and inner.series is None:
        return Claim(inner)
    if not c.node.children and inner.x is not None and inner.x != scope.x and inner.panel == scope.panel \
            and inner.series is scope.series:
        return Claim(inner)  # a flattened bar's header ('**Bar 1 (Grey):**') heads the lines after it
    return DONE


def _x_interval(w: Walker, c: KeyedLine) -> Claim | None:
    if not names_interval(c.key):
        return None
    statement(w, c.text, c.scope, c.line.line)
    w.data(c.node, c.scope)
    return DONE


def _styled_series(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    # (a series another styled key opened, in a flattened list, gives way to the next)
    if w.state.categorical() or (scope.series is not None and scope.series.rule != "keyed.styled-series") \
            or not (STYLE_PAREN.search(c.key) or look_series_name(strip_markup(c.key))):
        return None  # ('Active users (purple line):', 'Red 'x' Data Series:')
    series = series_drawn_as(w.state, c.key, scope.panel) or w.state.chart.series_for(
        c.name, scope.panel, c.line.line)  # ('**Amber Dot:**' beside the series 'Amber')
    inner = scope.but(inherited=False, series=series)
    statement(w, c.text, inner, c.line.line)
    w.data(c.node, inner)
    return Claim(inner)


def _labelled_points(w: Walker, c: KeyedLine) -> Claim | None:
    state = w.state
    label = point_label(c.key)  # 'Data Point 2 (Max Match)': a point named by its label, on any chart
    if label is None and state.categorical() and not state.numeric_panel(c.scope.panel):
        return None
    reading = c.reading(w)
    if not reading.points:
        return None
    scope = c.scope
    name = label or c.name
    own = None if scope.inherited else scope.series
    if own is None and label is None:
        if every_series_leads(w, c.text, scope, c.line.line):
            return DONE  # '**Convergence:** Both lines meet at ~200'
        own = _unlabelled_owner(w, c, name)
    if own is not None and settings_of_two_variables(own.name, name):
        own = state.chart.series_for(f"{own.name}, {name}", scope.panel, c.line.line)  # 'λ = 2' > 'r = 10²'
    series = (own or state.style_defaults.get(scope.panel)
              or state.chart.series_for(name, scope.panel, c.line.line))
    if series.name == name:
        # A series first met in the data ('HNSW: 1M docs ≈ 0.985') can be
        # named again in later sentences.
        state.known_names.setdefault(name_key(name), name)
    apply_reading(w, reading, series, c.line.line, label=name if series.name != name else None)
    w.data(c.node, scope.but(inherited=False, series=series))
    return DONE


def _unlabelled_owner(w: Walker, c: KeyedLine, name: str) -> SeriesDraft | None:
    """The series a key's points belong to when the key is no point label, if not its own."""
    state, scope = w.state, c.scope
    if (placed := series_placed_on(state, c.text)) is not None and name_key(placed) != name_key(name):
        return state.chart.series_for(placed, scope.panel, c.line.line)  # '**A:** (4%, 5%) on Curve 1'
    if (drawn := series_drawn_as(state, c.key, scope.panel)) is not None:
        return drawn  # '**Blue Data Point:**' beside 'Blue'
    if names_features(name, state.y_words) or numbers_a_point(c.key, c.text) \
            or (not state.known_names and names_stretch(c.key)):
        return target(w, scope)  # 'Notable peaks:' of the line; 'Point 4: τ ≈ 200', 'Oct - Nov 2021'
    return None


def _series_summary(w: Walker, c: KeyedLine) -> Claim | None:
    state = w.state
    if c.scope.series is not None or state.categorical() or not c.reading(w).summary:
        return None
    if (not state.known_names and names_stretch(c.key)) or names_features(c.name, state.y_words):
        series = target(w, c.scope)  # 'Nov 2021 - Dec 2021: falls from 68k to 40k', 'Late Phase:'
    else:
        series = state.chart.series_for(c.name, c.scope.panel, c.line.line)
    inner = c.scope.but(inherited=False, series=series)
    if not values_for_bins(w, c.text, inner, c.line.line):  # 'about 2 for the 0-9 group'
        apply_reading(w, c.reading(w), series, c.line.line)
    w.data(c.node, inner)
    return DONE


def _sentence_across_key(w: Walker, c: KeyedLine) -> Claim | None:
    if c.scope.x is not None or not key_then_text(w, c.key, c.text, c.scope, c.line.line):
        return None
    w.data(c.node, c.scope)
    return DONE


def _children_only(w: Walker, c: KeyedLine) -> Claim | None:
    w.data(c.node, c.scope)
    return DONE


def _register(add: Callable[..., None]) -> None:
    """The chain, in the order its rules are tried."""
    add("keyed.read-in-pass-1", read_in_pass_one, "axis, title and chart-type keys were read in pass 1",
      "**X-Axis:** Training steps", needs="component", records=False)
    add("keyed.axes-stated", axes_stated, "a section key whose sentences stated the axes (read after pass 1)",
        "**Axes:** The x-axis shows epochs from 0 to 50", records=False)
    add("keyed.legend-key", legend_key, "legend keys were read in pass 1 ('Key Findings:' is not one)",
      "**Legend:** blue = ours", needs="legend_word", records=False)
    add("keyed.series-list", _series_list, "a list of series: its items are read as data",
      "**Data Series:** (with items under it)", needs="series_list")
    add("keyed.trend", trend_key, "the scope series' trend, and the values its sentences state",
      "**Trend:** rises from ~2 to ~9", needs="trend")
    add("keyed.line-feature", feature_key, "under a series, a feature of the line (its peak, a dip): "
        "the point its text states", "**Peak:** at (x ≈ 0.1, y ≈ 5.5)")
    add("keyed.meta", meta_key, "notes on the figure that carry no data", "**Gridlines:** grey", needs="meta")
    add("keyed.axis-noted-ticks", axis_noted_ticks, "a key noting its axis over a bare list of numbers: "
        "that axis' ticks, no point", "**Frame Numbers (Y-axis):** 0, 6, 12, 18")
    add("keyed.box-spread", _box_spread, "quartiles and whiskers are not a box's value",
      "**Q1:** 4.2", needs="spread")
    add("keyed.central-value", _central_value, "a box's or group's median/mean at the scope's x",
      "**Median:** ~7", needs="central")
    add("keyed.container", _container, "a data container ('Data Points:'): its lines are data",
      "**Data Points:**", needs="container")
    add("keyed.components-section", _components_section, "keys in a components section outside a "
        "container carry no data", "**Font:** serif", records=False)
    add("keyed.look-labelled", look_labelled, "a key that is only a look, its text naming the line's label",
        "**Grey dotted line:** Labeled \"fit\", from 0.1 to 0.9")
    add("keyed.panel-description", panel_description, "in the overview, a key naming a panel "
        "describes it", "**Panel (a)**: A scatter plot of 15 points.")
    add("keyed.declared-panel", declared_panel, "a key naming a declared panel; opens it for what "
        "follows", "**Chart b:** the green series rises")
    add("keyed.known-series", known_series, "a key naming a known series; opens it for what follows",
      "**Model A (blue):** starts at 0.2")
    add("keyed.sub-category", sub_category, "a variant under its group names a declared category",
        "**Oracle:** (under **Gemma:**, the axis listing 'Gemma (Original, Oracle)')")
    add("keyed.declared-category", _declared_category, "a key the category axis lists (even '10-19')",
        "**10-19 years:** ~4.1")
    add("keyed.tuple-key", tuple_key, "a key that is a point, '(x, y)'", "`(0.56, ~10⁵)`: at the far left")
    add("keyed.feature-at-noted-x", feature_at_noted_x, "a key naming a feature of the line, its x in "
        "brackets", "**Initial value (July 2020):** ~1")
    add("keyed.x-key", _x_key, "a key that is an x value on a numeric x axis", "**Epoch 10:** ~0.82")
    add("keyed.panel-by-count", panel_by_count, "with a stated panel count, a key whose text names "
        "series is a panel", "**Left:** A rises, B falls")
    add("keyed.header", _header_key, "a key with no value: a header for the lines under it", "**Model B:**")
    add("keyed.histogram-bin", histogram_bin, "a histogram bin named by its range", "**Bin 2 (10-20):** 14")
    add("keyed.x-interval", _x_interval, "a stretch of x ('Phase 1 (0-100)'), not a series",
      "**Warm-up (0-500 steps):** loss falls to 3.1")
    add("keyed.bar-names-category", bar_names_category, "a key naming a drawn bar whose text quotes "
        "one listed category heads that bar", '**Bar 1 (Dark Grey):** Corresponds to a ratio of "0".')
    add("keyed.all-series-at-x", all_series_at_x, "at an x, a key naming all series", "**Both lines:** ~0.5")
    add("keyed.bar-label", bar_label, "under a bar's header, the key that states its category",
        "**Category (X):** 50B")
    add("keyed.bar-attribute", bar_attribute, "under a bar's header, a key that describes the bar",
      "**Error bar:** ±3%")
    add("keyed.stack-total", stack_total_key, "at an x, the total of several series' parts", "**Total:** 135")
    add("keyed.bar-measure", bar_measure, "under a bar's header, the key that states its value",
      "**Bar length:** ~41%")
    add("keyed.x-positions", x_positions, "under a series, a key naming the x axis with a bare list "
        "of numbers: where its points sit, with no values", "**Redshifts:** 1, 2, 3")
    add("keyed.axis-key-value", axis_key_value, "under a series, a key that is one axis' label gives "
        "that coordinate; the other axis' key completes the point", "**Accuracy:** ~0.8")
    add("keyed.series-at-x", series_at_x, "at an x, a key naming a series (its value after it or "
        "in parentheses)", "**Baseline:** 0.41")
    add("keyed.styled-series", _styled_series, "a key naming a new series by its style",
      "**Active users (purple line):** climbs to 900")
    add("keyed.labelled-points", _labelled_points, "a key naming a series whose text states points",
      "**HNSW:** 1M docs ≈ 0.985")
    add("keyed.entry-at-category", entry_at_category, "a key joining a legend entry and a listed category "
        "is that series' bar there", "**Weight (Attention)**: 134 MB")
    add("keyed.pie-of-several", pie_of_several, "on a pie chart, a key whose text gives a value per "
        "legend slice is one pie of several", "**Group B:** Yes: 40%, No: 60%")
    add("keyed.y-at-own-category", y_at_own_category, "on a categorical chart, under a series that is "
        "also a category, a key naming the y gives its value there", "**Mean score:** 0.38")
    add("keyed.category-value", category_value, "on a categorical chart, the key is the category",
      "**Germany:** 41%")
    add("keyed.series-summary", _series_summary, "a key naming a series whose text gives a summary",
      "**Beta:** fluctuates between 0.2 and 0.4")
    add("keyed.sentence-across-key", _sentence_across_key,
        "a key holding the x of a point its text completes: one sentence", "**Peak near β ≈ 1.5:** y ≈ 0.022")
    add("keyed.children-only", _children_only, "no rule read the key: read the lines under it",
      "**Notes:**", records=False)


_register(KEYED_RULES.push)
