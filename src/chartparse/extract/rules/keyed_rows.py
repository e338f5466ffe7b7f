"""Keys over lists of values.

A key over a bare list of values, one per tick the x axis declares: a heatmap's row
(`3: [1.00, 0.97, 0.96]` under "column = digit_a") or a series written out as a list
(`Model A: 0.41, 0.52, 0.60` over ticks 1, 2, 3). Registered in the keyed chain before
``keyed.x-key``, which would take the key for an x and keep only the first value.

In a heatmap, a key naming one value of the y axis ('Digit Scale 2:' on an axis "Digit
Scale" ticked 1-4) is that row, whatever its text says of the columns.

A key holding one x over the series ranked with their values (`Order at step 50:
B (~4.0) > A (~2.1)`): each named series' value at that x.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Final

from ...values import Quantity
from ..add_points import add_point
from ..categories import reduce_on_axis
from ..category_values import declared_category_values, listed_tick
from ..narrative import read_in
from ..ruler import DONE, Claim
from ..state import name_key
from ..statements import statement
from ..text import quantities, strip_markup
from .keyed import KEYED_RULES
from .keyed_axis_pair import y_list_at_x

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
    axis = chart.panel_axis("x", c.scope.panel)
    ticks = axis.ticks if axis is not None else []
    if len(ticks) < 2:
        return None
    norm, qs = quantities(c.text)
    if (len(qs) == len(ticks) or (2 <= len(qs) < len(ticks) and c.line.line == w.root.last_line)) \
            and only_values(norm, [(q.start, q.end) for q in qs]):
        row = list(qs)  # (a row the text's cut shortens gives its first values)
    else:
        row = _listed_after_colon(norm, qs, len(ticks))
    if not row:
        return None
    series = chart.series_for(_row_name(w, c), c.scope.panel, c.line.line)
    if len(row) < len(ticks):
        chart.warn("short-row", f"the text's last row gives {len(row)} of {len(ticks)} values: "
                   "read as the first columns'", c.line.line)
    for tick, q in zip(ticks, row, strict=False):
        add_point(w, series, tick, q.value, q.approx, c.line.line)
    return DONE


def only_values(norm: str, spans: list[tuple[int, int]]) -> bool:
    """Nothing but the numbers, commas and brackets: a list, not a sentence."""
    at = 0
    for start, end in spans:
        if any(ch not in _LIST_PUNCTUATION for ch in norm[at:start]):
            return False
        at = end
    return all(ch in _LIST_PUNCTUATION for ch in norm[at:])


def _listed_after_colon(norm: str, qs: tuple[Quantity, ...], size: int) -> list[Quantity]:
    """'Values from left to right (Ratio 0.1 to 0.5): 49.1, 50.1, 50.6. The colour ...': the
    one run of exactly ``size`` bare values that follows the line's last colon before it and
    ends its sentence."""
    colon = norm.find(":")
    start = next((i for i, q in enumerate(qs) if q.start > colon), None) if colon != -1 else None
    if start is None or start + size > len(qs):
        return []
    run = list(qs[start: start + size])
    listed = norm[colon + 1: run[-1].end]  # from the colon to the run's last value: a bare list
    if not only_values(listed, [(q.start - colon - 1, q.end - colon - 1) for q in run]):
        return []
    rest = norm[run[-1].end:].lstrip()
    return run if not rest or rest[0] in ".;" else []


_ROW_LABEL: Final = re.compile(r"(?i)row\s{0,2}\d{1,3}\s{0,2}\(([^()]{1,60})\)")


def _row_name(w: Walker, c: KeyedLine) -> str:
    """'Row 1 (Local Window Size 3000)' on a y axis "Local Window Size": the row '3000'."""
    m = _ROW_LABEL.fullmatch(strip_markup(c.key))
    if m is None:
        return c.name
    chart = w.state.chart
    label = reduce_on_axis(chart.panel_axis("y", c.scope.panel), m.group(1))
    return str(label)


_SLASH_ORDER: Final = re.compile(r"\(([^()/]{1,40}(?:\s?/\s?[^()/]{1,40}){1,11})\)")


def _slash_orders(w: Walker) -> list[tuple[int, list[str]]]:
    """Each line that names an order of values in brackets ('Data by benchmark (CPU / NPU /
    GPU):'), with the names, in line order; sought once per document."""
    if w.memo.slash_orders is None:
        found = []
        for node in w.root.walk():
            line = node.line
            if line is not None and "/" in line.full_text and "(" in line.full_text:
                m = _SLASH_ORDER.search(strip_markup(line.full_text))
                if m is not None:
                    found.append((line.line, [part.strip() for part in m.group(1).split("/")]))
        w.memo.slash_orders = found
    return w.memo.slash_orders


