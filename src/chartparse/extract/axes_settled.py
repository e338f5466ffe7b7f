"""The axes as pass 1 left them, settled once before the data are read: what sentences said
of them fills what their lines left open, each keeps at most MAX_TICKS ticks, and bins that
all end in one word take it as the axis' unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .axis_sentences import apply_axis_sentences
from .limits import bound_ticks
from .unit_bins import bins_share_unit

if TYPE_CHECKING:
    from .reading import ReadingState


def settle_axes(state: ReadingState) -> None:
    apply_axis_sentences(state)
    bound_ticks(state)
    for axis in state.chart.axes:
        bins_share_unit(axis)
