"""More statement forms: pairs written with arrows, colons or parallel lists, a value
with its x in parentheses, one value for several x, and 'until X, reaching V'.

Each follows the contract of :mod:`.statement_forms`: look at bounded windows around
the quantities no earlier form claimed, add points with ``claims.point_xy``, mark the
numbers used. Their places in the order are set in ``STATEMENT_FORMS``.
"""

from __future__ import annotations

import re
from typing import Final

from ..values import Quantity
from ..vocab import label_words
from ..vocab_numbers import HEDGE
from .claims import Claims, StatementContext
from .statement_forms_axis_named import NAME_EQ, axis_named
from .value_words import UNIT_WORDS, x_words_ok, y_unit_ok

MID_LEAD_WINDOW: Final = 24
"""'at q = ' / 'for √s = ' before an x in the middle of a sentence."""
PAREN_X_WINDOW: Final = 30
"""'~-0.9 (round 0)', '2 ms (10³)': a unit word, then a parenthesis holding a few x words and the x."""
UNTIL_WINDOW: Final = 40
"""'until around iteration 8000': 'until' and up to three x words before the x."""
REACHING_WINDOW: Final = 64
"""', reaching approximately', ' GeV, reaching a maximum cross section of': the words between
the x and its value (a unit, 'reaching', and a few words naming what peaks)."""
UNIT_PAIR_WINDOW: Final = 30
"""'FLOPs, ' between two values, and 'accuracy' after the second: a word or two each."""
PAIR_NAME_WINDOW: Final = 24
"""'step 20:' the x words right before an x that a colon then ties to its value."""

_ARROW: Final = re.compile(r"^\s*(?P<unit>[^\W\d_][\w/\-]{0,11}\s*)?(?:→|->|=>|⟶)\s*[~≈]?\s*$")
# one word; spaces or punctuation end it
ONE_WORD: Final = r"(?:(?:[^\W\d_]|[#@])[\w\-]*(?:\s+|(?=[=:,;)\]])))"
_PAREN_X: Final = re.compile(r"^\s*(?P<unit>[^\W\d_][\w/\-]{0,11}\s*)?\(\s*(?P<xw>" + ONE_WORD + r"{0,2})"
                      r"(?P<eq>[=:]\s*)?[~≈]?\s*$")
PAREN_CLOSE: Final = re.compile(  # ('~74 (week 18, derby match)': a note with no number may follow)
    r"^\s*(?:(?P<after>[A-Za-z%][\w%/.-]*)\s*)?(?:[,;][^()\d]{0,40})?\)")
_UNTIL: Final = re.compile(r"\b(?:until|occurs|occurring|happens)\s+"
                    r"(?:(?:the|at|in|" + HEDGE + r")\s+)*"
                    r"(?P<xw>(?:[A-Za-z#@][\w\-]*\s+){0,3}|[A-Za-z][\w\-]{0,8}\s?=\s?)[~≈]?$",
                    re.IGNORECASE)  # ('until about t=60 (reaching ~10⁻²)': the x by its variable)
# 'peaks, one around 2002 reaching', 'rapid growth in 2019, reaching': 'around' or 'in' and the x
_EVENT: Final = re.compile(r"\b(?:(?:peaks?|spikes?|one)\s+(?:(?:around|near|at|in)\s+)?"
                           r"|(?:around|near|at|in)\s+)"
                           r"(?P<xw>(?:√?[^\W\d_][\w/]{0,8})?)\s{0,2}(?:[=≈]\s{0,2})?$",
                           re.IGNORECASE)  # ('a peak around √s ≈ 10 GeV, reaching ...': its x by name)
UNTIL_LEADS: Final = ("until", "occur", "happens", "peak", "spike", "one", "around", "near", "at", "in")
"""The words one of which precedes the x of 'until X, reaching V' (the form's prefilter)."""
_UNTIL_WORD: Final = re.compile(
    r"\b(?:until|occurs|occurring|happens|peaks?|spikes?|one|around|near|at|in)\b", re.IGNORECASE)
