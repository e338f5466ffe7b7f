"""Statement forms where a name marks a coordinate: the x's unit before a sign and the
value ('10 users = 85 ms'), the y axis' name called at an x ('Starts at G(0) ≈ 1.0'), and
a change of value over a stretch of x named by its axis word ('from 2.2 to 1.4 between
epochs 10 and 30'), and an x named as a month or a written date ('~45 by Dec 24', 'by 15/04').

Follows the contract of :mod:`.statement_forms`: bounded windows around the quantities
no earlier form claimed, points added with ``claims.point_xy``.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from ..values import Quantity
from ..vocab import label_words
from ..vocab_numbers import HEDGE
from .claims import Claims, StatementContext
from .statement_forms_cross import list_runs
from .value_words import SYMBOL_INDEX, UNIT_WORDS, x_words_ok, y_unit_ok

_UNIT_THEN_VALUE: Final = re.compile(r"^\s+[A-Za-z][\w\-]{0,14}(?:\s+[A-Za-z][\w\-]{0,14})?\s*[=:]?\s*$")
_LINKING_WORDS = frozenset(
    """at by in on to from of and or then after before with while than vs versus reaching
    around about near approximately roughly nearly is was are were x y when where if""".split()
)


def x_unit_equals_value(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        between = norm[qs[i].end: qs[j].start]
        sign = norm[qs[j].start: qs[j].start + 1]
        # '~' only marks an estimate: then the word between must be a unit ('10 users ~85' no).
        explicit = "=" in between or ":" in between or sign == "≈" or (
            sign == "~" and x_words_ok(between, ctx.x_words | UNIT_WORDS))
        if explicit and _UNIT_THEN_VALUE.match(between) and not (
                label_words(between) & _LINKING_WORDS):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


CALL_NAME_WINDOW: Final = 16
"""'G(' / 'Pr(' right before the x of a function value 'G(0) ≈ 1.0': a short name and '('."""
_CALL_OPEN: Final = re.compile(  # a superscript or subscript may follow the name: 'C^(0)(', 'f_1('
    r"(?:^|[\s(`*_,;:])(?P<name>[^\W\d_][\w′']{0,9}(?:[\^_]\(?\w{1,3}\)?)?)\s*\(\s*$")
_CALL_CLOSE: Final = re.compile(r"^\s*\)\s*[=≈]?\s*$")


def function_value(claims: Claims, ctx: StatementContext) -> None:
    """'Starts at G(0) ≈ 1.0': the y axis' name called at an x, then its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    if not ctx.y_words:
        return
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j] or not _CALL_CLOSE.match(norm[qs[i].end: qs[j].start]):
            continue
        m = _CALL_OPEN.search(claims.before(qs[i], CALL_NAME_WINDOW))
        if m and label_words(m.group("name")) and x_words_ok(m.group("name"), ctx.y_words):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True
            if i and qs[i - 1].end > qs[i].start - len(m.group(0)):
                used[i - 1] = True  # the index of 'C^(0)(0)'
                claims.reject(qs[i - 1], "symbol-index")


_CHANGE_FROM: Final = re.compile(r"\bfrom\s+(?:" + HEDGE + r"\s+)?[~≈]?\s*$",
                                 re.IGNORECASE)
_CHANGE_TO_VALUE: Final = re.compile(
    r"^\s*%?\s*(?:[^\W\d_][\w/\-]{0,7}\s*)?to\s+(?:" + HEDGE + r"\s+)?[~≈]?\s*$",
    re.IGNORECASE)
_BETWEEN_X: Final = re.compile(
    r"^\s*+%?\s*+(?:[^\W\d_][\w/\-]{0,7}\s*+)?,?\s*+(?:between|from)\s+"
    r"(?P<xw>(?:[^\W\d_][\w-]*\s+){0,2})[~≈]?\s*$",
    re.IGNORECASE)
_SPAN_AND: Final = re.compile(
    r"^\s*(?P<u1>[^\W\d_][\w/\-]{0,7})?\s*(?:and|to|-|–)\s+(?:(?P<xw2>[^\W\d_][\w-]*)\s+)?[~≈]?\s*$",
    re.IGNORECASE)
