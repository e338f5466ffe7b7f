"""Bins that all end in one unit word ('0-17 years', ..., '75 and older years'): the word is
the axis' unit, each category stays as written, and its range alone ('0-17') names it too."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .state import AxisDraft

_BIN_THEN_UNIT: Final = re.compile(  # '0-17 years', '75 and older years', '<5 km'
    r"((?:[<>≤≥]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?(?:[-–]\s?\d+(?:\.\d+)?|\+|and\s(?:older|over|above|more))))"
    r"\s([^\W\d_][\w/]{0,15})")


def bins_share_unit(axis: AxisDraft) -> None:
    """'Age groups: 0-17 years, 18-44 years, ..., 75 and older years': bins that all end in one
    word name it as the axis' unit. Each category stays as written ('0-17 years:' is that
    category); a sentence may name it by its range alone ('for the 0-17 age group')."""
    named = [t for t in axis.ticks if isinstance(t, str)]
    found = [_BIN_THEN_UNIT.fullmatch(t) for t in named]
    units = {m.group(2) for m in found if m is not None}
    if len(named) < 2 or len(named) != len(axis.ticks) or None in found or len(units) != 1:
        return
    axis.unit = axis.unit or units.pop()


@lru_cache(maxsize=256)
def unit_bin_ranges(ticks: tuple[str, ...]) -> frozenset[str]:
    """The ranges of the categories that are a bin and a unit ('0-17' of '0-17 years'), once per axis."""
    return frozenset(m.group(1) for t in ticks if (m := _BIN_THEN_UNIT.fullmatch(t)) is not None)


def range_of_unit_bin(axis: AxisDraft, written: str) -> str | None:
    """The bin range a key names as written, when the axis' bins all end in its unit
    ('0-17 years', ...): the key alone or after one word ('Ages 18-44')."""
    if axis.unit is None or not axis.ticks:
        return None
    ranges = unit_bin_ranges(tuple(t for t in axis.ticks if isinstance(t, str)))
    if len(ranges) != len(axis.ticks):
        return None
    last = written.rsplit(" ", 1)
    candidate = last[-1] if len(last) == 2 and len(last[0].split()) == 1 else written
    return candidate if candidate in ranges else None