_REACHING = re.compile(r"^\s*+[A-Za-z%]{0,12}\s*+[,(]?\s*+"  # ('t=60 (reaching ~10⁻²)' too)
                       r"(?:reaching|where it reaches|hitting|at a value of)\s+"
                       r"(?:an?\s(?:maximum|max|peak|high|minimum|min|low)\b[^\d,;.]{0,30}?\sof\s+)?"
                       r"(?:" + HEDGE + r"\s+)?[~≈]?\s*$", re.IGNORECASE)  # ('reaching a maximum ... of 3')
_OWN_X_AFTER: Final = re.compile(r"\s{0,2}%?\s{0,2}(?:[A-Za-z]{1,10}\s{1,2}){0,2}(?:at|in|by|around)\s{1,2}"
                                r"(?:[A-Za-z]{1,12}\s{1,2})?[~≈]?\d")
"""'... reaching a maximum of 92% at epoch 45': the value names its own x (read elsewhere)."""
_X_COLON: Final = re.compile(r"(?:^|[;,:]\s*)(?P<xw>(?:[A-Za-z#@][\w\-]*\s+){1,2})$")
_COLON: Final = re.compile(r"^\s*+[A-Za-z%]{0,8}\s*+[:=]\s*+[~≈]?\s*$")
_UNIT_THEN_SEP: Final = re.compile(
    r"^\s*(?P<unit>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*)?)\s*(?:,|;|and|with)\s*[~≈]?\s*$")
_UNIT_AFTER: Final = re.compile(r"^%?\s*(?P<unit>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*)?)")
_LIST_GAP: Final = re.compile(r"^[\s,;`*_]*(?:and|or|to|through|–|-)?[\s,;`*_]*$", re.IGNORECASE)
ONE_WORDAFTER: Final = re.compile(r"\s*([^\W\d_][\w-]{0,20})")
_MID_LEAD: Final = re.compile(r"\b(?:at|for|when|with)\s+(?:the\s+)?(?P<name>√?[^\W\d_][\w/′'.-]{0,9})"
                       r"\s*[=≈]\s*[~≈]?\s*$", re.IGNORECASE)
_CLAUSE_BREAK: Final = re.compile(r"[.;!?](?:\s|$)")
_LIST: Final = re.compile(r"\b(?P<axis>x|y)\s*[:=]\s*\[(?P<body>[^\[\]]{1,2000})\]", re.IGNORECASE)


def arrow_pair(claims: Claims, ctx: StatementContext) -> None:
    """'10 → 0.9, 20 → 0.7', '1.2 V → ~5 A': each x (with its unit), an arrow, its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        gap = norm[qs[i].end: qs[i + 1].start]
        m = _ARROW.match(gap) if not used[i] and not used[i + 1] and len(gap) <= PAIR_NAME_WINDOW else None
        if m and (not m.group("unit") or x_words_ok(m.group("unit"), ctx.x_words | UNIT_WORDS)) \
                and not _word_after_of(claims, i + 1, ctx.x_words, ctx.y_words) \
                and (m.group("unit") or not _word_after_of(claims, i + 1, ctx.y_words, ctx.x_words)) \
                and not _X_FOLLOWS.match(norm, qs[i + 1].end):  # '(1.8→2.1 at 4k)': a change in y
            claims.point_xy(qs[i], qs[i + 1])
            used[i] = used[i + 1] = True


_X_FOLLOWS: Final = re.compile(r"\s{0,2}(?:at|by|in|for)\s", re.IGNORECASE)


def _word_after_of(claims: Claims, j: int, axis_words: frozenset[str], other: frozenset[str]) -> bool:
    """'(0 → ~1000 context)' on an axis 'Context length': the second number is an x too;
    '(1.5 → 4.0 MSE)' on an axis 'MSE': both are values, a change in y."""
    m = ONE_WORDAFTER.match(claims.norm, claims.qs[j].end)
    words = label_words(m.group(1)) if m else frozenset()
    return bool(words) and words <= axis_words and not words <= other


def parallel_lists(claims: Claims, ctx: StatementContext) -> None:
    """'x: [10, 20, 30], y: [0.9, 0.7, 0.6]': two lists of the same length."""
    norm = claims.norm
    if "[" not in norm:
        return
    lists: dict[str, list[int]] = {}
    for m in _LIST.finditer(norm):
        lists[m.group("axis").lower()] = [i for i, q in enumerate(claims.qs)
                                           if m.start("body") <= q.start and q.end <= m.end("body")]
    xs, ys = lists.get("x", []), lists.get("y", [])
    if not xs or len(xs) != len(ys) or any(claims.used[i] for i in xs + ys):
        return
    for i, j in zip(xs, ys, strict=True):
        claims.point_xy(claims.qs[i], claims.qs[j])
        claims.used[i] = claims.used[j] = True


def x_colon_value(claims: Claims, ctx: StatementContext) -> None:
    """'step 10: 0.9; step 20: 0.7': x words and an x, a colon, its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        gap = norm[qs[i].end: qs[j].start]
        tied = _COLON.match(gap) or (not gap.strip() and qs[j].raw.startswith("≈"))  # ('Category 5 ≈ -30%')
        if used[i] or used[j] or len(gap) > PAIR_NAME_WINDOW or not tied:
            continue
        m = _X_COLON.search(claims.before(qs[i], PAIR_NAME_WINDOW))
        if m and x_words_ok(m.group("xw"), ctx.x_words):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


