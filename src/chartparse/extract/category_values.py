"""Values a sentence gives per declared category: a pie's slices ('YES: 85%, NO: 15%'),
a category with its value beside it ('Recall (0.78)', '0.85 in Speed'); values 'for' the
bins a histogram's axis lists are :mod:`.values_at_categories`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab import TOTAL_WORDS, fold
from ..vocab_numbers import HEDGE
from .categories import category_axis, drop_note, tick_with_axis_words
from .state import AxisDraft, ChartDraft, name_key
from .text import find_whole, quantities, strip_markup
from .tick_index import ONE_LETTER, SHORT_NAME_MIN
from .unit_bins import range_of_unit_bin
from .values_of import compact_bin

if TYPE_CHECKING:  # pragma: no cover
    from .reading import ReadingState


_PAIR_SEP: Final = re.compile(r"\s*[,;]\s*")
_LABEL_COLON: Final = re.compile(r"^([^:]{1,40}):\s*(\S.*)$")


def legend_slices(chart: ChartDraft, text: str) -> list[tuple[str, str]] | None:
    """'YES: 85%, NO: 15%' on a pie chart whose legend lists YES and NO: one value per slice.

    Every piece must name a legend entry and at least two must: then the key the text
    stands under is one pie of several, not a category of one pie.
    """
    entries = {name_key(e.label): e.label for e in chart.legend}
    pairs: list[tuple[str, str]] = []
    for piece in _PAIR_SEP.split(strip_markup(text).rstrip(". ")):
        m = _LABEL_COLON.match(piece)
        label = entries.get(name_key(m.group(1))) if m else None
        if m is None or label is None:
            return None
        pairs.append((label, m.group(2)))
    return pairs if len(pairs) >= 2 else None


_PAREN_VALUE_AFTER: Final = re.compile(
    r"[\"'`”’*]{0,2}\s*\(\s*((?:" + HEDGE + r"\s+)?"  # '(near 0.0)'
    r"[~≈]?\s*-?\d+(?:\.\d+)?\s*%?)\s*\)")
# 'GSM8K: 96.3, MATH 500: 89.4': a category, a colon, its value, then the next or the end
_COLON_VALUE_AFTER: Final = re.compile(
    r"[\"'`”’*]{0,2}\s?:\s{0,2}([~≈]?\s?-?\d+(?:\.\d+)?\s?%?)(?=\s{0,2}(?:[,;.)]|$))")
# 'Speed ~40%, Stamina 90%': a category, a space, its hedged or percent value, then the next
# or the end ('Llama 3' is a name with its version)
_SPACED_VALUE_AFTER: Final = re.compile(
    r"[\"'`”’*]{0,2}\s{1,2}([~≈]\s?-?\d+(?:\.\d+)?\s?%?|-?\d+(?:\.\d+)?\s?%)"
    r"(?=\s{0,2}(?:[,;)]|\.(?:\s|$)|and\s|$))")
# 'V in Category', or a hedged or percent value right before it ('~60% Wellbeing')
_VALUE_BEFORE: Final = re.compile(
    r"((?:" + HEDGE + r"\s)?[~≈]?\s*-?\d+(?:\.\d+)?\s*%?)\s+(?:in|on|for)\s+(?:the\s+)?[\"“'`]?$"
    r"|((?:" + HEDGE + r"\s)?(?:[~≈]\s?-?\d+(?:\.\d+)?\s?%?|-?\d+(?:\.\d+)?\s?%))\s$")
_VALUE_BEFORE_WINDOW = 30


def declared_category_values(chart: ChartDraft, text: str, panel: str | None) -> list[tuple[str, str]]:
    """'Strong in Recall (0.78) and peaks at 0.85 in Speed': each category the axis declared,
    with the value written in parentheses (or after a colon) right after it, or right before it
    ('V in Category')."""
    axis = category_axis(chart, panel) or category_axis(chart, None)
    if axis is None:
        return []
    low = text.lower()
    found: list[tuple[int, str, str]] = []
    for tick in axis.index().inside_lower(low):
        if not isinstance(tick, str) or not tick:
            continue
        if len(tick) < ONE_LETTER:  # a one-letter category counts only quoted as written: '`v` (120)'
            at = text.find(f"`{tick}`") + 1 or text.find(f'"{tick}"') + 1
            if at <= 0:
                continue
        else:
            at = low.find(tick.lower())
        written = tick
        if at < 0 and ": " in tick:  # 'Autonomy (~60%)' for the spoke 'VP: Autonomy'
            written = tick.split(": ", 1)[1]
            at = low.find(written.lower()) if len(written) >= SHORT_NAME_MIN else -1
        end = at + len(written)
        if at < 0 or (at > 0 and low[at - 1].isalnum()) or (end < len(low) and low[end].isalnum()):
            continue
        if (value := _value_beside(text, at, end)) is not None:
            found.append((at, tick, value))
    if not found:
        plain = strip_markup(text).strip()
        return _lead_category_value(plain, axis) or _respective_values(plain, axis)
    return [(tick, value) for _, tick, value in sorted(found)]


def _value_beside(text: str, at: int, end: int) -> str | None:
    """The value written right after the category at ``text[at:end]``, else right before it."""
    after = _PAREN_VALUE_AFTER.match(text, end) or _COLON_VALUE_AFTER.match(text, end) \
        or _SPACED_VALUE_AFTER.match(text, end)
    if after:
        return after.group(1)
    window = text[max(0, at - _VALUE_BEFORE_WINDOW):at]
    before = _VALUE_BEFORE.search(window)
    if before is None:
        return None
    start = before.start() + (1 if window[before.start()] in "-–—" else 0)
    if RANGE_BEFORE.search(window, 0, start):
        return None  # 'peaks around 70-80% for "Exchanging money"': a range, no value
    return before.group(1) or before.group(2)


RANGE_BEFORE: Final = re.compile(r"\d\s?(?:[-–—]|to)\s?[~≈]?$")
"""A range's first bound and its dash (or 'to') right before a number: that number ends a range."""


