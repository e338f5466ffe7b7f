"""Keyed rules of categorical charts: a bar's own attributes and measure, histogram bins,
stacked totals, pies of several, a key that is a category, and a key naming one series
(or all of them) at the x a category header opened."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...vocab import (
    BAR_ATTRIBUTE_KEYS,
    DERIVED_COLUMN_WORDS,
    FEATURE_KEY_WORDS,
    fold,
    has_phrase,
    mentions_color,
)
from ..add_points import add_point, target
from ..categories import (
    TRAILING_NOTE,
    category_axis,
    category_x,
    listed,
)
from ..category_values import bin_label, declared_category_values, legend_slices, listed_tick, stack_total
from ..key_at_x import measure_at_x
from ..keys import is_bar_measure_key
from ..limits import names_to_mention
from ..names import panel_name
from ..narrative import read_in
from ..pie_legend import slices_named_after
from ..ruler import DONE, Claim
from ..state import AxisDraft, name_key
from ..statements import statement
from ..text import all_quoted, clean_name, is_style_words, quantities, quoted, strip_markup
from ..values_of import x_number
from .header_categories import numbered_places_only
from .patterns import ALL_SERIES_WORDS, KEY_PAREN_VALUE, names_features

if TYPE_CHECKING:  # pragma: no cover
    from ..reading import ReadingState
    from ..scope import Scope
    from ..walker import Walker
    from .keyed_line import KeyedLine


def histogram_bin(w: Walker, c: KeyedLine) -> Claim | None:
    if w.state.kind != "histogram":
        return None
    label: str | int | float | None = bin_label(c.key)
    if label is not None and names_features(c.key):
        label = None  # 'Central Peak (450-550)', 'Left Tail (300-450)': a stretch of the shape, no bin
    if label is None and c.info.words.startswith("bin "):
        label = x_number(c.key, w.state.x_words)  # 'Bin 3': a numbered bin is its number
    if label is not None and _add_named_bins(w, c):
        return DONE
    if label is not None:
        own = read_in(w.state, c.text).points  # '5-10 sentences: a peak of ~410 around 8 sentences'
        at_own_x = bool(own) and not any(isinstance(p.x, str) for p in own)
        statement(w, c.text, c.scope if at_own_x else c.scope.but(x=label), c.line.line)
        return DONE
    if not quantities(c.key)[1]:
        # 'The Tail: ...' describes the shape, not a bin; its sentences may still state
        # points ('Leftmost bar: ~0.01 (x=0.00)', 'centered at x=0.04, reaching ~0.075')
        statement(w, c.text, c.scope, c.line.line)
        return DONE
    return None


def _add_named_bins(w: Walker, c: KeyedLine) -> bool:
    """'**Bars 18-21:** very low (Bar 18: ~0.003, Bar 19: ~0.001)': a span of bins whose text
    names its bins one by one gives their values, not one value for the span."""
    named = list(_NAMED_BIN.finditer(c.text)) if "bar" in c.info.words or "bin" in c.info.words else []
    if len(named) < 2:
        return False
    series = target(w, c.scope)
    for m, after in zip(named, [*named[1:], None], strict=True):
        _, qs = quantities(c.text[m.end(): after.start() if after else len(c.text)])
        if qs:
            add_point(w, series, int(m.group(1)), qs[0].value, qs[0].approx, c.line.line,
                      rule="keyed.histogram-bin")
    return True


_NAMED_BIN: Final = re.compile(r"\b(?:bar|bin)\s(\d{1,3}):", re.IGNORECASE)


def bar_attribute(w: Walker, c: KeyedLine) -> Claim | None:
    """Under a bar's header, 'Position:', 'Bar color:', 'Error bar: ±3%' describe the bar."""
    scope = c.scope
    if scope.x is None or not w.state.categorical() or w.known_series_name(c.key, scope.panel) is not None:
        return None
    return DONE if c.info.words in BAR_ATTRIBUTE_KEYS else None