_X_AFTER_PAREN: Final = re.compile(r"\s{0,2}\)\s{0,2}(?:at|by|around|near)\s{1,2}(?:~|≈|about\s)?\s?\d",
                               re.IGNORECASE)


def _x_word_after(claims: Claims, ctx: StatementContext, i: int, unit: str | None,
                  after: str | None) -> str | None:
    """The word after the bracketed number: '' when none names an axis; the x's word
    ('~-1.4 (0 shots)'); None when it names the y ('at ~400 tokens (10² frequency)'): then the
    brackets hold the value, and the number before them, named by the x's word, is its x."""
    if not after:
        return ""
    if x_words_ok(after, ctx.x_words):
        return after
    if not x_words_ok(after, ctx.y_words):
        return ""
    if unit and x_words_ok(unit, ctx.x_words):
        claims.point_xy(claims.qs[i], claims.qs[i + 1])
        claims.used[i] = claims.used[i + 1] = True
    return None


_MAGNITUDE_WORDS: Final = {"M": ("million", "millions"), "B": ("billion", "billions"),
                           "T": ("trillion", "trillions")}
"""The magnitudes kept as written (a 'k' is multiplied out, so it is no unit of an axis)."""


def _magnitude_names_x(q: Quantity, ctx: StatementContext) -> bool:
    """'0.1B' on an x axis of 'Billion Parameters' (and not on the y axis): the letter is the
    x's unit. Only the word counts: a bare letter may be a unit of its own ('K' of Kelvin)."""
    words = _MAGNITUDE_WORDS.get(q.magnitude or "", ())
    return any(w in ctx.x_words for w in words) and not any(w in ctx.y_words for w in words)


