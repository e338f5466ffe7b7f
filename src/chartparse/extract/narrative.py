"""Statements inside a sentence: points, ranges, start and end values.

Works on the quantities the value scanner found and the few words around each,
so every rule is a look at a bounded window: linear in the text length.

Forms read (x from the text, y the stated value):
  (100, ~0.294)                    tuple
  x=5000 ... y≈8.5                 x=/y= pair
  peaks at ~3.5 at ~300B tokens    V at|by X
  At 60B tokens, the loss is 2.21  At X, ... V
  fluctuates between 0.45 and 0.65 -> summary min/max (not points)
  increases from 0 to 20000        -> summary start/end
  starts at ~83% ... reaching 0.88 -> summary start/end
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..values import Quantity
from ..vocab import GENERIC_X_WORDS
from .text import MAX_VALUES_PER_TEXT, quantities

_WORD = re.compile(r"[A-Za-z][\w\-]*")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")

_TUPLE_OPEN = re.compile(r"\(\s*$")
_TUPLE_SEP = re.compile(r"^\s*[,;]\s*$")
_TUPLE_CLOSE = re.compile(r"^\s*\)")
_X_EQ = re.compile(r"\bx\s*[=:]\s*[~≈]?\s*$", re.IGNORECASE)
_Y_EQ = re.compile(r"\by\s*[=:≈~]\s*[~≈]?\s*$", re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:%\s*)?(?:to|–|—|-|and)\s*(?:approximately|about|around|roughly|~|≈)?\s*$",
                        re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"between\s*(?:approximately|about|around|roughly|~|≈)?\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"from\s*(?:approximately|about|around|roughly|~|≈)?\s*$", re.IGNORECASE)
_LEAD_X = re.compile(
    r"(?:^|[.;!?]\s+|\n)\s*[*_]*(?:at|by|for|on|in|when|with)\s+(?:the\s+)?(?P<xw>(?:[A-Za-z#@][\w\-]*(?:\s+|\s*(?=[=:]))){0,3})"
    r"(?P<eq>[=:]\s*)?[~≈]?\s*$",
    re.IGNORECASE,
)
_AT_X = re.compile(
    r"^[%)\s*_]*(?P<unit>(?:[A-Za-z][\w/]{0,11}\s+){0,2})(?:at|by|in)\s+(?:(?:approximately|around|about|roughly|nearly|near|the|a)\s+)?"
    r"(?P<xw>(?:[A-Za-z#@][\w\-]*(?:\s+|\s*(?=[=:]))){0,3})(?:[=:]\s*)?[~≈]?\s*$",
    re.IGNORECASE,
)
_NAME_NUMBER = re.compile(r"(?:^|[\s(\"'])[A-Z][A-Za-z]*[ -]$")
_UNIT_THEN_VALUE = re.compile(r"^\s+[A-Za-z][\w\-]{0,14}(?:\s+[A-Za-z][\w\-]{0,14})?\s*[=:]?\s*$")
_LINKING_WORDS = frozenset(
    """at by in on to from of and or then after before with while than vs versus reaching
    around about near approximately roughly nearly is was are were x y""".split()
)
_NEAR_X = re.compile(r"^[%)\s*_]*(?:around|near)\s+(?P<xw>(?:[A-Za-z][\w\-]*\s+){1,2})[~≈]?\s*$",
                     re.IGNORECASE)
_AT_MONTH = re.compile(
    r"^[%)\s*_]*(?P<unit>(?:[A-Za-z][\w/]{0,11}\s+){0,2})(?:in|at|by|for|during)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\b"
)
_PAREN_REPEAT = re.compile(r"^\s*[A-Za-z%]*\s*\(\s*$")
_START_BEFORE = re.compile(
    r"\b(?:starts?|starting|begins?|beginning|originates?|initially|opens?|initial\s+value(?:\s+is)?)"
    r"\s+(?:(?:at|around|near|from|with|of|off|about|approximately|roughly|just|slightly|above|below|close\s+to|a\s+value\s+of)\s+){0,3}[~≈]?\s*$",
    re.IGNORECASE,
)
_END_BEFORE = re.compile(
    r"\b(?:ends?|ending|finish(?:es|ing)?|concludes?|final\s+value(?:\s+is)?|reach(?:es|ing)?|to)"
    r"\s+(?:(?:at|around|near|with|of|about|approximately|roughly|close\s+to|a\s+value\s+of)\s+){0,3}[~≈]?\s*$",
    re.IGNORECASE,
)


_UNIT_WORDS = frozenset(
    "points point units unit percent pct counts count tokens steps ms s sec seconds hours gb mb"
    " kb tb twh gwh mw kw usd dollars million billion thousand k m b bn pp".split()
)


_VALUE_LABEL = re.compile(
    r"(?:^|[,;:.]\s+)([A-Za-z][A-Za-z0-9()%/\- ]{0,30}?)\s*(?:≈|~|=|:|\bis\b|\bof\b)?\s*"
    r"(?:approximately|about|around|roughly)?\s*$"
)
_NOT_A_LABEL = frozenset({"value", "it", "the line", "line", "the value", "score of", "a value"})


# Cheap tests that rule out most windows before the regex that reads them runs:
# these regexes are tried once per number, and dense numeric text has many.
_LEAD_WORDS = ("at", "by", "for", "on", "in", "when", "with")
_START_WORDS = ("start", "begin", "origin", "initial", "open")
_MONTH_HINT = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


def _may_lead_x(window: str) -> bool:
    """_LEAD_X can only match from the window's start or after a sentence break."""
    head = window.lstrip().lstrip("*_").lower()
    return head.startswith(_LEAD_WORDS) or any(ch in window for ch in ".;!?\n")


