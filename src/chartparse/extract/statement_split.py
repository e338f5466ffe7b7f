"""Sentences that name several series: each series' part of the sentence read as its own
(two names joined as one subject share theirs), and values for the bins an axis lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab_numbers import HEDGE
from .add_points import add_point, apply_reading, target
from .categories import category_axis
from .mentions import mentioned_series
from .narrative import read_in
from .text import quantities
from .values_at_categories import values_for_categories

if TYPE_CHECKING:  # pragma: no cover
    from ..values import Quantity
    from .reading import ReadingState
    from .scope import Scope
    from .state import SeriesDraft
    from .walker import Walker

LEAD_OPEN: Final = r"^[\s*_]*(?:at|by|for|on|in|when|with|after|during|" + HEDGE + r")\s"
_LEAD_CLAUSE: Final = re.compile(LEAD_OPEN + r"[^.;:!?]{0,60}\d[^.;!?]{0,30}[,:]\s*$", re.IGNORECASE)


def values_for_bins(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'starts near 2 for the 0-9 group, rises to 5 for 10-19' on an axis listing those bins."""
    axis = category_axis(w.state.chart, scope.panel)
    found = values_for_categories(text, axis.ticks) if axis and axis.scale == "categorical" else []
    series = target(w, scope)
    for x, q in found:
        add_point(w, series, x, q.value, q.approx, line_no, rule="statement.value-for-category")
    if found:
        series.touch(line_no)
    return bool(found)


def lead_clause(text: str, first_mention: int) -> str:
    """'At 10³, ' before the first series a sentence names: the x every series' part is at."""
    lead = text[:first_mention]
    return lead if _LEAD_CLAUSE.match(lead) else ""


def split_by_series(w: Walker, text: str, mentions: list[tuple[int, str]], scope: Scope,
                    line_no: int | None) -> bool:
    state = w.state
    found = False
    # 'At 10³, A spikes to ~12 ms, while B stays near 2 ms': the lead holds for A and B.
    lead = lead_clause(text, mentions[0][0]) if scope.x is None else ""
    joined: list[SeriesDraft] = []  # 'Italy (red) and France (yellow) reach ~10⁵ by 90+': both do
    for i, (idx, name) in enumerate(mentions):
        end = mentions[i + 1][0] if i + 1 < len(mentions) else len(text)
        named = text[idx: idx + len(name)]
        series = state.chart.series_for(name, scope.panel, line_no)
        if i + 1 < len(mentions) and joins_subjects(text, idx + len(named), end):
            joined.append(series)
            continue
        if named.lower() == name.lower():  # the name's own digits ('1 Row ≈ 0.35') are no value
            segment = lead + " " * len(named) + text[idx + len(named): end]
        else:
            segment = lead + text[idx:end]
        subjects, joined = [*joined, series], []
        if len(subjects) > 1:
            found = _read_for_subjects(w, segment, subjects, scope, line_no) or found
            continue
        if scope.x is None and values_for_bins(w, segment, scope.but(series=series), line_no):
            found = True  # 'GPT-5 (blue) leads (e.g., 0.9 in `ar`)' on an axis listing 'ar'
            continue
        reading = read_in(state, segment, scope.x)
        apply_reading(w, reading, series, line_no)
        found = found or bool(reading.points or reading.summary)
    return found


def _read_for_subjects(w: Walker, segment: str, subjects: list[SeriesDraft], scope: Scope,
                       line_no: int | None) -> bool:
    """The part of a sentence shared by several subjects: one value each, in order, when it
    lists as many ('reach 12 and 9 at 90+', '0.91 and 0.88 at epoch 50, respectively'),
    else the same values for each."""
    axis = category_axis(w.state.chart, scope.panel)
    binned = values_for_categories(segment, axis.ticks) \
        if scope.x is None and axis is not None and axis.scale == "categorical" else []
    if binned:
        x, last = binned[-1]
        listed = _values_listed_up_to(segment, last.start) if len(binned) == 1 else []
        for k, subject in enumerate(subjects):
            for bx, q in ([(x, listed[k])] if len(listed) == len(subjects) else binned):
                add_point(w, subject, bx, q.value, q.approx, line_no, rule="statement.value-for-category")
            subject.touch(line_no)
        return True
    reading = read_in(w.state, segment, scope.x)
    points = reading.points
    listed = _values_listed_up_to(segment, points[0].y_start) if len(points) == 1 else []
    for k, subject in enumerate(subjects):
        if len(points) == len(subjects):
            add_point(w, subject, points[k].x, points[k].y, points[k].approx, line_no, rule=points[k].rule)
            subject.touch(line_no)
        elif len(listed) == len(subjects):  # '0.91 and 0.88 at epoch 50, respectively'
            add_point(w, subject, points[0].x, listed[k].value, listed[k].approx, line_no,
                      rule=points[0].rule)
            subject.touch(line_no)
        else:
            apply_reading(w, reading, subject, line_no)
    return bool(points or reading.summary)


def _values_listed_up_to(segment: str, last_start: int) -> list[Quantity]:
    """The values listed right before the one at ``last_start`` and it ('12 and 9',
    '0.5, 0.45 and 0.3')."""
    norm, qs = quantities(segment)
    at = next((k for k, q in enumerate(qs) if q.start == last_start), None)
    if at is None:
        return []
    k = at
    while k > 0 and _LIST_GAP.fullmatch(norm, qs[k - 1].end, qs[k].start):
        k -= 1
    return list(qs[k: at + 1])


_LIST_GAP: Final = re.compile(r"\s{0,2}%?\s{0,2}(?:,\s{0,2}(?:and\s)?|\sand\s)\s{0,2}[~≈]?\s{0,2}")


# After a series' name: only its note and 'and' before the next name (they share the verb)
_SUBJECT_JOINER: Final = re.compile(r"[*_`\s]*+(?:\([^()\d]{0,40}\))?[*_`\s]*+(?:,\s*+)?"
                                    r"(?:and|&|as well as)?[*_`\s]*+")
_JOINER_MAX = 60  # a longer gap between two names is no 'A (red) and B (blue)'


def joins_subjects(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], between two series' names, only joins them as one subject."""
    return end - start <= _JOINER_MAX and _SUBJECT_JOINER.fullmatch(text, start, end) is not None


def named_series_clauses(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """A sentence opening with one series' name and naming another: each name's clause is
    that series' own ('PHT at (9, 5.7), EFE at (9, 5.1)')."""
    mentions = _series_leading_clauses(w.state, text)
    return bool(mentions) and split_by_series(w, text, mentions, scope.but(series=None, inherited=False),
                                              line_no)


def _series_leading_clauses(state: ReadingState, text: str) -> list[tuple[int, str]]:
    """The series a sentence names, when it opens with one and names another too."""
    mentions = mentioned_series(state, text)
    opens = len({name for _, name in mentions}) >= 2 and mentions[0][0] <= _OPENING_MENTION
    return mentions if opens else []


_OPENING_MENTION = 2  # a name this close to the start opens the sentence (after a bullet's space)
