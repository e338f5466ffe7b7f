"""The data of one review page, built from an :class:`~chartparse.explain.Explanation`.

Plain dataclasses, no HTML: the templates do all the markup (and all the escaping).
Every point gets an id ``{key}-{series}-{point}``; the source mark, the table cell and the
plotted mark of a point carry the same id, which is how the page links them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..explain import Explanation, NumberMark
from ..export.common import format_number, panel_order, x_text
from ..models import Diagnostic, Point, Series

# Above this many cells, a series x x table that would be mostly empty is listed point by point.
MAX_SPARSE_CELLS = 2000


@dataclass(slots=True)
class Segment:
    """A run of a source line: plain text (``mark`` None) or one number."""

    text: str
    mark: NumberMark | None = None
    point_id: str | None = None

    @property
    def css(self) -> str:
        if self.mark is None:
            return ""
        if self.mark.claimed_by is not None:
            return "claimed"
        return "rejected" if self.mark.reason else "unclaimed"


@dataclass(slots=True)
class SourceLine:
    number: int
    segments: list[Segment]
    block: str
    rule: str | None
    produced: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def has_unclaimed(self) -> bool:
        return any(s.css == "unclaimed" for s in self.segments)


@dataclass(slots=True)
class Cell:
    text: str
    point_id: str
    approx: bool
    label: str | None


@dataclass(slots=True)
class Row:
    series: str
    axis: str
    cells: list[list[Cell]]  # one list per column (a series may repeat an x)


@dataclass(slots=True)
class DataTable:
    """Series x x (``columns``, ``rows``), or, when that matrix would be mostly empty, a
    ``listing`` of (series, x, cell), one per point."""

    panel: str | None
    columns: list[str]
    rows: list[Row]
    listing: list[tuple[str, str, Cell]] = field(default_factory=list)


@dataclass(slots=True)
class DocView:
    key: str
    source: str
    kind: str
    title: str | None
    lines: list[SourceLine]
    tables: list[DataTable]
    diagnostics: list[Diagnostic]
    counts: dict[str, int]
    svg: str | None = None
    plot_note: str | None = None

    def summary(self) -> dict[str, Any]:
        """One index row: what the page shows, in numbers."""
        return {"source": self.source, "kind": self.kind, "title": self.title or "",
                **self.counts,
                "first_diagnostic": self.diagnostics[0].message if self.diagnostics else ""}


def point_id(key: str, point: tuple[int, int]) -> str:
    return f"{key}-{point[0]}-{point[1]}"


def build_view(explanation: Explanation, key: str, source: str) -> DocView:
    chart = explanation.chart
    by_line: dict[int, list[Diagnostic]] = {}
    for diagnostic in chart.diagnostics:
        if diagnostic.line is not None:
            by_line.setdefault(diagnostic.line, []).append(diagnostic)
    lines = [SourceLine(number=ln.line, segments=_segments(ln.text, ln.numbers, key),
                        block=ln.block, rule=ln.rule, produced=list(ln.produced),
                        diagnostics=by_line.get(ln.line, []))
             for ln in explanation.lines]
    linked = {n.point for ln in explanation.lines for n in ln.numbers
              if n.point is not None and n.claimed_by is not None}
    points = sum(len(s.points) for s in chart.series)
    counts = {
        "points": points,
        "series": len(chart.series),
        "claimed": explanation.claimed,
        "rejected": explanation.rejected,
        "unclaimed": explanation.unclaimed,
        "unlinked_points": points - len(linked),
        "errors": sum(d.severity == "error" for d in chart.diagnostics),
        "warnings": sum(d.severity == "warning" for d in chart.diagnostics),
        "lines": len(lines),
    }
    return DocView(key=key, source=source, kind=chart.kind, title=chart.title, lines=lines,
                   tables=_tables(explanation, key), diagnostics=list(chart.diagnostics),
                   counts=counts)


def _segments(text: str, numbers: list[NumberMark], key: str) -> list[Segment]:
    out: list[Segment] = []
    at = 0
    for mark in sorted(numbers, key=lambda n: n.start):
        if mark.start < at or mark.end > len(text):  # overlapping or out of range: shown plain
            continue
        if mark.start > at:
            out.append(Segment(text[at:mark.start]))
        pid = point_id(key, mark.point) if mark.point and mark.claimed_by else None
        out.append(Segment(text[mark.start:mark.end], mark, pid))
        at = mark.end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def _tables(explanation: Explanation, key: str) -> list[DataTable]:
    chart = explanation.chart
    tables: list[DataTable] = []
    in_panel: dict[str | None, list[tuple[int, Series]]] = {}
    for si, s in enumerate(chart.series):
        if s.points:
            in_panel.setdefault(s.panel, []).append((si, s))
    for panel in panel_order(chart):
        members = in_panel.get(panel, [])
        numeric = all(not isinstance(p.x, str) for _, s in members for p in s.points)
        xs = [p.x for _, s in members for p in s.points]
        where: dict[str, int] = {}
        for x in sorted(xs, key=float) if numeric else xs:
            where.setdefault(x_text(x), len(where))
        columns = list(where)
        matrix = len(columns) * len(members)
        if matrix > MAX_SPARSE_CELLS and matrix > 4 * len(xs):
            tables.append(_listing(panel, members, key))
            continue
        rows: list[Row] = []
        for si, series in members:
            cells: list[list[Cell]] = [[] for _ in columns]
            for pi, p in enumerate(series.points):
                cells[where[x_text(p.x)]].append(_cell(key, si, pi, p))
            rows.append(Row(series=series.name, axis=series.axis, cells=cells))
        tables.append(DataTable(panel=panel, columns=columns, rows=rows))
    return tables


def _listing(panel: str | None, members: list[tuple[int, Series]], key: str) -> DataTable:
    """A long table, one row per point: for series whose x values barely overlap."""
    listing = [(series.name, x_text(p.x), _cell(key, si, pi, p))
               for si, series in members for pi, p in enumerate(series.points)]
    return DataTable(panel=panel, columns=[], rows=[], listing=listing)


def _cell(key: str, si: int, pi: int, p: Point) -> Cell:
    return Cell(text=format_number(p.y), point_id=point_id(key, (si, pi)), approx=p.approx,
                label=p.label)
