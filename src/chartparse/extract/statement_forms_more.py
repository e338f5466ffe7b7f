"""More statement forms: pairs written with arrows, colons or parallel lists, a value
with its x in parentheses, one value for several x, and 'until X, reaching V'.

Each follows the contract of :mod:`.statement_forms`: look at bounded windows around
the quantities no earlier form claimed, add points with ``claims.point_xy``, mark the
numbers used. Their places in the order are set in ``STATEMENT_FORMS``.
"""

from __future__ import annotations

import re
from typing import Final

from ..vocab import label_words
from .claims import Claims, StatementContext
from .statement_forms import UNIT_WORDS, x_words_ok

PAREN_X_WINDOW: Final = 30
"""'~-0.9 (round 0)', '2 ms (10³)': a unit word, then a parenthesis holding a few x words and the x."""
LIST_X_WINDOW: Final = 40
"""'around 0.87 for K=10, K=20 and K=40': the lead to the first x, and between two x's."""
UNTIL_WINDOW: Final = 40
"""'until around iteration 8000': 'until' and up to three x words before the x."""
REACHING_WINDOW: Final = 40
"""', reaching approximately': the words between the x and its value."""
UNIT_PAIR_WINDOW: Final = 30
"""'FLOPs, ' between two values, and 'accuracy' after the second: a word or two each."""
PAIR_NAME_WINDOW: Final = 24
"""'step 20:' the x words right before an x that a colon then ties to its value."""

_ARROW = re.compile(r"^\s*(?:→|->|=>|⟶)\s*[~≈]?\s*$")
_WORD_: Final = r"(?:[A-Za-z#@][\w\-]*(?:\s+|(?=[=:,;)\]])))"  # one word; spaces or punctuation end it
_PAREN_X = re.compile(r"^\s*(?P<unit>[^\W\d_][\w/]{0,11}\s*)?\(\s*(?P<xw>" + _WORD_ + r"{0,2})(?P<eq>[=:]\s*)?[~≈]?\s*$")
_PAREN_CLOSE = re.compile(r"^\s*(?:[A-Za-z%][\w%/.-]*\s*)?\)")
_FOR_LIST = re.compile(r"^\s*%?\s*(?:for|at|on|across)\s+(?:both\s+|all\s+(?:of\s+)?)?"
                       r"(?P<xw>" + _WORD_ + r"{0,2})(?P<eq>[=:]\s*)?$", re.IGNORECASE)
_LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?P<xw>" + _WORD_ + r"{0,2})(?P<eq>[=:]\s*)?$",
                       re.IGNORECASE)
_UNTIL = re.compile(r"\buntil\s+(?:(?:around|about|approximately|roughly|the)\s+)*"
                    r"(?P<xw>(?:[A-Za-z#@][\w\-]*\s+){0,3})[~≈]?$", re.IGNORECASE)
_REACHING = re.compile(r"^\s*[A-Za-z%]{0,12}\s*,?\s*(?:reaching|where it reaches|hitting|at a value of)\s+"
                       r"(?:(?:approximately|about|around|roughly|nearly)\s+)?[~≈]?\s*$", re.IGNORECASE)
_X_COLON = re.compile(r"(?:^|[;,]\s*)(?P<xw>(?:[A-Za-z#@][\w\-]*\s+){1,2})$")
_COLON = re.compile(r"^\s*[A-Za-z%]{0,8}\s*[:=]\s*[~≈]?\s*$")
_UNIT_THEN_SEP = re.compile(
    r"^\s*(?P<unit>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*)?)\s*(?:,|;|and|with)\s*[~≈]?\s*$")
_UNIT_AFTER = re.compile(r"^%?\s*(?P<unit>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*)?)")
_LIST = re.compile(r"\b(?P<axis>x|y)\s*[:=]\s*\[(?P<body>[^\[\]]{1,2000})\]", re.IGNORECASE)


