"""The list form: one value at several listed x ('around 0.87 for K=10, K=20 and K=40',
'~-4 dB near 2000 Hz and 10,000 Hz')."""

from __future__ import annotations

import re
from typing import Final

from .claims import Claims, StatementContext
from .statement_forms_more import ONE_WORD, names_its_x
from .value_words import x_words_ok, y_unit_ok

LIST_X_WINDOW: Final = 40
"""'around 0.87 for K=10, K=20 and K=40': the lead to the first x, and between two x's."""
# (the value's unit, or the y axis' words: '100% success rate for problem sizes 20, 25 and 30')
_FOR_LIST: Final = re.compile(r"^\s*%?\s*(?:(?P<unit>[^\W\d_][\w/]{0,15}(?:\s[^\W\d_][\w/]{0,15}){0,2})\s+)?"
                       r"(?:for|at|on|in|across|near)\s+"
                       r"(?:both\s+|all\s+(?:of\s+)?)?(?P<xw>" + ONE_WORD + r"{0,2})(?P<eq>[=:]\s*)?$",
                       re.IGNORECASE)
_LIST_SEP: Final = re.compile(r"^\s*(?:(?P<xunit>[^\W\d_][\w/]{0,5})\s*)?(?:,\s*(?:and\s+)?|and\s+)"
                       r"(?P<xw>" + ONE_WORD + r"{0,2})(?P<eq>[=:]\s*)?$", re.IGNORECASE)
_NEAR_LEAD: Final = re.compile(r"near\s", re.IGNORECASE)
_BARE_LIST_SEP: Final = re.compile(r"^\s{0,2}(?:,\s{0,2}(?:and\s)?|and\s)\s{0,2}$")

def value_for_several_x(claims: Claims, ctx: StatementContext) -> None:
    """'around 0.87 for K=10, K=20 and K=40', '0.8 for layers 22, 24, and 26': one value at
    each listed x."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 2):
        if used[i] or (i and _BARE_LIST_SEP.match(norm[qs[i - 1].end: qs[i].start])):
            continue  # ('hours 5, 10, and 15 at about 200, 220 and 210': 15 ends a list of x)
        lead = _list_lead(claims, ctx, i)
        if lead is None:
            continue
        xs = _listed_xs(claims, ctx, i, lead)
        if len(xs) < 2 or any(used[x] for x in xs):
            continue
        if lead.group("xw").strip() and not names_its_x(lead.group("xw").strip(), bool(lead.group("eq")),
                                                          ctx.x_words):
            continue
        for x in xs:
            claims.point_xy(qs[x], qs[i])
            used[x] = True
        used[i] = True


def _list_lead(claims: Claims, ctx: StatementContext, i: int) -> re.Match[str] | None:
    """The words between a value and the first x of its list ('for K=', ' dB near ')."""
    qs = claims.qs
    gap = claims.norm[qs[i].end: qs[i + 1].start]
    if (near := _NEAR_LEAD.match(qs[i + 1].raw)) is not None:
        gap += near.group(0)  # '~-4 dB near 2000 Hz and ...': 'near' was read as the x's hedge
    lead = _FOR_LIST.match(gap) if len(gap) <= LIST_X_WINDOW else None
    if lead is None or (lead.group("unit") and not y_unit_ok(lead.group("unit"), ctx.y_words)):
        return None  # ('~-4 dB near 2000 Hz and 10,000 Hz': the y's own unit before the x's)
    return lead


def _listed_xs(claims: Claims, ctx: StatementContext, i: int, lead: re.Match[str]) -> list[int]:
    """The x's listed after the value at ``i``: the first, then each joined by ',' or 'and'."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    xs = [i + 1]
    k = i + 2
    while k < claims.n and not used[k]:
        gap = norm[qs[k - 1].end: qs[k].start]
        sep = _LIST_SEP.match(gap) if len(gap) <= LIST_X_WINDOW else None
        if sep is None or (sep.group("xunit") and not _same_unit_after(norm, qs[k].end, sep.group("xunit"),
                                                                        ctx.x_words)):
            break  # ('2000 Hz and 10,000 Hz' on an axis in Hz; not '90% at 10 epochs and 95% after ...')
        if sep.group("xw").strip().lower() != lead.group("xw").strip().lower() and not (
                not sep.group("xw").strip() and not sep.group("eq") and not lead.group("eq")):
            break  # ('for K=10, K=20' names each x; 'for layers 22, 24, and 26' the first only)
        if not sep.group("xw").strip() and k + 1 < claims.n and _list_lead(claims, ctx, k) is not None:
            break  # '0.6 for layer 22, 0.7 for layer 24' (or '0.7 near 20 K'): the 0.7 is the next value
        xs.append(k)
        k += 1
    return xs


def _same_unit_after(norm: str, end: int, unit: str, x_words: frozenset[str]) -> bool:
    """The x axis' unit after the previous x is written after this one too ('... Hz and 10,000 Hz')."""
    after = norm[end: end + len(unit) + 2].strip().lower()
    return x_words_ok(unit, x_words) and after.startswith(unit.lower())

