"""Keyed lines that name a series: by a known name ('**Model A:** ~0.9'), or by a look whose
text gives the label ('**Blue line:** labelled "Model A"'). Each opens that series for its
text and the lines under it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...values import Quantity
from ...vocab_numbers import HEDGE
from ..categories import category_axis
from ..category_values import declared_category_values, listed_tick, stack_total
from ..names import member_entry
from ..reading import CATEGORICAL_KINDS
from ..ruler import DONE, Claim
from ..series_declarations import label_after_look
from ..state import SeriesDraft, name_key
from ..statements import statement
from ..style_match import entry_by_style
from ..text import is_style_words, quantities, strip_markup
from ..values_of import x_number
from .keyed_panels import panel_titled_as_series
from .patterns import ALL_SERIES_WORDS, names_date, names_features, names_interval

if TYPE_CHECKING:  # pragma: no cover
    from ..scope import Scope
    from ..walker import Walker
    from .keyed_line import KeyedLine


def look_labelled(w: Walker, c: KeyedLine) -> Claim | None:
    if (found := label_after_look(c.key, c.text)) is None:
        return None
    series = w.state.chart.series_for(found[0], c.scope.panel, c.line.line)
    inner = c.scope.but(inherited=False, series=series)
    statement(w, found[1], inner, c.line.line)
    w.data(c.node, inner)
    return DONE


def known_series(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    if (panel := panel_titled_as_series(w, c)) is not None:
        scope = scope.but(panel=panel)
    if scope.x is not None and stack_total(w.state, c.info.words, scope.panel) \
            and not w.state.chart.has_legend_label(c.name):
        return None  # 'Total Accuracy (Top of White Bar):' is the stack's sum, not the white segment
    series = w.match_series(c.key, scope.panel)
    if series is None and scope.series is not None and w.state.known_names:
        member = member_entry(w.state, c.key, scope.series)
        series = None if member is None else w.state.chart.series_for(member, scope.panel)
    if series is None:
        return None
    if c.text and name_key(series.name) != name_key(c.key) and (
            scope.series is series or listed_tick(w.state.chart, scope.panel, c.key) is not None):
        return None  # 'Gemma-3-4B: ~91' under its family 'Gemma' (or listed on the axis) is a member
    inner = scope.but(inherited=False, series=series)
    own = _own_scope(w, c, inner)
    if c.text:
        statement(w, c.text, own, c.line.line)
    w.data(c.node, own)
    return Claim(inner)  # (in a flattened list, the lines after it are its own too)


def _own_scope(w: Walker, c: KeyedLine, inner: Scope) -> Scope:
    """The scope the series' own line is read in: at its own bar, where it has one."""
    series, panel = inner.series, inner.panel
    assert series is not None
    if inner.x is not None or not w.state.categorical():
        return inner
    if _reads_categories(w, panel):
        tick = listed_tick(w.state.chart, panel, series.name)
        if tick is not None and not _names_categories(w, c):
            return inner.but(x=tick)  # 'STEM: ~34%' where the legend and the x axis both list STEM
        if _bar_of_its_own(w, c):
            return inner.but(x=series.name)  # 'MF-0: about 3.96 V' on bars told apart by the legend alone
    if panel is not None and _one_bar_per_chart(w, panel):
        return inner.but(x=panel)  # 'Beginner: ~2' in the chart drawn for one question
    return inner


def _one_bar_per_chart(w: Walker, panel: str) -> bool:
    """Several charts stated, each a bar whose category axis names no categories ('four
    stacked bar charts, one per survey question'): the chart's own title is its one category."""
    state = w.state
    axis = category_axis(state.chart, panel)
    return state.chart.stated_panels >= 2 and state.categorical() and axis is not None \
        and axis.scale == "categorical" and not axis.ticks \
        and name_key(panel) in {name_key(n) for n in state.stated_panel_names}  # (charts named as declared)


