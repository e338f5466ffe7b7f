"""Where a value stands in its source line: the columns of the number a point was read from.

Rules record the line and the rule of every point as they read; the columns are found
afterwards, once per line that holds points, by scanning that line for numbers and
pairing each point's value with the first unused number that spells it. A value the
line does not spell plainly (``10⁸``, ``1.2e-3``) gets no columns rather than wrong ones.
"""

from __future__ import annotations

import re
from typing import Final

from .state import ChartDraft, PointDraft

_DIGITS: Final = re.compile(r"\d+(?:[.,]\d+)*")
_MAX_LINE = 4096  # columns are located on lines up to this long (a table row, a sentence)


def number_columns(raw: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every plain number in a line, signs and separators read."""
    out: list[tuple[int, int, float]] = []
    for m in _DIGITS.finditer(raw):
        start, end = m.span()
        text = raw[start:end]
        if "," in text:
            head, _, tail = text.rpartition(",")
            text = text.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
        try:
            value = float(text)
        except ValueError:
            continue
        if start and raw[start - 1] in "-−" and (start < 2 or not raw[start - 2].isalnum()):
            value, start = -value, start - 1
        out.append((start, end, value))
    return out


def spells(number: float, value: float) -> bool:
    """Whether a written number is the value (allowing a k suffix or a percent share)."""
    if value == number:
        return True
    if value == 0 or number == 0:
        return False
    for factor in (1000.0, 0.01, 100.0, 1_000_000.0):
        if abs(number * factor - value) <= abs(value) * 1e-9:
            return True
    return False


def point_columns(chart: ChartDraft, text: str) -> dict[int, list[tuple[int, int] | None]]:
    """For every series (by index), the columns of each point's y value."""
    raw_lines = text.split("\n")
    numbers: dict[int, list[tuple[int, int, float]]] = {}
    used: dict[int, set[int]] = {}
    out: dict[int, list[tuple[int, int] | None]] = {}
    for si, series in enumerate(chart.series):
        cols: list[tuple[int, int] | None] = []
        for point in series.points:
            cols.append(_locate(point, raw_lines, numbers, used))
        out[si] = cols
    return out


def _locate(point: PointDraft, raw_lines: list[str], numbers: dict[int, list[tuple[int, int, float]]],
            used: dict[int, set[int]]) -> tuple[int, int] | None:
    line = point.line
    if line is None or not 0 < line <= len(raw_lines) or isinstance(point.y, bool):
        return None
    found = numbers.get(line)
    if found is None:
        raw = raw_lines[line - 1]
        found = numbers[line] = number_columns(raw) if len(raw) <= _MAX_LINE else []
        used[line] = set()
    taken = used[line]
    x = point.x
    if isinstance(x, int | float) and not isinstance(x, bool):
        _take(found, taken, float(x))  # the x is written before its y on most lines
    return _take(found, taken, float(point.y))


def _take(found: list[tuple[int, int, float]], taken: set[int], value: float) -> tuple[int, int] | None:
    for i, (start, end, number) in enumerate(found):
        if i not in taken and spells(number, value):
            taken.add(i)
            return start, end
    return None
