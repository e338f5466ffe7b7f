"""Keys that name the y axis' measure at an x: 'Proportion at 35%', 'Loss @ 10k'."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import label_words
from .state import ChartDraft
from .text import PAREN_NOTE, strip_markup
from .values_of import x_number

_MEASURE_AT: Final = re.compile(
    r"^(?P<measure>[^\W\d_][^\W\d_]{0,20}(?:[ -][^\W\d_]{1,20}){0,2})"
    r"\s{1,2}(?:at|@)\s{1,2}(?P<x>[~≈]?\s?-?\d[\d.,]{0,12}\s?%?)$")


def measure_at_x(chart: ChartDraft, key: str, panel: str | None,
                 x: int | float | str) -> int | float | str:
    """'Proportion at 35%' on a y axis 'Proportion (%)': the key states its x, 35 (the words
    before 'at' all the y axis' own); else ``x``, the key as read so far."""
    if not isinstance(x, str):
        return x
    axis = chart.panel_axis("y", panel)
    m = _MEASURE_AT.match(strip_markup(key).strip())
    if axis is None or not axis.label or m is None:
        return x
    words = label_words(m.group("measure"))
    if not words or not words <= label_words(PAREN_NOTE.sub(" ", axis.label)):
        return x
    number = x_number(m.group("x"), frozenset())
    return number if isinstance(number, int | float) else x
