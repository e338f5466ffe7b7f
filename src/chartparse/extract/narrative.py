"""Statements inside a sentence: points, ranges, start and end values.

Works on the quantities the value scanner found and the few words around each,
so every form is a look at a bounded window: linear in the text length.

The forms (``statement_table.STATEMENT_FORMS``, in the order they run; x from the
text, y the stated value):
  (100, ~0.294)                    statement.tuple
  x=5000 ... y≈8.5                 statement.xy-equals
  x/H = 2, Cf ≈ 0.004              statement.axis-names-equal
  1.2 V → ~5 A                     statement.arrow-pair
  crosses the 100 GeV line at ~3.8 statement.crossing-line
  at 0.8 T with a height of ~3.5   statement.x-with-height
  Model Size ~0.5B, Score ~25      statement.axis-named-pair
  (an x in scope) ... V            statement.x-context
  2 ms (10³), ~-0.9 (round 0)      statement.value-then-paren-x
  steps 40 (~0.52) and 75 (~0.61)  statement.x-then-paren-value
  fluctuates between 0.45 and 0.65 statement.range-summary (summary min/max, not points)
  At 60B tokens, the loss is 2.21  statement.at-x-then-value
  1M docs ≈ 0.985                  statement.x-unit-equals-value
  about 2.0 around step 30         statement.value-near-x
  about 180 TB in Jun              statement.month-x
  peaks at ~3.5 at √s = 300 GeV    statement.value-at-x
  P(q) at q = 0 is about 4.2       statement.named-x-then-value
  starts at ~83% ... reaching 0.88 statement.start-end (summary start/end)
(and the others in the table). The axis words the forms compare with a sentence's words
are split by the same tokeniser (``vocab.label_words``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING, Final

from ..rejection_spans import count_spans, gridline_spans, rejection_for
from ..rejections import LIST_NUMBERING
from ..values import Quantity
from ..vocab import SUM_PHRASES, label_words
from ..vocab_numbers import HEDGE, UNCERTAINTY_SIGN, UNCERTAINTY_SIGNS
from .claims import Claims, Reading, StatementContext, StatementPoint, StatementReader, XValue
from .statement_table import STATEMENT_FORMS
from .text import MAX_VALUES_PER_TEXT, quantities

if TYPE_CHECKING:  # pragma: no cover
    from .reading import ReadingState

__all__ = ["Reading", "StatementPoint", "form_order", "read_statement", "reading_order"]

_Needs = tuple[tuple[str, ...], ...]
_Order = tuple[tuple[str, StatementReader, _Needs], ...]


def _order(x_in_scope: bool, one_number: bool) -> _Order:
    """The forms that can read a sentence with (or without) an x in scope and one
    (or more) numbers, in table order: skipping the rest up front keeps the per-sentence
    cost low, as most sentences state one number."""
    return tuple(
        (f.name, f.read, f.needs) for f in STATEMENT_FORMS
        if (f.x_in_scope is None or f.x_in_scope == x_in_scope) and not (one_number and f.pairs)
    )


_WITH_X_ONE, _WITH_X_MANY = _order(True, True), _order(True, False)
_NO_X_ONE, _NO_X_MANY = _order(False, True), _order(False, False)


def form_order() -> tuple[str, ...]:
    """The names of the statement forms, in the order they run."""
    return tuple(f.name for f in STATEMENT_FORMS)


def reading_order(x_in_scope: bool, one_number: bool) -> tuple[str, ...]:
    """The names of the forms that read a sentence of that kind, in the order they run."""
    if x_in_scope:
        order = _WITH_X_ONE if one_number else _WITH_X_MANY
    else:
        order = _NO_X_ONE if one_number else _NO_X_MANY
    return tuple(name for name, _, _ in order)


def read_statement(
    text: str,
    x_words: frozenset[str] = frozenset(),
    x_context: XValue | None = None,
    y_words: frozenset[str] = frozenset(),
    labels_with_numbers: tuple[str, ...] = (),
) -> Reading:
    """The points and summary values one sentence states, each with the form that read it.
    ``labels_with_numbers``: axis labels and categories whose digits belong to the name
    ('s(r)/s(1)', '16-unopt')."""
    if "±" in text or "+/-" in text:
        text = _UNCERTAINTY_NOTE.sub(_blank, text)  # '0.12 (±0.01) around 128M': the value, then its x
    norm, qs = quantities(text)
    reading = Reading(capped=len(qs) >= MAX_VALUES_PER_TEXT)
    if not qs:
        return reading
    if labels_with_numbers:
        qs = _drop_inside_labels(norm, qs, labels_with_numbers, reading)
        if not qs:
            return reading
    claims = Claims(norm, qs, reading)
    low = norm.lower()
    # Under IGNORECASE these match ASCII letters that lower() does not give: the word
    # tests below would miss them, so a sentence holding one runs every pattern.
    exotic = not norm.isascii() and ("İ" in norm or "ı" in norm or "ſ" in norm)
    _reject_non_values(claims, low, exotic, x_words, text.lstrip().startswith(_NUMBERING_OPENERS))
    ctx = StatementContext(x_words, y_words, x_context)
    if x_context is not None:
        order = _WITH_X_ONE if len(qs) == 1 else _WITH_X_MANY
    else:
        order = _NO_X_ONE if len(qs) == 1 else _NO_X_MANY
    for name, read, needs in order:
        if needs and not exotic and not _has_needs(low, needs):
            continue  # (a cheap word test: the form's patterns cannot match this sentence)
        claims.rule = name
        read(claims, ctx)
    return reading


def _reject_non_values(claims: Claims, low: str, exotic: bool, x_words: frozenset[str],
                       opens_header: bool = False) -> None:
    """Numbers no form may read: error bars, sums, sample sizes, clock positions."""
    norm = claims.norm
    numbering = LIST_NUMBERING.match(norm) if opens_header else None
    if numbering and claims.qs[0].start == numbering.start(1):
        claims.used[0] = True  # '**5. Utilities' (a numbered header, cut off): the item's number
        claims.reject(claims.qs[0], "list-numbering")
    if any(sign in norm for sign in UNCERTAINTY_SIGNS):
        _reject_uncertainties(claims)
    if ((exotic or "sum" in low or "add" in low or "total" in low) and _SUM_WORD.search(norm)) \
            or ("+" in norm and ("=" in norm or "equal" in low)):  # '8 + 5 + 3 = 16' adds the parts up
        _reject_sums(claims)
    if ("n=" in norm or "n =" in norm) and "n" not in x_words:  # ('(n=2, 0.57)' on an x axis 'Shots (n)')
        _reject_sample_sizes(claims)
    if "clock" in low:
        _reject_clock_positions(claims)
    if "above" in low or "below" in low:
        _reject_led_by(claims, _BOUND_LEAD, BOUND_WINDOW, "bound")  # 'slightly above 0': no value
    if "adjacent" in low or "next to" in low or "beside" in low:
        # '(9 o'clock, adjacent to 2025)': the slice it sits beside, by that one's label
        _reject_led_by(claims, _NEIGHBOUR_LEAD, NEIGHBOUR_WINDOW, "neighbour-label")
    _reject_counts(claims, low, x_words)
    if "the " in low:
        _reject_gridlines(claims, low)


def _reject_gridlines(claims: Claims, low: str) -> None:
    """'just above the 70 line': where a value sits, not a value."""
    spans = gridline_spans(claims.norm, low)
    for i, q in enumerate(claims.qs):
        if not claims.used[i] and rejection_for(q.start, q.end, spans) is not None:
            claims.used[i] = True
            claims.reject(q, "gridline-position")


def read_in(state: ReadingState, text: str, x_context: XValue | None = None) -> Reading:
    """:func:`read_statement` with what the chart declared so far: its axes' words and labels."""
    return read_statement(text, state.x_words, x_context=x_context, y_words=state.y_words,
                          labels_with_numbers=state.labels_with_numbers)


