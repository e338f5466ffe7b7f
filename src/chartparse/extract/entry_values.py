"""Values at an x that name their legend entry: by its colour or its name's words ('Blue
~300, Amber ~900'), or by the entry named right after each value ('41% in the draft and 58%
in the final version'); and values that name their series before them in a list of their own
('Mx-8B (~70), Mx-70B (~68)'), with or without a legend."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab_numbers import HEDGE
from .add_points import add_point, apply_reading
from .category_values import declared_category_keys
from .limits import names_to_mention
from .mentions import mentioned_series
from .narrative import read_in
from .rules.patterns import ALL_SERIES_WORDS
from .state import LegendEntryDraft, name_key
from .text import is_style_words, quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from .scope import Scope
    from .walker import Walker


_COLOUR_VALUE: Final = re.compile(r"\b([^\W\d_]+(?:[ -][^\W\d_]+)?)\s?(?:bar|line|dot|segment)?s?\s?[:=(]?\s?"
                           r"(?:" + HEDGE + r" )?([~≈]?\s?-?\d[\d.,]*\s?%?)")




def _entry_handles(entries: list[LegendEntryDraft]) -> dict[str, tuple[str, str]]:
    """The words a line may name each legend entry by: its colour ('Blue ~300'), its label
    of one or two words, or its label's first word ('Intrinsic ~15%' for "Intrinsic
    Correction"). -> {handle: (label, rule)}; a handle two entries share names neither."""
    handles: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()

    def add(handle: str, label: str, rule: str) -> None:
        if handle in handles and handles[handle][0] != label:
            shared.add(handle)
        handles.setdefault(handle, (label, rule))

    for entry in entries:
        if entry.color:
            add(entry.color.lower(), entry.label, "statement.values-by-colour")
    for entry in entries:
        words = entry.label.lower().split()
        if any(ch.isdigit() for ch in entry.label):
            add(_letters_only(entry.label), entry.label, "statement.values-by-entry-name")
        if 1 <= len(words) <= 2 and all(w.isalpha() for w in words):
            add(" ".join(words), entry.label, "statement.values-by-entry-name")
        if len(words) >= 2 and len(words[0]) >= _HANDLE_MIN and words[0].isalpha():
            add(words[0], entry.label, "statement.values-by-entry-name")
    return {h: v for h, v in handles.items() if h not in shared}


_HANDLE_MIN = 3  # a first word this short ('A', 'GP') names no entry on its own


def _letters_only(label: str) -> str:
    return "".join(ch for ch in label.lower() if ch.isalpha())


def _numbered_labels_as_words(text: str, entries: list[LegendEntryDraft]) -> str:
    """'After 1st Round: ~37%' -> 'afterstround: ~37%': an entry whose label holds a number is
    written as one word of its letters, so the number in its name is not read as its value."""
    for entry in entries:
        if any(ch.isdigit() for ch in entry.label) and len(entry.label) >= _HANDLE_MIN:
            text = re.sub(re.escape(entry.label), _letters_only(entry.label), text, flags=re.IGNORECASE)
    return text


