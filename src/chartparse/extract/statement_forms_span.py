"""The span form: a stretch of x, then the change of the value over it ('From 0 Hz to
2000 Hz, it decreases from ~-4 dB to ~-6 dB'; 'From month 2 to month 6, ... reaching ~15,000')."""

from __future__ import annotations

import re
from typing import Final

from .claims import Claims, StatementContext
from .value_words import REACHED, names_x, names_x_in

SPAN_LEAD_WINDOW: Final = 12
"""'From ' (and a hedge) before the span's first x."""
_X_WORD_MAX = 13  # ('from month 2': the x axis' word and its space before the number)
SPAN_CHANGE_WINDOW: Final = 70
"""', it decreases sharply from approximately ' between the span's last x and the values."""

_FROM_LEAD: Final = re.compile(r"\bfrom\s+[~≈]?\s*$", re.IGNORECASE)
# 'From month 2 to month 6, ...': the x axis' word before each end
_FROM_WORD_LEAD: Final = re.compile(r"\bfrom\s+(?P<w0>[^\W\d_]{2,12})\s+[~≈]?\s*$", re.IGNORECASE)
_SPAN_TO: Final = re.compile(r"^\s*(?P<u1>[^\W\d_][\w/\-]{0,7})?\s*(?:to|until|through)\s+"
                             r"(?:(?P<w1>[^\W\d_]{2,12})\s+)?[~≈]?\s*$", re.IGNORECASE)
_SPAN_END: Final = re.compile(r"\s*+(?P<u2>[^\W\d_][\w/\-]{0,7})?\s*+,", re.IGNORECASE)
_Y_UNIT: Final = re.compile(r"^\s*(?P<u>[^\W\d_][\w/\-]{0,7})?\s*(?:to\s+[~≈]?\s*)?$", re.IGNORECASE)


def span_change(claims: Claims, ctx: StatementContext) -> None:
    """'From 0 Hz to approximately 2000 Hz, it decreases from ~-4 dB to ~-6 dB': a stretch
    of x, then the change of the value over it: the ends pair up ((0, -4), (2000, -6)); with
    only 'to V' the value is the one at the stretch's end. The x's unit, when written, is
    a word of the x axis."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 2):
        j = i + 1
        if used[i] or used[j]:
            continue
        before = claims.before(qs[i], SPAN_LEAD_WINDOW + _X_WORD_MAX)
        lead_word = _FROM_WORD_LEAD.search(before)
        if not _FROM_LEAD.search(before[-SPAN_LEAD_WINDOW:]) and lead_word is None:
            continue
        to = _SPAN_TO.match(norm[qs[i].end: qs[j].start])
        end = _SPAN_END.match(norm, qs[j].end)
        if to is None or end is None or not _x_units(
                ctx, to.group("u1"), end.group("u2"), to.group("w1"), lead_word and lead_word.group("w0")):
            continue
        k = j + 1
        lead = norm[end.end(): qs[k].start]
        if used[k] or len(lead) > SPAN_CHANGE_WINDOW:
            continue
        if _FROM_LEAD.search(lead) and k + 1 < claims.n and not used[k + 1] \
                and _Y_UNIT.match(norm[qs[k].end: qs[k + 1].start]) \
                and "to" in norm[qs[k].end: qs[k + 1].start].lower() \
                and not names_x_in(lead, ctx.x_words):
            # ('..., then plateaus for batch sizes from 100 to 10,000': a second stretch of x)
            claims.point_xy(qs[i], qs[k])
            claims.point_xy(qs[j], qs[k + 1])
            used[i] = used[j] = used[k] = used[k + 1] = True
        elif REACHED.search(lead):
            claims.point_xy(qs[j], qs[k])
            used[j] = used[k] = True
            claims.reject(qs[i], "span-start")


def _x_units(ctx: StatementContext, *units: str | None) -> bool:
    """The units written after the span's x's name the x axis (none written is fine)."""
    return all(u is None or names_x(u, ctx.x_words) for u in units)
