"""Small helpers shared by the writers: number text, x typing, colours, series grouping.

Standard library only, so every writer can use them without pulling in heavy dependencies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..vocab import CSS_COLORS

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Axis, Chart, Series


def format_number(value: float) -> str:
    """Shortest text that reads back as the same number (``3``, ``2.5``, ``1e+20``)."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def x_text(x: float | str) -> str:
    """The x value as text: numbers via :func:`format_number`, labels unchanged."""
    return x if isinstance(x, str) else format_number(x)


def x_number(x: float | str) -> float | None:
    """The x value as a float, or None for a category label."""
    return None if isinstance(x, str) else float(x)


def is_categorical(chart: Chart, series: Iterable[Series] | None = None) -> bool:
    """True when any x in ``series`` (default: the whole chart) is a category label."""
    group = chart.series if series is None else series
    return any(isinstance(p.x, str) for s in group for p in s.points)


def panel_order(chart: Chart) -> list[str | None]:
    """Panels that hold points, in the order the description gives them.

    ``None`` stands for series outside any panel; it comes first when present.
    """
    with_points = {s.panel for s in chart.series if s.points}
    order: list[str | None] = []
    if None in with_points:
        order.append(None)
    for panel in chart.panels:
        if panel.title in with_points and panel.title not in order:
            order.append(panel.title)
    for s in chart.series:
        if s.points and s.panel not in order:
            order.append(s.panel)
    return order


def series_in(chart: Chart, panel: str | None) -> list[Series]:
    return [s for s in chart.series if s.panel == panel and s.points]


def axis_for(chart: Chart, role: str, panel: str | None = None) -> Axis | None:
    """The axis with ``role`` for ``panel``, falling back to the chart-wide axis."""
    fallback = None
    for axis in chart.axes:
        if axis.role != role:
            continue
        if panel is not None and axis.panel == panel:
            return axis
        if axis.panel is None and fallback is None:
            fallback = axis
    return fallback


def color_words(chart: Chart, series: Series) -> str | None:
    """The series colour as written, or its legend entry's colour."""
    if series.color:
        return series.color
    for entry in chart.legend.entries:
        if entry.label == series.name and entry.color:
            return entry.color
    return None


def series_color(chart: Chart, series: Series) -> str | None:
    """The series colour, or its legend entry's colour, as a CSS colour name (or None)."""
    return css_color(color_words(chart, series))


# matplotlib's tab10, each with the CSS hue word it would be confused with.
PALETTE = (
    ("#1f77b4", "blue"), ("#ff7f0e", "orange"), ("#2ca02c", "green"), ("#d62728", "red"),
    ("#9467bd", "purple"), ("#8c564b", "brown"), ("#e377c2", "pink"), ("#7f7f7f", "gray"),
    ("#bcbd22", "olive"), ("#17becf", "cyan"),
)


def series_colors(chart: Chart) -> dict[str, str]:
    """One colour per series name: the stated one, else a palette colour of another hue.

    Series keep their colour across panels, and a series with no stated colour never gets
    a palette blue next to a series the description calls blue.
    """
    names: list[str] = []
    for s in chart.series:
        if s.points and s.name not in names:
            names.append(s.name)
    stated = {}
    for name in names:
        color = next((series_color(chart, s) for s in chart.series
                      if s.name == name and series_color(chart, s)), None)
        if color:
            stated[name] = color
    return fill_colors(names, stated)


def fill_colors(names: list[str], stated: dict[str, str]) -> dict[str, str]:
    """Each name's stated colour, and palette colours of hues no stated colour uses for the rest."""
    used = set(stated.values())
    free = [hex_ for hex_, hue in PALETTE if not any(hue in c for c in used)] or [
        hex_ for hex_, _hue in PALETTE]
    out: dict[str, str] = {}
    spare = 0
    for name in names:
        if name in stated:
            out[name] = stated[name]
        else:
            out[name] = free[spare % len(free)]
            spare += 1
    return out


def series_dash(chart: Chart, series: Series) -> str | None:
    style = series.line_style
    if style is None:
        for entry in chart.legend.entries:
            if entry.label == series.name and entry.line_style:
                style = entry.line_style
                break
    return normalize_style(style)


def normalize_style(style: str | None) -> str | None:
    """``dashed`` / ``dotted`` / ``dashdot`` / ``solid`` from free text, else None."""
    if not style:
        return None
    words = style.lower().replace("-", "").replace(" ", "")
    if "dot" in words and "dash" in words:
        return "dashdot"
    if "dash" in words:
        return "dashed"
    if "dot" in words:
        return "dotted"
    if "solid" in words:
        return "solid"
    return None


def css_color(color: str | None) -> str | None:
    """Map free-text colour words (``light blue``, ``grey``) to a CSS colour name or hex."""
    if not color:
        return None
    text = color.strip().lower()
    if text.startswith("#") and len(text) in (4, 7) and all(
        c in "0123456789abcdef" for c in text[1:]
    ):
        return text
    name = text.replace(" ", "").replace("-", "").replace("grey", "gray")
    if name in CSS_COLORS:
        return name
    # "dark teal" -> "teal": keep the hue when the shade word is unknown in CSS.
    last = text.replace("-", " ").split()[-1].replace("grey", "gray") if text.split() else ""
    return last if last in CSS_COLORS else None

