"""Statement forms that name a point by a place on the curve: where a line crosses a
marked level ('crosses the 100 GeV line at ~3.8' gives (100, 3.8): the marked line stands
at an x, the number after 'at' is the curve's value there), and a bar or peak at an x
with its height ('at 0.8 T with a height of ~3.5'); and a list of bare 'x: value' pairs
('0: ~1.2; 500: ~0.8'), where the list itself shows which number is the x; a value
'with' its x, named after it by the x axis' word ('8192 (2B) dimension with 4 GPUs');
a value 'near' or 'around' its x ('-15 dB near 4000 Hz'); a list of x then the values at
them ('x = 50, 100 are 3, 7', 'at hours 5 and 10 (about 200 and 220)'); and a date then
its value in parentheses ('July 2020 (-12)').

Follows the contract of :mod:`.statement_forms`: bounded windows around the quantities
no earlier form claimed, points added with ``claims.point_xy``.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from ..values import Quantity
from ..vocab import label_words
from ..vocab_numbers import HEDGE, HEDGE_ADVERBS
from .claims import Claims, StatementContext
from .text import DATE_TEXT
from .value_words import is_x_word, names_x, word_after_names_y, x_words_ok, y_unit_ok

CROSS_WINDOW: Final = 24
"""'crosses the ' before the x of the marked line."""
CROSS_GAP_MAX: Final = 60
"""' GeV vertical line at approximately ' between the line's x and the value."""

_CROSS_LEAD: Final = re.compile(r"\b(?:cross(?:es|ing|ed)?|intersect(?:s|ing|ed)?|meets?|meeting)\s+"
                                r"(?:the\s+)?[~≈]?\s*$", re.IGNORECASE)
_CROSS_GAP: Final = re.compile(
    r"^\s*(?P<unit>[^\W\d_][\w/\-]{0,11}\s+)?(?:(?:vertical|dashed|dotted|solid|reference|marker|"
    r"black|grey|gray|red)\s+){0,3}(?:line|mark|marker)\s+at\s+(?:(?:a\s+value\s+of|" + HEDGE + r")\s+)?"
    r"[~≈]?\s*$", re.IGNORECASE)