def bar_label(w: Walker, c: KeyedLine) -> Claim | None:
    """Under a bar's header ('**Left Bar:**'), 'Category (X): 50B' states the bar's category:
    the lines after it are at that x, not at the header's place."""
    scope = c.scope
    if scope.x is None or not w.state.categorical() or not c.text:
        return None
    axis = category_axis(w.state.chart, scope.panel)
    if not (_labels_bar(c.info.words) or _names_category_axis(c.info.words, axis.label if axis else None)):
        return None
    label = quoted(c.text) or strip_markup(c.text).strip().rstrip(".")
    if not label or len(label.split()) > _BAR_LABEL_WORDS:
        return None
    if _PRINTED_SHARE.fullmatch(label) and listed_tick(w.state.chart, scope.panel, label) is None:
        statement(w, label, scope, c.line.line)  # 'Label: "20.0%"' under a slice: the value printed on it
        return DONE
    return Claim(scope.but(x=category_x(w.state.chart, label, scope.panel)))


_PRINTED_SHARE: Final = re.compile(r"[~≈]?\s?\d{1,3}(?:\.\d{1,3})?\s?%")


def names_bar_category(c: KeyedLine) -> bool:
    """'X-axis Category: "0"' under a bar's header in the data: the bar's category, not a
    declaration of the axis (pass 1 leaves it to keyed.bar-label)."""
    return c.scope.role == "data" and c.scope.x is not None and bool(c.text) and _labels_bar(c.info.words) \
        and len(c.text.split()) <= _BAR_LABEL_WORDS


def _labels_bar(words: str) -> bool:
    if words in _BAR_LABEL_KEYS:
        return True
    for axis_words in _X_AXIS_WORDS:  # 'x axis category', 'horizontal axis label'
        if words.startswith(axis_words) and words[len(axis_words):] in _BAR_LABEL_KEYS:
            return True
    return False


def _names_category_axis(words: str, label: str | None) -> bool:
    """'Model Label: `gpt-5`' (or 'Model:') under a bar's header, on a category axis 'Model'."""
    name = fold(label) if label else ""
    return bool(name) and (words == name or words in {f"{name} label", f"{name} name"})


_BAR_LABEL_KEYS = frozenset({"category", "category x", "label", "bar label", "x", "x value", "x label",
                             "x category", "category label", "tick label"})
_X_AXIS_WORDS = ("x-axis ", "x axis ", "horizontal axis ")
_BAR_LABEL_WORDS = 4


def bar_measure(w: Walker, c: KeyedLine) -> Claim | None:
    """Under a bar's header, 'Value: 13.4' or '<the y axis' name>: 99%' is the bar's value."""
    scope = c.scope
    state = w.state
    if scope.x is None or not state.categorical() or w.known_series_name(c.key, scope.panel) is not None:
        return None
    words = c.info.words
    if not is_bar_measure_key(words) and not (set(words.split()) & state.y_words):
        return None
    if words == "total" and sum(1 for s in state.chart.series if s.name and s.panel == scope.panel) >= 2:
        return None  # 'Total:' beside the stacked series' values is a series of its own
    statement(w, c.text, scope, c.line.line)
    return DONE


_PAREN = re.compile(r"\(([^()]{1,60})\)")


