"""Histogram bins read from the x values: ``"0.25-0.50"``, ``"10 to 20"``, ``"[0, 5)"``,
an open last bin (``"140+"``, ``">= 140"``), or plain numbers (bin centres).

Standard library only (the PNG and the Vega-Lite writers both use it).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Series

_NUMBER = r"[-−]?\d+(?:\.\d+)?"
_RANGE = re.compile(
    rf"^\s*[\[(]?\s*({_NUMBER})\s*[a-z%]{{0,3}}\s*(?:-|–|—|to|,|\.\.)\s*({_NUMBER})\s*[\])]?\s*[a-z%]{{0,5}}\s*$",
    re.IGNORECASE,
)
_OPEN = re.compile(rf"^\s*(>=?|≥|over|above)?\s*({_NUMBER})\s*(\+|and above|or more)?\s*$",
                   re.IGNORECASE)

Bin = tuple[float, float]


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def bin_edges(xs: list[float | str]) -> list[Bin] | None:
    """One ``(start, end)`` per x, in order, or None when the x values are not bins."""
    if not xs:
        return None
    if all(not isinstance(x, str) for x in xs):
        return _centred([float(x) for x in xs])
    edges: list[Bin | None] = []
    for x in xs:
        text = str(x)
        found = _RANGE.match(text)
        if found:
            lo, hi = _number(found.group(1)), _number(found.group(2))
            if not lo < hi:
                return None
            edges.append((lo, hi))
            continue
        found = _OPEN.match(text)
        if not found or not (found.group(1) or found.group(3)):
            return None
        edges.append(None)  # open-ended: as wide as its neighbour, filled in below
    return _close_open_bins(edges, [str(x) for x in xs])


def _close_open_bins(edges: list[Bin | None], texts: list[str]) -> list[Bin] | None:
    widths = [hi - lo for e in edges if e is not None for lo, hi in [e]]
    if not widths:
        return None
    width = min(widths)
    out: list[Bin] = []
    for edge, text in zip(edges, texts, strict=True):
        if edge is None:
            found = _OPEN.match(text)
            assert found is not None
            start = _number(found.group(2))
            edge = (start, start + width)
        out.append(edge)
    return out


def _centred(xs: list[float]) -> list[Bin] | None:
    """Numeric x read as bin centres, each as wide as the smallest gap between them."""
    distinct = sorted(set(xs))
    gaps = [b - a for a, b in itertools.pairwise(distinct) if b > a]
    width = min(gaps) if gaps else 1.0
    return [(x - width / 2, x + width / 2) for x in xs]


def series_bins(group: list[Series], *, allow_others: bool = False) -> dict[str, Bin] | None:
    """Bin edges by x text for every point in ``group``, or None if any x is not a bin.

    ``allow_others``: when most x values (four in five, at least two) are bins, the edges of
    those; the caller says which points it left out.
    """
    from .common import x_text

    xs: list[float | str] = []
    for s in group:
        for p in s.points:
            if p.x not in xs:
                xs.append(p.x)
    edges = bin_edges(xs)
    if edges is None and allow_others:
        xs = [x for x in xs if isinstance(x, str) and bin_edges([x]) is not None]
        edges = bin_edges(xs) if len(xs) >= 2 and len(xs) >= 0.8 * len(xs_of(group)) else None
    if edges is None:
        return None
    return {x_text(x): edge for x, edge in zip(xs, edges, strict=True)}


def xs_of(group: list[Series]) -> set[float | str]:
    return {p.x for s in group for p in s.points}