def crossing_line(claims: Claims, ctx: StatementContext) -> None:
    """'Crosses the 100 GeV vertical line at ~3.8': the marked line's x, then the curve's value
    there. A unit word of the y axis after the first number makes the line a level of y: left alone."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j] or not _CROSS_LEAD.search(claims.before(qs[i], CROSS_WINDOW)):
            continue
        gap = norm[qs[i].end: qs[j].start]
        m = _CROSS_GAP.match(gap) if len(gap) <= CROSS_GAP_MAX else None
        if m is None or "horizontal" in gap.lower():
            continue
        if m.group("unit") and label_words(m.group("unit")) & ctx.y_words \
                and not label_words(m.group("unit")) & ctx.x_words:
            continue
        claims.point_xy(qs[i], qs[j])
        used[i] = used[j] = True


ZERO_WINDOW: Final = 48
"""'crosses zero around step ' before the x where the curve is at zero."""
_ZERO_AT: Final = re.compile(
    r"\b(?:to|at|reach(?:es|ing)?|cross(?:es|ing)?|hits?|hitting)\s{1,2}(?P<zero>zero)\s{1,2}"
    r"(?:(?:at|around|near|by)\s{1,2})(?:(?P<w>[^\W\d_][\w-]{0,15})\s{0,2}(?:[=≈]\s{0,2})?)?[~≈]?\s{0,2}$",
    re.IGNORECASE)


def zero_at_x(claims: Claims, ctx: StatementContext) -> None:
    """'crosses zero around T=1', 'drops to zero at step 50': the curve's value is 0 at that x
    (the x named by the x axis' word or symbol, or bare)."""
    qs, used = claims.qs, claims.used
    for i in range(claims.n):
        if used[i]:
            continue
        before = claims.before(qs[i], ZERO_WINDOW)
        m = _ZERO_AT.search(before)
        if m is None or (m.group("w") and not (names_x(m.group("w"), ctx.x_words)
                                                or x_words_ok(m.group("w"), ctx.x_words))):
            continue
        at = qs[i].start - len(before) + m.start("zero")
        claims.point_xy(qs[i], Quantity(0, False, False, None, at, at + 4, "zero"))
        used[i] = True


HEIGHT_LEAD_WINDOW: Final = 30
"""'Tallest bar centered at ' before the x."""
HEIGHT_GAP_MAX: Final = 50
"""' T with a height of approximately ' between the x and its value."""

_AT_LEAD: Final = re.compile(r"\b(?:at|around|near)\s+(?:x\s*[=≈]\s*)?[~≈]?\s*$", re.IGNORECASE)
_HEIGHT_GAP: Final = re.compile(
    r"^\s*(?P<unit>°?[^\W\d_][\w/\-^]{0,11}\s*)?,?\s*(?:with|having|has|reaching)\s+(?:an?\s+)?"
    r"(?:(?P<measure>(?:(?!of\s)[^\W\d_][\w-]{0,15}\s+){1,3})(?:of\s+)?)?"  # ('with around 2 groups')
    r"(?:" + HEDGE + r"\s+)?[~≈]?\s*$", re.IGNORECASE)
_HEIGHT_NOUNS = frozenset({"height", "value", "count", "density", "frequency", "level", "probability"})


def _measure_ok(measure: str, y_words: frozenset[str]) -> bool:
    """'a height of', 'a peak value of', or the y axis' own words ('a normalized power of')."""
    words = measure.lower().split()
    return (len(words) <= 2 and words[-1] in _HEIGHT_NOUNS) or x_words_ok(measure, y_words)


def x_with_height(claims: Claims, ctx: StatementContext) -> None:
    """'The tallest bar sits at 0.8 T with a height of ~3.5', 'a peak around 8 kHz with a
    normalized power of approximately 0.45': the x after 'at', then the value there, named
    as a height or by the y axis' words."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j] or not (_AT_LEAD.search(claims.before(qs[i], HEIGHT_LEAD_WINDOW))
                                      or qs[i].raw.lower().startswith(("near", "around"))
                                      or _named_lead(claims, ctx, i)):
            continue  # (a hedge before a number is part of it: 'near 31')
        if j + 1 < claims.n and not used[j + 1] and _BIN_DASH.match(norm[qs[i].end: qs[j].start]):
            m = _HEIGHT_GAP.match(norm[qs[j].end: qs[j + 1].start])  # 'of 900-1000, with a frequency of ~130'
            if m is not None and m.group("measure") and _measure_ok(m.group("measure"), ctx.y_words):
                bin_x = f"{_written(qs[i].raw)}-{_written(qs[j].raw)}"
                claims.point(bin_x, qs[i].start, qs[j].end, qs[j + 1])
                used[i] = used[j] = used[j + 1] = True
            continue
        gap = norm[qs[i].end: qs[j].start]
        m = _HEIGHT_GAP.match(gap) if len(gap) <= HEIGHT_GAP_MAX else None
        if m is None or not (_measure_ok(m.group("measure"), ctx.y_words) if m.group("measure")
                             else word_after_names_y(norm, qs[j].end, ctx.x_words, ctx.y_words)):
            continue
        claims.point_xy(qs[i], qs[j])
        used[i] = used[j] = True


_BIN_DASH: Final = re.compile(r"^\s?[-–]\s?$")
_NAMED_LEAD: Final = re.compile(
    r"\b(?:at|around|near)\s+(?:an?\s+|the\s+)?(?P<xw>(?:[^\W\d_][\w-]*\s+){1,3})of\s+[~≈]?\s*$",
    re.IGNORECASE)
NAMED_LEAD_WINDOW: Final = 40
"""'around a token count of ' before the x: the x axis' own words."""


def _written(raw: str) -> str:
    """The number as written, without its hedge ('near 180' -> '180')."""
    m = _DIGITS.search(raw)
    return m.group(0) if m else raw


_DIGITS: Final = re.compile(r"-?\d[\d,.]*")


def _named_lead(claims: Claims, ctx: StatementContext, i: int) -> bool:
    m = _NAMED_LEAD.search(claims.before(claims.qs[i], NAMED_LEAD_WINDOW))
    return m is not None and x_words_ok(m.group("xw"), ctx.x_words)


# (possessive: a gap of many spaces that ends on no value must fail at once, not try every split)
_BARE_COLON: Final = re.compile(r"^\s*+%?\s*+:(?=[\s~≈])\s*+[~≈]?\s*+[~≈]?\s*+$")
_PAIR_LIST_SEP: Final = re.compile(r"^\s*+%?\s*+[;,]\s*+$")


def colon_pair_list(claims: Claims, ctx: StatementContext) -> None:
    """'0: ~-1.5; 500: ~-1.0': a list of bare X: V pairs shows each number before a colon is an x."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    i = 0
    while i < claims.n - 1:
        run = i
        while run + 1 < claims.n and not used[run] and not used[run + 1] \
                and _BARE_COLON.match(norm[qs[run].end: qs[run + 1].start]) \
                and (run == i or _PAIR_LIST_SEP.match(norm[qs[run - 1].end: qs[run].start])):
            run += 2
        if run - i >= 4 or (run - i == 2 and _continues_pairs(claims, i)):
            for k in range(i, run, 2):
                claims.point_xy(qs[k], qs[k + 1])
                used[k] = used[k + 1] = True
            i = run
        else:
            i += 1


def _continues_pairs(claims: Claims, i: int) -> bool:
    """'At step 1: ~90, 2: ~80': one X: V pair after a pair another form read is the list's next."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    return i >= 2 and used[i - 2] and used[i - 1] \
        and _BARE_COLON.match(norm[qs[i - 2].end: qs[i - 1].start]) is not None \
        and _PAIR_LIST_SEP.match(norm[qs[i - 1].end: qs[i].start]) is not None


WITH_X_WINDOW: Final = 40
"""' (34M) dimension with approximately ', ' thousand cycles per step with ' before the x."""
_WITH_X: Final = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:[A-Za-z][\w/]{0,15}\s+){0,5}(?:with|for)\s+"
                            r"(?:(?P<xw>[A-Za-z][\w-]{0,20})\s+)?"  # 'for layer 22': the x word first
                            r"(?:" + HEDGE + r"\s+)?[~≈]?\s*$", re.IGNORECASE)