def values_in_series_order(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.text or "/" not in c.text or c.scope.series is not None:
        return None
    norm, qs = quantities(c.text)
    if len(qs) < 2 or not only_values(norm.replace("/", " "), [(q.start, q.end) for q in qs]):
        return None
    orders = _slash_orders(w)
    i = bisect_left(orders, c.line.line, key=lambda order: order[0])  # (in line order: no scan)
    if i == 0 or len(orders[i - 1][1]) != len(qs):
        return None
    panel = c.scope.panel
    series = [w.known_series_name(name, panel) for name in orders[i - 1][1]]
    if any(s is None for s in series) or len(set(series)) != len(series):
        return None  # the bracket names series the legend declared, each once
    x = reduce_on_axis(w.state.chart.panel_axis("x", panel), c.name)
    for name, q in zip(series, qs, strict=True):
        assert name is not None
        add_point(w, w.state.chart.series_for(name, panel, c.line.line), x, q.value, q.approx, c.line.line)
    return DONE


def heatmap_row(w: Walker, c: KeyedLine) -> Claim | None:
    if w.state.kind != "heatmap" or c.scope.series is not None or c.scope.x is not None or not c.text:
        return None
    chart = w.state.chart
    axis = chart.panel_axis("y", c.scope.panel)
    if axis is None or not axis.label:
        return None
    value = reduce_on_axis(axis, c.name)
    if value == c.name or not (any(t == value for t in axis.ticks) or (
            not axis.ticks and isinstance(value, int | float) and axis.min is not None
            and axis.max is not None and axis.min <= value <= axis.max)):
        return None  # ('Digit Scale 2' names the tick 2 of the axis "Digit Scale", ticked or ranged 1-4)
    if not read_in(w.state, c.text).points:
        return None  # 'NLP Models: high (0.75-1.00) on NLP data' says how a row fares, no cell
    row = chart.series_for(c.name, c.scope.panel, c.line.line)
    statement(w, c.text, c.scope.but(inherited=False, series=row), c.line.line)
    w.data(c.node, c.scope.but(inherited=False, series=row))
    return DONE


def row_of_cells(w: Walker, c: KeyedLine) -> Claim | None:
    """In a heatmap, a key naming a declared row (an arrow after it points along the row)
    whose text gives values at declared columns ('**Alpha ->:** Alpha: 0.11, Beta: -0.05'):
    that row's cells, even where the columns bear the rows' names."""
    state = w.state
    if state.kind != "heatmap" or c.scope.series is not None or c.scope.x is not None or not c.text:
        return None
    chart = state.chart
    rows = chart.panel_axis("y", c.scope.panel)
    name = strip_markup(c.key)  # ('Alpha ->' names Alpha: the arrow is no part of a name's key)
    row = next((t for t in rows.ticks if isinstance(t, str) and name_key(t) == name_key(name)), None) \
        if rows is not None else None
    if row is None or len(declared_category_values(chart, c.text, c.scope.panel)) < 2:
        return None
    inner = c.scope.but(inherited=False, series=chart.series_for(row, c.scope.panel, c.line.line))
    statement(w, c.text, inner, c.line.line)
    w.data(c.node, inner)
    return DONE


def column_over_rows(w: Walker, c: KeyedLine) -> Claim | None:
    """In a heatmap, a key naming a declared column with no row open, whose sentence gives
    values at declared rows ('**Topic 1:** falls from 0.5 in 2018 to 0.2 in 2025'): each
    value is the cell of that row in this column."""
    state = w.state
    if state.kind != "heatmap" or c.scope.series is not None or c.scope.x is not None or not c.text:
        return None
    chart = state.chart
    column = listed_tick(chart, c.scope.panel, c.key)
    rows = chart.panel_axis("y", c.scope.panel)
    if column is None or rows is None or len(rows.ticks) < 2:
        return None
    row_of = {name_key(str(t)): t for t in rows.ticks}
    cells = [(row_of[name_key(str(p.x))], p) for p in read_in(state, c.text).points
             if name_key(str(p.x)) in row_of]
    if not cells:
        return None
    for row, p in cells:
        add_point(w, chart.series_for(str(row), c.scope.panel, c.line.line), column, p.y, p.approx,
                  c.line.line, rule=p.rule)
    return DONE


def ranking_at_x(w: Walker, c: KeyedLine) -> Claim | None:
    if "(" not in c.text:
        return None
    _, key_numbers = quantities(c.key)
    if len(key_numbers) > 1 or (not key_numbers and c.scope.x is None):
        return None
    ranked = _ranked_values(c.text)
    if len(ranked) < 2:
        return None
    found = [w.known_series_name(name, c.scope.panel) for name, _ in ranked]
    if any(name is None for name in found):
        return None
    x = key_numbers[0].value if key_numbers else c.scope.x
    assert x is not None
    chart = w.state.chart
    for known, (_, raw) in zip(found, ranked, strict=True):
        assert known is not None
        _, qs = quantities(raw)
        series = chart.series_for(known, c.scope.panel, c.line.line)
        series.rule = series.rule or "section.known-name"
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
KEYED_RULES.before(
    "keyed.declared-category", "keyed.row-of-cells", row_of_cells,
    "in a heatmap, a declared row's text giving values at declared columns: that row's cells",
    "**Alpha ->:** Alpha: 0.11, Beta: -0.05")
KEYED_RULES.before(
    "keyed.declared-category", "keyed.column-over-rows", column_over_rows,
    "in a heatmap, a declared column's sentence giving values at declared rows: those cells",
    "**Topic 1:** falls from 0.5 in 2018 to 0.2 in 2025")
KEYED_RULES.before(
    "keyed.declared-category", "keyed.values-in-series-order", values_in_series_order,
    "a key over values split by '/', in the order a line before it named the series",
    "**IMO:** 97.9 / 48.3 / 1.0 (after 'Runtime (CPU / NPU / GPU):')")
KEYED_RULES.after(
    "keyed.row-of-values", "keyed.heatmap-row", heatmap_row,
    "in a heatmap, a key naming one value of the y axis is that row", "**Digit Scale 2:** 0.6 for layer 22")
KEYED_RULES.before(
    "keyed.series-at-x", "keyed.y-list-at-x", y_list_at_x,
    "at an x, a key naming the y over a bare list: a dot at each", "**Approximate y-values:** 0, 1, 2")
