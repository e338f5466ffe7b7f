"""Figure layout shared by the PNG and Vega-Lite writers (standard library only):
the panel grid, wrapped titles and the colours the text states for categories.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

from .common import css_color, fill_colors

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Chart


def grid_shape(count: int, stated: tuple[int, int] | None = None) -> tuple[int, int]:
    """``(rows, columns)`` for ``count`` panels: the stated grid when the panels fit in it,
    else at most 3 columns (4 beyond nine panels), 2 x 2 for four."""
    if stated is not None:
        rows, cols = stated
        if rows * cols >= count > 0 and (rows - 1) * cols < count:
            return rows, cols
    if count <= 1:
        return 1, 1
    cols = 2 if count == 4 else 3 if count <= 9 else 4 if count <= 16 else 5
    cols = min(cols, count)
    return math.ceil(count / cols), cols


def wrap(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters (never cut)."""
    return "\n".join(textwrap.wrap(text, max(width, 12), break_long_words=False)) or text


def category_colors(chart: Chart, categories: list[str]) -> dict[str, str]:
    """The legend's colour for each category it colours (a pie's slices, a one-series bar
    chart's bars); the other categories get palette colours of other hues. Empty when the
    legend colours no category."""
    stated: dict[str, str] = {}
    by_label = {_key(e.label): css_color(e.color) for e in chart.legend.entries if e.color}
    for name in categories:
        color = by_label.get(_key(name))
        if color:
            stated[name] = color
    if not stated:
        return {}
    return fill_colors(categories, stated)


def _key(label: str) -> str:
    return " ".join(label.casefold().replace("*", "").replace("`", "").split())