_HEDGES = frozenset(HEDGE_ADVERBS)
_WORD_AFTER: Final = re.compile(r"\s{0,2}([A-Za-z][\w-]{0,20})")
_OPENS_PAREN: Final = re.compile(r"^\s*\(\s*$")


def value_with_x(claims: Claims, ctx: StatementContext) -> None:
    """'rises to 8192 (2B) dimension with approximately 4 GPUs', '9.5 speedup for 2 buckets':
    a value, then 'with' or 'for' its x,
    which the word after it names as the x axis' quantity (a restatement in parentheses
    right after the value is skipped)."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        k = i + 1
        if k + 1 < claims.n and _OPENS_PAREN.match(norm[qs[i].end: qs[k].start]):
            k += 1  # '8192 (2B)': the parenthesis restates the value
        gap = norm[qs[i].end: qs[k].start]
        m = _WITH_X.match(gap) if not (used[i] or used[k]) and len(gap) <= WITH_X_WINDOW else None
        if m is None:
            continue
        word = m.group("xw") if m.group("xw") and m.group("xw").lower() not in _HEDGES else None
        if word is None:
            after = _WORD_AFTER.match(norm, qs[k].end)
            word = after.group(1) if after else None
        if word is None or not names_x(word, ctx.x_words):
            continue
        claims.point_xy(qs[k], qs[i])
        used[i] = used[k] = True
        for j in range(i + 1, k):
            used[j] = True
            claims.reject(qs[j], "restates-value")


# '~0.8 near step 40', '-0.3 near T=1', 'crosses the 10⁻² mark around iteration 150' (not a reference level)
_NEAR_X = re.compile(r"^[%)\s*_]*(?:(?P<level>mark|level|threshold)\s+|(?P<unit>[^\W\d_]{1,12})\s{1,2})?"
                     r"(?:around|near)\s+(?P<xw>"
                     r"(?:[A-Za-z][\w\-]*\s+){1,2}|[^\W\d_][\w\-]{0,8}(?:\([^()\s]{1,6}\))?\s?=\s?)[~≈]?\s*$",
                     re.IGNORECASE)  # ('around Tokens(B) = 5': the axis' label, its unit glued on)
_GLUED_NOTE: Final = re.compile(r"\([^()]*\)")
_REFERENCE: Final = re.compile(r"\b(?:marks?|marking|reference|indicates?)\b[^.;]{0,30}$", re.IGNORECASE)


def value_near_x(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    x_words = ctx.x_words
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        m = _NEAR_X.match(norm[qs[i].end: qs[j].start])
        named = _GLUED_NOTE.sub("", m.group("xw")).replace("=", " ") if m and not (
            m.group("level") and _REFERENCE.search(norm, max(0, qs[i].start - 40), qs[i].start)) else ""
        if m and m.group("unit") and not y_unit_ok(m.group("unit"), ctx.y_words, x_words):
            named = ""  # ('220 tokens around step 25': the value's unit, then its x)
        if named.strip() and x_words_ok(named, x_words) and any(
                is_x_word(w, x_words) for w in named.lower().split()):
            claims.point_xy(qs[j], qs[i])
            used[i] = used[j] = True
        elif _near(norm[qs[i].end: qs[j].start], qs[j], ctx.y_words) \
                and _x_words_after(norm, qs[j].end, x_words):
            claims.point_xy(qs[j], qs[i])  # '0.8 around 0.2 x 10^5 training steps', '-15 dB near 4000 Hz'
            used[i] = used[j] = True


# (the value's unit may stand before 'near' when it is a word of the y axis: '-15 dB near 4000 Hz')
_NEAR_BARE = re.compile(r"^[%)\s*_]*(?:(?P<unit>[^\W\d_]{1,6})\s{1,2})?(?:around|near)\s+[~≈]?\s*$",
                        re.IGNORECASE)
_WORDS_AFTER = re.compile(r"\s{1,3}([A-Za-z][\w\-]*(?:\s[A-Za-z][\w\-]*)?)")


def _near(between: str, q: Quantity, y_words: frozenset[str]) -> bool:
    """'0.8 around 20000': 'around' or 'near' between two values (read with the second, or not)."""
    m = _NEAR_BARE.match(between)
    if m is not None:
        return m.group("unit") is None or m.group("unit").lower() in y_words
    rest = between.strip(" %)*_")
    return (not rest or rest.lower() in y_words) and q.raw.lower().startswith(("around", "near"))


def _x_words_after(norm: str, end: int, x_words: frozenset[str]) -> bool:
    """The words right after a number name the x axis ('... 20000 training steps')."""
    m = _WORDS_AFTER.match(norm, end)
    return m is not None and x_words_ok(m.group(1), x_words) and any(
        is_x_word(w, x_words) for w in m.group(1).lower().split())


DATED_XY_WINDOW: Final = 48
"""'X ≈ December 2022, Y ≈' before a y: an x written as a date, then the y's name (the sign
may be the y's own hedge: 'Y ≈ 1.2')."""
_X_DATE_THEN_Y: Final = re.compile(
    r"\bx\s{0,2}[=:≈~]\s{0,2}[~≈]?\s{0,2}(?:" + HEDGE + r"\s)?(?P<date>" + DATE_TEXT + r")"
    r"\s{0,2}[,;]?\s{0,2}(?:and\s)?y\s{0,2}(?:[=:≈~]\s{0,2}[~≈]?\s{0,2})?$", re.IGNORECASE)


