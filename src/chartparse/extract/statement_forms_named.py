"""Statement forms where a name marks a coordinate: the x's unit before a sign and the
value ('10 users = 85 ms'), and the y axis' name called at an x ('Starts at G(0) ≈ 1.0').

Follows the contract of :mod:`.statement_forms`: bounded windows around the quantities
no earlier form claimed, points added with ``claims.point_xy``.
"""

from __future__ import annotations

import re
from typing import Final

from ..vocab import label_words
from .claims import Claims, StatementContext
from .value_words import UNIT_WORDS, x_words_ok

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
