"""The re-plot as inline SVG, drawn by :func:`chartparse.export.plot.figure`, plus hotspots.

A hotspot is a small transparent circle laid over a drawn point and carrying that point's
id, so that clicking the plot finds the point's source span. Hotspots are placed after
the figure is laid out, from the artists matplotlib drew: each line, bar group or scatter
is matched to a series by its legend label (and to a panel by its subplot title), and each
drawn vertex to a point by value. A point that cannot be matched simply has no hotspot
(its table cell still links it), so changes in how the figure is drawn cannot break a page.
"""

from __future__ import annotations

import io
import math
import warnings
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..models import Chart

RIGHT_AXIS_SUFFIX = " (right axis)"


@dataclass(slots=True)
class Hotspot:
    series: int
    point: int
    x: float  # SVG user units (points), from the top left
    y: float


def plot_svg(chart: Chart) -> tuple[str, list[Hotspot]]:
    """The chart as an ``<svg>`` element (no XML prologue) and its points' positions.

    Raises ImportError when matplotlib is missing.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    from ..export.plot import figure

    fig = figure(chart)
    title = getattr(fig, "_suptitle", None)  # the page header shows it whole; here, wrap it
    if title is not None:
        title.set_wrap(True)
    FigureCanvasAgg(fig)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "not compatible with tight_layout" on odd axes
        fig.tight_layout()
    width, height = (float(v) * 72 for v in fig.get_size_inches())
    spots = list(_hotspots(fig, chart, width, height))
    out = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "chartparse", "svg.fonttype": "path"}):
        FigureCanvasSVG(fig).print_svg(out, metadata={"Date": None})
    text = out.getvalue().decode("utf-8")
    return text[text.index("<svg"):], spots


# A point (series index, point index) and its position on the canvas (display units).
Placed = tuple[tuple[int, int], tuple[float, float]]


def _hotspots(fig: Figure, chart: Chart, width: float, height: float) -> Iterator[Hotspot]:
    to_figure = fig.transFigure.inverted()
    for (si, pi), shown in _positions(fig, chart):
        fx, fy = to_figure.transform(shown)
        if math.isfinite(fx) and math.isfinite(fy):
            yield Hotspot(si, pi, round(fx * width, 2), round((1 - fy) * height, 2))


def _positions(fig: Figure, chart: Chart) -> Iterator[Placed]:
    """Each point's position on the canvas (display units), where one can be found."""
    series_named: dict[tuple[str, str | None], list[int]] = {}
    for si, s in enumerate(chart.series):
        series_named.setdefault((s.name, s.panel), []).append(si)
    for ax in fig.axes:
        panel = _panel_of(ax, fig)
        members = [si for si, s in enumerate(chart.series) if s.panel == panel and s.points]
        if ax.images:
            yield from _heatmap_cells(ax, chart, members)
            continue
        if chart.kind == "pie":
            yield from _pie_wedges(ax, chart, members)
            continue
        for label, vertices in _drawn(ax):
            free = _Vertices(vertices)
            for si in series_named.get((label.removesuffix(RIGHT_AXIS_SUFFIX), panel), []):
                for pi, point in enumerate(chart.series[si].points):
                    found = free.take(point.x, float(point.y))
                    if found is not None:
                        yield (si, pi), found


def _heatmap_cells(ax: Axes, chart: Chart, members: list[int]) -> Iterator[Placed]:
    """A heatmap's cell (column j, row i) sits at data (j, i); rows and columns are known by
    their tick labels, which name the series and the x values."""
    from ..export.common import x_text

    columns = {t.get_text(): j for j, t in enumerate(ax.get_xticklabels())}
    rows = {t.get_text(): i for i, t in enumerate(ax.get_yticklabels())}
    for si in members:
        series = chart.series[si]
        row = rows.get(series.name)
        for pi, point in enumerate(series.points):
            column = columns.get(x_text(point.x))
            if row is not None and column is not None:
                px, py = ax.transData.transform((column, row))
                yield (si, pi), (float(px), float(py))


def _pie_wedges(ax: Axes, chart: Chart, members: list[int]) -> Iterator[Placed]:
    """Wedges are drawn for the positive values, in order; a hotspot goes inside each."""
    from matplotlib.patches import Wedge

    wedges = [p for p in ax.patches if isinstance(p, Wedge)]
    shown = [(si, pi) for si in members for pi, p in enumerate(chart.series[si].points)
             if float(p.y) > 0]
    if len(wedges) != len(shown):
        return
    for wedge, point in zip(wedges, shown, strict=True):
        middle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        cx, cy = wedge.center
        at = (cx + 0.6 * wedge.r * math.cos(middle), cy + 0.6 * wedge.r * math.sin(middle))
        px, py = ax.transData.transform(at)
        yield point, (float(px), float(py))


def _panel_of(ax: Axes, fig: Figure) -> str | None:
    """The subplot title is the panel name; a twin axis takes its partner's title."""
    title = ax.get_title()
    if title:
        return title
    box = ax.get_position().bounds
    for other in fig.axes:
        if other is not ax and other.get_title() and other.get_position().bounds == box:
            return other.get_title()
    return None


# A drawn vertex: data x, data y, and its position on the canvas (display units).
Vertex = tuple[float, float, tuple[float, float]]


def _drawn(ax: Axes) -> Iterator[tuple[str, list[Vertex]]]:
    """(legend label, vertices) for each line, bar group and scatter drawn on ``ax``."""
    for line in ax.get_lines():
        xy: Any = line.get_xydata()
        transform = line.get_transform()
        yield str(line.get_label()), [_vertex(transform, float(x), float(y)) for x, y in xy]
    for container in ax.containers:
        rects: Any = container
        vertices = [_vertex(ax.transData, r.get_x() + r.get_width() / 2, r.get_y() + r.get_height())
                    for r in rects]
        yield str(container.get_label()), vertices
    for collection in ax.collections:
        offsets = getattr(collection, "get_offsets", None)
        if offsets is None:
            continue
        transform = collection.get_offset_transform()
        points: Any = offsets()
        yield str(collection.get_label()), [_vertex(transform, float(x), float(y))
                                            for x, y in points]


def _vertex(transform: Any, x: float, y: float) -> Vertex:
    px, py = transform.transform((x, y))
    return (x, y, (float(px), float(py)))


class _Vertices:
    """The vertices of one artist, each taken at most once, found by value in O(1).

    Drawn values are the very floats of the points (matplotlib keeps them as given), so
    exact lookups suffice. A vertex with the point's x and y wins; else (category or bar
    positions) the first unused one with its y, in drawing order.
    """

    def __init__(self, vertices: list[Vertex]) -> None:
        self.vertices = vertices
        self.by_xy: dict[tuple[float, float], deque[int]] = {}
        self.by_y: dict[float, deque[int]] = {}
        self.used: set[int] = set()
        for i, (x, y, _) in enumerate(vertices):
            self.by_xy.setdefault((x, y), deque()).append(i)
            self.by_y.setdefault(y, deque()).append(i)

    def take(self, x: float | str, y: float) -> tuple[float, float] | None:
        queues = [self.by_y.get(y)]
        if not isinstance(x, str):
            queues.insert(0, self.by_xy.get((float(x), y)))
        for queue in queues:
            while queue:
                i = queue.popleft()
                if i not in self.used:
                    self.used.add(i)
                    return self.vertices[i][2]
        return None
