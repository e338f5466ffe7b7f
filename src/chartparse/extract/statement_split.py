"""Sentences that name several series: each series' part of the sentence read as its own
(two names joined as one subject share theirs), and values for the bins an axis lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab_numbers import HEDGE
from .add_points import add_point, apply_reading, target
from .categories import category_axis
from .category_values import values_for_categories
from .narrative import read_in

if TYPE_CHECKING:  # pragma: no cover
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
        if i + 1 < len(mentions) and end - idx - len(named) <= _JOINER_MAX \
                and _SUBJECT_JOINER.fullmatch(text, idx + len(named), end):
            joined.append(series)
            continue
        if named.lower() == name.lower():  # the name's own digits ('1 Row ≈ 0.35') are no value
            segment = lead + " " * len(named) + text[idx + len(named): end]
        else:
            segment = lead + text[idx:end]
        subjects, joined = [*joined, series], []
        if scope.x is None and all([values_for_bins(w, segment, scope.but(series=s), line_no)
                                    for s in subjects]):
            found = True  # 'GPT-5 (blue) leads (e.g., 0.9 in `ar`)' on an axis listing 'ar'
            continue
        reading = read_in(state, segment, scope.x)
        for subject in subjects:
            apply_reading(w, reading, subject, line_no)
        found = found or bool(reading.points or reading.summary)
    return found


# After a series' name: only its note and 'and' before the next name (they share the verb)
_SUBJECT_JOINER: Final = re.compile(r"[*_`\s]*+(?:\([^()\d]{0,40}\))?[*_`\s]*+(?:,\s*+)?"
                                    r"(?:and|&|as well as)?[*_`\s]*+")
_JOINER_MAX = 60  # a longer gap between two names is no 'A (red) and B (blue)'
