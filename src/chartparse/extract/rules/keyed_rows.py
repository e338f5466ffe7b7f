"""Keys over lists of values.

A key over a bare list of values, one per tick the x axis declares: a heatmap's row
(`3: [1.00, 0.97, 0.96]` under "column = digit_a") or a series written out as a list
(`Model A: 0.41, 0.52, 0.60` over ticks 1, 2, 3). Registered in the keyed chain before
``keyed.x-key``, which would take the key for an x and keep only the first value.

A key holding one x over the series ranked with their values (`Order at step 50:
B (~4.0) > A (~2.1)`): each named series' value at that x.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..ruler import DONE, Claim
from ..statements import add_point
from ..text import quantities
from .keyed import KEYED_RULES

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine

_LIST_PUNCTUATION = frozenset(" ,;[]().\t")
# 'Rec (~4.0)': a name, then its value alone in parentheses
_NAMED_VALUE: Final = re.compile(
    r"([^()<>≈=≥≤,;]{1,60})\(\s{0,2}([~≈]?\s{0,2}[-−]?\d[\d.,]{0,12}%?)\s{0,2}\)")
_RANK_SEPARATORS: Final = frozenset(" <>≈=≥≤,;.*")


def row_of_values(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.text or "," not in c.text or c.scope.x is not None:
        return None
    chart = w.state.chart
    axis = chart.axis("x", c.scope.panel) or chart.axis("x", None)
    ticks = axis.ticks if axis is not None else []
    if len(ticks) < 2:
        return None
    norm, qs = quantities(c.text)
    if len(qs) != len(ticks) or not _only_values(norm, [(q.start, q.end) for q in qs]):
        return None
    series = chart.series_for(c.name, c.scope.panel, c.line.line)
    for tick, q in zip(ticks, qs, strict=True):
        add_point(w, series, tick, q.value, q.approx, c.line.line)
    return DONE


def _only_values(norm: str, spans: list[tuple[int, int]]) -> bool:
    """Nothing but the numbers, commas and brackets: a list, not a sentence."""
    at = 0
    for start, end in spans:
        if any(ch not in _LIST_PUNCTUATION for ch in norm[at:start]):
            return False
        at = end
    return all(ch in _LIST_PUNCTUATION for ch in norm[at:])


def ranking_at_x(w: Walker, c: KeyedLine) -> Claim | None:
    if "(" not in c.text:
        return None
    _, key_numbers = quantities(c.key)
    if len(key_numbers) > 1 or (not key_numbers and c.scope.x is None):
        return None
    ranked = _ranked_values(c.text)
    if len(ranked) < 2:
        return None
    found = [w.match_series(name, c.scope.panel) for name, _ in ranked]
    if any(s is None for s in found):
        return None
    x = key_numbers[0].value if key_numbers else c.scope.x
    assert x is not None
    chart = w.state.chart
    for known, (_, raw) in zip(found, ranked, strict=True):
        assert known is not None
        _, qs = quantities(raw)
        series = chart.series_for(known.name, c.scope.panel, c.line.line)
        add_point(w, series, x, qs[0].value, qs[0].approx, c.line.line)
    return DONE


def _ranked_values(text: str) -> list[tuple[str, str]]:
    """'Rec (~4.0) > MinT (~2.0) ≈ BU (~2.0)' -> the names with their values; [] unless
    the text is nothing but such items between comparison signs or commas."""
    out: list[tuple[str, str]] = []
    at = 0
    plain = text.replace(" and ", ", ")
    for m in _NAMED_VALUE.finditer(plain):
        name = m.group(1).strip(" *")
        if not name or any(ch not in _RANK_SEPARATORS for ch in plain[at: m.start()]):
            return []
        out.append((name, m.group(2)))
        at = m.end()
    return out if all(ch in _RANK_SEPARATORS for ch in plain[at:]) else []


KEYED_RULES.before(
    "keyed.sentence-across-key", "keyed.ranking-at-x", ranking_at_x,
    "a key holding one x over the series ranked with their values: each one's value there",
    "**Order at step 50:** B (~4.0) > A (~2.1)")
KEYED_RULES.before(
    "keyed.x-key", "keyed.row-of-values", row_of_values,
    "a key over a bare list of values, one per declared x tick: that row's series",
    "**3:** [1.00, 0.97, 0.96] (x ticks 1, 2, 3)")
