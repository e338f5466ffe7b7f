"""Which words may stand between a value and its x: a unit of the value, words naming the
x axis, a degree word before them; and the numbered names of axes ('Dimension 1'). Shared
by the statement forms."""

from __future__ import annotations

import re
from typing import Final

from ..values import Quantity
from ..vocab import GENERIC_X_WORDS, label_words
from ..vocab_numbers import HEDGE
from ..vocab_units import is_unit_symbol

UNIT_WORDS = frozenset(
    "points point units unit percent pct counts count tokens steps ms s sec seconds hours gb mb"
    " kb tb twh gwh mw kw usd dollars million billion thousand k m b bn pp".split()
)
"""Words that may follow a value as its unit ('180 TWh in 2010', '2 ms (10³)')."""


def x_words_ok(words: str, x_words: frozenset[str]) -> bool:
    """Every word names the x: an axis word, a generic x word ('step', 'epoch'), or a plural."""
    for token in words.split():
        token = token.strip("-#@")
        if not token:
            continue
        split = label_words(token)  # 'x/H' -> x, h: split as the axis label was
        if not split or not all(is_x_word(w, x_words) for w in split):
            return False  # '#3': a bare number names nothing
    return True


SYMBOL_INDEX: Final = r"(?:\^\(\w{1,3}\))?"
"""A regex fragment: the bracketed index a symbol may carry ('v^(2)'); the value scanner reads
no number there (values.scan), so an x's name in the statement forms may end with it."""
_RATE_DENOMINATOR: Final = re.compile(r"/[^\s/]*|\bper\s+\S+", re.IGNORECASE)
"""'/query' in 'USD/query', 'per query' in 'USD per query': what a rate is counted per."""
_CURRENCY: Final = frozenset("$€£¥")


def y_unit_ok(unit: str, y_words: frozenset[str], x_words: frozenset[str] = frozenset()) -> bool:
    """A value's unit word: a unit, a word of the y axis, or one the y axis abbreviates
    ('radians' on an axis in 'rad.', 'seconds' in 'sec'). A rate is judged by what it
    counts, not what it is per ('USD/query', '$ per item')."""
    if "/" in unit or "per " in unit.lower():
        unit = _RATE_DENOMINATOR.sub(" ", unit)
        if unit.strip() in _CURRENCY:
            return True
    if not unit.strip():
        return False
    if x_words_ok(unit, y_words | UNIT_WORDS) or all(
            is_unit_symbol(t) and t.lower() not in x_words for t in unit.split()):
        return True  # ('1.2 fb at √s ≈ 0 GeV': a physical unit, not the x axis' own: '2 mm at x = 0')
    tokens = label_words(unit)
    return bool(tokens) and all(any(len(a) >= _ABBREVIATION_MIN and t.startswith(a) for a in y_words)
                                for t in tokens)


_ABBREVIATION_MIN = 3  # 'rad' abbreviates 'radians'; 'r' or 'ra' abbreviate nothing


def is_x_word(w: str, x_words: frozenset[str]) -> bool:
    """A folded word that names the x: an axis word or a generic one, in either number
    ('query' on an axis of 'Queries')."""
    if w in GENERIC_X_WORDS or w in x_words or w + "s" in x_words:
        return True
    if w.endswith("y") and w[:-1] + "ies" in x_words:
        return True  # 'category' on an axis of 'Categories'
    return w.endswith("s") and (w[:-1] in x_words or w[:-1] in GENERIC_X_WORDS)


_DEGREE_WORDS = frozenset(
    "low lowest lower high highest higher moderate medium small smallest large largest".split())


def without_degree(xw: str) -> str:
    """'at lowest cost (1.5×10⁵ tokens)': a degree word before the x word; the x word must remain."""
    words = xw.split()
    if words and words[0].lower() in _DEGREE_WORDS:
        return " ".join(words[1:]) or "?"  # ('at higher (3)' names no x: '?' fails the x-word test)
    return xw


_NUMBERED_NAME: Final = re.compile(r"^\W*([^\W\d_]{2,20})\s?(\d{1,2})\W*$")


def numbered_name(label: str) -> frozenset[str]:
    """'Dimension 1' -> {'dimension1'}: the one word that tells two axes named 'Dimension 1'
    and 'Dimension 2' apart (their words alone are the same)."""
    m = _NUMBERED_NAME.match(label)
    return frozenset({f"{m.group(1).lower()}{m.group(2)}"}) if m else frozenset()


_NUMBERED_BEFORE: Final = re.compile(r"([^\W\d_]{2,20})\s?(\d{1,2})\s*[=≈:]?\s*$")
_NAME_DIGIT_AFTER: Final = re.compile(r"\s?[=≈:~]")


def numbered_before(window: str) -> frozenset[str]:
    """The numbered name that ends a window ('... around Dimension 2 ≈' -> {'dimension2'})."""
    m = _NUMBERED_BEFORE.search(window)
    return numbered_name(f"{m.group(1)} {m.group(2)}") if m else frozenset()


