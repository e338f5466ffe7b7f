"""A value at an x written as a quoted bin of a categorical axis: 'starts at ~0.3 (age "<1")',
'rises to ~1.2 by age "40-49"', 'reaching ~10⁻¹ by "90+"'. The quotes make the bin one label,
not a range of two numbers. The contract is :mod:`.statement_forms`'s; the place in the order
is set in ``STATEMENT_FORMS``."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import label_words
from .claims import Claims, StatementContext
from .value_words import x_words_ok

_QUOTED_BIN_AFTER: Final = re.compile(
    r"\s{0,2}%?\s{0,2}(?:\(\s{0,2})?(?:(?:at|by|for|in|near|around|from|of)\s{1,2})?(?:the\s{1,2})?"
    r"(?P<words>(?:[^\W\d_][\w-]{1,15}\s{1,2}){0,2})[\"“]"
    r"(?P<label>[<>≤≥]\s?\d{1,4}(?:\.\d{1,3})?|\d{1,4}\s?[-–]\s?\d{1,4}|\d{1,4}\s?\+)[\"”]")
"""After a value: 'by age "40-49"', ' (age "<1")', ' by "90+"': the words naming the x, then the bin."""


def value_at_quoted_bin(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        if used[i]:
            continue
        m = _QUOTED_BIN_AFTER.match(norm, qs[i].end)
        if m is None or (m.group("words").strip() and not x_words_ok(m.group("words"), ctx.x_words)
                         and not label_words(m.group("words")) <= {"age", "ages", "group", "bin"}):
            continue
        claims.point(m.group("label"), m.start("label"), m.end("label"), qs[i])
        used[i] = True
        for k in range(i + 1, claims.n):
            if qs[k].start < m.end():
                used[k] = True  # the bin's own numbers
