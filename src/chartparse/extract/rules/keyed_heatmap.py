"""Keys that are heatmap cells.

A key naming a cell by its row and column (`**Low classified as High:** 5`), and under a
row's header, a key naming the column (`Sat (top-right): 245`). Registered in the keyed chain
right after ``keyed.components-section``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..category_values import declared_category_values, listed_tick
from ..heatmap import cell as heatmap_cell
from ..heatmap import column_x, named_coordinate, transposed_cell, tuple_rows_first
from ..ruler import DONE, Claim
from ..statements import statement
from .keyed import KEYED_RULES
from .patterns import point_label

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine


def heatmap_cell_key(w: Walker, c: KeyedLine) -> Claim | None:
    if w.state.kind_at(c.scope.panel) != "heatmap" or not c.text or point_label(c.key) is not None:
        return None  # 'Data Point 2 (1 x Part. in IRA)' is a labelled point, not a cell
    rows_first = c.key.lstrip("*_ ").startswith("(") and tuple_rows_first(w.state, w.root)
    found = None
    if c.scope.series is not None and c.scope.x is None:
        found = named_coordinate(w.state.chart, c.scope.panel, c.scope.series.name, c.key)
    found = found or heatmap_cell(w.state.chart, c.key, c.scope.panel, rows_first)
    if found is None:
        return None
    series = w.state.chart.series_for(found[0], c.scope.panel, c.line.line)
    statement(w, c.text, c.scope.but(inherited=False, series=series, x=found[1]), c.line.line)
    w.data(c.node, c.scope)  # 'For example:' cells listed under a region's line are cells of their own
    return DONE


def heatmap_column_key(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    if w.state.kind_at(scope.panel) != "heatmap" or scope.series is None or scope.x is not None or not c.text:
        return None
    named = w.known_series_name(c.key, scope.panel) if scope.inherited else None
    if named is not None and w.state.chart.find_series(named, scope.panel) is not scope.series:
        return None  # 'Right Ear (Gray):' after 'Left Ear (Black):', both in the legend: two lines
    flipped = transposed_cell(w.state.chart, scope.panel, scope.series.name, c.key)
    if flipped is not None:  # written column by column: the key is the row
        row = w.state.chart.series_for(flipped[0], scope.panel, c.line.line)
        statement(w, c.text, scope.but(inherited=False, series=row, x=flipped[1]), c.line.line)
        return DONE
    x = column_x(w.state.chart, scope.panel, c.key, w.state.x_words)
    if listed_tick(w.state.chart, scope.panel, c.key) is None \
            and declared_category_values(w.state.chart, c.text, scope.panel):
        statement(w, c.text, scope, c.line.line)  # 'Other transitions: `edit` (0.16)': it names them
    elif x is not None:
        statement(w, c.text, scope.but(x=x), c.line.line)
    elif not any(ch.isdigit() for ch in c.key) and not _COORDINATES.search(c.text):
        # 'Peak reading: 31 at position 12' names its own x ('Left: (-15 nm, 0 nm)' only a place)
        statement(w, c.text, scope, c.line.line)
    return DONE  # no x: 'Layers 0-13' on a numeric x axis is a stretch of columns, no one cell


_COORDINATES: Final = re.compile(r"\(\s{0,2}[-−~≈]?\s?\d[^(),]{0,20},\s{0,2}[-−~≈]?\s?\d[^()]{0,20}\)")


KEYED_RULES.after(
    "keyed.components-section", "keyed.heatmap-cell", heatmap_cell_key,
    "a heatmap cell named by its row and column", "**Low classified as High:** 5")
KEYED_RULES.after(
    "keyed.heatmap-cell", "keyed.heatmap-column", heatmap_column_key,
    "under a heatmap row, a key is the column", "Sat (top-right): 245")
