"""STAND-IN for the lead engineer's provenance module (interface: notes/EXPLAIN_API.md).

Written on the ``review`` branch only so that ``chartparse review`` can be built and tested
before the real ``explain`` lands; main's version replaces this file at merge. It is naive on
purpose: numbers are found with a small hand-written scanner (one pass, no regular
expressions), and a number counts as claimed (rule ``stand-in``, role ``point``) when a point
read from that line has it as its y (or x) value, or (role ``axis``) when it is the stated
minimum or maximum of an axis read from that line. Every other number is unclaimed; nothing
is ever rejected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .models import Chart

ROLES = ("point", "axis", "tick", "summary", "legend", "panel", "meta")
STAND_IN_RULE = "stand-in"

_SIGNS = "-+−"
_APPROX = "~≈"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}


@dataclass(slots=True)
class NumberMark:
    text: str
    start: int
    end: int
    value: float | None
    claimed_by: str | None
    role: str | None
    reason: str | None
    point: tuple[int, int] | None


@dataclass(slots=True)
class ExplainedLine:
    line: int
    text: str
    block: str
    rule: str | None
    produced: list[str]
    numbers: list[NumberMark]


@dataclass(slots=True)
class Explanation:
    chart: Chart
    lines: list[ExplainedLine]
    claimed: int
    rejected: int
    unclaimed: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [
                {"line": ln.line, "text": ln.text, "block": ln.block, "rule": ln.rule,
                 "produced": list(ln.produced),
                 "numbers": [{"text": n.text, "start": n.start, "end": n.end, "value": n.value,
                              "claimed_by": n.claimed_by, "role": n.role, "reason": n.reason,
                              "point": list(n.point) if n.point else None}
                             for n in ln.numbers]}
                for ln in self.lines
            ],
            "claimed": self.claimed,
            "rejected": self.rejected,
            "unclaimed": self.unclaimed,
            "chart": self.chart.to_dict(),
        }


def explain_text(text: str, source: str | None = None) -> Explanation:
    from .api import parse

    chart = parse(text, source=source)
    points_on: dict[int, list[tuple[int, int]]] = {}
    for si, series in enumerate(chart.series):
        for pi, point in enumerate(series.points):
            if point.line is not None:
                points_on.setdefault(point.line, []).append((si, pi))
    axis_values: dict[int, list[float]] = {}
    for axis in chart.axes:
        if axis.span is not None:
            bounds = [float(v) for v in (axis.min, axis.max) if v is not None]
            axis_values.setdefault(axis.span.start, []).extend(bounds)
    lines: list[ExplainedLine] = []
    claimed = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line_text = raw[:-1] if raw.endswith("\r") else raw
        marks = scan_numbers(line_text)
        used: set[tuple[int, int]] = set()
        for mark in marks:
            _claim(mark, chart, points_on.get(number, []), axis_values.get(number, []), used)
            claimed += mark.claimed_by is not None
        produced = [f"point {chart.series[si].name}[{pi}]" for si, pi in points_on.get(number, [])]
        lines.append(ExplainedLine(line=number, text=line_text, block=_block(line_text),
                                   rule=STAND_IN_RULE if produced else None,
                                   produced=produced, numbers=marks))
    total = sum(len(ln.numbers) for ln in lines)
    return Explanation(chart=chart, lines=lines, claimed=claimed, rejected=0,
                       unclaimed=total - claimed)


def _claim(mark: NumberMark, chart: Chart, points: list[tuple[int, int]],
           axis_bounds: list[float], used: set[tuple[int, int]]) -> None:
    """Claim ``mark`` for a point of its line (each point once: a row may repeat a value)."""
    if mark.value is None:
        return
    candidates = _plain_and_scaled(mark)
    for want_y in (True, False):
        for si, pi in points:
            if want_y and (si, pi) in used:
                continue
            point = chart.series[si].points[pi]
            value = point.y if want_y else point.x
            if isinstance(value, str):
                continue
            if any(_same(float(value), c) for c in candidates):
                mark.claimed_by, mark.role, mark.point = STAND_IN_RULE, "point", (si, pi)
                if want_y:
                    used.add((si, pi))
                return
    if any(_same(bound, c) for bound in axis_bounds for c in candidates):
        mark.claimed_by, mark.role = STAND_IN_RULE, "axis"


def _plain_and_scaled(mark: NumberMark) -> list[float]:
    assert mark.value is not None
    out = [mark.value]
    scale = _SCALES.get(mark.text[-1:])
    if scale:
        out.append(mark.value * scale)
    return out


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _block(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        return "blank"
    if stripped.startswith("#"):
        return "heading"
    if stripped.startswith("|"):
        return "table"
    if stripped[:3] in ("---", "***", "___") and len(set(stripped)) == 1:
        return "rule"
    if stripped[0] in "*-+" and stripped[1:2] == " ":
        return "item"
    head = stripped.split(" ", 1)[0]
    if len(head) > 1 and head[-1] in ".)" and _digits(head[:-1]):
        return "item"
    return "para"


def scan_numbers(text: str) -> list[NumberMark]:
    """Numbers written in ``text``, in one left-to-right pass (linear time)."""
    marks: list[NumberMark] = []
    n = len(text)
    i = 0
    while i < n:
        start = i
        j = i
        if text[j] in _APPROX:
            j += 1
            while j < n and text[j] == " ":
                j += 1
        if j < n and text[j] in _SIGNS and not _word_char_before(text, start):
            j += 1
        dot_first = j + 1 < n and text[j] == "." and _digits(text[j + 1])
        if j >= n or not (_digits(text[j]) or dot_first) or _word_char_before(text, start):
            i += 1
            continue
        digits_start = j
        j = _scan_digits(text, j)
        if j + 1 < n and text[j] == "." and _digits(text[j + 1]):
            j = _scan_digits(text, j + 1)
        number_text = text[digits_start:j].replace(",", "")
        if j + 1 < n and text[j] in "eE" and (_digits(text[j + 1]) or (
                text[j + 1] in "+-" and j + 2 < n and _digits(text[j + 2]))):
            k = _scan_digits(text, j + 2)
            number_text += text[j:k].replace(",", "")
            j = k
        exponent = 0
        if number_text == "10" and j < n and text[j] in _SUPERSCRIPTS:
            k = j
            while k < n and text[k] in _SUPERSCRIPTS:
                exponent = exponent * 10 + _SUPERSCRIPTS.index(text[k])
                k += 1
            j = k
        if j < n and (text[j] == "%" or (text[j] in _SCALES and not _word_char_at(text, j + 1))):
            j += 1
        try:
            value: float | None = float(number_text)
        except ValueError:  # pragma: no cover - the scanner only takes digits
            value = None
        if value is not None:
            if exponent:
                value = 10.0 ** exponent
            if text[start:digits_start].rstrip(" ~≈")[-1:] in ("-", "−"):
                value = -value
        marks.append(NumberMark(text=text[start:j], start=start, end=j, value=value,
                                claimed_by=None, role=None, reason=None, point=None))
        i = j
    return marks


def _digits(chunk: str) -> bool:
    """True for a non-empty run of ASCII digits (str.isdigit also takes superscripts)."""
    return bool(chunk) and all("0" <= c <= "9" for c in chunk)


def _scan_digits(text: str, j: int) -> int:
    """The end of a run of digits, with thousands commas (``12,500``) taken in."""
    n = len(text)
    while j < n:
        if _digits(text[j]) or (text[j] == "," and len(text[j + 1:j + 4]) == 3 and _digits(text[j + 1:j + 4])
              and not _digits(text[j + 4:j + 5])):
            j += 1
        else:
            break
    return j


def _word_char_at(text: str, j: int) -> bool:
    return j < len(text) and (text[j].isalnum() or text[j] == "_")


def _word_char_before(text: str, j: int) -> bool:
    return j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_.")
