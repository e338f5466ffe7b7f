"""Heatmap cells named in a key: 'Low classified as High: 5', 'Row 2, Column 3: 88'.

A cell key joins a row label and a column label with a separator. The row becomes
the series (one series per row) and the column the x, reduced against the declared
x axis ('Column 3' on an axis named "Column" gives 3). When the first part names the
x axis ('Column 3, Row 2') the parts are swapped.
"""

from __future__ import annotations

import re

from ..textcache import text_cache
from ..vocab import fold
from .categories import drop_note, reduce_on_axis, unescape
from .state import ChartDraft
from .text import clean_name

_CELL = re.compile(
    r"^(.{1,60}?)\s*(?:,|\s(?:vs\.?|versus|×|x|and|on|classified\s+as|predicted\s+as|labell?ed\s+as|->|→)\s)"
    r"\s*(.{1,60})$", re.IGNORECASE)
_PART_NOUNS = frozenset({"model", "models", "data", "dataset", "datasets", "set", "split", "domain"})


@text_cache()
def split_cell(key: str) -> tuple[str, str] | None:
    """(row, column) labels of a cell key, or None when the key names one thing.

    A coordinate tuple '(3, 1)' is written (x, y): the column first."""
    name = clean_name(key)
    tuple_form = name.startswith("(") and name.endswith(")")
    m = _CELL.match(name[1:-1] if tuple_form else name)
    if not m:
        return None
    first, second = _part(m.group(1)), _part(m.group(2))
    if not first or not second:
        return None
    return (second, first) if tuple_form else (first, second)


def _part(text: str) -> str:
    words = drop_note(unescape(text.strip())).split()
    while len(words) > 1 and words[-1].lower() in _PART_NOUNS:
        words.pop()
    return " ".join(words).strip(" :*")


def cell(chart: ChartDraft, key: str, panel: str | None) -> tuple[str, int | float | str] | None:
    """(row series name, column x) of a cell key."""
    parts = split_cell(key)
    if parts is None:
        return None
    row, column = parts
    x_axis = chart.axis("x", panel) or chart.axis("x", None)
    y_axis = chart.axis("y", panel) or chart.axis("y", None)
    if _names_axis(row, x_axis.label if x_axis else None) or _names_axis(
            column, y_axis.label if y_axis else None):
        row, column = column, row
    return row, reduce_on_axis(x_axis, column)


def _names_axis(part: str, label: str | None) -> bool:
    """'Column 3' on an axis named "Column": the axis name, then a number."""
    if not label:
        return False
    words = fold(part).split()
    name = fold(label).split()
    return len(words) == 2 and bool(name) and words[0].rstrip("s") == name[0].rstrip("s") \
        and words[1].replace(".", "", 1).isdigit()
