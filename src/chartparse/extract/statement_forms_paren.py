"""Statement forms with a value in brackets after its x: 'dips around steps 40 (~0.52) and
75 (~0.61)', 'peak at ε = 0 (~0.08 a.u.)', 'Minima at θ ≈ 10° and 20° (G ≈ 2)'. The contract
is :mod:`.statement_forms`'s; the place in the order is set in ``STATEMENT_FORMS``."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import label_words
from ..vocab_units import is_unit_symbol
from .claims import Claims, StatementContext
from .statement_forms_more import PAIR_NAME_WINDOW, PAREN_CLOSE, PAREN_X_WINDOW

_X_NAME_BEFORE: Final = re.compile(r"(?:^|[\s(,;:*_`])(?P<name>√?[^\W\d_][\w/′'.-]{0,14})\s*(?:[=≈]\s*)?$")
_OPEN_PAREN: Final = re.compile(  # '0.6 T** (' too; '0% relative performance (': the x axis' words
    r"^\s*(?P<unit>[A-Za-zμ]{1,12}(?:\s[A-Za-z]{1,12}){0,2}\b)?[*_\s]*\(\s*$")
_OPEN_NAMED_PAREN: Final = re.compile(
    r"[°%]?\s{0,2}\(\s{0,2}(?:(?P<name>[^\W\d_]\w{0,8})\s{0,2}(?:[=:]\s{0,2})?)?[~≈]?\s{0,2}$")
"""'° (G ≈ ': the value of listed x's in brackets, perhaps named by the y axis' symbol."""
_NOTE_CLOSE: Final = re.compile(r"\s{0,2}([^\s()\d–—-][^\s()]{0,10})?\s{0,2}\)")
_AT_BEFORE: Final = re.compile(r"\b(?:at|near|around)\s*[*_]*\s*$", re.IGNORECASE)
_NEXT_IN_LIST: Final = re.compile(r"^\s*(?:[A-Za-z%][\w%/.-]*\s*)?\)\s*(?:,\s*)?(?:and\s+)?$")


def _x_named_before(claims: Claims, i: int, x_words: frozenset[str]) -> bool:
    """'steps 40', 'ε = 0': the word right before the number is one of the x axis' own."""
    m = _X_NAME_BEFORE.search(claims.before(claims.qs[i], PAIR_NAME_WINDOW))
    if not m:
        return False
    words = label_words(m.group("name"))
    return bool(words) and all(w in x_words or w.rstrip("s") in x_words for w in words)


def _paren_value(claims: Claims, i: int, x_words: frozenset[str] = frozenset()) -> re.Match[str] | None:
    """qs[i] is followed by '(', qs[i + 1] and ')' (a unit may stand before the ')', and an
    x unit before the '(': 'at 0.6 T (~2.5 units)'); the match of the opening, or None."""
    norm, qs = claims.norm, claims.qs
    if i + 1 >= claims.n or qs[i + 1].value == qs[i].value:  # '10² (100)' restates the x
        return None
    opening = _OPEN_PAREN.match(norm[qs[i].end: qs[i + 1].start])
    if opening is None or (opening.group("unit") and not label_words(opening.group("unit")) <= x_words):
        return None
    return opening if PAREN_CLOSE.match(norm[qs[i + 1].end: qs[i + 1].end + PAREN_X_WINDOW]) else None


def _at_x_with_unit(claims: Claims, i: int, opening: re.Match[str]) -> bool:
    """'peaks at **0.6 T** (~2.5)', 'at 5M (~2.76)', 'at +15% (~10)': 'at' before the number,
    the x axis' unit, a magnitude or a percent sign after it."""
    q = claims.qs[i]
    return (bool(opening.group("unit")) or q.magnitude is not None or q.raw.rstrip().endswith("%")) \
        and _AT_BEFORE.search(claims.before(q, PAIR_NAME_WINDOW)) is not None


def x_then_paren_value(claims: Claims, ctx: StatementContext) -> None:
    """'dips around steps 40 (~0.52) and 75 (~0.61)', 'peak at ε = 0 (~0.08 a.u.)': an x
    named by the x axis' word, then its value in parentheses; more x's may follow in a list."""
    qs, used = claims.qs, claims.used
    if not ctx.x_words:
        return
    for i in range(claims.n - 1):
        if used[i] or used[i + 1]:
            continue
        if (opening := _paren_value(claims, i, ctx.x_words)) is None:
            _x_list_then_paren_value(claims, i, ctx)
            continue
        if not (_x_named_before(claims, i, ctx.x_words) or _at_x_with_unit(claims, i, opening)):
            continue  # (the cheap anchored test first: most numbers have no '(' after them)
        k = i
        while True:
            claims.point_xy(qs[k], qs[k + 1])
            used[k] = used[k + 1] = True
            if not _next_in_list(claims, k + 1, ctx.x_words):
                break
            k += 2


def _x_list_then_paren_value(claims: Claims, i: int, ctx: StatementContext) -> None:
    """'Minima at θ ≈ 10° and 20° (G ≈ 2)': named x's in a list, then the one value at each."""
    if not _x_named_before(claims, i, ctx.x_words) or len(xs := claims.listed_x(i)) < 2:
        return
    value = xs[-1] + 1
    norm, qs = claims.norm, claims.qs
    opening = _OPEN_NAMED_PAREN.match(norm[qs[xs[-1]].end: qs[value].start]) if value < claims.n else None
    close = _NOTE_CLOSE.match(norm, qs[value].end)
    unit = close.group(1) if close is not None else None
    if opening is None or claims.used[value] or close is None or (
            unit and not is_unit_symbol(unit) and not label_words(unit) <= ctx.y_words) or (
            opening.group("name") and not label_words(opening.group("name")) <= ctx.y_words):
        return  # ('(G ≈ 2 e²/h)' yes; '(G ≈ 2–3)' a range and '(3 runs each)' a count no)
    for x in xs:
        claims.point_xy(claims.qs[x], claims.qs[value])
        claims.used[x] = True
    claims.used[value] = True


def _next_in_list(claims: Claims, j: int, x_words: frozenset[str]) -> bool:
    """') and 75 (~0.61)': after the value qs[j], another x and its value in parentheses."""
    k = j + 1
    return (k + 1 < claims.n and not claims.used[k] and not claims.used[k + 1]
            and _NEXT_IN_LIST.match(claims.norm[claims.qs[j].end: claims.qs[k].start]) is not None
            and _paren_value(claims, k, x_words) is not None)