_RESPECTIVELY: Final = re.compile(r"\brespectively\b", re.IGNORECASE)
_CLAUSE_BREAK: Final = re.compile(r";\s|\.\s")


def _respective_values(plain: str, axis: AxisDraft) -> list[tuple[str, str]]:
    """'on MATH and HumanEval, reaching 0.3 and 0.7 respectively': the declared categories
    named first in the clause and as many values after them, paired in order."""
    end = _RESPECTIVELY.search(plain)
    if end is None:
        return []
    norm, qs = quantities(_CLAUSE_BREAK.split(plain[:end.start()])[-1])
    low = norm.lower()
    if len(low) != len(norm):
        return []  # (a letter whose lower case is longer: positions would not line up)
    ticks = axis.index().inside_lower(low)
    places = [(at, t) for t in ticks if isinstance(t, str) and len(t) >= SHORT_NAME_MIN
              and (at := _last_whole(low, t.lower())) >= 0]
    places = sorted((at, t) for at, t in places if not any(  # 'MATH' inside 'MATH Hard' is MATH Hard
        len(other) > len(t) and o_at <= at < o_at + len(other) for o_at, other in places))
    if len(places) < 2:
        return []
    values = [q for q in qs if q.start >= places[-1][0] + len(places[-1][1])]
    if len(values) != len(places):
        return []
    return [(t, q.raw) for (_, t), q in zip(places, values, strict=True)]


def _last_whole(low: str, word: str) -> int:
    """Where ``word`` last stands in ``low`` as a whole word, or -1."""
    at = low.rfind(word)
    while at >= 0 and ((at > 0 and low[at - 1].isalnum()) or low[at + len(word):][:1].isalnum()):
        at = low.rfind(word, 0, at)
    return at


_NOT_THE_VALUE_BEFORE = frozenset({"by", "than", "of", "times"})  # 'ahead by ~700': a gap, no value


def _lead_category_value(plain: str, axis: AxisDraft) -> list[tuple[str, str]]:
    """'**Alpha** is highest at ~80. Beta follows with ~60, and gamma is at ~40.': each clause
    that opens with a declared category and holds one value (besides the category's own
    digits), naming no other category, gives that category's value."""
    found: list[tuple[str, str]] = []
    for sentence in _CLAUSE_BREAK.split(plain):
        for clause in _JOINED_CLAUSE.split(sentence):
            pair = _clause_category_value(_CLAUSE_LEAD.sub("", clause, count=1), axis)
            if pair is not None and all(pair[0] != label for label, _ in found):
                found.append(pair)
    return found


_JOINED_CLAUSE: Final = re.compile(r",\s(?:and|while|whereas|but)\s")
_CLAUSE_LEAD: Final = re.compile(r"^\s{0,3}(?:(?:and|while|whereas|but)\s)?(?:the\s)?", re.IGNORECASE)


