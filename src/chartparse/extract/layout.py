"""How the chart is laid out, as the text states it: bar orientation and the panel grid.

Two additive output fields, computed from the finished draft (and, for the grid, from the
opening of the text), so the walker needs no change:

- ``orientation``: ``"horizontal"`` when a bar-like chart has its categories on the y axis
  (the points stay (category, value); only the drawing turns), ``"vertical"`` for other
  bar-like charts, None for other kinds;
- ``panel_grid``: ``[rows, columns]`` when the text states a grid ("a 2x2 grid", "two rows
  of three panels"), else None.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ..vocab import NUMBER_WORDS
from .state import AxisDraft, ChartDraft

BAR_LIKE = frozenset({"bar", "histogram", "box"})
# Only the opening of the text describes the figure's layout; a long table is not scanned.
_HEAD_CHARS = 4000
_NUMBER = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_GRID_BY_X: Final = re.compile(
    r"\b(\d{1,2})\s?[x×]\s?(\d{1,2})\b(?=[\s-]{1,3}(?:grid|layout|arrangement|matrix|panel))",
    re.IGNORECASE)
_GRID_BY_WORDS: Final = re.compile(
    _NUMBER + r" rows? (?:and|by|of|with|x|×) " + _NUMBER + r" (?:columns?|panels|plots|charts)",
    re.IGNORECASE,
)


def layout_fields(chart: ChartDraft) -> dict[str, Any]:
    """The ``orientation`` and ``panel_grid`` fields of the output."""
    return {"orientation": orientation(chart), "panel_grid": chart.stated_grid}


def orientation(chart: ChartDraft) -> str | None:
    """``horizontal`` when the categorical axis is y, ``vertical`` otherwise (bar-like kinds)."""
    if chart.kind not in BAR_LIKE:
        return None
    values = [float(p.y) for s in chart.series for p in s.points]
    x_axes = [a for a in chart.axes if a.role == "x"]
    y_axes = [a for a in chart.axes if a.role == "y"]
    if any(_is_categorical(a) for a in x_axes):
        return "vertical"
    if any(_is_categorical(a) for a in y_axes):
        return "horizontal"
    # Neither axis is called categorical: the value axis is the one whose stated range
    # holds the values (x only -> the bars run along x).
    if any(_holds(a, values) for a in x_axes) and not any(_holds(a, values) for a in y_axes):
        return "horizontal"
    return "vertical"


def _is_categorical(axis: AxisDraft) -> bool:
    return axis.scale == "categorical" or (
        bool(axis.ticks) and all(isinstance(t, str) for t in axis.ticks))


def _holds(axis: AxisDraft, values: list[float]) -> bool:
    """The axis states a numeric range (or numeric ticks) and every value lies inside it."""
    numbers = [float(t) for t in axis.ticks if not isinstance(t, str)]
    lo = float(axis.min) if axis.min is not None else min(numbers, default=None)
    hi = float(axis.max) if axis.max is not None else max(numbers, default=None)
    if lo is None or hi is None or lo >= hi:
        return False
    return bool(values) and all(lo <= v <= hi for v in values)


def stated_grid(text: str) -> tuple[int, int] | None:
    """``(rows, columns)`` from "a 2x3 grid" or "two rows and three columns", else None."""
    head = text[:_HEAD_CHARS]
    found = _GRID_BY_X.search(head)
    if found:
        rows, cols = int(found.group(1)), int(found.group(2))
    else:
        found = _GRID_BY_WORDS.search(head)
        if not found:
            return None
        rows, cols = _count(found.group(1)), _count(found.group(2))
    return (rows, cols) if 0 < rows <= 12 and 0 < cols <= 12 else None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)
