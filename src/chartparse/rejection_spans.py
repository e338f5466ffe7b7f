"""Where the named rejections of :mod:`chartparse.rejections` cover a line's numbers: each
pattern compiled once, with its cheap test, and the stretches it rejects."""

from __future__ import annotations

import re
from functools import cache

from .rejections import REJECTIONS, Rejection

_GROUPS = ("n", "n2", "n3", "n4", "n5", "n6", "n7")


def rejected_spans(raw: str, excusing_loss: bool = False) -> list[tuple[int, int, str]]:
    """The stretches of ``raw`` whose numbers a rejection covers, with its name, in
    table order (an earlier rule wins where two cover the same number). ``excusing_loss``:
    only the rejections that excuse a data line for reading nothing."""
    spans: list[tuple[int, int, str]] = []
    raw = raw.replace("**", "  ")  # 'Q3 = **6985**': bold is no word (same length: columns stay)
    low = raw.lower()
    for rule, pattern, needs, groups in _compiled():
        if (excusing_loss and not rule.excuses_loss) or (needs is not None and needs.search(low) is None):
            continue
        spans.extend(_spans(rule.name, pattern, groups, raw))
    return spans


def _spans(name: str, pattern: re.Pattern[str], groups: tuple[str, ...],
           raw: str) -> list[tuple[int, int, str]]:
    return [(m.start(g), m.end(g), name) for m in pattern.finditer(raw) for g in groups if m.start(g) >= 0]


def count_spans(text: str, lowered: str | None = None) -> list[tuple[int, int, str]]:
    """The stretches of ``text`` that 'count-of-things' rejects ('There are [8] violin plots'):
    the statement reader leaves those numbers alone too, by the same pattern."""
    return _named_spans("count-of-things", text, text.lower() if lowered is None else lowered)


def gridline_spans(text: str, lowered: str) -> list[tuple[int, int, str]]:
    """The stretches 'gridline-position' rejects ('above the [70] line'), for the statement reader."""
    return _named_spans("gridline-position", text, lowered)


def _named_spans(name: str, text: str, lowered: str) -> list[tuple[int, int, str]]:
    _, pattern, needs, groups = _rule_named(name)
    if needs is not None and needs.search(lowered) is None:
        return []
    return _spans(name, pattern, groups, text)


@cache
def _rule_named(name: str) -> _Compiled:
    return next(c for c in _compiled() if c[0].name == name)


_Compiled = tuple[Rejection, re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]]


@cache
def _compiled() -> tuple[_Compiled, ...]:
    """Each rejection with its pattern, its cheap test and the groups (of _GROUPS) it has."""
    out: list[_Compiled] = []
    for rule in REJECTIONS:
        pattern = re.compile(rule.pattern, re.IGNORECASE)
        needs = re.compile("|".join(map(re.escape, rule.needs))) if rule.needs else None
        out.append((rule, pattern, needs, tuple(g for g in _GROUPS if g in pattern.groupindex)))
    return tuple(out)


def rejection_for(start: int, end: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The first rejection whose stretch holds the number at ``start``..``end``."""
    for lo, hi, name in spans:
        if lo <= start and end <= hi:
            return name
    return None
