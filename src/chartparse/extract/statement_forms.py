"""The statement forms: named rules that claim the numbers of a sentence, in order.

Each form is a function ``(claims, ctx) -> None`` that reads bounded windows of text around the quantities
no earlier form claimed, adding points or summary values, in the order ``statement_table.STATEMENT_FORMS``
lists (a number one form claimed is not read by the next): a new form goes next to the neighbour it must
run before or after, with a name, doc and example.
"""

from __future__ import annotations

import re
from typing import Final

from ..values import Quantity
from ..vocab import GENERIC_X_WORDS, label_words
from ..vocab_numbers import HEDGE
from . import value_words as vw
from .chosen_values import VALUE_LABEL_WINDOW, chosen_value
from .claims import Claims, StatementContext
from .lead_x import hedged_lead_x, lead_x_in
from .statement_forms_axis_named import axis_named
from .value_words import without_degree, x_words_ok, y_unit_ok

# Character windows: how far from a number a form looks. Each keeps the look bounded
# (linear in the text) and wide enough for the phrases the form reads.
AXIS_NAME_WINDOW: Final = 40
"""The x axis's name leading the first number: a short phrase such as 'Model Size'."""
RANGE_LEAD_WINDOW: Final = 30
"""'between approximately' / 'from about' right before a range's first end."""
RANGE_X_AFTER_WINDOW: Final = 40
"""'at approximately 500B tokens' right after a range's second end makes it a point."""
LEAD_X_WINDOW: Final = 60
"""'At the end of training, at step' before an x: a lead word and up to three x words."""
X_VALUE_GAP_MAX: Final = 80
"""Text between an x and its value in one clause ('At 60B tokens, the loss is ...')."""
START_END_WINDOW: Final = 60
"""'starts at a value of approximately' before a start or end value."""
_SENTENCE_BREAK: Final = re.compile(r"[.!?;]\s")

_DASH_RANGE: Final = re.compile(r"^\s{0,2}[-–—]\s{0,2}[~≈]?\s{0,2}$")  # '70-80', '70 – 80'
_X_SPAN: Final = re.compile(r"\s{0,2}(?:through|thru|to)\s{1,2}$|[°%]?[-–—]$", re.IGNORECASE)
"""'For layers 0 through 20', 'at θ = 0°–10°': a stretch of x ('At θ = 0° — 0.2 a.u.': x, value)."""
_RANGE_SEP = re.compile(r"^\s*(?:%\s*)?(?:to|–|—|-|and)\s*(?:" + HEDGE + r"|[~≈])?\s*$",
                        re.IGNORECASE)