def dated_xy(claims: Claims, ctx: StatementContext) -> None:
    """'X ≈ March 2022, Y ≈ 1.2': the x a date (its year is part of it), the y a number."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for j in range(claims.n):
        if used[j]:
            continue
        lo = max(0, qs[j].start - DATED_XY_WINDOW)
        m = _X_DATE_THEN_Y.search(norm, lo, qs[j].start)
        if m is not None and (qs[j].approx or norm[m.end() - 1] in "=:≈~ "):
            _point_at_date(claims, m, j)


def _point_at_date(claims: Claims, m: re.Match[str], j: int) -> None:
    """The value qs[j] at the date the match's 'date' group holds; the numbers inside the
    date (its year) are part of the x."""
    start, end = m.start("date"), m.end("date")
    claims.point(m.group("date"), start, end, claims.qs[j])
    claims.used[j] = True
    for i in range(j):
        if claims.qs[i].start >= start and claims.qs[i].end <= end:
            claims.used[i] = True


RESPECTIVE_LEAD_WINDOW: Final = 24
"""'for x = ' or 'x-values of' right before the first list of x values."""
_LIST_GAP: Final = re.compile(
    r"\s{0,2}[°%]?\s{0,2}(?:,\s{0,2}(?:and\s)?|\sand\s|;\s{0,2})\s{0,2}[~≈]?\s{0,2}$")
_X_LIST_LEAD: Final = re.compile(r"\bx(?:-|\s)?(?:values?\s{0,2}(?:of|are|=|:)?|\s{0,2}[=:])\s{0,2}$",
                                 re.IGNORECASE)
_AT_LIST_LEAD: Final = re.compile(r"\b(?:at|for)\s{1,2}(?:[A-Za-z]{2,12}\s{1,2})?$", re.IGNORECASE)
"""'At epochs 10, 20 and 30, accuracy is 0.5, 0.6 and 0.7': three or more x's after 'at' (two, 'At
0.1 and 0.3, it is 0.7 and 0.2', say nothing of which value goes with which)."""
_AT_LIST_MIN = 3
_Y_LIST_LEAD: Final = re.compile(
    r"^\s{0,2}[°%]?\s{0,2},?\s{0,2}(?:(?:the\s)?(?:[a-z-]{1,12}\s){0,2}(?:are|is|were|was)|y\s{0,2}[=:])"
    r"\s{0,2}[~≈]?\s{0,2}$", re.IGNORECASE)