def _clause_category_value(clause: str, axis: AxisDraft) -> tuple[str, str] | None:
    norm, qs = quantities(clause)
    low = norm.lower()
    if len(low) != len(norm):
        return None
    ticks = axis.index().inside_lower(low)
    named = [(at, t) for t in ticks if isinstance(t, str) and (len(t) >= SHORT_NAME_MIN or norm.startswith(t))
             and (at := find_whole(low, t.lower())) >= 0]  # (a short one only as written, leading)
    if len(named) != 1 or named[0][0] != 0:
        return None
    lead = named[0][1]
    values = [q for q in qs if q.start >= len(lead)]
    if len(values) != 1:
        return None
    before = low[:values[0].start].split()
    return None if before and before[-1] in _NOT_THE_VALUE_BEFORE else (lead, values[0].raw)


_BIN_RUN: Final = re.compile(r"[<>≤≥]?\d[^,;()]{0,30}(?:,\s*(?:and\s+)?[<>≤≥~≈]?\d[^,;()]{0,30}){2,}")
_BIN_SPLIT: Final = re.compile(r",\s*(?:and\s+)?")
_INTERVAL_ITEM: Final = re.compile(r"^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)(?![\d.]|\s*[-–])")
_BIN_SPAN: Final = re.compile(r"\((\d{1,4}\s?[-–]\s?\d{1,4})\sto\s(\d{1,4}(?:\s?[-–]\s?\d{1,4}|\+))\)")
_SPAN_BINS_MAX = 24


def _bins_of_span(first: str, last: str) -> list[str]:
    """'0-9' to '90+': the bins between, each as wide as the first ('10-19', ..., '80-89'),
    when the last starts where they end; else only the two ends."""
    lo, _, hi = first.replace("–", "-").partition("-")
    end = last.replace("–", "-").rstrip("+").partition("-")[0]
    width = int(hi) - int(lo) + 1
    if width <= 0 or (int(end) - int(lo)) % width or not 1 <= (int(end) - int(lo)) // width <= _SPAN_BINS_MAX:
        return [first, last]
    dash = "–" if "–" in first else "-"
    inner = [f"{a}{dash}{a + width - 1}" for a in range(int(lo) + width, int(end), width)]
    return [first, *inner, last]


_BIN_ITEM_WORDS = 4  # '75 and older years' is a bin; a longer piece is a sentence


_BRACKETED_BIN: Final = re.compile(r"\[[^\[\]]{1,20}\]")
_BRACKETED_BINS: Final = re.compile(r"(?:\[[^\[\]]{1,20}\]\s{0,2},\s{0,2}){2,}\[[^\[\]]{1,20}\]")


def bin_list(text: str) -> list[str]:
    """'0-17 years, 18-44 years, 45-64 years, 65 and older': a list of bins names the
    categories of the axis (each an interval), not a range from its first number. Bins in
    brackets ('[0], [3-6], [9-12]') are kept as written, wherever the line lists them."""
    if "[" in text and (bracketed := _BRACKETED_BINS.search(text)) is not None:
        items = _BRACKETED_BIN.findall(bracketed.group(0))  # ('[10, 15]' is one bin)
        if sum(_INTERVAL_ITEM.match(i.strip("[]")) is not None for i in items) >= 2:
            return items
    plain = strip_markup(text).split(". ", 1)[0].strip().rstrip(".")
    if "to" in plain and (span := _BIN_SPAN.search(plain)) is not None:
        return _bins_of_span(span.group(1), span.group(2))  # 'Age groups (0-9 to 90+)'
    if plain.count(",") < 2:
        return []  # (a word test: a run of bins holds two commas at least)
    m = _BIN_RUN.search(plain)
    if m is None or plain[m.end():].strip(" .)"):
        return []
    items = [i.strip() for i in _BIN_SPLIT.split(m.group(0).strip())]
    if any(len(i.split()) > _BIN_ITEM_WORDS for i in items):
        return []
    intervals = [_INTERVAL_ITEM.match(i) for i in items]
    rising = [iv for iv in intervals if iv and float(iv.group(1)) < float(iv.group(2))]
    return items if len(rising) >= 2 else []


_BIN_RANGE: Final = re.compile(r"(-?\d[\d,.]*[kKMB%]?)\s*(?:–|—|-|to)\s*[~≈]?\s*(-?\d[\d,.]*[kKMB%]?)")
_APPROX_MARKS: Final = re.compile(r"[~≈]\s*")


