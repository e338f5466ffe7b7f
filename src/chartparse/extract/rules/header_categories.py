"""Which headers on a categorical chart are no category: groups of the categories, and
names the chart's declarations leave no place for (a word on a numeric or dated axis, a
pie's later notes, a radar's coloured line)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...vocab import PIE_PART_WORDS, fold, mentions_color
from ..categories import category_axis, declared_inside, drop_note
from ..category_values import listed_tick
from ..state import AxisDraft, ChartDraft, name_key
from ..text import PAREN_NOTE, strip_markup
from .patterns import names_date

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker


def groups_categories(axis: AxisDraft | None, name: str, grouping_words: frozenset[str]) -> bool:
    """A header of grouping words and the axis' own words ('Categories and Sub-Categories',
    'Step Length Intervals' on an x 'Step Length (s)') groups the categories below it,
    unless it is one of them."""
    words = fold(name).replace("-", " ").split()
    label = strip_markup(axis.label or "") if axis is not None else ""
    # 'Phases (I–IV)': the note in brackets lists the categories, not the axis' words
    named = {part for w in PAREN_NOTE.sub(" ", label).split() for part in fold(w).strip(",.:;").split("-")}
    return bool(words) and all(w in grouping_words or w in named for w in words) \
        and (axis is None or declared_inside(axis, fold(name)) is None)


def no_such_category(w: Walker, name: str, title: str, panel: str | None, x: str) -> bool:
    """On a categorical chart, a header whose category ``x`` the chart cannot have."""
    if not any(ch.isdigit() for ch in x) and (_ranged_chart(w) or _dated_ticks(w, panel)):
        return True  # '### Event Analysis' over a spectrogram timed 0 to 125 s: no place on that axis
    if w.state.kind == "pie" and not w.state.chart.has_legend_label(x) and (
            set(fold(name).split()) <= PIE_PART_WORDS or _every_slice_read(w)):
        # 'Segment Proportions (Estimated)' over a pie's slices groups them: no slice;
        return True  # nor 'Textual Elements:' after every slice the legend names has its value
    # 'Base (gray)' over a radar's spokes 'Application', 'Finance': a line, no spoke
    return w.state.kind == "radar" and (p := PAREN_NOTE.search(title)) is not None \
        and mentions_color(p.group(1)) and listed_tick(w.state.chart, panel, x) is None


def _every_slice_read(w: Walker) -> bool:
    """A one-pie chart whose legend names its slices, each of which already has its value."""
    chart = w.state.chart
    if len(chart.legend) < 2 or chart.panels:
        return False
    read = {name_key(str(p.x)) for s in chart.series for p in s.points}
    return all(name_key(e.label) in read for e in chart.legend)


def _dated_ticks(w: Walker, panel: str | None) -> bool:
    return numbered_places_only(w.state.chart, panel)


def numbered_places_only(chart: ChartDraft, panel: str | None) -> bool:
    """The category axis lists its places, every one a date or a number written with digits
    ('09/03', '2021-05', '10k', '90+'; not 'Jan'): a name without digits is none of them."""
    axis = category_axis(chart, panel)
    ticks = [drop_note(str(t)).strip() for t in (axis.ticks if axis is not None else [])]
    return len(ticks) >= 2 and all(
        _DIGITS_ONLY.fullmatch(t) or (names_date(t) and any(c.isdigit() for c in t)) for t in ticks)


# ('[3-6]', '(0, 10]', '10k', '<2', '90+', '1.5M-2M' too)
_DIGITS_ONLY: Final = re.compile(
    r"[\[(<>≤≥]?\d[\d/.:,\-– ]{0,20}[kKMBT]?(?:[-–]\d[\d.,]{0,12}[kKMBT]?)?[+%]?[\])]?")


def _ranged_chart(w: Walker) -> bool:
    """The chart's x axis states a numeric range or numeric ticks, and no named tick ('Time (s),
    0 to 125', 'ticks at 0, 5, 10')."""
    x, y = w.state.chart.axis("x", None), w.state.chart.axis("y", None)
    if y is not None and y.scale == "categorical":
        return False  # (a horizontal chart's categories are on its y axis)
    return x is not None and x.scale != "categorical" and not x.has_named_ticks() \
        and ((x.min is not None and x.max is not None and x.scale in ("linear", "log")) or len(x.ticks) >= 2)