_UNIT_RANGE_SEP: Final = re.compile(
    r"^\s*[^\W\d_]{1,12}\s+(?:to|–|—|-)\s*(?:" + HEDGE + r"|[~≈])?\s*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"between\s*(?:" + HEDGE + r"|[~≈])?\s*$", re.IGNORECASE)
_FROM_BEFORE: Final = re.compile(r"from\s*(?:" + HEDGE + r"|[~≈])?\s*$", re.IGNORECASE)
_AT_X: Final = re.compile(
    r"^[%)\s*_]*(?P<unit>(?:(?:[^\W\d_]|[$€£¥])[\w/.\-^]{0,11}\s+){0,2}(?:per\s+[^\W\d_][\w.]{0,11}\s+)?)"
    r"(?:on\s+the\s+(?:y|vertical)[\s-]?axis,?\s+)?"  # '~0.7 on the y-axis at t=0'
    r"(?P<prep>at|by|in|when|where)\s+"  # '5 Ω at', '0.03 USD per query at'
    r"(?:(?:the|a|" + HEDGE + r")\s+|[~≈]\s?)?"  # 'at ~episode 700'
    r"(?P<xw>(?:(?:√?[^\W\d_]|[#@])[\w\-/]*(?:\([^()\s]{1,24}\))?"  # ('at log10(Index) = 4')
    + vw.SYMBOL_INDEX + r"(?:\s+|\s*(?=[=:≈]|$))){0,3})"
    r"(?:(?P<eq>[=:]\s*)|\(\s?)?[~≈]?\s*$",
    re.IGNORECASE,
)
"""'... at 300B tokens', 'at √s = 160', 'at x/H = 2': an x word may be a symbol of any script;
the value's unit may be hyphened ('~88 AUC-PR at 4 samples')."""
_FOR_NAMED_X: Final = re.compile(_AT_X.pattern.replace("at|by|in|when|where", "for"), re.IGNORECASE)
"""'~2.00 for ℓ = 2': 'for' leads an x only when the x is named with '='."""
_AFTER_X: Final = re.compile(_AT_X.pattern.replace("at|by|in|when|where", "after"), re.IGNORECASE)
"""'drops to ~3 after 5 tokens': 'after' leads an x named by the x axis' word after it."""
_FROM_X: Final = re.compile(_AT_X.pattern.replace("at|by|in|when|where", "from"), re.IGNORECASE)
_ONWARD: Final = re.compile(r"[%\s]{0,2}(?:[^\W\d_][\w-]{0,15}\s{1,2}){0,2}"
                            r"(?:onwards?|and beyond)\b", re.IGNORECASE)
"""'stays at 100% from 30% attack ratio onward': 'from' leads the x where the value holds on."""
_PAREN_REPEAT: Final = re.compile(r"^\s*+[A-Za-z%]*+\s*+\(\s*+$")
_START_BEFORE: Final = re.compile(
    r"\b(?:starts?|starting|begins?|beginning|originates?|initially|opens?|initial\s+value(?:\s+is)?)"
    r"\s+(?:(?:at|from|with|of|off|just|slightly|above|below|close\s+to|a\s+value\s+of|"
    + HEDGE + r")\s+){0,3}[~≈]?\s*$",
    re.IGNORECASE,
)
_END_BEFORE: Final = re.compile(
    r"\b(?:ends?|ending|finish(?:es|ing)?|concludes?|final\s+value(?:\s+is)?|reach(?:es|ing)?|to)"
    r"\s+(?:(?:at|with|of|close\s+to|a\s+value\s+of|" + HEDGE + r")\s+){0,3}[~≈]?\s*$",
    re.IGNORECASE,
)
_VALUE_LABEL: Final = re.compile(
    r"(?:^|[,;:.]\s+)([A-Za-z][A-Za-z0-9()%/\- ]{0,30}?)\s*(?:≈|~|=|:|\bis\b|\bof\b)?\s*"
    r"(?:" + HEDGE + r")?\s*$"
)
_NOT_A_LABEL = frozenset({"value", "it", "the line", "line", "the value", "score of", "a value"})
_MOTION_TAILS = frozenset(
    "to at from near by reaches hits peaks plateaus stays remains sits lies hovers rises falls drops climbs"
    " starts ends".split())

# A cheap test that rules out most windows before the regex (tried once per number) runs.
_START_WORDS = ("start", "begin", "origin", "initial", "open")


def _may_start(window: str) -> bool:
    lowered = window.lower()
    return any(word in lowered for word in _START_WORDS)


def _value_label(before: str) -> str | None:
    m = _VALUE_LABEL.search(before)
    if not m:
        return None
    label = m.group(1).strip()
    if not label or len(label.split()) > 4 or label.lower() in _NOT_A_LABEL \
            or label.lower().rsplit(" ", 1)[-1] in _MOTION_TAILS \
            or label.count("(") != label.count(")"):
        return None  # ('Drops to ≈ 0.93', 'Plateaus at ≈ 0.96': a motion, not the value's name)
    return label


def _named_by_y(before: str, x_words: frozenset[str], y_words: frozenset[str]) -> bool:
    """The name right before a value holds a word only the y label has: 'log10(Eigenvalue) ='
    names the y, though 'log10' is a word of the x label 'log10(Index)' too."""
    name = before.rstrip(" =≈:~`*").rsplit(None, 1)
    return bool(name) and bool(_words(name[-1]) & (y_words - x_words))


def _words(text: str) -> frozenset[str]:
    """A sentence's words, split as an axis label's words are (see ``label_words``)."""
    return label_words(text)


_AT_BEFORE: Final = re.compile(r"\b(?:at|by|around|near)\s*[~≈]?\s*$", re.IGNORECASE)
AT_BEFORE_WINDOW: Final = 10
"""'at ~' right before a number: it is where, on the x axis, not a value."""


def axis_named_pair(claims: Claims, ctx: StatementContext) -> None:
    x_words, y_words = ctx.x_words, ctx.y_words
    if claims.reading.points or ctx.x is not None or claims.n < 2 or not x_words or not y_words:
        return
    a, b = claims.qs[0], claims.qs[1]
    if (claims.n > 2 and _RANGE_SEP.match(claims.norm[b.end: claims.qs[2].start])) \
            or _RANGE_SEP.match(claims.norm[a.end: b.start]):
        return  # 'Work index = 1.4e7 and Load = -5000–10000', '(PC1: -10 to +20, ...)': ranges, no point
    lead = _words(claims.before(a, AXIS_NAME_WINDOW).rsplit(".", 1)[-1])
    gap = claims.norm[a.end: b.start]
    unit = _words(gap.split(",", 1)[0]) if "," in gap else set()
    # 'Model Size = 7 B, Performance ...': the x's own unit before the comma names nothing new
    mid = _words(gap) - unit if unit and unit <= x_words else _words(gap)
    # Generic words ('time', 't', 'epochs') name the x only when the label has no other word.
    own_x = x_words - GENERIC_X_WORDS or x_words
    # The y is named by a word of its own: 'k' of a y label 'Pass@k' names the x axis 'k'.
    own_y = y_words - x_words or y_words
    if lead & own_x and mid & own_y and not (mid & x_words - y_words) \
            and not _named_by_y(claims.before(a, AXIS_NAME_WINDOW), x_words, y_words) \
            and not claims.own_x_follows(1, x_words):
        claims.point_xy(a, b)
        claims.used[0] = claims.used[1] = True
    elif lead & own_y and mid & own_x and mid <= x_words \
            and not _AT_BEFORE.search(claims.before(a, AT_BEFORE_WINDOW)) \
            and not axis_named(claims, a, "x", x_words, y_words):  # ('frequency at 400 tokens', 'at ε = 0')
        claims.point_xy(b, a)  # 'Accuracy ~0.85, Cost ~1.4 x 10^5': the y named first
        claims.used[0] = claims.used[1] = True


def x_context(claims: Claims, ctx: StatementContext) -> None:
    """With an x in scope the sentence states one value (no later form runs, see the table)."""
    x = ctx.x
    if x is None:
        return
    norm, qs, used, n = claims.norm, claims.qs, claims.used, claims.n
    if n > 1 and chosen_value(claims, x):
        return
    for i in range(n):
        q = qs[i]
        if used[i]:
            continue
        # ('Frame Numbers 18–24' is a range; 'Checkpoint 3 – 80%' a name, then a value in %)
        ranged = i + 1 < n and bool(_RANGE_SEP.match(norm[q.end: qs[i + 1].start])) \
            and not (qs[i + 1].percent and not q.percent)
        if not ranged and vw.number_in_name(norm, q):
            claims.reject(q, "number-in-name")
            continue  # ('Frame Numbers 18–24' is a range of frames, not frame 18 and a value)
        if q.value == x and _restates_x(claims.before(q, X_RESTATED_WINDOW), ctx.x_words, ctx.y_words):
            claims.reject(q, "x-restated")
            continue  # 'Not present for batch size 10' under 'Batch Size 10': the x, no value
        if i + 1 < n and (_RANGE_SEP.match(norm[q.end: qs[i + 1].start]) or (
                _UNIT_RANGE_SEP.match(norm[q.end: qs[i + 1].start])
                and _FROM_BEFORE.search(claims.before(q, RANGE_LEAD_WINDOW)))):
            # ('from roughly 5 tokens to 25 tokens': a unit word may stand after the start)
            if q.value == 0 and vw.BAR_EXTENT.search(claims.before(q, RANGE_LEAD_WINDOW)):
                claims.reject(q, "bar-start")  # 'The bar extends from 0.00% to 1.65%': its value is the end
                claims.point(x, None, None, qs[i + 1])
                break
            claims.reject(q, "range-not-a-value")
            claims.reject(qs[i + 1], "range-not-a-value")
            if not _noted_range(norm, q, qs[i + 1], qs[i + 2] if i + 2 < n else None):
                break
            used[i + 1] = True  # '(≈4-8 GFLOPs) at a score of ≈72': a range noted in brackets, then the value
            continue
        own = _own_x_after(claims, ctx, i)
        if own is not None:  # '**2021**: ... peaking at ~4700 in 2022': the sentence's own x
            claims.point_xy(own, q)
            used[i] = used[i + 1] = True
            break
        claims.point(x, None, None, q)
        claims.reading.value_label = _value_label(claims.before(q, VALUE_LABEL_WINDOW))
        break


_WORD_AFTER_X: Final = re.compile(r"\s{0,2}[^\W\d_]")


def _own_x_after(claims: Claims, ctx: StatementContext, i: int) -> Quantity | None:
    """The x a value names right after it ('~4700 in 2022'), when it is not the x in scope."""
    if i + 1 >= claims.n or claims.used[i + 1] or not isinstance(ctx.x, int | float):
        return None
    x = claims.qs[i + 1]
    m = _x_lead(claims.norm, claims.qs[i].end, x)
    if m is None or x.value == ctx.x or m.group("unit") or m.group("prep").lower() == "after" \
            or m.group("xw").strip() or _WORD_AFTER_X.match(claims.norm, x.end):
        return None  # ('~60 at 5 stores', '~2.1 at step 500' under 'Epoch 5': other things' counts)
    # the same kind of number as the key's ('2022' under '2021', not '4' under 'Batch size 8')
    alike = _digits(x.value) == _digits(ctx.x) and isinstance(x.value, int) == isinstance(ctx.x, int)
    return x if alike else None


def _digits(value: int | float) -> int:
    return len(str(abs(int(value))))


def _noted_range(norm: str, start: Quantity, end: Quantity, after: Quantity | None) -> bool:
    """A range in brackets with a number after them: a note on the point, not its value."""
    return after is not None and norm.rfind("(", 0, start.start) > norm.rfind(")", 0, start.start) \
        and ")" in norm[end.end: after.start]


X_RESTATED_WINDOW = 24  # ' Not present for batch size ' before the x in scope, named again


def _restates_x(before: str, x_words: frozenset[str], y_words: frozenset[str]) -> bool:
    """'... for batch size ' before a number: an x axis word, not also a y axis word."""
    words = before.lower().split()
    return bool(words) and words[-1] in x_words and words[-1] not in y_words


def range_summary(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        a, b = qs[i], qs[i + 1]
        if used[i] or used[i + 1]:
            continue
        sep = norm[a.end: b.start]
        if not _RANGE_SEP.match(sep):
            continue
        before = norm[max(0, a.start - RANGE_LEAD_WINDOW): a.start]
        if "and" in sep.lower() and not _BETWEEN_BEFORE.search(before):
            continue
        if i > 0 and not used[i - 1] and _AT_X.match(norm[qs[i - 1].end: a.start]):
            continue  # '~13k in 2018 to ~34k by 2022': 2018 is an x, not a range start
        if (_AT_X.match(norm[b.end: b.end + RANGE_X_AFTER_WINDOW])
                and not _BETWEEN_BEFORE.search(before)):
            continue  # '... to ~17 at 500B' is a point, read by value-at-x
        if _FROM_BEFORE.search(before) and _x_follows(claims, ctx, i + 1):
            _summary_or_reject(claims, "start", a)  # 'from 5 to ~17 at step 50': 5 starts,
            used[i] = True  # and (50, 17) is a point, read by value-at-x ('1850-1900 by 2022' stays a range)
            continue
        if _FROM_BEFORE.search(before):
            _summary_or_reject(claims, "start", a)
            _summary_or_reject(claims, "end", b)
        else:
            lo, hi = (a, b) if a.value <= b.value else (b, a)
            _summary_or_reject(claims, "min", lo)
            _summary_or_reject(claims, "max", hi)
        used[i] = used[i + 1] = True


def _x_follows(claims: Claims, ctx: StatementContext, i: int) -> bool:
    """Whether the quantity after ``qs[i]`` is its x ('4.5 by 55M samples', 'to 17 at step 5')."""
    j = i + 1
    if j >= claims.n or claims.used[j]:
        return False
    m = _AT_X.match(claims.norm[claims.qs[i].end: claims.qs[j].start])
    return m is not None and (_named_x(m) or x_words_ok(m.group("xw"), ctx.x_words)) and (
        not m.group("unit") or y_unit_ok(m.group("unit"), ctx.y_words))


def at_x_then_value(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used, n = claims.norm, claims.qs, claims.used, claims.n
    for i in range(n):
        if used[i]:
            continue
        window = norm[max(0, qs[i].start - LEAD_X_WINDOW): qs[i].start]
        m = lead_x_in(window)
        # 'At LR = 1e-3, ...': a name followed by '=' (or '≈', read with the number) is the
        # x variable, whatever its name.
        hedged = False
        if not (m and (_named_x(m) or x_words_ok(m.group("xw"), ctx.x_words) or (
                qs[i].raw.startswith("≈") and 0 < len(m.group("xw").split()) <= 2))):
            if not hedged_lead_x(norm, qs[i], window, ctx.x_words):
                continue
            hedged = True
        if claims.closing_x_list(i):
            break
        xs = claims.listed_x(i)
        j = xs[-1] + 1
        while j < n and _PAREN_REPEAT.match(norm[qs[j - 1].end: qs[j].start]):
            j += 1
        if j >= n or used[j] or (hedged and _x_follows(claims, ctx, j)):
            continue  # ('About 120, rising to ~300 by 2020': the value has its own x, the lead is none)
        between = norm[qs[xs[-1]].end: qs[j].start]
        if claims.ends_x_list(between):
            continue  # 'At 10 and 20, ...': the 20 is a second x, not the value at 10
        if _SENTENCE_BREAK.search(between) or len(between) > X_VALUE_GAP_MAX or _X_SPAN.match(between):
            continue  # ('For layers 0 through 20, ...': a stretch of x, not an x and its value)
        if j + 1 < n and _RANGE_SEP.match(norm[qs[j].end: qs[j + 1].start]):
            # 'At step 100, between 0.4 and 0.6': a range at an x is no point.
            for k in (i, j, j + 1):
                used[k] = True
                claims.reject(qs[k], "range-at-x")
            continue
        for x in xs:
            claims.point_xy(qs[x], qs[j])  # ('At 0.1 and 0.2, the density is 3': 3 at each)
            used[x] = True
        for k in range(xs[-1] + 1, j):
            used[k] = True
            claims.reject(qs[k], "x-restated-in-parens")
        used[j] = True


def _named_x(m: re.Match[str]) -> bool:
    """'at LR = 1e-3', 'at √s = 0': a short name followed by '=' is the x variable."""
    return bool(m.group("eq")) and 0 < len(m.group("xw").split()) <= 2


_FILLER_ONLY: Final = re.compile(r"(?:(?:again|once\s+more|still|already|only)\s+){1,2}", re.IGNORECASE)


def _x_lead(norm: str, value_end: int, x: Quantity) -> re.Match[str] | None:
    """The words between a value and its x: 'at', 'for ℓ =', 'after' or 'from ... onward'."""
    gap = norm[value_end: x.start]
    return _AT_X.match(gap) or (_FOR_NAMED_X.match(gap) if "for" in gap else None) or (
        _AFTER_X.match(gap) if "after" in gap else None) or (
        _FROM_X.match(gap) if "from" in gap and _ONWARD.match(norm, x.end) else None)


def value_at_x(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        m = _x_lead(norm, qs[i].end, qs[j])
        if not m or not (_named_x(m) or (m.group("prep") != "for"  # ('~2.0 for ℓ = 2' names its x)
                                         and x_words_ok(without_degree(m.group("xw")), ctx.x_words))):
            continue
        if m.group("unit") and not _FILLER_ONLY.fullmatch(m.group("unit")) \
                and not y_unit_ok(m.group("unit"), ctx.y_words, ctx.x_words):
            continue  # '180 TWh in 2010' yes; '5 models in 2010' no ('0.0 again by x=20' yes)
        if m.group("prep").lower() == "after" and not (
                vw.REACHED.search(claims.before(qs[i], vw.REACHED_WINDOW))
                and vw.word_after_names_x(norm, qs[j].end, ctx.x_words)):
            continue  # 'drops to 3 after 5 tokens' on an x axis of tokens; 'around -2 after 50 epochs' no
        if j + 1 < claims.n and _DASH_RANGE.match(norm[qs[j].end: qs[j + 1].start]):
            continue  # 'peak around 1995 at approximately 70-80': a range of values, not an x
        v = qs[i]
        unit_of_y = vw.word_after_names_y(norm, qs[j].end, ctx.x_words, ctx.y_words)
        if not m.group("unit") and not m.group("xw") and unit_of_y:
            claims.point_xy(v, qs[j])  # 'in 2017 at approximately 1 Joule': the y's own unit after
            used[i] = used[j] = True
            continue
        if _START_BEFORE.search(claims.before(v, START_END_WINDOW)):
            claims.summary("start", v)  # 'starts at ~5 at 100B': a point and the start
        claims.point_xy(qs[j], v)
        used[i] = used[j] = True


def start_end(claims: Claims, ctx: StatementContext) -> None:
    norm, qs, used, summary = claims.norm, claims.qs, claims.used, claims.reading.summary
    for i in range(claims.n):
        if used[i]:
            continue
        q = qs[i]
        before = norm[max(0, q.start - START_END_WINDOW): q.start]
        if _may_start(before) and _START_BEFORE.search(before):
            _summary_or_reject(claims, "start", q)
            used[i] = True
        elif "start" in summary and _END_BEFORE.search(before):
            claims.summary("end", q, keep_first=False)
            used[i] = True


def _summary_or_reject(claims: Claims, key: str, q: Quantity) -> None:
    if not claims.summary(key, q):
        claims.reject(q, f"{key}-already-read")