def bin_label(key: str) -> str | None:
    """'Bin 2 (~600-1200)' -> '600-1200', 'Bin 2.5k - 5k' -> '2.5k-5k': a histogram bin is
    named by its range as written (its own dash kept: '10–20'), without the words around it and the
    approximation marks."""
    m = _BIN_RANGE.search(strip_markup(key))
    if not m:
        return None
    return compact_bin(" ".join(_APPROX_MARKS.sub("", m.group(0)).split()))  # (see bin_spelling for 'to')


def stack_total(state: ReadingState, words: str, panel: str | None) -> bool:
    """Whether folded key words ('total', 'total job count trend') name the total of several
    series stacked at each x: with two or more series declared or read, the total is their
    sum; with one, it is that series' value."""
    if words.split()[:1] != ["total"] and words not in TOTAL_WORDS:
        return False
    if name_key("Total") in state.known_names:
        return False  # a declared 'Total' series is read as any other
    named = {name_key(s.name) for s in state.chart.series if s.name and s.panel == panel and s.points}
    return len(state.known_names) >= 2 or len(named - {name_key("Total")}) >= 2


def listed_tick(chart: ChartDraft, panel: str | None, key: str) -> str | None:
    """'0-10 m:' where the category axis lists '0-10 m': the key is that category as
    written, though it looks like a stretch of x."""
    axis = category_axis(chart, panel)
    if axis is None or axis.scale != "categorical":
        return None
    written = strip_markup(key).strip().rstrip(":").strip()
    wanted = fold(written)
    exact = axis.index().first_folded(wanted)
    if exact is None and (ranged := range_of_unit_bin(axis, written)) is not None:
        return ranged  # '0-17:' or 'Ages 18-44:' on an axis listing '0-17 years', '18-44 years'
    if exact is not None or " " not in wanted or chart.kind == "heatmap":
        return exact  # (on a heatmap 'Multimodal Models' sums up a whole row: no cell)
    tick = tick_with_axis_words(axis, wanted)  # '30-44 Age Band' on an axis 'Age bands (18-29, ...)'
    return tick if isinstance(tick, str) else None


_QUOTED_LABEL_VALUE: Final = re.compile(
    r"[\"“]([^\"“”\n]{1,60})[\"”]\s{0,2}\(\s{0,2}((?:" + HEDGE + r"\s)?[~≈]?\s?-?\d[\d.,]*\s?%?)\s{0,2}\)")


def quoted_label_values(text: str) -> list[tuple[str, str]]:
    """'"Circle" (~35), "Radical notation" (~38)': quoted labels, each with its value in
    brackets -> [(label, value as written)]; [] unless the line gives two or more."""
    if "(" not in text:
        return []
    found = [(m.group(1).strip(" ,."), m.group(2)) for m in _QUOTED_LABEL_VALUE.finditer(text)]
    return found if len(found) >= _QUOTED_LABELS_MIN else []


_QUOTED_LABELS_MIN = 2  # one quoted label and a value may be a remark; two or more are a list


def declared_category_keys(chart: ChartDraft) -> frozenset[str]:
    """The name keys of the categories the category axis declares."""
    axis = category_axis(chart, None)
    if axis is None:
        return frozenset()
    return frozenset(name_key(drop_note(str(t))) for t in axis.ticks if isinstance(t, str))


def legend_names_categories(chart: ChartDraft) -> bool:
    """Whether every legend entry is a declared category (a colour per bar, not series)."""
    if not chart.legend:
        return False
    axis = category_axis(chart, None)
    if axis is None:
        return False
    declared = {fold(drop_note(str(t))) for t in axis.ticks}
    # 'Score 3' on an x axis "Score" with categories 1-5 is the category 3
    prefix = fold(drop_note(axis.label)) + " " if axis.label else None
    named = [_without_prefix(fold(drop_note(e.label)), prefix) in declared for e in chart.legend]
    # ('Red dashed line at -2.0' beside the bars' colours marks a reference, no series of bars)
    return len(declared) >= 2 and sum(named) >= 2 and all(
        is_named or _REFERENCE_MARK.search(e.label) for is_named, e in zip(named, chart.legend, strict=True))


_REFERENCE_MARK: Final = re.compile(r"\b(?:line|threshold|reference|target|region|band)\b", re.IGNORECASE)


def _without_prefix(text: str, prefix: str | None) -> str:
    return text[len(prefix):] if prefix and text.startswith(prefix) else text
