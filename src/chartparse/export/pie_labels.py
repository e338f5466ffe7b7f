"""Pie slice labels as the text states them, for the PNG and the Vega-Lite writers
(standard library only: the Vega-Lite writer must not reach matplotlib, even for types)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import format_number, x_text

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Chart, Series

TINY = 0.06  # share of the whole under which a slice's label moves out


def slices(group: list[Series]) -> list[tuple[str, int | float]]:
    """(name, stated value) per positive point, in text order."""
    single = len(group) == 1
    out: list[tuple[str, int | float]] = []
    for s in group:
        for p in s.points:
            if float(p.y) <= 0:
                continue
            name = x_text(p.x) if single or isinstance(p.x, str) else s.name
            out.append((name if single or len(s.points) == 1 else f"{s.name}: {name}", p.y))
    return out


def value_text(value: int | float, percent: bool) -> str:
    """The value as the text wrote it: ``14.0`` stays ``14.0``, ``42`` stays ``42``."""
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text or len(text) > 10:
        text = format_number(value)
    return f"{text}%" if percent else text


def decimals(values: list[int | float]) -> int:
    """The most decimals any stated value has (``14.0`` has one), at most 6."""
    texts = [repr(v) for v in values if isinstance(v, float) and "e" not in repr(v)]
    return min(max((len(t.split(".")[1]) for t in texts if "." in t), default=0), 6)


def is_percent(chart: Chart, values: list[float]) -> bool:
    """The values are percentages: stated so by a unit, or summing to about 100."""
    units = [a.unit for a in chart.axes if a.unit]
    return any("%" in u or "percent" in u.lower() for u in units) or 97 <= sum(values) <= 103
