"""Matching words and phrases: folding text, tokenising labels, finding table phrases.

The vocabulary (chartparse.vocab) holds the tables; this module holds how a text is
compared with them, so both stay short.
"""

from __future__ import annotations

import re
from typing import Final

from .textcache import text_cache

__all__ = ["ends_with_phrase", "fold", "has_phrase", "label_words", "lookup", "starts_with_any"]

_NON_WORD: Final = re.compile(r"[^\w%@#+./\- ]+")  # letters of any alphabet stay (α, γ, μ)
_SPACES: Final = re.compile(r"\s+")


@text_cache()
def fold(text: str) -> str:
    """Lower case with markup and punctuation folded to spaces."""
    text = text.lower().replace("_", " ").replace("−", "-")  # ('−10' is '-10', not '10')
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" .:/")
    if text.startswith("-") and not _NEGATIVE_NUMBER.match(text):
        text = text.lstrip("-").lstrip(" .:/")
    return text.rstrip("-").rstrip(" .:/")  # ('-5' stays negative: a category '-5°' is no '5°')


_NEGATIVE_NUMBER: Final = re.compile(r"-\.?\d")


_LABEL_WORD: Final = re.compile(r"[^\W\d_](?:[^\W_]|-)*")  # a letter of any script, then letters, digits, '-'
_OFFSET_WORD: Final = re.compile(r"([^\W\d_]+)-\d{4,9}")
"""'HJD-2450000': a quantity less an offset is named by the word alone too ('around HJD 8720')."""

# A Greek letter is written by its name in LaTeX ('$\\beta$ (%)') and as itself in prose ('β=10').
GREEK_LETTERS: Final = dict(zip(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
    "upsilon phi chi psi omega".split(), "αβγδεζηθικλμνξοπρστυφχψω", strict=True))
_GREEK_NAMES: Final = {symbol: name for name, symbol in GREEK_LETTERS.items()}


@text_cache()
def label_words(text: str) -> frozenset[str]:
    """The words of an axis label or of a sentence, as they are compared with each other.

    One tokeniser for both sides, so a label's words and a sentence's words always
    compare alike: lower case, split at '_', '/', '.', spaces and other punctuation,
    numbers dropped ('x/H' -> x, h; 'Acc_test (%)' -> acc, test; '√s, GeV' -> s, gev).
    """
    words = {w.strip("-") for w in _LABEL_WORD.findall(text.lower()) if w.strip("-")}
    words |= {m.group(1) for w in words if "-" in w and (m := _OFFSET_WORD.fullmatch(w))}
    return frozenset(words | {GREEK_LETTERS[w] for w in words if w in GREEK_LETTERS}
                     | {_GREEK_NAMES[w] for w in words if w in _GREEK_NAMES})


def has_phrase(folded: str, phrase: str) -> bool:
    """Whole-word containment of a phrase in folded text."""
    if phrase not in folded:
        return False
    start = folded.find(phrase)
    while start != -1:
        end = start + len(phrase)
        before_ok = start == 0 or not folded[start - 1].isalnum()
        after_ok = end == len(folded) or not folded[end].isalnum()
        if before_ok and after_ok:
            return True
        start = folded.find(phrase, start + 1)
    return False


def has_any_phrase(folded: str, phrases: tuple[str, ...]) -> bool:
    """Whole-word containment of any of the phrases in folded text."""
    return any(has_phrase(folded, phrase) for phrase in phrases)


_TOKEN: Final = re.compile(r"[a-z0-9]+")


@text_cache()
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(fold(text)))


# Caches keyed by the table itself (tuples hash and compare by content), not by id():
# the compiled build re-creates constant tuples on each call, so an id() key grew one
# entry per call, and held every tuple alive (issue 17). Bounded like a text cache.
_CACHE_LIMIT = 1024
_INDEXES: dict[tuple[tuple[str, str], ...], dict[str, list[tuple[int, tuple[str, ...], str]]]] = {}


# The first tables indexed, held (not keyed by id()) and found by identity: hashing a long
# table's content on every lookup cost more than the lookup itself. The vocabulary's
# tables are module constants, the same object on every call.
_FIRST: list[tuple[tuple[tuple[str, str], ...], dict[str, list[tuple[int, tuple[str, ...], str]]]]] = []
_FIRST_LIMIT = 12


def _phrase_index(table: tuple[tuple[str, str], ...]) -> dict[str, list[tuple[int, tuple[str, ...], str]]]:
    """Phrases of a table by their first word, for one pass over a text's words."""
    for known, found in _FIRST:
        if known is table:
            return found
    index = _INDEXES.get(table)
    if index is None:
        index = {}
        for order, (phrase, role) in enumerate(table):
            words = tuple(_TOKEN.findall(phrase))
            if words:
                index.setdefault(words[0], []).append((order, words, role))
        if len(_INDEXES) >= _CACHE_LIMIT:
            _INDEXES.clear()
        _INDEXES[table] = index
        if len(_FIRST) < _FIRST_LIMIT:
            _FIRST.append((table, index))
    return index


def lookup(table: tuple[tuple[str, str], ...], text: str) -> str | None:
    """The role of the first phrase of ``table`` (in table order) found as whole words in text."""
    index = _phrase_index(table)
    words = _tokens(text)
    best: tuple[int, str] | None = None
    for pos, word in enumerate(words):
        for order, phrase_words, role in index.get(word, ()):
            if best is not None and order >= best[0]:
                continue
            if words[pos: pos + len(phrase_words)] == phrase_words:
                best = (order, role)
    return best[1] if best else None


_PREFIXES: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}


_FIRST_PREFIXES: list[tuple[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]]] = []


def _prefixes(phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    for known, found in _FIRST_PREFIXES:  # by identity first, as in _phrase_index
        if known is phrases:
            return found
    entry = _PREFIXES.get(phrases)
    if entry is None:
        if len(_PREFIXES) >= _CACHE_LIMIT:
            _PREFIXES.clear()
        entry = _PREFIXES[phrases] = (frozenset(phrases), tuple(p + " " for p in phrases))
        if len(_FIRST_PREFIXES) < _FIRST_LIMIT:
            _FIRST_PREFIXES.append((phrases, entry))
    return entry


def starts_with_any(folded: str, phrases: tuple[str, ...]) -> bool:
    exact, prefixes = _prefixes(phrases)
    return folded in exact or folded.startswith(prefixes)


def ends_with_phrase(folded: str, phrase: str) -> bool:
    """'x axis range', 'categories/bins', 'xticks', 'subcategories' end with 'range', 'bins',
    'ticks', 'categories'; 'sample a orange' does not."""
    if not folded.endswith(phrase):
        return False
    head = folded[: len(folded) - len(phrase)]
    return not head or head[-1] in " /-" or head.rsplit(" ", 1)[-1] in _GLUED_PREFIXES


_GLUED_PREFIXES = frozenset({"x", "y", "z", "sub", "tick", "xtick", "ytick"})