def _reads_categories(w: Walker, panel: str | None) -> bool:
    """A panel of a categorical figure reads keys as categories, unless it is a line or scatter
    plot over a numeric x of its own ('Line Chart (Figure 5)' beside a bar chart)."""
    if panel is None or not w.state.numeric_panel(panel):
        return True
    kind = w.state.kind_at(panel)
    return kind is None or kind in CATEGORICAL_KINDS


def _bar_of_its_own(w: Walker, c: KeyedLine) -> bool:
    """On a bar chart whose x axis lists no categories, a legend entry whose line states one
    value is a bar of its own: the legend names the bars."""
    if w.state.kind != "bar" or len(w.state.chart.legend) < 2 or c.node.children:
        return False
    axis = w.state.chart.panel_axis("x", c.scope.panel)
    return (axis is None or not axis.ticks) and len(_bar_values(c.text)) == 1


def _bar_values(text: str) -> list[Quantity]:
    """The numbers of a bar's line that may be its value: not a ratio printed beside it
    ('reaches ~60 tokens/s; labelled "1.15x"' compares the bar with another)."""
    norm, qs = quantities(text)
    return [q for q in qs if not _MULTIPLIER_AFTER.match(norm, q.end)]


_MULTIPLIER_AFTER: Final = re.compile(r"[x×](?![\w])")


def _names_categories(w: Walker, c: KeyedLine) -> bool:
    """The line, or a line under it, gives values at categories it names itself ('120 in
    STEM, 100 in Arts'): the series' own category is then no x of theirs."""
    chart, panel = w.state.chart, c.scope.panel
    texts = [c.text] + [ch.line.text for ch in c.node.children if ch.line is not None]
    return any(declared_category_values(chart, t, panel) for t in texts if t)


_KEY_WITH_NOTE: Final = re.compile(r"([^()]{2,40}?)\s{0,2}\(\s{0,2}([^()]{1,24}?)\s{0,2}\)")


_NOTE_HEDGE: Final = re.compile(r"^(?:" + HEDGE + r")\s{0,2}|^[~≈]\s{0,2}", re.IGNORECASE)


def feature_at_noted_x(w: Walker, c: KeyedLine) -> Claim | None:
    """'Initial value (July 2020): ~1', 'Peak (Step 500): 0.8': a key naming a feature of the
    line in scope, with its x in brackets (a date, or an x the x axis names): that point."""
    m = _KEY_WITH_NOTE.fullmatch(strip_markup(c.key)) if c.text and "(" in c.key else None
    if m is None or not names_features(m.group(1), w.state.y_words) or ALL_SERIES_WORDS.search(c.text):
        return None  # ('... for both lines' is every line's)
    note = _NOTE_HEDGE.sub("", m.group(2).strip())  # 'Peak 1 (approx. 2019-06)': the date, hedged
    if names_date(note):
        x: int | float | str | None = note  # ('2019-06' is a month, not a stretch of years)
    elif names_interval(c.key):
        return None  # 'Ascent (Steps 0-20)' is a stretch
    else:
        x = x_number(note, w.state.x_words)
    if x is None:
        return None
    statement(w, c.text, c.scope.but(x=x), c.line.line)
    return DONE


def container_series(w: Walker, c: KeyedLine) -> SeriesDraft | None:
    """'Data Points (Red Dots):' with no line in scope: the line drawn in that look, the
    legend's entry of that look, else a line named by it."""
    paren = _KEY_WITH_NOTE.fullmatch(strip_markup(c.key))
    if c.scope.series is not None or paren is None or not is_style_words(paren.group(2)):
        return None
    entries = w.state.legend_entries(c.scope.panel)
    entry = entry_by_style(paren.group(2), entries)
    if entry is None and entries:
        return None
    name = entry.label if entry else paren.group(2).strip()
    return w.state.chart.series_for(name, c.scope.panel, c.line.line)