_AFTER_SPAN: Final = re.compile(r"\s*(?P<u2>[^\W\d_][\w/\-]{0,7})?")
_MONTH_STEMS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
               r"|December|(?:" + _MONTH_STEMS + r")\.?)(?![a-z])")  # 'Marseille' is no month
_MONTH_YEAR: Final = re.compile(r"(?:" + _MONTH_STEMS + r")[a-z]{0,6}\.?")
CHANGE_FROM_WINDOW: Final = 24
"""'from approximately ' before the first value."""


def values_over_span(claims: Claims, ctx: StatementContext) -> None:
    """'decreases from ~2.2 to 1.4 between epochs 10 and 30': the change of value over a
    stretch of x that its axis word (or unit) names; the ends pair up ((10, 2.2), (30, 1.4))."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 3):
        a, b, x1, x2 = qs[i], qs[i + 1], qs[i + 2], qs[i + 3]
        if used[i] or used[i + 1] or used[i + 2] or used[i + 3] \
                or not _CHANGE_FROM.search(claims.before(a, CHANGE_FROM_WINDOW)) \
                or not _CHANGE_TO_VALUE.match(norm[a.end: b.start]):
            continue
        lead = _BETWEEN_X.match(norm[b.end: x1.start])
        span = _SPAN_AND.match(norm[x1.end: x2.start]) if lead else None
        if lead is None or span is None:
            continue
        after = _AFTER_SPAN.match(norm, x2.end)
        if _MONTH_YEAR.fullmatch(lead.group("xw").strip()) and _MONTH_YEAR.fullmatch(span.group("xw2") or ""):
            # 'from 22% to 14% between July 2020 and September 2020': two dates, as written
            claims.point(f"{lead.group('xw').strip()} {x1.raw}", b.end + lead.start("xw"), x1.end, a)
            claims.point(f"{span.group('xw2')} {x2.raw}", x1.end + span.start("xw2"), x2.end, b)
            used[i] = used[i + 1] = used[i + 2] = used[i + 3] = True
            continue
        named = [w for w in (lead.group("xw"), span.group("u1"), span.group("xw2"),
                             after.group("u2") if after else None) if w and w.strip()]
        if not named or not all(x_words_ok(w, ctx.x_words | UNIT_WORDS) for w in named) \
                or not any(x_words_ok(w, ctx.x_words) for w in named):
            continue  # ('from 0.2 to 0.8, between 10 and 30' names no x: a range of values)
        claims.point_xy(x1, a)
        claims.point_xy(x2, b)
        used[i] = used[i + 1] = used[i + 2] = used[i + 3] = True


MONTH_AFTER_WINDOW: Final = 40
"""'TB in early September' after a value: two unit words, a preposition and a month."""
_AT_MONTH: Final = re.compile(
    r"^[%)\s*_]*,?\s{0,2}(?:(?P<unit>(?:[A-Za-z][\w/]{0,11}\s+){0,2})(?:in|at|by|for|during|around)\s+"
    r"(?:early\s+|late\s+|mid-?)?|\(\s?)"  # '~45 by Dec 24' or '~45 (Dec 24)'
    r"(?P<month>" + _MONTH_NAME +  # ('(Marker: x)' names no month)
    r"(?:\s{1,2}[0-3]?\d(?!\d|[.,:]\d))?(?:,?\s{1,2}(?:1[89]|20)\d\d)?)\b"  # day and year are part of the x
)
_AT_DATE: Final = re.compile(
    r"^[%)\s*_]*(?P<unit>(?:[A-Za-z][\w/]{0,11}\s+){0,2})(?:(?:in|at|by|on|until)\s+|\(\s?)"
    r"(?P<month>\d{1,2}/\d{1,2}(?:/(?:\d\d){1,2})?|(?:19|20)\d\d-\d\d(?:-\d\d)?)(?![\d/-])")
# '~100 (2022)' on an axis of years: the bracketed year is the x
_PAREN_YEAR: Final = re.compile(
    r"^\s?%?\s?(?P<unit>(?:[A-Za-z][\w/]{0,11}\s+){0,2})\(\s?(?P<month>(?:19|20)\d\d)\s?\)")
_YEAR_AXIS_WORDS = frozenset({"year", "years", "date", "dates", "time"})
_DATE_AXIS_WORDS = _YEAR_AXIS_WORDS | {"day", "days", "month", "months", "week", "weeks"}
_MONTH_HINT: Final = re.compile(_MONTH_STEMS)
LEAD_MONTH_WINDOW: Final = 90
"""'By approximately June 2021, the number of stations reaches ' before the value."""
_MONTH_THEN_AT: Final = re.compile(  # 'Starts around July 2020 at approximately ' before the value
    r"\b(?:[Bb]y|[Ii]n|[Aa]t|[Aa]round|[Dd]uring|[Uu]ntil|[Nn]ear)\s{1,2}"
    r"(?:" + HEDGE + r"\s|early\s|late\s|mid-?)?"
    r"(?P<month>" + _MONTH_NAME + r"(?:\s{1,2}[0-3]?\d(?!\d))?(?:,?\s{1,2}(?:1[89]|20)\d\d)?)"
    r"\s{1,2}(?:at|with|of)\s{1,2}(?:" + HEDGE + r"\s{1,2}|[~≈]\s?)?$")
_LEAD_MONTH: Final = re.compile(
    r"(?:^|[.;!?]\s|\n)\s{0,3}[*_]{0,2}(?:[Bb]y|[Ii]n|[Aa]t|[Aa]round|[Dd]uring|[Uu]ntil)\s{1,2}"
    r"(?:" + HEDGE + r"\s|early\s|late\s|mid-?)?"
    r"(?P<month>" + _MONTH_NAME + r"(?:,?\s{1,2}(?:1[89]|20)\d\d)?)"
    r"\s{0,2},[^.;!?\d]{0,60}$")


_MONTH_THEN_VALUE: Final = re.compile(r"\b(?:in|at|around|near|by|during)\s{1,2}(?:early\s|late\s|mid-?)?"
                                      r"(?P<month>" + _MONTH_NAME + r")\s{0,2}\(\s{0,2}[~≈]?\s{0,2}$")


def month_x(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n):
        if used[i]:
            continue
        q = qs[i]
        m, offset = _month_after(claims, ctx, i)
        if m is None:
            m, offset = _month_before(norm, q)
        if m and (offset != q.end or not m.group("unit") or y_unit_ok(m.group("unit"), ctx.y_words)):
            start, end = offset + m.start("month"), offset + m.end("month")
            written = m.group("month")
            claims.point(int(written) if written.isdigit() else written, start, end, q)
            used[i] = True
            for j in range(claims.n):  # the day and year of 'Dec 24, 2021' are part of the x
                if qs[j].start >= start and qs[j].end <= end:
                    used[j] = True


def _month_after(claims: Claims, ctx: StatementContext, i: int) -> tuple[re.Match[str] | None, int]:
    """The month right after the value ('~45 by Dec 24', '~5K (2025-02)'), and where the
    text its match indexes starts."""
    norm, q = claims.norm, claims.qs[i]
    after = norm[q.end: q.end + MONTH_AFTER_WINDOW]
    m = _AT_MONTH.match(after) if _MONTH_HINT.search(after) else None
    if m is None and ("/" in after or "-" in after) and not ctx.x_words.isdisjoint(_DATE_AXIS_WORDS):
        m = _AT_DATE.match(after)  # '~10^5 by 15/04', '~5K (2025-02)' on a time axis
    if m is None and "(" in after and not ctx.x_words.isdisjoint(_YEAR_AXIS_WORDS):
        m = _PAREN_YEAR.match(after)
    return m, q.end


def _month_before(norm: str, q: Quantity) -> tuple[re.Match[str] | None, int]:
    """The month before the value ('a peak around July (~0.9)', 'By June, the count reaches
    about 60', 'ends around April 2021 at about 28%'), and where its match's text starts."""
    if norm[max(0, q.start - 3): q.start].rstrip(" ~≈").endswith("(") \
            and norm[q.end: q.end + 4].lstrip(" %").startswith(")"):
        m = _MONTH_THEN_VALUE.search(norm, max(0, q.start - MONTH_AFTER_WINDOW), q.start)
        if m is not None:
            return m, 0
    offset = max(0, q.start - LEAD_MONTH_WINDOW)
    if not _MONTH_HINT.search(norm, offset, q.start):
        return None, q.end
    before = norm[offset: q.start]
    m = _LEAD_MONTH.search(before) or _MONTH_THEN_AT.search(before)
    return m, offset if m is not None else q.end


X_LIST_WINDOW: Final = 16
"""Between two x values of a list ('0°, 90°, and 180°'), or between a list and its value."""
_X_LIST_SEP: Final = re.compile(r"^[°%]?\s{0,2}(?:,\s{0,2}(?:and\s{1,2}|or\s{1,2})?|\s(?:and|or)\s{1,2})$")
_LEAD: Final = re.compile(r"^[^\d\-−~≈+.]*")  # the words a number's reading kept before it ('near 0')
_X_FOLLOWS: Final = re.compile(r"[°%]?\s{0,2}(?:[^\W\d_]{1,12}\s{1,2})?(?:at|near|around|by|for|in|on|\()",
                               re.IGNORECASE)  # '24 ms at 16k': a value with its own x
_VALUE_AFTER_LIST: Final = re.compile(
    r"^[°%]?\s{0,2},?\s{0,2}(?:with|at|reaching)\s{1,2}(?:an?\s{1,2})?(?:(?:peak|maximum|minimum|value|height|level)"
    r"\s{1,2})?(?:of\s{1,2})?(?:" + HEDGE + r"\s)?$", re.IGNORECASE)
_VALUE_BEFORE_LIST: Final = re.compile(
    r"^%?\s{0,2}(?:[^\W\d_]{2,12}\s{1,2}){0,2}(?:at|near|around)\s{1,2}(?:" + HEDGE + r"\s)?$",
    re.IGNORECASE)
_LIST_LEAD: Final = re.compile(r"\b(?:at|near|around)\s{1,2}(?:" + HEDGE + r"\s)?$",
                               re.IGNORECASE)


def _x_list_end(claims: Claims, k: int) -> int:
    """The index of the last number of the list of x values that starts at ``k``."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    unit = _unit_after(norm, qs[k])
    m = k
    while m + 1 < claims.n and not used[m + 1] and not qs[m + 1].approx and not _lead(qs[m + 1]) \
            and _unit_after(norm, qs[m + 1]) == unit and qs[m + 1].magnitude == qs[k].magnitude \
            and _X_LIST_SEP.match(norm[qs[m].end: qs[m + 1].start][:X_LIST_WINDOW]) \
            and not _X_FOLLOWS.match(norm, qs[m + 1].end):
        m += 1  # ('~100 at -20% and ~20 at +20%', '0.5 at 10, 0.6 at 20': values, each with its x)
    return m


def _unit_after(norm: str, q: Quantity) -> str:
    after = norm[q.end: q.end + 1]
    return after if after in ("°", "%") else ""


def _lead(q: Quantity) -> str:
    m = _LEAD.match(q.raw)
    return m.group(0) if m else ""


def value_at_x_list(claims: Claims, ctx: StatementContext) -> None:
    """'Peaks occur at approximately 0°, 90°, and 180°, with a value of ~1.7', 'Peaks at ~0.8
    occur near 45°, 135° and 225°': one value at each x of a list."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    k = 0
    while k < claims.n - 1:
        lead = norm[max(0, qs[k].start - X_LIST_WINDOW): qs[k].start] + _lead(qs[k])
        end = _x_list_end(claims, k) if not used[k] and _LIST_LEAD.search(lead) else k
        if end == k:
            k += 1
            continue
        value = None
        if end + 1 < claims.n and not used[end + 1] \
                and _VALUE_AFTER_LIST.match(norm[qs[end].end: qs[end + 1].start][:2 * X_LIST_WINDOW]):
            value = end + 1
        elif k and not used[k - 1] and _VALUE_BEFORE_LIST.match(
                norm[qs[k - 1].end: qs[k].start] + _lead(qs[k])):
            value = k - 1
        if value is not None:
            for x in range(k, end + 1):
                claims.point_xy(qs[x], qs[value])
                used[x] = True
            used[value] = True
        k = end + 1


_RESPECTIVELY: Final = re.compile(r"[\s%,)]{0,4}(?:[^\W\d_][\w/]{0,12}\s{1,2}){0,2},?\s{0,2}respectively\b",
                                  re.IGNORECASE)
_X_RUN_LEAD: Final = re.compile(
    r"\b(?:in|at|for|on|during|around|near|by)\s{1,2}(?:" + HEDGE + r"\s{1,2})?"
    r"(?P<xw>(?:[^\W\d_][\w-]*\s{1,2}){0,2})[~≈]?\s{0,2}$", re.IGNORECASE)
RUN_LEAD_WINDOW = 28  # 'occur in the years ' or 'for approximately ' before a list's first number


def respectively_lists(claims: Claims, ctx: StatementContext) -> None:
    """'peaks in 2016 and 2020, reaching ~0.04 and ~0.03, respectively' (or the values first):
    two lists of one length with 'respectively' after the second; the list led by 'in', 'at'
    or 'for' (with the x axis' words, if any) holds the x values, the other their values."""
    qs, used = claims.qs, claims.used
    for a, b in itertools.pairwise(list_runs(claims)):
        if len(a) < 2 or len(a) != len(b) or any(used[i] for i in a + b) \
                or not _RESPECTIVELY.match(claims.norm, qs[b[-1]].end):
            continue
        a_is_x, b_is_x = _led_as_x(claims, qs[a[0]], ctx), _led_as_x(claims, qs[b[0]], ctx)
        if not a_is_x and not b_is_x and _led_as_y(claims, qs[b[0]], ctx) \
                and not _led_as_y(claims, qs[a[0]], ctx):
            a_is_x = True  # '(near 490 and 510) have counts of about 375 and 340': the other list is x
        if a_is_x == b_is_x:
            continue  # ('at 0.04 and 0.03 in 2016 and 2020': both led as x; no reading)
        xs, ys = (a, b) if a_is_x else (b, a)
        for i, j in zip(xs, ys, strict=True):
            claims.point_xy(qs[i], qs[j], hedged=qs[ys[0]].approx)
            used[i] = used[j] = True


def _led_as_x(claims: Claims, q: Quantity, ctx: StatementContext) -> bool:
    m = _X_RUN_LEAD.search(claims.before(q, RUN_LEAD_WINDOW))
    return m is not None and (not m.group("xw").strip() or x_words_ok(m.group("xw"), ctx.x_words))


_Y_RUN_LEAD: Final = re.compile(
    r"\b(?P<yw>[^\W\d_][\w-]*)\s{1,2}of\s{1,2}(?:" + HEDGE + r"\s{1,2})?[~≈]?\s{0,2}$", re.IGNORECASE)


def _led_as_y(claims: Claims, q: Quantity, ctx: StatementContext) -> bool:
    """'counts of approximately ' before a list: led by the y axis' words."""
    m = _Y_RUN_LEAD.search(claims.before(q, RUN_LEAD_WINDOW))
    return m is not None and bool(ctx.y_words) and x_words_ok(m.group("yw"), ctx.y_words)


_NAMED_Y_OPEN: Final = re.compile(  # ('40% higher (error 0.28)' states a change, no x)
    r"^\s{0,2}(?!(?:higher|lower|more|less|above|below|times|fold)\b)(?:[^\W\d_][\w/.]{0,11}\s{0,2})?\(\s{0,2}"
    r"(?P<yw>[^\W\d_][\w\-]{0,20}(?:\s[^\W\d_][\w\-]{0,20})?)\s{0,2}[:=]?\s{0,2}"
    r"(?:of\s|" + HEDGE + r"\s)?[~≈]?\s{0,2}$")
_NAMED_Y_CLOSE: Final = re.compile(r"\s{0,2}[^\W\d_%]{0,12}\s{0,2}\)")
_OWN_X_AFTER: Final = re.compile(r"\s{0,2}(?:at|by|in|when|for)\s", re.IGNORECASE)


def x_then_named_y(claims: Claims, ctx: StatementContext) -> None:
    """'Peaks: ~1.25 s (frequency ~10), ~1.40 s (frequency ~4)': an x, then in brackets the
    y axis' own word and the y."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    if not ctx.y_words:
        return
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        m = _NAMED_Y_OPEN.match(norm[qs[i].end: qs[j].start])
        close = _NAMED_Y_CLOSE.match(norm, qs[j].end) if m is not None else None
        if m is None or close is None or qs[i].raw.endswith("%") \
                or not _names_the_y(m.group("yw"), ctx.y_words) or _OWN_X_AFTER.match(norm, close.end()):
            continue  # ('... (error 0.28) at epoch 50': the x comes after, the first number is none)
        claims.point_xy(qs[i], qs[j])
        used[i] = used[j] = True


def _names_the_y(words: str, y_words: frozenset[str]) -> bool:
    """Every word is the y axis' own ('frequency' on an axis 'Frequency', 'counts' on 'Count')."""
    found = label_words(words)
    return bool(found) and all(w in y_words or w + "s" in y_words or w.rstrip("s") in y_words for w in found)


_HELD_FROM: Final = re.compile(
    r"^[%)\s*_]*(?P<unit>(?:[^\W\d_][\w/.\-^]{0,11}\s+){0,2})from\s+(?:" + HEDGE + r"\s+)?"
    r"(?P<xw>(?:[^\W\d_][\w\-/]*" + SYMBOL_INDEX + r"\s*){0,2})(?P<eq>[=:]\s*)?[~≈]?\s*$", re.IGNORECASE)
_HELD_TO: Final = re.compile(
    r"^\s*%?\s*(?:to|until|through)\s+(?:" + HEDGE + r"\s+)?"
    r"(?:[^\W\d_][\w\-/]*" + SYMBOL_INDEX + r"\s*(?:[=:]\s*)?)?[~≈]?\s*$", re.IGNORECASE)
_HELD_LEAD: Final = re.compile(
    r"(?:\b(?P<subject>[^\W\d_][\w-]{0,20})\s+(?:is|was)|\b(?:stays?|stayed|remains?|remained|holds?|held|"
    r"plateaus?|plateaued|sits?|constant|flat|steady))\s+(?:at\s+)?(?:" + HEDGE + r"\s+)?[~≈]?\s*$",
    re.IGNORECASE)
HELD_LEAD_WINDOW: Final = 32
"""'The line is approximately ', 'Plateaus at ': the verb that says a value holds (a bare 'is'
only after the line itself or the y axis' word: 'The drop is 1.2 from ...' is a change), then
the value."""
_HOLDING_SUBJECTS = frozenset({"line", "curve", "it", "value", "level", "signal"})


def value_held_over_span(claims: Claims, ctx: StatementContext) -> None:
    """'The line is approximately 1.0 from v = -2.0 to approximately -1.0', 'Plateaus at 1.25
    from episode 100 to 2000': a value that holds over a stretch of x (named by the x axis'
    word or symbol) is a point at each end of it."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 2):
        v, x1, x2 = qs[i], qs[i + 1], qs[i + 2]
        held = None if used[i] or used[i + 1] or used[i + 2] else _HELD_LEAD.search(
            claims.before(v, HELD_LEAD_WINDOW))
        subject = held.group("subject") if held else None
        if held is None or (subject and subject.lower() not in _HOLDING_SUBJECTS | ctx.y_words):
            continue
        lead = _HELD_FROM.match(norm[v.end: x1.start])
        end = _HELD_TO.match(norm[x1.end: x2.start]) if lead else None
        if lead is None or end is None:
            continue
        named = lead.group("xw").strip()
        if not named or not (lead.group("eq") or x_words_ok(named, ctx.x_words)):
            continue  # ('is 5 from 2 to 3' names no x: a range)
        if lead.group("unit") and not y_unit_ok(lead.group("unit"), ctx.y_words):
            continue
        claims.point_xy(x1, v)
        claims.point_xy(x2, v)
        used[i] = used[i + 1] = used[i + 2] = True