def _may_start(window: str) -> bool:
    lowered = window.lower()
    return any(word in lowered for word in _START_WORDS)


@dataclass(slots=True)
class Reading:
    points: list[Any]  # StatementPoint once read_statement returns
    summary: dict[str, int | float]
    value_label: str | None  # 'Loss' in 'Epoch 3: Loss ≈ 0.5'
    capped: bool  # the text held more values than are read from one line

    # __init__ is written out because mypyc compiles it; a dataclass-generated one runs
    # interpreted, which made building this class a hot spot.
    def __init__(self, capped: bool = False) -> None:
        self.points = []
        self.summary = {}
        self.value_label = None
        self.capped = capped


def _value_label(before: str) -> str | None:
    m = _VALUE_LABEL.search(before)
    if not m:
        return None
    label = m.group(1).strip()
    if not label or len(label.split()) > 4 or label.lower() in _NOT_A_LABEL:
        return None
    return label


def _words(text: str) -> set[str]:
    return {w.strip("()#%").lower() for w in _WORD.findall(text)}


def _x_words_ok(words: str, x_words: frozenset[str]) -> bool:
    for w in words.lower().split():
        w = w.strip("-#@")
        if not w or w in GENERIC_X_WORDS or w in x_words:
            continue
        if w.endswith("s") and (w[:-1] in x_words or w[:-1] in GENERIC_X_WORDS):
            continue
        if w + "s" in x_words:
            continue
        return False
    return True


class StatementPoint(NamedTuple):
    x: int | float | str
    y: int | float
    approx: bool
    rule: str
    y_start: int | None = None
    y_end: int | None = None
    x_start: int | None = None
    x_end: int | None = None


def read_statement(
    text: str,
    x_words: frozenset[str] = frozenset(),
    x_context: int | float | str | None = None,
    y_words: frozenset[str] = frozenset(),
) -> Reading:
    reading = _read_statement(text, x_words, x_context, y_words)
    reading.points = [StatementPoint(p[0], p[1], p[2], "statement")
                      for p in reading.points]
    return reading


