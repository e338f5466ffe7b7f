"""The statement forms that read a point whose coordinates stand side by side: a tuple
'(100, ~0.294)' or '[3, 7]', and 'x = A ... y = B'.

Each follows the contract of :mod:`.statement_forms`; their places in the order are set in
``STATEMENT_FORMS``.
"""

from __future__ import annotations

import re
from typing import Final

from ..values import Quantity
from .claims import Claims, StatementContext

# Character windows: how far from a number a form looks (bounded, so linear in the text).
TUPLE_PAREN_WINDOW: Final = 8
"""'(' before and ')' after a tuple's numbers, allowing a few spaces and a '~'."""
TUPLE_CLOSE_WINDOW: Final = 40
"""')' after a tuple's y, allowing up to three unit words ('41 Quality Score)')."""
EQ_NAME_WINDOW: Final = 12
"""'x = ~' or 'y ≈' written just before a number."""
Y_AFTER_X_MAX: Final = 2
"""The 'y =' of an 'x =' pair is one of the next two numbers (a unit number may sit between)."""

_TUPLE_OPEN: Final = re.compile(r"[(\[]\s*(?:[^\W\d_]\w{0,3}\s?=\s?)?$")  # '(3, 7)', '[3, 7]', '(k=3, 7)'
_TUPLE_SEP: Final = re.compile(r"^\s*(?:[A-Za-z%][\w%/.-]*(?:\s+|(?=[,;)]))){0,3}[,;]\s*[~≈]?\s*$")
_TUPLE_CLOSE: Final = re.compile(r"^\s*(?:[A-Za-z%][\w%/.-]*(?:\s+|(?=[)\]]))){0,3}[)\]]")
_CENTRE_LEAD: Final = re.compile(
    r"\b(?:cent(?:er|r)ed\s{1,2}(?:a?round|at|on|near)|cent(?:er|re)(?:\s{1,2}(?:at|of|is|near))?"
    r"|(?:distributed|distribution|scattered|spread|symmetric(?:al|ally)?|clustered)\s{1,2}(?:[a-z]{2,12}\s{1,2})?"
    r"(?:around|about|near)\s{1,2}the\s{1,2}origin)\s{1,2}"
    r"(?:(?:approximately|about|roughly|near|at)\s{1,2})?[(\[]$", re.IGNORECASE)
"""'a circle centered around (0, 0)', 'the center (0, 1)', 'spread evenly around the origin (0,0)':
where a shape sits or the points spread, no point of it (unless the thing centred is a group of
points: see ``_CLUSTER_NOUN``; a line that 'begins near the origin (0, 0)' has that point)."""
CENTRE_WINDOW: Final = 40
# ('a group centered around (25, 80)' is where its points are: a point of the series)
_CLUSTER_NOUN: Final = re.compile(r"\b(?:clusters?|group|groups|cloud|blob|concentration|clump)\b",
                                  re.IGNORECASE)
_X_EQ: Final = re.compile(r"\bx\s*(?:[=:]\s*[~≈]?|≈)\s*$", re.IGNORECASE)  # ('(x≈0.1, y≈0)' too)
_Y_EQ: Final = re.compile(r"\by\s*[=:≈~]\s*[~≈]?\s*$", re.IGNORECASE)
_DATE_TAIL: Final = re.compile(r"[-/]\d")
_SPAN_AFTER: Final = re.compile(r"\s{0,2}(?:[-–—]|to\s)\s{0,2}[~≈]?\s{0,2}\d")
_MORE_X: Final = re.compile(r"^\s{0,2}(?:,\s{0,2})?(?:and\s{1,2})?x\s{0,2}[=≈]\s{0,2}[~≈]?\s{0,2}$",
                            re.IGNORECASE)
_Y_THEN_X: Final = re.compile(r"^\s{0,2}[,:]?\s{0,2}(?:at|when|where|for)?\s{0,2}x\s{0,2}[=:]?\s{0,2}$",
                              re.IGNORECASE)


def tuple_pair(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        a, b = qs[i], qs[i + 1]
        if used[i] or used[i + 1]:
            continue
        lead = max(0, a.start - TUPLE_PAREN_WINDOW)
        if ((norm.find("(", lead, a.start) != -1 or norm.find("[", lead, a.start) != -1)
                and (opening := _TUPLE_OPEN.search(norm[lead: a.start]))
                and b.start - a.end <= TUPLE_CLOSE_WINDOW and _TUPLE_SEP.match(norm[a.end: b.start])
                and (closing := _TUPLE_CLOSE.match(norm[b.end: b.end + TUPLE_CLOSE_WINDOW]))
                and opening.group(0)[0] + closing.group(0)[-1] in ("()", "[]")):  # '(6,9]' is a bin
            used[i] = used[i + 1] = True
            centre_lead = norm[max(0, a.start - CENTRE_WINDOW): a.start].rstrip(" ~≈")
            if _CENTRE_LEAD.search(centre_lead) and not _CLUSTER_NOUN.search(centre_lead):
                claims.reject(a, "shape-centre")
                claims.reject(b, "shape-centre")
            else:
                claims.point_xy(a, b)


def xy_equals(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used, n = claims.norm, claims.qs, claims.used, claims.n
    for i in range(n):
        window = _xy_name_window(claims, qs[i])
        if used[i] or not ("=" in window or ":" in window or "≈" in window) or not _X_EQ.search(window) \
                or _DATE_TAIL.match(norm, qs[i].end):
            continue  # ('X ≈ 2021-09' is a date: dated-xy reads it)
        if i and not used[i - 1] and _Y_THEN_X.match(norm[qs[i - 1].end: qs[i].start]) \
                and _Y_EQ.search(_xy_name_window(claims, qs[i - 1])):
            claims.point_xy(qs[i], qs[i - 1])  # 'near y=0 at x ≈ -0.2': the y named first
            used[i] = used[i - 1] = True
            k = i + 1
            while k < n and not used[k] and _MORE_X.match(norm[qs[k - 1].end: qs[k].start]):
                claims.point_xy(qs[k], qs[i - 1])  # '... at x = -0.2 and x = 0.15': the same y at each
                used[k] = True
                k += 1
            continue
        for j in range(i + 1, min(n, i + 1 + Y_AFTER_X_MAX)):
            if not used[j] and _Y_EQ.search(_xy_name_window(claims, qs[j])) \
                    and not claims.own_x_follows(j, ctx.x_words):
                if _SPAN_AFTER.match(norm, qs[j].end):
                    claims.reject(qs[j], "range-not-a-value")  # '(x≈0.5, y≈1.8-2.0)': a span of y
                else:
                    claims.point_xy(qs[i], qs[j])
                used[i] = used[j] = True
                break


def _xy_name_window(claims: Claims, q: Quantity) -> str:
    """The text before a number, where its axis' name and sign stand ('x = ', or 'x ≈ ' read as '=')."""
    window = claims.norm[max(0, q.start - EQ_NAME_WINDOW): q.start]
    return window + "=" if q.raw.startswith("≈") else window
