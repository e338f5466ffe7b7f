"""Values a sentence ties to the categories an axis lists: 'about 2 for the 0-9 group',
'0.9 in `ar`', 'rises to ~38 (4k)', 'in `pt` (0.7)'."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from ..values import Quantity
from ..vocab import fold
from .category_values import RANGE_BEFORE
from .text import quantities
from .unit_bins import unit_bin_ranges

# 'for the 0-9 group', 'for age 0-9', 'for age group 20-39': up to two words (the axis' noun)
# may stand before the bin
_FOR_LEAD = r"\s*(?:for|at|in|by|around|near)\s+(?:the\s+)?(?:[A-Za-z]{2,12}\s+){0,2}"
_BIN_NAME = re.compile(r"^(?:[<>≤≥]\s*\d|\d+(?:\.\d+)?\s*(?:[-–]\s*\d|\+|and\s+(?:older|over|above|more)))")



@lru_cache(maxsize=256)
def _bins_after_value(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of 'for <bin>' after a value, built once per axis' bins (not per sentence),
    and each bin by its folded name."""
    after = re.compile(_FOR_LEAD + "(" + "|".join(re.escape(n) for n in names) + r")(?![\w+]|\.\d)",
                       re.IGNORECASE)
    return after, {fold(n): n for n in names}


def values_for_categories(text: str, ticks: list[int | float | str]) -> list[tuple[str, Quantity]]:
    """'about 2 for the 0-9 age group, rises to 5 for 10-19', '0.9 in `ar`': each value just
    before 'for' or 'in' and a category the axis lists by name (a bin such as '10-19' is not a
    range here);
    'rises to ~38 (4k), dips to ~32 (8k)': each value, then a listed category in parentheses."""
    if not ticks:
        return []
    names, listed = _tick_names(tuple(t for t in ticks if isinstance(t, str)))
    names = names + tuple(t for t in listed if len(t) >= _NAMED_AFTER_MIN and t not in names)
    if not listed or ("(" not in text and not names):
        return []
    after, by_fold = _bins_after_value(names) if names else (None, {})
    in_parens, listed_by_fold = _category_in_parens(listed)
    norm, qs = quantities(text)
    out = []
    named_to = -1  # where the last category named after a value ends
    in_brackets: list[tuple[str, Quantity] | None] = []  # values in brackets, each after a category or not
    for q in qs:
        before = RANGE_BEFORE.search(norm, max(0, q.start - _RANGE_WINDOW), q.start)
        if before is not None and before.start() >= named_to:
            continue  # '0.5–0.7 in `en`': a range's end, not a value ('~10 at 0-9 to ~90 at 90+' is two)
        if _CHANGE_BY.search(norm, max(0, q.start - _RANGE_WINDOW), q.start):
            continue  # 'grows by 150 by Q4': a change, not the value there
        m = after.match(norm, q.end) if after is not None else None
        if m:
            out.append((by_fold.get(fold(m.group(1)), m.group(1)), q))
            named_to = m.end()
        elif (p := in_parens.match(norm, q.end)) is not None:
            out.append((listed_by_fold.get(fold(p.group(1)), p.group(1)), q))
        elif _VALUE_IN_PARENS_CLOSE.match(norm, q.end) \
                and _PAREN_OPEN_BEFORE.search(norm, max(0, q.start - _RANGE_WINDOW), q.start):
            b = _category_before_paren(listed).search(norm, max(0, q.start - _BEFORE_PAREN_WINDOW), q.start)
            in_brackets.append(None if b is None else (listed_by_fold.get(fold(b.group(1)), b.group(1)), q))
    if in_brackets and None not in in_brackets:  # 'in `pt` (0.7) and `ko` (0.6)': each after its category
        out.extend(found for found in in_brackets if found is not None)
    return out


_PAREN_OPEN_BEFORE: Final = re.compile(r"\(\s{0,2}[~≈]?\s{0,2}$")

_VALUE_IN_PARENS_CLOSE: Final = re.compile(r"\s{0,2}%?\s{0,2}\)")
_BEFORE_PAREN_WINDOW = 64  # a category's name and the bracket after it, right before the value


@lru_cache(maxsize=256)
def _category_before_paren(names: tuple[str, ...]) -> re.Pattern[str]:
    """'`pt` (' right before a value: a category the axis lists, its value in parentheses."""
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<![\w-])(" + alternatives + r")\s{0,2}\(\s{0,2}[~≈]?\s{0,2}$", re.IGNORECASE)


_RANGE_WINDOW = 8
_CHANGE_BY: Final = re.compile(r"\bby\s?[~≈]?\s?$", re.IGNORECASE)
_NAMED_AFTER_MIN = 2  # 'in a' is no category 'A': a one-letter name is read only in parentheses


@lru_cache(maxsize=256)
def _tick_names(ticks: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The bins among an axis' categories, and all of them, longest first (once per axis)."""
    bins = {t for t in ticks if _BIN_NAME.match(t)} | unit_bin_ranges(ticks)
    named = {t for t in ticks if t.strip()}
    return tuple(sorted(bins, key=len, reverse=True)), tuple(sorted(named, key=len, reverse=True))


@lru_cache(maxsize=256)
def _category_in_parens(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """' (4k)' or ' at (P)' right after a value: a category the axis lists, in parentheses."""
    alternatives = "|".join(re.escape(n) for n in names)
    pattern = re.compile(r"\s{0,2}%?\s{0,2}\(\s{0,2}(" + alternatives + r")\s{0,2}\)", re.IGNORECASE)
    return pattern, {fold(n): n for n in names}
