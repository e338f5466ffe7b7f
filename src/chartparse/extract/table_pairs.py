"""Table cells that name a declared series, cells that list a row's points ('0: ~1.5; 500: ~1.0'),
a scatter table's dot names and a pie table's share column."""

from __future__ import annotations

from collections.abc import Mapping

from .narrative import read_statement
from .state import ChartDraft, PointDraft, name_key
from .table_columns import column_key, numeric_cell
from .text import clean_name, quantities, strip_markup


def known_name(cell: str, known: Mapping[str, str]) -> str | None:
    for form in (strip_markup(cell), clean_name(cell)):
        key = name_key(form)
        if key and key in known:
            return known[key]
        if key and key + "s" in known:
            return known[key + "s"]  # 'Cyan Diamond' in a row names the entry 'Cyan Diamonds'
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
        name = (known_name(row[0], known) or strip_markup(row[0])) if row else ""
        if not name or j >= len(row):
            continue
        series = None
        for p in read_statement(strip_markup(row[j]), x_words).points:
            series = series or chart.series_for(name, panel, lines[offset])
            point = PointDraft(p.x, p.y, p.approx, lines[offset], None, "table.pair-cells")
            if chart.add_read_point(series, point):
                added += 1
    return added


def dot_names(rows: list[list[str]], head: str, known: Mapping[str, str]) -> dict[str, str]:
    """Each row's series: its label, or the legend's 'k=3' for the cell '3' under 'k'; {} when
    a legend exists and some rows, not all, name none of its entries."""
    dots: dict[str, str] = {}
    unnamed = 0
    for row in rows[1:]:
        cell = strip_markup(row[0]) if row else ""
        if not cell:
            continue
        named = known.get(name_key(f"{strip_markup(head)}={cell}")) or known_name(cell, known)
        unnamed += named is None
        dots[name_key(cell)] = named or cell
    # a legend some rows name and others do not: the rows are no dots; one no row names (a
    # colour bar of dates) leaves each dot its label
    return {} if known and 0 < unnamed < len(dots) else dots


def x_named_column(chart: ChartDraft, rows: list[list[str]], header: list[str],
                   panel: str | None) -> int | None:
    """'| Feature | Time (s) | Amplitude |' under an x axis 'Time (s)': the column the numeric x
    axis names holds each row's x, when the first column only labels the rows (no number in it)."""
    axis = chart.axis("x", panel) or chart.axis("x", None)
    if axis is None or not axis.label or axis.scale == "categorical" or chart.kind in ("bar", "box") \
            or axis.has_named_ticks():  # (a bar's value axis may be x)
        return None
    label = column_key(axis.label)
    j = next((j for j in range(1, len(header)) if column_key(header[j]) == label), None)
    if j is None or any(row and numeric_cell(row[0]) for row in rows[1:]):
        return None  # (a first column of numbers is the x itself)
    return j


def pie_share_column(chart: ChartDraft, rows: list[list[str]], header: list[str]) -> int | None:
    """On a pie chart, the one column of percentages among several columns of numbers."""
    if chart.kind != "pie":
        return None
    # (a cell with no digit, such as one cut short at '(', says nothing of its column)
    numeric = [j for j in range(1, len(header))
               if any(j < len(row) and _has_digit(row[j]) for row in rows[1:])
               and all(quantities(row[j])[1] for row in rows[1:] if j < len(row) and _has_digit(row[j]))]
    shares = [j for j in numeric if all(row[j].strip().endswith("%") for row in rows[1:]
                                        if j < len(row) and row[j].strip())]
    return shares[0] if len(numeric) >= 2 and len(shares) == 1 else None


def _has_digit(cell: str) -> bool:
    return any(ch.isdigit() for ch in cell)