def _drop_inside_labels(norm: str, qs: tuple[Quantity, ...], labels: tuple[str, ...],
                        reading: Reading) -> tuple[Quantity, ...]:
    """The quantities not inside a mention of a label; those inside are part of its name.
    Mentions are sought only as far as the last quantity, and each quantity is looked up
    among them by bisection (a long line that repeats a short label stays linear)."""
    if not qs:
        return qs
    last = qs[-1].end
    spans: list[tuple[int, int]] = []
    for label in labels:
        at = norm.find(label, 0, last + len(label))
        while at != -1 and at < last:
            spans.append((at, at + len(label)))
            at = norm.find(label, at + len(label), last + len(label))
    if not spans:
        return qs
    spans.sort()
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end so far
    kept = []
    for q in qs:
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0 and q.end <= reach[i]:
            reading.rejected.append((q.start, q.end, "number-in-name"))
        else:
            kept.append(q)
    return tuple(kept)


def _has_needs(low: str, needs: _Needs) -> bool:
    """Whether every group of a form's ``needs`` has a string in the lower-cased sentence."""
    for group in needs:
        found = False
        for word in group:
            if word in low:
                found = True
                break
        if not found:
            return False
    return True


_NUMBERING_OPENERS = ("**", "__", "#")  # a header's markup: '**5. Utilities' (not a value: '0.82. Then')
_UNCERTAINTY_LEAD: Final = re.compile(UNCERTAINTY_SIGN + r"\s{0,2}$")
# An error bar's half-width after a value, bracketed or not: read as if blank (explain names it)
_UNCERTAINTY_NOTE: Final = re.compile(
    r"\(\s{0,2}(?:±|\+/-)\s{0,2}[\d.,]{1,12}\s{0,2}%?\s{0,2}\)|(?:±|\+/-)\s{0,2}[\d.,]{1,12}%?")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _reject_led_by(claims: Claims, lead: re.Pattern[str], window: int, reason: str) -> None:
    """Reject every number not yet claimed whose ``window`` characters before it end in ``lead``."""
    for i, q in enumerate(claims.qs):
        if not claims.used[i] and lead.search(claims.before(q, window)):
            claims.used[i] = True
            claims.reject(q, reason)


