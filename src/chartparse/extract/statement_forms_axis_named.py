"""The statement form that names each coordinate by its axis ('x/H = 2, Cf ≈ 0.004', 'β = 0.5,
Width ≈ 0.8'), and the test other forms share: whether a number follows an axis' name.

It follows the contract of :mod:`.statement_forms`; its place in the order is set in
``STATEMENT_FORMS``.
"""

from __future__ import annotations

import re
from typing import Final

from ..values import Quantity
from ..vocab import label_words
from .claims import Claims, StatementContext
from .value_words import digit_of_a_name, numbered_before

NAME_EQ_WINDOW: Final = 16
"""'x/H = ', 'β ≈ ', 'Cf ≈ ~': an axis' name (a symbol or a word or two) and its sign."""
PAIR_GAP_MAX: Final = 24
"""', Cf ≈ ' or ': y ≈ ' between a pair's x and its y: a few characters and the y's name."""

NAME_EQ: Final = re.compile(r"(?:^|[\s(,;:*_`])(?P<name>√?[^\W\d_][\w/′'.\u0300-\u036f-]{0,9}"
                            r"(?: [^\W\d_][\w/.-]{0,9})?)\s*[=≈:]\s*[~≈]?\s*$")
_PAIR_GAP_WORDS = frozenset("and or to from when where while then at by in of with".split())
_NUMBERED_GAP_WORDS = _PAIR_GAP_WORDS - {"and"}


def _axis_name_window(claims: Claims, q: Quantity) -> str:
    """The text before a number where an axis' name and its sign stand ('β ≈ '); unlike the
    x/y forms' window it is wider (a name of two words) and keeps '≈' as written."""
    window = claims.before(q, NAME_EQ_WINDOW)
    if q.raw.startswith("≈"):
        window += "≈"  # 'Cf ≈ 0.4': the scanner kept the sign with the value ('~' is no '=')
    return window


def axis_named(claims: Claims, q: Quantity, letter: str, words: frozenset[str],
               other: frozenset[str]) -> bool:
    """``q`` follows the name of an axis and '=', '≈' or ':': the axis' letter ('x'),
    or words all of the axis' label ('x/H', 'β', 'Cf') and not all of the other's."""
    window = _axis_name_window(claims, q)
    numbered = numbered_before(window)  # 'Dimension 2 ≈ 35': the axes differ by their numbers
    if numbered and numbered <= words and not numbered <= other:
        return True
    m = NAME_EQ.search(window)
    if not m:
        return False
    for name in {m.group("name"), m.group("name").split()[-1]}:  # 'near β ≈': the name is β
        split = label_words(name)
        if name.lower() == letter or (split and split <= words and not split <= other):
            return True
    return False


def _names_a_value(claims: Claims, q: Quantity, x_words: frozenset[str]) -> bool:
    """After an x named by its axis, '..., C_D = 1.7' or '..., Correlation length ≈ 0.7': a
    symbol or a name of two words with '=' or '≈' (the line's own name, not the y axis' label)
    names the value at that x."""
    m = NAME_EQ.search(_axis_name_window(claims, q))
    if m is None or ":" in m.group(0):
        return False
    name = m.group("name")
    return name.lower() != "x" and not label_words(name) & x_words \
        and not set(name.lower().split()) & _NAME_FILLER_WORDS


_NAME_FILLER_WORDS = _PAIR_GAP_WORDS | {"the", "a", "an", "is", "was", "are", "its", "value", "values"}


def axis_names_equal(claims: Claims, ctx: StatementContext) -> None:
    """'x/H = 2, Cf ≈ 0.004', 'β ≈ 1.5: y ≈ 0.02': each coordinate after its axis' name."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    x_words, y_words = ctx.x_words, ctx.y_words
    if not x_words:
        return
    for i in range(claims.n - 1):
        j = i + 1
        numbered = j + 1 < claims.n and digit_of_a_name(norm, qs[j])
        if numbered:
            j += 1  # 'Dimension 1 ≈ -25 and Dimension 2 ≈ 35': the 2 is the y axis' name
        gap = norm[qs[i].end: qs[j].start]
        if used[i] or used[j] or len(gap) > PAIR_GAP_MAX \
                or label_words(gap) & (_NUMBERED_GAP_WORDS if numbered else _PAIR_GAP_WORDS):
            continue
        if _RANGE_END.search(norm, max(0, qs[i].start - _RANGE_WINDOW), qs[i].start) \
                or _RANGE_START.match(norm, qs[j].end):
            continue  # 'PC1 = -100 to 150 and PC2 = -150 to 50' states two spans, no point
        if axis_named(claims, qs[i], "x", x_words, y_words) \
                and (axis_named(claims, qs[j], "y", y_words, x_words)
                     or _names_a_value(claims, qs[j], x_words)) \
                and not claims.own_x_follows(j, x_words):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


# (category_values.RANGE_BEFORE is this test with a hyphen too: here, between a name's
# '=' and its value, '5 -3' is a negative value, not a range)
_RANGE_END: Final = re.compile(r"\d\s?(?:to|–|—)\s?[~≈]?\s?$")
_RANGE_START: Final = re.compile(r"\s?(?:to|–|—)\s?[~≈]?\s?[-−]?\d")
_RANGE_WINDOW = 8


_LEAD_UNIT: Final = re.compile(r"\s?([^\W\d_][\w^/-]{0,11})")
UNIT_LEAD_WINDOW: Final = 24
"""The text before a leading x ('Peaks: ~'): no word of either axis may stand there."""


def x_unit_then_named_y(claims: Claims, ctx: StatementContext) -> None:
    """'~520 cm⁻¹ (D band), intensity ≈ 0.45', '~10 epochs, loss ≈ 0.4': a number in the x
    axis' unit (or word), no axis word before it, then the y axis' own word and the y."""
    x_words, y_words = ctx.x_words, ctx.y_words
    if claims.reading.points or ctx.x is not None or claims.n != 2 or not x_words or not y_words:
        return
    a, b = claims.qs
    lead = label_words(claims.before(a, UNIT_LEAD_WINDOW).rsplit(".", 1)[-1])
    unit = _LEAD_UNIT.match(claims.norm, a.end)
    if unit is None or lead & (x_words | y_words) or not _names_x(unit.group(1), x_words, y_words):
        return
    rest = label_words(claims.norm[unit.end(): b.start])
    if rest & (y_words - x_words) and not rest & (x_words - y_words) and _y_named_last(claims, b, y_words):
        claims.point_xy(a, b)
        claims.used[0] = claims.used[1] = True


def _names_x(unit: str, x_words: frozenset[str], y_words: frozenset[str]) -> bool:
    words = label_words(unit)
    return bool(words) and all((w in x_words or w.rstrip("s") in x_words) and w not in y_words for w in words)


def _y_named_last(claims: Claims, b: Quantity, y_words: frozenset[str]) -> bool:
    """The y's value follows its axis' word, with at most a sign or 'of'/'is' between."""
    words = claims.before(b, UNIT_LEAD_WINDOW).replace("≈", " ").replace("=", " ").replace(":", " ").split()
    while words and words[-1].lower() in ("of", "is", "about", "around", "approximately", "~", "at"):
        words.pop()
    return bool(words) and bool(label_words(words[-1]) & y_words)
