"""Table cells that name a declared series, and cells that list a row's points ('0: ~1.5; 500: ~1.0')."""

from __future__ import annotations

from collections.abc import Mapping

from .categories import unescape
from .narrative import read_statement
from .state import ChartDraft, PointDraft, name_key
from .text import clean_name, strip_markup


def known_name(cell: str, known: Mapping[str, str]) -> str | None:
    for form in (strip_markup(cell), clean_name(cell)):
        key = name_key(form)
        if key and key in known:
            return known[key]
    return None


def pair_list_column(rows: list[list[str]], x_words: frozenset[str]) -> int | None:
    """The column whose cells list a row's points ('0: ~-1.5; 500: ~-1.0'), if one does."""
    for j in range(1, len(rows[0])):
        cells = [strip_markup(row[j]) for row in rows[1:] if j < len(row)]
        if any(":" in c and len(read_statement(c, x_words).points) >= 2 for c in cells):
            return j
    return None


def rows_of_pairs(chart: ChartDraft, rows: list[list[str]], j: int, known: Mapping[str, str],
                   lines: list[int], panel: str | None, x_words: frozenset[str]) -> int:
    """'| Red | rises | 0: ~-1.5; 500: ~-1.0 |': one series per row, named in its first cell,
    its points listed in one cell."""
    added = 0
    for offset, row in enumerate(rows[1:], start=1):
        name = (known_name(row[0], known) or unescape(strip_markup(row[0]))) if row else ""
        if not name or j >= len(row):
            continue
        series = None
        for p in read_statement(strip_markup(row[j]), x_words).points:
            series = series or chart.series_for(name, panel, lines[offset])
            if series.add_point(PointDraft(p.x, p.y, p.approx, lines[offset], None, "table.pair-cells")):
                added += 1
    return added