_AT_X_WORDS: Final = re.compile(
    r"\b(?:at|for|in|on|by)\s{1,2}(?P<xw>[^\W\d_][\w-]{0,20}(?:\s[^\W\d_][\w-]{0,20})?)\s{0,2}$",
    re.IGNORECASE)
_Y_PAREN_OPEN: Final = re.compile(
    r"^\s{0,2}%?\s{0,2}\(\s{0,2}(?:" + HEDGE + r"|[~≈])?\s{0,2}$", re.IGNORECASE)
_Y_PAREN_SHUT: Final = re.compile(r"\s{0,2}(?:%|[^\W\d_]{1,12})?\s{0,2}\)")


def list_runs(claims: Claims) -> list[list[int]]:
    """The quantities in runs joined only by list separators ('50, 100, and 200')."""
    runs: list[list[int]] = []
    for i in range(claims.n):
        if runs and _LIST_GAP.match(claims.norm, claims.qs[i - 1].end, claims.qs[i].start):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def respective_lists(claims: Claims, ctx: StatementContext) -> None:
    """'y-values for x = 50, 100 and 200 are 100, 200 and 500': a list of x values, then the
    values at them in the same order."""
    qs, used = claims.qs, claims.used
    runs = list_runs(claims)
    for xs, ys in itertools.pairwise(runs):
        if len(xs) < 2 or len(xs) != len(ys) or any(used[i] for i in xs + ys):
            continue
        before = claims.before(qs[xs[0]], RESPECTIVE_LEAD_WINDOW)
        gap = claims.norm[qs[xs[-1]].end: qs[ys[0]].start]
        led = _X_LIST_LEAD.search(before) or (len(xs) >= _AT_LIST_MIN and _AT_LIST_LEAD.search(before))
        if not (led and _Y_LIST_LEAD.match(gap)) \
                and not _in_brackets(claims, before, gap, qs[ys[-1]].end, ctx):
            continue
        for i, j in zip(xs, ys, strict=True):
            claims.point_xy(qs[i], qs[j], hedged=qs[ys[0]].approx)
            used[i] = used[j] = True


def _in_brackets(claims: Claims, before: str, gap: str, end: int, ctx: StatementContext) -> bool:
    """'at hours 5, 10 and 15 (about 200, 220 and 210)': the values in brackets after the x."""
    bracketed = _Y_PAREN_OPEN.match(gap) and _Y_PAREN_SHUT.match(claims.norm, end)
    m = _AT_X_WORDS.search(before) if bracketed else None
    return m is not None and x_words_ok(m.group("xw"), ctx.x_words)


DATE_PAREN_WINDOW: Final = 24
"""'July 2020 (' before a value in parentheses: a date and the opening bracket."""
_DATE_THEN_PAREN: Final = re.compile(r"(?<![\w-])(?P<date>" + DATE_TEXT + r")\s{0,2}\(\s{0,2}$",
                                     re.IGNORECASE)
_PAREN_SHUT: Final = re.compile(r"\s{0,2}%?\s{0,2}\)")


def date_then_paren_value(claims: Claims, ctx: StatementContext) -> None:
    """'troughs around July 2020 (-12) and March 2021 (-10)': a date, then its value in
    parentheses (the year is part of the date)."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for j in range(claims.n):
        if used[j] or not _PAREN_SHUT.match(norm, qs[j].end):
            continue
        m = _DATE_THEN_PAREN.search(norm, max(0, qs[j].start - DATE_PAREN_WINDOW), qs[j].start)
        if m is not None:
            _point_at_date(claims, m, j)
