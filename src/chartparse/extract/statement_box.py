"""The central value of a box or a group, named among its statistics.

'Q3: 1017, Median: 552, Q1: 392' under a box's header states one value of the box: the
median (or mean) is the point at the x in scope; the quartiles, whiskers and extremes
beside it are the box's spread, not values of their own.
"""

from __future__ import annotations

import re
from typing import Final

from .claims import Claims, StatementContext

STAT_NAME_WINDOW = 24  # 'Median (orange line) ≈ ' between the statistic's name and its number
_CENTRAL: Final = re.compile(r"\b(?:median|mean|average)\b[^\d~≈]{0,18}$", re.IGNORECASE)
_SPREAD: Final = re.compile(r"\b(?:q1|q3|quartiles?|iqr|interquartile|whiskers?|outliers?|min(?:imum)?|"
                     r"max(?:imum)?|lower|upper|fence|spans?|spanning|ranges?|ranging)\b[^\d~≈]{0,18}$",
                     re.IGNORECASE)  # ('Distribution spans 0.2–0.6, with a median ~0.4')


def central_value(claims: Claims, ctx: StatementContext) -> None:
    """With an x in scope: the number named median/mean is the value, the spread is not."""
    if ctx.x is None:
        return
    central = spread = -1
    for i, q in enumerate(claims.qs):
        if claims.used[i]:
            continue
        lead = claims.before(q, STAT_NAME_WINDOW)
        if central < 0 and _CENTRAL.search(lead):
            central = i
        elif _SPREAD.search(lead):
            spread = i
    if central < 0 or spread < 0:
        return  # a lone 'mean of 4.2' is left to the x-context form
    claims.point(ctx.x, None, None, claims.qs[central])
    for i, q in enumerate(claims.qs):
        if not claims.used[i]:
            claims.used[i] = True
            if i != central:
                claims.reject(q, "box-spread")