def _read_statement(
    text: str,
    x_words: frozenset[str] = frozenset(),
    x_context: int | float | str | None = None,
    y_words: frozenset[str] = frozenset(),
) -> Reading:
    norm, qs = quantities(text)
    reading = Reading(capped=len(qs) >= MAX_VALUES_PER_TEXT)
    if not qs:
        return reading
    used = [False] * len(qs)
    n = len(qs)

    # Tuples: (x, y)
    for i in range(n - 1):
        a, b = qs[i], qs[i + 1]
        if used[i] or used[i + 1]:
            continue
        if (norm.find("(", max(0, a.start - 8), a.start) != -1
                and _TUPLE_OPEN.search(norm[max(0, a.start - 8): a.start])
                and _TUPLE_SEP.match(norm[a.end: b.start])
                and _TUPLE_CLOSE.match(norm[b.end: b.end + 8])):
            reading.points.append((a.value, b.value, b.approx))
            used[i] = used[i + 1] = True

    # x=... y=... pairs
    for i in range(n):
        window = norm[max(0, qs[i].start - 12): qs[i].start]
        if used[i] or ("=" not in window and ":" not in window) or not _X_EQ.search(window):
            continue
        for j in range(i + 1, min(n, i + 3)):
            if not used[j] and _Y_EQ.search(norm[max(0, qs[j].start - 12): qs[j].start]):
                reading.points.append((qs[i].value, qs[j].value, qs[j].approx))
                used[i] = used[j] = True
                break

    # 'Model Size ~0.5B, Generation Score ~25': both coordinates named by their axes.
    if not reading.points and x_context is None and n >= 2 and x_words and y_words:
        a, b = qs[0], qs[1]
        lead = _words(norm[max(0, a.start - 40): a.start].rsplit(".", 1)[-1])
        mid = _words(norm[a.end: b.start])
        if lead & x_words - GENERIC_X_WORDS and mid & y_words and not (mid & x_words - y_words):
            reading.points.append((a.value, b.value, b.approx))
            used[0] = used[1] = True

    if x_context is not None:
        for i in range(n):
            if used[i] or (not qs[i].approx and _NAME_NUMBER.search(
                    norm[max(0, qs[i].start - 24): qs[i].start])):
                continue  # 'Level 0', 'Epoch 3': a number inside a name, not the value
            if i + 1 < n and _RANGE_SEP.match(norm[qs[i].end: qs[i + 1].start]):
                break
            reading.points.append((x_context, qs[i].value, qs[i].approx))
            reading.value_label = _value_label(norm[max(0, qs[i].start - 48): qs[i].start])
            break
        return reading

    # Ranges: between A and B / A–B / from A to B
    for i in range(n - 1):
        a, b = qs[i], qs[i + 1]
        if used[i] or used[i + 1]:
            continue
        sep = norm[a.end: b.start]
        if not _RANGE_SEP.match(sep):
            continue
        before = norm[max(0, a.start - 30): a.start]
        if "and" in sep.lower() and not _BETWEEN_BEFORE.search(before):
            continue
        if i > 0 and not used[i - 1] and _AT_X.match(norm[qs[i - 1].end: a.start]):
            continue  # '~13k in 2018 to ~34k by 2022': 2018 is an x, not a range start
        if _AT_X.match(norm[b.end: b.end + 40]) and not _BETWEEN_BEFORE.search(before):
            continue  # '... to ~17 at 500B' is a point, handled below
        if _FROM_BEFORE.search(before):
            reading.summary.setdefault("start", a.value)
            reading.summary.setdefault("end", b.value)
        else:
            lo, hi = (a, b) if a.value <= b.value else (b, a)
            reading.summary.setdefault("min", lo.value)
            reading.summary.setdefault("max", hi.value)
        used[i] = used[i + 1] = True

    # At X, ... V
    for i in range(n):
        if used[i]:
            continue
        window = norm[max(0, qs[i].start - 60): qs[i].start]
        m = _LEAD_X.search(window) if _may_lead_x(window) else None
        # 'At LR = 1e-3, ...': a name followed by '=' is the x variable, whatever its name.
        if not m or not ((m.group("eq") and len(m.group("xw").split()) <= 2)
                         or _x_words_ok(m.group("xw"), x_words)):
            continue
        j = i + 1
        while j < n and _PAREN_REPEAT.match(norm[qs[j - 1].end: qs[j].start]):
            j += 1
        if j >= n or used[j]:
            continue
        between = norm[qs[i].end: qs[j].start]
        if _SENTENCE_BREAK.search(between) or len(between) > 80:
            continue
        if j + 1 < n and _RANGE_SEP.match(norm[qs[j].end: qs[j + 1].start]):
            used[i] = used[j] = used[j + 1] = True
            continue
        reading.points.append((qs[i].value, qs[j].value, qs[j].approx))
        for k in range(i, j + 1):
            used[k] = True

    # '1M docs ≈ 0.985', '10 users = 85 ms': x with its unit, then an explicit value.
    for i in range(n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        between = norm[qs[i].end: qs[j].start]
        explicit = "=" in between or ":" in between or norm[qs[j].start: qs[j].start + 1] in "≈~"
        if explicit and _UNIT_THEN_VALUE.match(between) and not (
                _words(between) & _LINKING_WORDS):
            reading.points.append((qs[i].value, qs[j].value, qs[j].approx))
            used[i] = used[j] = True

    # 'bottoms out at about 2.0 around step 30': around/near + an x word names the x.
    for i in range(n - 1):
        j = i + 1
        if used[i] or used[j]:
            continue
        m = _NEAR_X.match(norm[qs[i].end: qs[j].start])
        if m and m.group("xw").strip() and _x_words_ok(m.group("xw"), x_words) and any(
                w in x_words or w in GENERIC_X_WORDS for w in m.group("xw").lower().split()):
            reading.points.append((qs[j].value, qs[i].value, qs[i].approx))
            used[i] = used[j] = True

    # 'about 180 TB in Jun': a month as the x.
    for i in range(n):
        if used[i]:
            continue
        after = norm[qs[i].end: qs[i].end + 40]
        m = _AT_MONTH.match(after) if _MONTH_HINT.search(after) else None
        if m and (not m.group("unit") or _x_words_ok(m.group("unit"), y_words | _UNIT_WORDS)):
            reading.points.append((m.group("month"), qs[i].value, qs[i].approx))
            used[i] = True

    # V at|by X
    for i in range(n - 1):
        if used[i]:
            continue
        j = i + 1
        if used[j]:
            continue
        m = _AT_X.match(norm[qs[i].end: qs[j].start])
        if not m or not _x_words_ok(m.group("xw"), x_words):
            continue
        if m.group("unit") and not _x_words_ok(m.group("unit"), y_words | _UNIT_WORDS):
            continue  # '180 TWh in 2010' yes; '5 models in 2010' no
        v, x = qs[i], qs[j]
        _summary_mark(norm, v, reading)
        reading.points.append((x.value, v.value, v.approx))
        used[i] = used[j] = True

    # Start / end values with no x.
    for i in range(n):
        if used[i]:
            continue
        before = norm[max(0, qs[i].start - 60): qs[i].start]
        if _may_start(before) and _START_BEFORE.search(before):
            reading.summary.setdefault("start", qs[i].value)
            used[i] = True
        elif "start" in reading.summary and _END_BEFORE.search(before):
            reading.summary["end"] = qs[i].value
            used[i] = True
    return reading


def _summary_mark(norm: str, v: Quantity, reading: Reading) -> None:
    """A point that is also the stated start ('starts at ~5 at 100B') sets summary.start."""
    before = norm[max(0, v.start - 60): v.start]
    if _START_BEFORE.search(before):
        reading.summary.setdefault("start", v.value)