def values_by_entry_handle(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'Blue ~300, Amber ~900', 'Dark blue (~0.4) vs. light blue (~0.3)' or 'Base ~10%,
    Intrinsic ~15%' at an x: each value names its legend entry by colour or by its name's words."""
    entries = w.state.legend_entries(scope.panel)
    handles = _entry_handles(entries)
    if len(handles) < 2:
        return False
    text = _numbered_labels_as_words(text, entries)
    # A word test first: two entries are named only if two of their handles are in the text.
    low = text.lower()
    if len({label for handle, (label, _) in handles.items() if handle in low}) < 2:
        return False
    found: list[tuple[str, str, str]] = []
    for m in _COLOUR_VALUE.finditer(text):
        named = handles.get(m.group(1).lower())
        if named is None and " " in m.group(1):
            named = handles.get(m.group(1).lower().split()[-1])  # 'and Blue ~5'
        if named is not None:
            found.append((named[0], m.group(2), named[1]))
    if len({label for label, _, _ in found}) < 2 or scope.x is None:
        return False
    for label, written, rule in found:
        _, qs = quantities(written)
        if qs:
            add_point(w, w.state.chart.series_for(label, scope.panel, line_no), scope.x, qs[0].value,
                      qs[0].approx, line_no, rule=rule)
    return True


_ENTRY_WINDOW = 40  # '41% in the draft': the legend entry is named right after its value


_ENTRY_LEAD: Final = re.compile(r"^[\s%]*(?:(?:in|for|at|after|on|with|during|of|the|a|its)\s+){0,3}$")


_ARTICLE = re.compile(r"\b(?:the|a|an)\s+")


def _entry_after(window: str, labels: list[tuple[str, str]]) -> str | None:
    """The legend entry named right after a value: only linking words may stand between
    ('37% after the 1st round' names the entry "After 1st Round": articles are skipped)."""
    low = _ARTICLE.sub("", window.lower())
    best: str | None = None
    for lowered, label in labels:
        at = low.find(_ARTICLE.sub("", lowered))
        if at >= 0 and _ENTRY_LEAD.match(low[:at]) and (best is None or len(label) > len(best)):
            best = label
    return best


def values_then_entry(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'41% in the draft and 58% in the final version' at an x: each value, then the
    legend entry it belongs to, named by the entry's words."""
    norm, qs = quantities(text)
    if len(qs) < 2 or scope.x is None:
        return False
    entries = w.state.legend_entries(scope.panel)
    labels = _labels_as_written(norm, [e.label for e in entries if e.label.strip()])
    found: list[tuple[str, int]] = []
    for i, q in enumerate(qs):
        # the window may pass the next number: an entry's name can hold one ('1st Round')
        label = _entry_after(norm[q.end: q.end + _ENTRY_WINDOW], labels)
        if label is not None:
            found.append((label, i))
    if len(found) < 2 or len({label for label, _ in found}) != len(found):
        return False
    for label, i in found:
        add_point(w, w.state.chart.series_for(label, scope.panel, line_no), scope.x, qs[i].value,
                  qs[i].approx, line_no, rule="statement.values-then-entry")
    return True


_NUMBER_LABEL: Final = re.compile(r"\d{1,3}")
_NOUN_NUMBER: Final = re.compile(r"\b([a-z]{3,20}) (\d{1,3})\b")


def _labels_as_written(text: str, labels: list[str]) -> list[tuple[str, str]]:
    """(how the text writes each label, the label). Labels that are bare numbers ('0' to '4')
    are written after the noun they number ('10% rating 0, 5% rating 1'): when one word
    stands before two or more of them, the labels are read with it."""
    if labels and all(_NUMBER_LABEL.fullmatch(label.strip()) for label in labels):
        numbered: dict[str, set[str]] = {}
        for m in _NOUN_NUMBER.finditer(text.lower()):
            if m.group(2) in labels:
                numbered.setdefault(m.group(1), set()).add(m.group(2))
        noun = max(numbered, key=lambda word: len(numbered[word]), default=None)
        if noun is not None and len(numbered[noun]) >= 2:
            return [(f"{noun} {label.strip()}", label) for label in labels]
    return [(label.lower(), label) for label in labels]


_NAMED_VALUE: Final = re.compile(
    r"([^\W\d_][^()]{0,40}?)\s?\(\s?((?:" + HEDGE + r"\s)?[~≈]?\s?-?\d[\d.,]*\s?%?)\s?\)")
_ITEM_SEP: Final = re.compile(r",\s*(?:and\s+)?|;\s*|(?<!\s)\s+and\s+")


def named_values_in_parens(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'**HotpotQA:** Mx-8B (~70), Mx-70B (~68).' at an x: a list, and nothing else, of
    names each with its value in brackets; each name is a series (declared or not). Names
    that are the axis' categories or looks are left to the category and colour rules."""
    if scope.x is None or "(" not in text:
        return False
    found: list[tuple[str, str]] = []
    for piece in _ITEM_SEP.split(text.strip().rstrip(".")):
        m = _NAMED_VALUE.fullmatch(piece.strip())
        if m is None:
            return False
        found.append((m.group(1).strip(), m.group(2)))
    names = {name_key(name) for name, _ in found}
    if len(found) < 2 or len(names) != len(found) or any(is_style_words(name) for name, _ in found):
        return False
    if names & declared_category_keys(w.state.chart):
        return False
    for name, written in found:
        _, qs = quantities(written)
        add_point(w, w.state.chart.series_for(name, scope.panel, line_no), scope.x, qs[0].value,
                  qs[0].approx, line_no, rule="statement.named-values-in-parens")
    return True


_LIST_GAP: Final = re.compile(r"\s{0,2}(?:,\s{0,2}(?:and\s{1,2})?|and\s{1,2}|&\s{0,2})")
_RANGE: Final = re.compile(r"\d\s{0,2}(?:[-–—]|to)\s{0,2}[~≈]?\s{0,2}\d")
_RESPECTIVELY: Final = re.compile(r"\brespectively\b", re.IGNORECASE)


def listed_series_values(w: Walker, text: str, mentions: list[tuple[int, str]], scope: Scope,
                         line_no: int | None) -> bool:
    """At an x, 'Precision, F1-score, and Recall are high, with medians around 0.75, 0.80,
    and 0.85 respectively': the series listed first, then their values in turn (or one value
    all of them share: 'are similar, with medians around 0.50'). A range of values ('around
    0.60-0.70') is no point of any."""
    if scope.x is None or len(mentions) < 2:
        return False
    run = [mentions[0]]
    for idx, name in mentions[1:]:
        prev_idx, prev_name = run[-1]
        if not _LIST_GAP.fullmatch(text, prev_idx + len(prev_name), idx):
            break
        run.append((idx, name))
    if len(run) < 2 or len(run) < len(mentions):
        return False
    tail = text[run[-1][0] + len(run[-1][1]):]
    _, qs = quantities(tail)
    if _RANGE.search(tail) or _NOT_A_VALUE.search(tail):
        return False  # ('add up to 0.90', 'stay below 0.50': a sum or a bound, no one's value)
    if len(qs) == len(run) and _RESPECTIVELY.search(tail):
        values = list(qs)
    elif len(qs) == 1 and not _RESPECTIVELY.search(tail):
        values = [qs[0]] * len(run)
    else:
        return False
    approx = values[0].approx  # ('near 0.70, 0.75 and 0.80': the hedge holds for the list)
    for (_, name), q in zip(run, values, strict=True):
        series = w.state.chart.series_for(name, scope.panel, line_no)
        add_point(w, series, scope.x, q.value, approx or q.approx, line_no,
                  rule="statement.listed-series-values")
    return True


_NOT_A_VALUE: Final = re.compile(
    r"\b(?:sum|sums|total|totals|add\s+up|combined|together|below|above|under|over|less|more|"
    r"exceed\w*|at\s+(?:least|most)|up\s+to)\b", re.IGNORECASE)


def read_for_every_series(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'Both lines overlap ... They start at (0%, 0.0)': the sentence's subject is every
    series, so each has the points it states, when the sentence names none of them itself,
    its count ('both' = 2, 'all three' = 3) is the legend's, and it speaks of no gap or change
    between them. The sentence is read once; its points go to each series."""
    m = ALL_SERIES_WORDS.match(strip_markup(text).lstrip())
    if m is None or _RELATION_WORDS.search(text) or mentioned_series(w.state, text):
        return False
    names = w.state.legend_labels(scope.panel) or names_to_mention(w.state)
    count = _SERIES_COUNT.get((m.group("count") or m.group("all")).lower())
    if len(names) < 2 or len(names) > _EVERY_SERIES_MAX or (count is not None and count != len(names)):
        return False
    reading = read_in(w.state, text, scope.x)
    if not reading.points:
        return False
    for name in names:
        apply_reading(w, reading, w.state.chart.series_for(name, scope.panel, line_no), line_no)
    return True


def every_series_leads(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """A text opening with every series as its subject ('Both lines meet at ~200 by minute 40')
    gives each series its points, whatever series the scope held."""
    return _EVERY_LEAD.match(strip_markup(text)) is not None \
        and read_for_every_series(w, text, scope.but(series=None), line_no)


_EVERY_LEAD: Final = re.compile(r"\s{0,3}(?:both|all)\s", re.IGNORECASE)
_SERIES_COUNT: Final = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                        "eight": 8, **{str(n): n for n in range(2, 9)}}
_EVERY_SERIES_MAX = 8  # 'all lines' of a longer legend says too little to give each a point
_RELATION_WORDS: Final = re.compile(
    r"\b(?:gap|difference|distance|spread|ratio|margin|diverge\w*|between them)\b", re.IGNORECASE)