def digit_of_a_name(norm: str, q: Quantity) -> bool:
    """A digit written right after a word and before '≈' ('Dimension 2 ≈'): part of a name."""
    return q.raw.isdigit() and len(q.raw) <= 2 and q.start >= 2 and norm[q.start - 1] == " " \
        and norm[q.start - 2].isalpha() and _NAME_DIGIT_AFTER.match(norm, q.end) is not None


_SETTING_NAME: Final = re.compile(r"^\s*([^\W\d_][\w′']{0,5})\s?[=:]\s?[~≈]?-?\d")


def settings_of_two_variables(outer: str, inner: str) -> bool:
    """'λ = 2' over 'r = 10²': settings of two different parameters, so the line under both is
    their combination ('λ = 2, r = 10²'), not either alone."""
    a, b = _SETTING_NAME.match(outer), _SETTING_NAME.match(inner)
    return a is not None and b is not None and a.group(1).lower() != b.group(1).lower() \
        and "," not in inner and not inner.startswith(outer)


_WORD_AFTER: Final = re.compile(r"\s{0,2}([^\W\d_]{2,20})\b")


def word_after_names_x(norm: str, end: int, x_words: frozenset[str]) -> bool:
    """The word after a value names the x ('after 5 tokens' on an x axis of tokens)."""
    m = _WORD_AFTER.match(norm, end)
    return m is not None and x_words_ok(m.group(1).lower(), x_words)


def word_after_names_y(norm: str, end: int, x_words: frozenset[str], y_words: frozenset[str]) -> bool:
    """The word after a value is the y axis' own word and none of the x's ('... 1 Joule' on a
    y axis 'Joules' over dates)."""
    m = _WORD_AFTER.match(norm, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return x_words_ok(word, y_words) and not x_words_ok(word, x_words) and word not in GENERIC_X_WORDS


BAR_EXTENT: Final = re.compile(
    r"\bbars?\s{1,2}(?:[^\W\d_]+\s{1,2}){0,2}(?:extends?|extending|spans?|spanning|runs?|running|goes|going)"
    r"\s{1,2}from\s{1,2}(?:" + HEDGE + r"\s{1,2})?[~≈]?\s{0,2}$", re.IGNORECASE)
"""'The bar extends from ' before a bar's start at zero: its end is its value (a box's is no value)."""

REACHED: Final = re.compile(r"\b(?:to|reach(?:es|ing)?|hits?|hitting)\s{1,2}"
                            r"(?:" + HEDGE + r"\s{1,2})?[~≈]?\s{0,2}$",
                            re.IGNORECASE)
REACHED_WINDOW = 28  # 'drops to approximately ' before the value an 'after' clause dates


def names_x(word: str, x_words: frozenset[str]) -> bool:
    """'GPUs' on an axis "# GPU (80GB)", '1 processor' on "Processors": an axis word, any number."""
    w = word.lower()
    return w in x_words or w.rstrip("s") in x_words or (w.endswith("es") and w[:-2] in x_words) \
        or w + "s" in x_words or w + "es" in x_words


def names_x_in(text: str, x_words: frozenset[str]) -> bool:
    """Whether a word of the text names the x axis ('for batch sizes from' on 'Batch Size')."""
    return any(names_x(w, x_words) for w in _WORD.findall(text))


_WORD: Final = re.compile(r"[^\W\d_]{3,}")


NAME_NUMBER_WINDOW: Final = 24
"""'Epoch 3', 'Level 0': the capitalised word right before a number that is part of a name."""
_NAME_NUMBER: Final = re.compile(r"(?:^|[\s(\"'])([A-Z][A-Za-z]*)[ -]$")
_STATING_WORDS = frozenset("labeled labelled labels reads reaches shows value equals measures is at".split())


def number_in_name(norm: str, q: Quantity) -> bool:
    """'Checkpoint 3', 'Frame 18', 'Top 10%': a capitalised word, then the number, names a
    thing ('Labeled 78' states a value, a hedged number is one, and so is a share after the
    verb that opens its clause, 'Occupies 11.2%', with no number right after it)."""
    if q.approx:
        return False
    start = max(0, q.start - NAME_NUMBER_WINDOW)
    named = _NAME_NUMBER.search(norm, start, q.start)
    if named is None or named.group(1).lower() in _STATING_WORDS:
        return False
    return not (q.percent and _CLAUSE_START.search(norm, start, named.start(1))
                and not _NUMBER_NEXT.match(norm, q.end))  # ('Top 10% 45%': the 45% is the value)


_CLAUSE_START: Final = re.compile(r"(?:^|[:.;]\s{0,3})[*_\s]{0,4}$")
_NUMBER_NEXT: Final = re.compile(r"\s{0,3}[~≈]?\s?-?\d")