def arrow_pair(claims: Claims, ctx: StatementContext) -> None:
    """'10 → 0.9, 20 → 0.7': each x, an arrow, its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        gap = norm[qs[i].end: qs[i + 1].start]
        if not used[i] and not used[i + 1] and len(gap) <= PAIR_NAME_WINDOW and _ARROW.match(gap):
            claims.point_xy(qs[i], qs[i + 1])
            used[i] = used[i + 1] = True


def parallel_lists(claims: Claims, ctx: StatementContext) -> None:
    """'x: [10, 20, 30], y: [0.9, 0.7, 0.6]': two lists of the same length."""
    norm = claims.norm
    if "[" not in norm:
        return
    lists: dict[str, list[int]] = {}
    for m in _LIST.finditer(norm):
        lists[m.group("axis").lower()] = [i for i, q in enumerate(claims.qs)
                                           if m.start("body") <= q.start and q.end <= m.end("body")]
    xs, ys = lists.get("x", []), lists.get("y", [])
    if not xs or len(xs) != len(ys) or any(claims.used[i] for i in xs + ys):
        return
    for i, j in zip(xs, ys, strict=True):
        claims.point_xy(claims.qs[i], claims.qs[j])
        claims.used[i] = claims.used[j] = True


def x_colon_value(claims: Claims, ctx: StatementContext) -> None:
    """'step 10: 0.9; step 20: 0.7': x words and an x, a colon, its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        gap = norm[qs[i].end: qs[j].start]
        if used[i] or used[j] or len(gap) > PAIR_NAME_WINDOW or not _COLON.match(gap):
            continue
        m = _X_COLON.search(claims.before(qs[i], PAIR_NAME_WINDOW))
        if m and x_words_ok(m.group("xw"), ctx.x_words):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


def value_then_paren_x(claims: Claims, ctx: StatementContext) -> None:
    """'~-0.9 (round 0)', '~7.9 (B=0)', '0.31 (2⁰)', '2 ms (10³)': a value (and its unit),
    then its x in parentheses."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        gap = norm[qs[i].end: qs[j].start]
        m = _PAREN_X.match(gap) if len(gap) <= PAREN_X_WINDOW else None
        if not m:
            continue
        if not _PAREN_CLOSE.match(norm[qs[j].end: qs[j].end + PAREN_X_WINDOW]):
            continue
        named = m.group("xw").strip()
        if named and not (m.group("eq") or x_words_ok(named, ctx.x_words)):
            continue
        if m.group("unit") and not x_words_ok(m.group("unit"), ctx.y_words | UNIT_WORDS):
            continue  # '2 ms (10³)' yes; '5 models (2019)' no
        if not named and "^" not in qs[j].raw:
            continue  # '85 (12)': a bare number in parentheses may be anything
        claims.point_xy(qs[j], qs[i])
        used[i] = used[j] = True


def value_for_several_x(claims: Claims, ctx: StatementContext) -> None:
    """'around 0.87 for K=10, K=20 and K=40': one value at each listed x."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 2):
        if used[i]:
            continue
        gap = norm[qs[i].end: qs[i + 1].start]
        lead = _FOR_LIST.match(gap) if len(gap) <= LIST_X_WINDOW else None
        if not lead:
            continue
        xs = [i + 1]
        k = i + 2
        while k < claims.n and not used[k]:
            gap = norm[qs[k - 1].end: qs[k].start]
            sep = _LIST_SEP.match(gap) if len(gap) <= LIST_X_WINDOW else None
            if not sep or sep.group("xw").strip().lower() != lead.group("xw").strip().lower():
                break
            xs.append(k)
            k += 1
        if len(xs) < 2 or any(used[x] for x in xs):
            continue
        if lead.group("xw").strip() and not (lead.group("eq") or x_words_ok(lead.group("xw"), ctx.x_words)):
            continue
        for x in xs:
            claims.point_xy(qs[x], qs[i])
            used[x] = True
        used[i] = True


def until_x_reaching(claims: Claims, ctx: StatementContext) -> None:
    """'... until iteration 8000, reaching approximately 0.02': the x, then its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j] or "until" not in claims.before(qs[i], UNTIL_WINDOW).lower():
            continue
        m = _UNTIL.search(claims.before(qs[i], UNTIL_WINDOW))
        between = norm[qs[i].end: qs[j].start]
        if m and x_words_ok(m.group("xw"), ctx.x_words) and len(between) <= REACHING_WINDOW \
                and _REACHING.match(between) is not None:
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


def unit_named_pair(claims: Claims, ctx: StatementContext) -> None:
    """'4 FLOPs, 81.5% accuracy': two values, each followed by its axis' word, x first."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    if not ctx.y_words:
        return
    for i in range(claims.n - 1):
        j = i + 1
        gap = norm[qs[i].end: qs[j].start]
        if used[i] or used[j] or len(gap) > UNIT_PAIR_WINDOW:
            continue
        first = _UNIT_THEN_SEP.match(gap)
        second = _UNIT_AFTER.match(norm[qs[j].end: qs[j].end + UNIT_PAIR_WINDOW])
        if not first or not second:
            continue
        x_unit = label_words(first.group("unit"))
        y_unit = label_words(second.group("unit"))
        if y_unit & ctx.y_words and not x_unit & ctx.y_words:
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True
