"""The x that opens a sentence: 'At 60B tokens, ...', 'When K = 8, ...', 'Around 2001, ...'."""

from __future__ import annotations

import re
from typing import Final

from ..values import Quantity
from ..vocab_numbers import HEDGE, SEQUENCE_ADVERB, SEQUENCE_ADVERBS
from .value_words import x_words_ok

LEAD_X: Final = re.compile(  # (the dot that ends 'a.u.' or 'e.g.' ends no sentence)
    r"(?:^|(?:[;!?]|(?<!\.[A-Za-z])\.)\s+|\n)\s*[*_]*(?:" + SEQUENCE_ADVERB + r")?"
    r"(?:at|by|for|on|in|when|with)\s+(?:the\s+)?"
    r"(?P<xw>(?:(?:[^\W\d_]|[#@])[\w\-]*(?:\s+|\s*(?=[=:≈]))){0,3})"  # 'At ℓ ≈ 2': any script
    r"(?P<eq>[=:≈]\s*)?[~≈]?\s*$",
    re.IGNORECASE,
)
# A cheap test that rules out most windows before LEAD_X (tried once per number) runs.
_LEAD_WORDS = ("at", "by", "for", "on", "in", "when", "with", *SEQUENCE_ADVERBS)


def hedged_lead_x(norm: str, q: Quantity, window: str, x_words: frozenset[str] = frozenset()) -> bool:
    """'Around 2001, A peaks at ~400' or 'Around 80 seconds, it peaks at 8.5': a hedged number
    opening a sentence, then (the x's unit word and) a comma, is the x of what the sentence states."""
    if not q.approx:
        return False
    if not norm.startswith(",", q.end):
        unit = _UNIT_THEN_COMMA.match(norm, q.end)
        if unit is None or unit.group(1).lower() in _NO_UNIT or not x_words_ok(unit.group(1), x_words):
            return False
    hedge = q.raw.rstrip("0123456789.,+-−")  # the scanner reads the hedge as part of the number
    return _HEDGE_OPENING.search(window + hedge) is not None


_UNIT_THEN_COMMA: Final = re.compile(r"\s?([^\W\d_]{1,12}),")
_NO_UNIT: Final = frozenset(("the", "a", "an", "and", "or", "it", "this"))
_HEDGE_OPENING: Final = re.compile(
    r"(?:^|[.;!?]\s|\n)\s*[*_]*" + HEDGE + r"\s*[~≈]?\s*$", re.IGNORECASE)


def _may_lead_x(window: str) -> bool:
    """LEAD_X can only match from the window's start or after a sentence break (a
    newline, or '.;!?' and a space: the '.' of '0.5' is none)."""
    head = window.lstrip().lstrip("*_").lower()
    return head.startswith(_LEAD_WORDS) or "\n" in window or _BREAK.search(window) is not None


_BREAK: Final = re.compile(r"[.;!?]\s")


_VALUE_AT: Final = re.compile(  # 'Approximate value in 2012: 1e-01', 'Value at step 100: 0.5'
    r"(?:^|[.;!?]\s|\n)\s*[*_]*(?:the\s+)?(?:(?:approximate|approx\.|estimated|mean|average)\s+)?"
    r"(?:value|reading)\s+(?:at|in|for|on)\s+(?:the\s+)?"
    r"(?P<xw>(?:[^\W\d_][\w\-]*\s+){0,2})(?P<eq>[=:≈]\s*)?[~≈]?\s*$",
    re.IGNORECASE,
)


def lead_x_in(window: str) -> re.Match[str] | None:
    """The lead word and x words that end the text before a number, if they open a sentence
    ('At 60B tokens', or 'Value at step 100' where the value is named before its x)."""
    if _may_lead_x(window) and (m := LEAD_X.search(window)) is not None:
        return m
    return _VALUE_AT.search(window) if "alue" in window or "eading" in window else None