_BOUND_LEAD: Final = re.compile(r"\b(?:slightly|just|well|far)\s{1,2}(?:above|below)\s{1,2}$", re.IGNORECASE)
_NEIGHBOUR_LEAD: Final = re.compile(r"\b(?:adjacent\s{1,2}to|next\s{1,2}to|beside)\s{1,2}(?:the\s{1,2})?$",
                                    re.IGNORECASE)
_CLOCK_AFTER: Final = re.compile(r"\s{0,2}(?:[-–]\s{0,2}\d{1,2}\s{0,2})?o['’]\s?clock", re.IGNORECASE)


def _reject_clock_positions(claims: Claims) -> None:
    """'positioned at the bottom (6 o'clock)': a place on the dial, not a value."""
    for i, q in enumerate(claims.qs):
        if not claims.used[i] and _CLOCK_AFTER.match(claims.norm, q.end, q.end + CLOCK_WINDOW):
            claims.used[i] = True
            claims.reject(q, "clock-position")


def _reject_uncertainties(claims: Claims) -> None:
    """'±0.002', '71 ± 3': the half-width of an error bar is never a value of its own."""
    _reject_led_by(claims, _UNCERTAINTY_LEAD, UNCERTAINTY_WINDOW, "uncertainty")


_SUM_WORD: Final = re.compile(r"\b(?:sum|sums|summing|add|adds|adding|total|totals|totall?ing)\b",
                              re.IGNORECASE)
_SUM_LEAD: Final = re.compile(r"(?:\b(?:" + "|".join(p.replace(" ", r"\s+") for p in SUM_PHRASES) + r")"
                              r"|\bsum\s+of\s+[^.;:\d]{1,40}?\s+(?:is|was|equals))"  # 'the sum of ... is'
                              r"\s+(?:(?:exactly|" + HEDGE + r")\s+)?[~≈]?\s*$",
                              re.IGNORECASE)


# (possessive '\s*+': a run of spaces between optional marks is split one way only, not n^3 ways)
_PLUS: Final = re.compile(r"^\s*+%?\s*+\+\s*+[~≈]?\s*$")
_EQUALS: Final = re.compile(r"^\s*+%?\s*+\)?\s*+(?:=|equals?|is|gives)\s*+[*_]{0,2}\s*+[~≈]?\s*$",
                            re.IGNORECASE)


def _reject_sums(claims: Claims) -> None:
    """'the two values sum to 100.0%': the total of the shares is no share of its own."""
    qs, norm = claims.qs, claims.norm
    # '(59.0% + 41.0%)': the parts added up in the same sentence restate the shares
    plus = [i + 1 < claims.n and _PLUS.match(norm[qs[i].end: qs[i + 1].start]) is not None
            for i in range(claims.n)]
    for i, q in enumerate(qs):
        added = plus[i] or (i > 0 and plus[i - 1]) or (  # ... and '= 16' is their total
            i > 1 and plus[i - 2] and _EQUALS.match(norm[qs[i - 1].end: q.start]) is not None)
        # ('(33% + 28% + 39%) equals 100%': the parts in parentheses, then their total)
        if not claims.used[i] and (added or _SUM_LEAD.search(claims.before(q, SUM_WINDOW))):
            claims.used[i] = True
            claims.reject(q, "sum-check")


_SAMPLE_SIZE: Final = re.compile(r"\(\s?n\s?=\s?$")  # lower-case n: 'N=8' can be an x


def _reject_sample_sizes(claims: Claims) -> None:
    """'Level 1 (n=53)': how many were counted, not a value."""
    _reject_led_by(claims, _SAMPLE_SIZE, SAMPLE_SIZE_WINDOW, "statistic")


def _reject_counts(claims: Claims, low: str, x_words: frozenset[str]) -> None:
    """'There are 8 violin plots': how many things are drawn, not a value (explain's
    count-of-things rejection, by the same pattern); but '10 variables' on an x axis
    "Number of Variables" is an x."""
    spans = count_spans(claims.norm, low)
    for i, q in enumerate(claims.qs):
        if not claims.used[i] and rejection_for(q.start, q.end, spans) is not None \
                and not _counts_the_x(claims, q, x_words):
            claims.used[i] = True
            claims.reject(q, "count-of-things")


def _counts_the_x(claims: Claims, q: Quantity, x_words: frozenset[str]) -> bool:
    m = _NOUN_AFTER.match(claims.norm, q.end)
    return m is not None and bool(x_words) and label_words(m.group(1)) <= x_words


_NOUN_AFTER: Final = re.compile(r"\s{1,2}([^\W\d_][\w-]{0,20})")
BOUND_WINDOW = 16  # 'slightly above ' right before the number
NEIGHBOUR_WINDOW = 16  # 'adjacent to the ' right before the neighbour's label
CLOCK_WINDOW = 16  # '-11 o'clock' right after the hour
SAMPLE_SIZE_WINDOW = 6  # '(n = ' right before the count
SUM_WINDOW = 64  # 'adds up to approximately ~' right before the total
UNCERTAINTY_WINDOW = 4  # '± ' or '+/- ' right before the number