def sub_category(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Oracle:**' under '**Gemma:**' on an axis declaring 'Gemma (Original, Oracle)': the
    key is the variant that, with its group in scope, names a declared category."""
    scope = c.scope
    if not isinstance(scope.x, str) or not c.text or not w.state.categorical():
        return None
    tick = listed_tick(w.state.chart, scope.panel, f"{scope.x} {c.name}")
    return None if tick is None else read_at_category(w, c, tick)


def stack_total_key(w: Walker, c: KeyedLine) -> Claim | None:
    """At a bar or x, 'Total: 135' beside several series' segments is their sum: no point
    (the legend declares no 'Total'; a declared one is read as any other series). On a pie,
    'Total Cases: 400' beside its slices is their sum too."""
    scope = c.scope
    if w.state.kind == "pie" and scope.x is None:  # (a pie's legend names its slices, no series)
        chart = w.state.chart
        return DONE if c.info.words.split()[:1] == ["total"] and len(chart.legend) >= 2 \
            and not chart.has_legend_label(c.name) else None  # ('Total Fat' may be a slice)
    if scope.x is None or not stack_total(w.state, c.info.words, scope.panel):
        return None
    return DONE  # the sum of the segments, no series the legend declares


def pie_of_several(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Set B:** Yes: 40%, No: 60%': the key is one pie, its text a value per legend slice."""
    scope = c.scope
    if w.state.kind != "pie" or scope.series is not None or scope.x is not None:
        return None
    slices = legend_slices(w.state.chart, c.text)
    if slices is None and w.state.chart.stated_panel_count:
        slices = slices_named_after(w.state.chart, c.text)  # one pie of a stated grid
    if slices is None:
        return None
    panel = scope.panel
    if panel is None:
        panel = w.state.chart.add_panel(panel_name(c.key), c.line.line, c.node.last_line)
    # (inside a panel, such as a row of a grid of pies, the key names its pie there)
    series = w.state.chart.series_for(c.name, panel, c.line.line)
    for label, value in slices:
        statement(w, value, scope.but(inherited=False, panel=panel, series=series, x=label), c.line.line)
    return DONE


_NAMES_Y: Final = re.compile(r"\by\s{0,2}[=≈]\s{0,2}[~≈]?\s{0,2}-?\d", re.IGNORECASE)  # 'x-value at y=0'


def bar_names_category(w: Walker, c: KeyedLine) -> Claim | None:
    """'1. **Bar 1 (Dark Grey):** Corresponds to an overlap ratio of "0".': a key naming a
    drawn bar, whose text quotes one category the axis lists and states no value, heads that
    bar: the lines after it ('**Height:** ~12%') are at that category."""
    if not w.state.categorical() or (c.scope.x is not None and not c.scope.inherited) or not c.text \
            or fold(c.name).split()[:1] not in (["bar"], ["column"], ["slice"], ["segment"]):
        return None
    named = all_quoted(c.text)
    if len(named) != 1 or (tick := listed_tick(w.state.chart, c.scope.panel, named[0])) is None:
        return None
    _, qs = quantities(c.text.replace(f'"{named[0]}"', " "))
    return None if qs else Claim(c.scope.but(x=category_x(w.state.chart, tick, c.scope.panel)))


# Words of a pie's 'Total ...' key that count the whole ('Total Calculated N-value')
_COUNT_WORDS = frozenset({"n", "count", "respondents", "responses", "calculated", "sum", "samples",
                          "participants", "papers", "items", "votes", "cases"})


def category_value(w: Walker, c: KeyedLine) -> Claim | None:
    if not w.state.categorical() or w.state.kind == "heatmap" or _NAMES_Y.search(c.key):
        return None  # (a key that states a point's y is no category: keyed.sentence-across-key)
    if w.state.kind == "pie" and c.info.words.split()[:1] == ["total"] \
            and _COUNT_WORDS.intersection(c.info.words.replace("-", " ").split()) \
            and not w.state.chart.has_legend_label(c.name):
        return DONE  # '*Total Calculated N-value:* 27' is the whole pie ('Total Sugars' listed is a slice)
    chart = w.state.chart
    axis = category_axis(chart, c.scope.panel)
    if c.scope.x is None and axis is not None and listed_tick(chart, c.scope.panel, c.key) is None \
            and (values := declared_category_values(chart, c.text, c.scope.panel)):
        # '**Top Three**: "unity" (61) and "love" (60)': the key groups declared categories;
        # '**Rural (Green)**: ~1.5 for 18-29, ...': a key drawn in a look is that look's series
        statement(w, c.text, _drawn_series_scope(w, c, _at_every_category(axis, values)), c.line.line)
        return DONE
    x = category_x(chart, c.name, c.scope.panel)
    x = measure_at_x(chart, c.name, c.scope.panel, x)  # 'Proportion at 35%': the y axis' measure at 35
    if isinstance(x, str) and c.scope.x is None and not any(ch.isdigit() for ch in x) \
            and numbered_places_only(chart, c.scope.panel):
        return None  # 'Slope: ~0.4 per 1k samples' on an axis of '5k', '10k', '20k': no category
    if w.state.kind == "pie" and isinstance(x, str) and (slice_name := entry_of_bar(
            w.state, c.scope.panel, c.name, c.text)) is not None:
        # a pie's legend lists its slices: 'Green Segment (Solved)' is the slice 'Solved'
        statement(w, c.text, c.scope.but(x=slice_name), c.line.line)
        w.data(c.node, c.scope.but(x=slice_name))
        return DONE
    if isinstance(x, str) and not listed(chart, c.scope.panel, x) and (
            declared_category_values(chart, c.text, c.scope.panel) or _own_numeric_x(w, c)):
        # 'Exception: Beta (~0.7)' names its own category; 'Asymmetric distribution: ~80 at
        # -20%' on an x axis ranged -60% to 20% states its own x
        statement(w, c.text, c.scope, c.line.line)
        return DONE
    return read_at_category(w, c, x)


def _drawn_series_scope(w: Walker, c: KeyedLine, every_category: bool) -> Scope:
    """The scope with the series a key names, when the key states its look in brackets or,
    with no legend, when its text gives a value at every declared category ('**Team A:**
    Speed ~40%, Stamina ~90%' on an axis of those two; ``every_category``): a series, not a
    group of categories."""
    note = TRAILING_NOTE.search(strip_markup(c.key))
    if c.scope.series is not None:
        return c.scope
    drawn = note is not None and (is_style_words(note.group(1)) or mentions_color(note.group(1)))
    if not drawn and (w.state.chart.legend or not every_category or not _names_a_series(c.key)):
        return c.scope
    name = clean_name(c.key)
    if not name or fold(name) in _DRAWING_WORDS:
        return c.scope  # ('Bars (blue)' names what is drawn, no series)
    return c.scope.but(inherited=False, series=w.state.chart.series_for(name, c.scope.panel, c.line.line))


_GROUPING_WORDS: Final = re.compile(
    r"\b(?:top|bottom|highest|lowest|best|worst|most|least|notable|leading|largest|smallest|others?|"
    r"exceptions?|examples?|outliers?)\b", re.IGNORECASE)  # 'Top Three:', 'Lowest:' group categories


def _names_a_series(key: str) -> bool:
    """A short name, not a ranking ('Top Three'), a feature ('Peak values') or a derived
    measure ('Difference from last year')."""
    words = fold(clean_name(key)).split()
    return 0 < len(words) <= _SERIES_KEY_WORDS and not _GROUPING_WORDS.search(key) \
        and not _NOT_SERIES_WORDS.intersection(words)


_SERIES_KEY_WORDS = 4
_NOT_SERIES_WORDS = FEATURE_KEY_WORDS | frozenset(DERIVED_COLUMN_WORDS)


def _at_every_category(axis: AxisDraft, values: list[tuple[str, str]]) -> bool:
    """Whether ``values`` (category, value) give a value at every category the axis names."""
    named = [t for t in axis.ticks if isinstance(t, str)]
    return len(named) >= 2 and {tick for tick, _ in values} >= set(named)


_DRAWING_WORDS = frozenset(
    "bar bars line lines dot dots point points marker markers series data values".split())


def _own_numeric_x(w: Walker, c: KeyedLine) -> bool:
    axis = w.state.chart.panel_axis("x", c.scope.panel)
    if axis is None or axis.min is None or axis.max is None or axis.has_named_ticks():
        return False
    own = read_in(w.state, c.text).points
    return bool(own) and all(not isinstance(p.x, str) and axis.min <= p.x <= axis.max for p in own)


def read_at_category(w: Walker, c: KeyedLine, x: int | float | str) -> Claim:
    """Read a category's line and the lines under it at x, in the entry it names."""
    scope = bar_scope(w, c, x)
    statement(w, c.text, scope, c.line.line)
    w.data(c.node, scope)
    return DONE


def bar_scope(w: Walker, c: KeyedLine, x: int | float | str) -> Scope:
    """The scope of a category's line: at its x, in the legend entry the line names."""
    scope = c.scope.but(x=x)
    if scope.series is None:
        entry = entry_of_bar(w.state, c.scope.panel, c.name, c.text)
        if entry is not None:
            scope = scope.but(inherited=False, series=w.state.chart.series_for(entry, c.scope.panel))
    return scope


def entry_of_bar(state: ReadingState, panel: str | None, key: str, text: str) -> str | None:
    """'**RAG 4k Model B**: 1.3 (grey bar)': the one legend entry a bar's line names, by the
    entry's name inside a longer key or by the entry's colour in its text; None when the key
    is itself an entry (a legend of categories) or the line names several or none."""
    entries = state.legend_entries(panel)
    if len(entries) < 2:
        return None
    key_folded = fold(key)
    if any(fold(e.label) == key_folded for e in entries):
        return None
    named = {e.label for e in entries if len(fold(e.label)) >= 2 and has_phrase(key_folded, fold(e.label))}
    longest = max(named, key=len, default="")
    if len(named) > 1 and all(has_phrase(fold(longest), fold(n)) for n in named):
        named = {longest}  # 'Orange Segment (Partially Relevant)' names 'Partially Relevant', not 'Relevant'
    if not named:
        look = fold(" ".join(_PAREN.findall(text)))
        named = {e.label for e in entries if e.color and has_phrase(look, fold(e.color))}
    return named.pop() if len(named) == 1 else None


def all_series_at_x(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    if scope.x is None or not ALL_SERIES_WORDS.search(c.key):
        return None
    for known in names_to_mention(w.state):
        series = w.state.chart.series_for(known, scope.panel, c.line.line)
        statement(w, c.text, scope.but(inherited=False, series=series), c.line.line)
    return DONE


def series_at_x(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    if scope.x is None:
        return None
    valued = KEY_PAREN_VALUE.fullmatch(strip_markup(c.key))  # 'FlowForge (5.78): The bar is ...'
    inner = scope.but(inherited=False, series=w.state.chart.series_for(
        valued.group(1) if valued else c.name, scope.panel, c.line.line))
    if not statement(w, c.text, inner, c.line.line) and valued is not None:
        statement(w, valued.group(2), inner, c.line.line)
    w.data(c.node, inner)
    return DONE


_NAME_THEN_NOTE: Final = re.compile(r"^([^()]{1,60}?)\s{0,2}\(([^()]{1,60})\)$")


def entry_at_category(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Weight (Attention)**: 134' where the legend has 'Weight' and the category axis lists
    'Attention' (or 'Attention (Weight)'): that series' bar at that category."""
    chart = w.state.chart
    if not w.state.categorical() or (c.scope.series is not None and not c.scope.inherited) \
            or "(" not in c.key or (m := _NAME_THEN_NOTE.match(strip_markup(c.key).strip(" :"))) is None:
        return None
    labels = {name_key(label): label for label in w.state.legend_labels(c.scope.panel)}
    for name, place in ((m.group(1), m.group(2)), (m.group(2), m.group(1))):
        label = labels.get(name_key(name))
        tick = listed_tick(chart, c.scope.panel, place) if label is not None else None
        if label is not None and tick is not None:
            series = chart.series_for(label, c.scope.panel, c.line.line)
            statement(w, c.text, c.scope.but(inherited=False, series=series, x=tick), c.line.line)
            return DONE
    return None
