"""Which of several numbers a sentence at a known x states as its value: the one it labels
'Value:', or the result of a sum it works out."""

from __future__ import annotations

import re
from typing import Final

from .claims import Claims, XValue

VALUE_LABEL_WINDOW: Final = 48
"""'Validation loss ≈' before a value: a label of up to four words and its linking word."""


def chosen_value(claims: Claims, x: XValue) -> bool:
    """Of a sentence's several numbers, the one it says is the value at ``x`` (word tests
    first: each form needs its word or sign)."""
    norm = claims.norm
    return ("value" in norm.lower() and _stated_value(claims, x)) \
        or ("=" in norm and claims.n > 2 and _worked_out_value(claims, x))


_STATED_VALUE: Final = re.compile(r"\bvalue\s{0,2}[:=]\s{0,2}[*_]{0,2}\s{0,2}[~≈]?\s{0,2}$", re.IGNORECASE)


def _stated_value(claims: Claims, x: XValue) -> bool:
    """'... between the 2 and 4 gridlines. **Value: 3 papers.**': the number the sentence
    labels its value is the point; the others place the bar."""
    found = [i for i, q in enumerate(claims.qs)
             if not claims.used[i] and _STATED_VALUE.search(claims.before(q, VALUE_LABEL_WINDOW))]
    if len(found) != 1:
        return False
    for i, q in enumerate(claims.qs):
        if i != found[0] and not claims.used[i]:
            claims.used[i] = True
            claims.reject(q, "beside-stated-value")
    claims.point(x, None, None, claims.qs[found[0]])
    return True


_OPERATOR_GAP: Final = re.compile(r"\s{0,2}[-+−×]\s{0,2}")
_EQUALS_GAP: Final = re.compile(r"\s{0,2}=\s{0,2}")
_COMPARES: Final = re.compile(r"\b(?:difference|gap|margin|delta|lead|advantage|drop|gain)\b", re.IGNORECASE)


def _worked_out_value(claims: Claims, x: XValue) -> bool:
    """'The total is ~0.89, so its accuracy is 0.89 - 0.65 = 0.24': the result of the sum the
    sentence works out is the value; its terms (and their restatements) are other values."""
    qs, norm, used = claims.qs, claims.norm, claims.used
    for k in range(2, claims.n):
        a, b, result = qs[k - 2], qs[k - 1], qs[k]
        if used[k - 2] or used[k - 1] or used[k] or not _OPERATOR_GAP.fullmatch(norm, a.end, b.start) \
                or not _EQUALS_GAP.fullmatch(norm, b.end, result.start) \
                or _COMPARES.search(claims.before(a, VALUE_LABEL_WINDOW)):
            continue  # ('The difference is 47.9 - 46.9 = 1.0' compares two bars: no value of either)
        for i, q in enumerate(qs):
            if i != k and q.value in (a.value, b.value) and not used[i]:
                used[i] = True
                claims.reject(q, "arithmetic-term")
        claims.point(x, None, None, result)
        return True
    return False