def value_then_paren_x(claims: Claims, ctx: StatementContext) -> None:
    """'~-0.9 (round 0)', '~7.9 (B=0)', '0.31 (2⁰)', '2 ms (10³)', '~0.2 (0.1B)' on an x axis
    of billions: a value (and its unit), then its x in parentheses."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        gap = norm[qs[i].end: qs[j].start]
        m = _PAREN_X.match(gap) if len(gap) <= PAREN_X_WINDOW else None
        if not m:
            continue
        close = PAREN_CLOSE.match(norm[qs[j].end: qs[j].end + PAREN_X_WINDOW])
        if not close or _named_as_x(norm, qs[i].start, ctx.x_words - ctx.y_words - _FUNCTION_WORDS):
            continue  # ('peaks at Window 16 (615.86s)': the number named by the x axis' word is the x)
        named = m.group("xw").strip() or _x_word_after(claims, ctx, i, m.group("unit"), close.group("after"))
        if named is None or not _bracket_holds_x(qs[i], qs[j], named, m, ctx):
            continue  # (the brackets held the value, named by the y axis' word)
        x_follows = not named and _X_AFTER_PAREN.match(norm, qs[j].end) is not None
        if not named and (qs[j].value == qs[i].value or x_follows):
            used[j] = True  # '~100 units (10²) at ~150 minutes': the power restates the value
            claims.reject(qs[j], "value-restated-as-power")
            if x_follows and j + 1 < claims.n and not used[j + 1]:
                claims.point_xy(qs[j + 1], qs[i])  # ... and the x follows it
                used[i] = used[j + 1] = True
            continue
        claims.point_xy(qs[j], qs[i])
        used[i] = used[j] = True


def _named_as_x(norm: str, start: int, x_words: frozenset[str]) -> bool:
    """The number at ``start`` follows a word of the x axis ('Window 16' on an axis 'Window Size')."""
    m = _WORD_BEFORE.search(norm[max(0, start - WORD_BEFORE_WINDOW): start])
    return m is not None and m.group(1).lower() in x_words


WORD_BEFORE_WINDOW: Final = 24  # one word and its '=' before a number
# ('a maximum of 0.91 (8 layers)' on an axis 'Number of Layers': 'of' names nothing)
_FUNCTION_WORDS: Final = frozenset("of in at to per the a an for by on with and vs from".split())
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]{2,20})\s{0,2}[=:]?\s{0,2}$")


def _bracket_holds_x(value: Quantity, x: Quantity, named: str, m: re.Match[str],
                     ctx: StatementContext) -> bool:
    """Whether the bracket after a value holds its x, named or bare."""
    if not named and x.approx and not value.approx:
        return False  # '15-29 (~1×10⁻²)': a hedged number in brackets after a plain one is the value
    if named and not names_its_x(named, bool(m.group("eq")), ctx.x_words):
        return False
    if m.group("unit") and not y_unit_ok(m.group("unit"), ctx.y_words):
        return False  # '2 ms (10³)' yes; '5 models (2019)' no
    # '85 (12)': a bare number in parentheses may be anything; '~0.2 (0.1B)' of billions
    return bool(named) or "^" in x.raw or _magnitude_names_x(x, ctx)


def names_its_x(name: str, with_equals: bool, x_words: frozenset[str]) -> bool:
    """A word of the x axis, or a Latin symbol with '=' ('(B=0)'); 'κ=5' names the x only on an
    axis 'κ' (such symbols mostly name the legend's settings)."""
    return (with_equals and name[:1].isascii()) or x_words_ok(name, x_words)


def until_x_reaching(claims: Claims, ctx: StatementContext) -> None:
    """'... until iteration 8000, reaching approximately 0.02', 'a drop occurs around 2020,
    reaching about -0.4' or 'peaks, one around 2002 reaching 480': the x, then its value."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j] or not _UNTIL_WORD.search(claims.before(qs[i], UNTIL_WINDOW)):
            continue
        before = claims.before(qs[i], UNTIL_WINDOW)
        m = _UNTIL.search(before) or _EVENT.search(before)
        between = norm[qs[i].end: qs[j].start]
        if m and x_words_ok(m.group("xw").replace("=", " "), ctx.x_words) \
                and len(between) <= REACHING_WINDOW and _REACHING.match(between) is not None \
                and not _OWN_X_AFTER.match(norm, qs[j].end):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


def unit_named_pair(claims: Claims, ctx: StatementContext) -> None:
    """'4 FLOPs, 81.5% accuracy': two values, each followed by its axis' word, x first."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    if not ctx.y_words:
        return
    for i in range(claims.n - 1):
        j = i + 1
        gap = norm[qs[i].end: qs[j].start]
        if used[i] or used[j] or len(gap) > UNIT_PAIR_WINDOW:
            continue
        first = _UNIT_THEN_SEP.match(gap)
        second = _UNIT_AFTER.match(norm[qs[j].end: qs[j].end + UNIT_PAIR_WINDOW])
        if not first or not second:
            continue
        x_unit = label_words(first.group("unit"))
        y_unit = label_words(second.group("unit"))
        if y_unit & ctx.y_words and not x_unit & ctx.y_words:
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


def named_x_then_value(claims: Claims, ctx: StatementContext) -> None:
    """'The peak of P(q) at q = 0 is about 4.2': mid-sentence, the x named by its axis'
    symbol and '=', then its value; the x is the first number of its clause."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    for i in range(claims.n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        m = _MID_LEAD.search(claims.before(qs[i], MID_LEAD_WINDOW))
        if not m or not label_words(m.group("name")) or not x_words_ok(m.group("name"), ctx.x_words):
            continue
        if i > 0 and not used[i - 1] and not _CLAUSE_BREAK.search(norm[qs[i - 1].end: qs[i].start]):
            continue  # 'rises to 0.7 ... at q = 2': the value came first (statement.value-at-x)
        if _SPAN_DASH.match(norm, qs[i].end, qs[j].start):
            claims.reject(qs[i], "range-not-a-value")  # 'at θ = 0°–10° (G ≈ 8–10)': a stretch of x
            claims.reject(qs[j], "range-not-a-value")
            used[i] = used[j] = True
            continue
        again = NAME_EQ.search(claims.before(qs[j], MID_LEAD_WINDOW))
        if _LIST_GAP.match(norm[qs[i].end: qs[j].start]) or _MID_LEAD.search(
                claims.before(qs[j], MID_LEAD_WINDOW)) or axis_named(
                claims, qs[j], "x", ctx.x_words, ctx.y_words) or (
                again is not None and _last_word(again.group("name")) == _last_word(m.group("name"))):
            if (run := _values_after_named_xs(claims, i, m.group("name"))) is not None:
                xs, ys = run  # 'at ε = -0.5 and ε = 0.5 is about 0.08': one value at each x;
                for n, x in enumerate(xs):  # 'at ε = -0.5, ε = 0 and ε = 0.5 is 0.05, 0 and 0.05': in turn
                    claims.point_xy(qs[x], qs[ys[n] if len(ys) > 1 else ys[0]])
                    used[x] = True
                for y in ys:
                    used[y] = True
            continue  # 'at K=10 and K=20', 'at k=1, 2 and 3', 'at t=4, t=9': the next number is another x
        between = norm[qs[i].end: qs[j].start]
        if len(between) <= UNTIL_WINDOW * 2 and not _CLAUSE_BREAK.search(between):
            claims.point_xy(qs[i], qs[j])
            used[i] = used[j] = True


def _last_word(name: str) -> str:
    """'before k' -> 'k': the symbol that names the x, without the word before it."""
    return name.split()[-1].lower()


_SPAN_DASH: Final = re.compile(r"[°%]?[-–—]$")  # '0°–10°' (spaced, 'θ = 0° — 0.2 a.u.' is x then value)
_X_RUN_GAP: Final = re.compile(r"^\s{0,2}(?:,\s{0,2})?(?:(?:and|or|&)\s{1,2})?(?:at\s{1,2})?"
                               r"(?P<name>\S{1,12}?)\s{0,2}[=≈]\s{0,2}[~≈]?\s{0,2}$", re.IGNORECASE)
_VALUE_LIST_GAP: Final = re.compile(r"^\s{0,2}%?\s{0,2}(?:,\s{0,2}(?:and\s{1,2})?|and\s{1,2})$")
"""', ' or ' and ' between listed values (not 'to' or a dash: a range)."""


def _values_after_named_xs(claims: Claims, i: int, name: str) -> tuple[list[int], list[int]] | None:
    """'at ε = -0.5 and ε = 0.5 is approximately 0.08': the xs named alike from qs[i] on, and
    the one value after them in the same clause, or as many values as xs, listed (the
    positions in ``claims.qs``)."""
    norm, qs, used = claims.norm, claims.qs, claims.used
    wanted = name.strip().lower()
    run, k = [i], i + 1
    while k < claims.n and not used[k]:
        gap = _X_RUN_GAP.match(norm[qs[k - 1].end: qs[k].start])
        if gap is None or gap.group("name").lower() != wanted:
            break
        run.append(k)
        k += 1
    if len(run) < 2 or k >= claims.n or used[k]:
        return None
    between = norm[qs[k - 1].end: qs[k].start]
    if len(between) > UNTIL_WINDOW or _CLAUSE_BREAK.search(between) or "=" in between or "," in between:
        return None
    values = [k]
    while values[-1] + 1 < claims.n and not used[values[-1] + 1] \
            and _VALUE_LIST_GAP.match(norm[qs[values[-1]].end: qs[values[-1] + 1].start]):
        values.append(values[-1] + 1)
    return (run, values) if len(values) in (1, len(run)) else None

