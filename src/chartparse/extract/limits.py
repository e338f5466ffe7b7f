"""Bounds on what one description may declare, so that reading stays linear.

Each data line is read against the declared categories and panels; a description declaring
thousands of them (text no model writes about one chart) would make that quadratic. What
lies beyond a bound is not read as a declaration, and a diagnostic says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .reading import ReadingState

MAX_TICKS: Final = 500  # ticks or categories on one axis
MAX_PANELS: Final = 100


def bound_ticks(state: ReadingState) -> None:
    """Keep the first MAX_TICKS ticks of each axis once the axes are read."""
    for axis in state.chart.axes:
        if len(axis.ticks) > MAX_TICKS:
            state.chart.warn("too-many-ticks", f"the {axis.role} axis declares {len(axis.ticks)} ticks or "
                             f"categories; only the first {MAX_TICKS} are kept", axis.first_line)
            del axis.ticks[MAX_TICKS:]
