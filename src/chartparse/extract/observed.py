"""Points stated in prose outside the data: an observation that names both coordinates by
the axes' letters ('the highest point at x≈1.0, y≈0.992'), on a chart of one unnamed series;
and an observations list that states the declared categories' values.

Observations and figure notes are not read for data; this form is read there, because it
states a point whole and can belong to no other series (and a list naming the declared
categories and series is read as data by the walker). ``collect_prose`` keeps such a
block's lines as the chart's observations or interpretation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab import END_NOTE
from .add_points import add_point
from .category_values import listed_tick
from .state import name_key
from .text import clean_name, quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node
    from .reading import ReadingState
    from .walker import Walker


def observed_pair(w: Walker, text: str, line_no: int | None) -> bool:
    """'the highest point at x≈1.0, y≈0.992' in the observations of a chart of one unnamed
    series: a point both of whose coordinates are named by the axes' letters. The line is
    claimed by the rule when it states one."""
    chart = w.state.chart
    m = _XY_PAIR.search(text) if "=" in text or "≈" in text else None
    if m is None or chart.legend or w.state.known_names or len({s.panel for s in chart.series}) > 1:
        return False
    _, xs = quantities(m.group(1))
    _, ys = quantities(m.group(2))
    if len(xs) != 1 or len(ys) != 1:
        return False
    approx = "≈" in m.group(0) or "~" in m.group(0)
    series = w.state.default_series(None)
    series.rule = series.rule or "prose.stated-pair"
    add_point(w, series, xs[0].value, ys[0].value, approx, line_no, rule="prose.stated-pair")
    w.state.trace.claim(line_no, "prose.stated-pair")
    return True


_XY_PAIR: Final = re.compile(r"\bx\s?[=≈]\s?(~?\s?-?\d[\d.,]{0,12})\s?,?\s{0,3}(?:and\s{1,3})?"
                             r"y\s?[=≈]\s?(~?\s?-?\d[\d.,]{0,12})", re.IGNORECASE)


def pairs_under(w: Walker, node: Node) -> None:
    """The stated pairs in the lines under a figure note ('Color Distribution:')."""
    for child in node.walk():
        if child.line is not None and child.line.text:
            observed_pair(w, child.line.text, child.line.line)


def lists_declared_values(state: ReadingState, keys: list[str]) -> bool:
    """Keys of an observations list that name the declared categories and the legend's series
    ('1. **PSNS**:' over '- Refusal: ~5%', or '1. **PSNS** (longest bar):' with a note): the
    list states the chart's values."""
    chart = state.chart
    categories = {tick for key in keys if (tick := listed_tick(chart, None, key)
                                           or listed_tick(chart, None, END_NOTE.sub("", key))) is not None}
    series = {name for key in keys if (name := state.known_names.get(name_key(clean_name(key))))}
    return len(categories) >= _DECLARED_KEYS_MIN and len(series) >= _DECLARED_KEYS_MIN


_DECLARED_KEYS_MIN = 2  # distinct declared categories, and distinct declared series


def collect_prose(w: Walker, node: Node, role: str) -> None:
    """An observations or interpretation block: each line kept as prose (and read for the one
    point it may state), the lines under it too."""
    chart = w.state.chart
    line = node.line
    if line is not None and line.kind in ("item", "para"):
        text = strip_markup(line.full_text)
        if text:
            (chart.observations if role == "observations" else chart.interpretation).append(text)
            observed_pair(w, text, line.line)  # (claims the line first if it states one)
            chart.trace.claim(line.line, f"prose.{role}")
    for child in node.children:
        collect_prose(w, child, role)
