"""The review page's re-plot as inline SVG, drawn here (standard library only, no
matplotlib): a few milliseconds a chart, a few kilobytes a page.

What is drawn: the title (wrapped), a legend in the stated colours (a series' colour, or
its legend entry's; else palette colours of other hues), then one panel per panel name in
the stated grid (or a compact one), each titled, with its own axes: stated ranges when
every value fits inside them, log scales, category bands; lines with markers, scatters,
areas, grouped bars (horizontal when the chart's ``orientation`` says so), histogram bins
as adjacent bars, pies labelled with the stated values, heatmaps as a grid of cells.

Every plotted point is one element (a marker, a bar, a wedge, a cell) with class ``pt``
and the ``data-point`` id that its source number and its table cell also carry, so the
page's script links the three; its tooltip says series, x and y.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..export.common import is_categorical, panel_order, series_colors, series_in
from ..export.layout import category_colors, grid_shape, wrap
from ..export.plot_axes import category_names
from .svg_axes import Box
from .svg_canvas import Svg, clip, esc, num, text_width
from .svg_round import heatmap_panel, pie_panel
from .svg_xy import BAR_KINDS, LINE_KINDS, Context, histogram_panel, marker_shape, xy_panel

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Chart, Series

TITLE_SIZE = 14
PANEL_TITLE_SIZE = 12
LEGEND_SIZE = 11
MAX_WIDTH, MAX_PANEL_HEIGHT = 1600.0, 1400.0
MAX_LEGEND = 40  # legend entries shown; the rest are counted


def plot_svg(chart: Chart, key: str) -> str:
    """The chart as an ``<svg>`` element whose points carry ids ``{key}-{series}-{point}``."""
    panels = panel_order(chart)
    rows, cols = grid_shape(len(panels), chart.panel_grid)
    cell_w, cell_h = _cell_size(chart, panels, cols)
    width = cell_w * cols
    svg = Svg(width, 0)
    top = _title(svg, chart.title, width)
    top += _legend(svg, chart, width, top)
    ctx = Context(chart=chart, key=key, colors=series_colors(chart),
                  index={id(s): i for i, s in enumerate(chart.series)})
    for at, panel in enumerate(panels):
        box = Box((at % cols) * cell_w, top + (at // cols) * cell_h, cell_w, cell_h)
        _panel(svg, ctx, panel, box)
    svg.height = top + rows * cell_h + 4
    return svg.markup(chart.title or "re-plot")


def _title_lines(title: str | None, width: float) -> list[str]:
    if not title:
        return []
    lines = wrap(title, int((width - 16) / (TITLE_SIZE * 0.6))).splitlines()
    return lines[:3] if len(lines) <= 3 else [*lines[:2], clip(" ".join(lines[2:]), 60)]


def _title(svg: Svg, title: str | None, width: float) -> float:
    """The chart title, wrapped; returns the height it takes."""
    lines = _title_lines(title, width)
    for i, line in enumerate(lines):
        svg.text(width / 2, 6 + TITLE_SIZE + i * (TITLE_SIZE + 4), line, size=TITLE_SIZE,
                 anchor="middle", bold=True, css="chart-title")
    return 10 + len(lines) * (TITLE_SIZE + 4) if lines else 4


def _legend_entries(chart: Chart) -> list[tuple[str, str, str]]:
    """(label, colour, swatch shape) per legend entry: the series, or, for one series of
    bars coloured by category, the categories."""
    if chart.kind in ("pie", "heatmap"):
        return []
    colors = series_colors(chart)
    named: dict[str, Series] = {}
    for s in chart.series:
        if s.points:
            named.setdefault(s.name, s)
    if len(named) < 2 and not (named and chart.legend.entries):
        return []
    bars = chart.kind in BAR_KINDS or (is_categorical(chart) and chart.kind not in LINE_KINDS)
    shape = "bar" if bars else "dot" if chart.kind == "scatter" else "line"
    if len(named) == 1 and bars:
        by_category = category_colors(chart, category_names(list(named.values())))
        if by_category:
            return [(name, color, "bar") for name, color in by_category.items()]
    horizontal = chart.orientation == "horizontal"
    return [(name + (" (right axis)" if s.axis == "y2" and not horizontal else ""),
             colors.get(name, "#1f77b4"), shape if shape == "bar" else
             f"{shape}:{marker_shape(chart, s)}") for name, s in named.items()]


def _legend(svg: Svg, chart: Chart, width: float, top: float) -> float:
    """The legend in rows across the figure under the title; returns the height it takes."""
    entries = _legend_entries(chart)
    if not entries:
        return 0.0
    hidden = max(len(entries) - MAX_LEGEND, 0)
    rows: list[list[tuple[float, tuple[str, str, str]]]] = [[]]
    x = 10.0
    for entry in entries[:MAX_LEGEND]:
        label = clip(entry[0], 40)
        need = 26 + text_width(label, LEGEND_SIZE) + 14
        if rows[-1] and x + need > width - 10:
            rows.append([])
            x = 10.0
        rows[-1].append((x, entry))
        x += need
    svg.add('<g class="legend">')
    for r, row in enumerate(rows):
        y = top + 4 + r * 17 + 8
        for x, (label, color, shape) in row:
            _swatch(svg, x, y, color, shape)
            svg.text(x + 24, y + 4, clip(label, 40), size=LEGEND_SIZE, full=label)
    if hidden:
        y = top + 4 + len(rows) * 17 + 8
        svg.text(10, y + 4, f"… and {hidden} more series", size=LEGEND_SIZE, css="note")
    svg.add("</g>")
    return 8 + (len(rows) + (1 if hidden else 0)) * 17


def _swatch(svg: Svg, x: float, y: float, color: str, shape: str) -> None:
    if shape == "bar":
        svg.add(f'<rect x="{num(x)}" y="{num(y - 5)}" width="18" height="10" '
                f'fill="{esc(color)}" class="bar"/>')
        return
    line, marker = shape.split(":")
    if line == "line":
        svg.add(f'<line x1="{num(x)}" y1="{num(y)}" x2="{num(x + 18)}" y2="{num(y)}" '
                f'stroke="{esc(color)}" stroke-width="2"/>')
    svg.dot(x + 9, y, color, point=None, tip=None, shape=marker)


def _panel(svg: Svg, ctx: Context, panel: str | None, box: Box) -> None:
    if panel is not None:  # the panel's name, on up to two lines
        chars = int((box.w - 12) / (PANEL_TITLE_SIZE * 0.6))
        lines = wrap(panel, chars).splitlines()
        if len(lines) > 2:
            lines = [lines[0], clip(" ".join(lines[1:]), chars)]
        for i, line in enumerate(lines):
            svg.text(box.x + box.w / 2, box.y + PANEL_TITLE_SIZE + 2 + i * (PANEL_TITLE_SIZE + 3),
                     clip(line, chars), size=PANEL_TITLE_SIZE, anchor="middle", bold=True,
                     css="panel-title", full=panel)
        box = box.inset(0, len(lines) * (PANEL_TITLE_SIZE + 3) + 4, 0, 0)
    box = box.inset(4, 2, 4, 4)
    group = series_in(ctx.chart, panel)
    kind = ctx.chart.kind
    if kind == "pie":
        pie_panel(svg, ctx, group, box)
    elif kind == "heatmap":
        heatmap_panel(svg, ctx, group, panel, box)
    elif not (kind == "histogram" and histogram_panel(svg, ctx, group, panel, box)):
        xy_panel(svg, ctx, group, panel, box)


def _cell_size(chart: Chart, panels: list[str | None], cols: int) -> tuple[float, float]:
    """Width and height (px) of one panel, grown to the densest panel's content."""
    width, height = (600.0, 340.0) if len(panels) == 1 else (max(260.0, 760.0 / cols), 230.0)
    for panel in panels:
        need_w, need_h = _content_size(chart, series_in(chart, panel))
        width, height = max(width, need_w), max(height, need_h)
    return min(width, MAX_WIDTH / cols), min(height, MAX_PANEL_HEIGHT)


def _content_size(chart: Chart, group: list[Series]) -> tuple[float, float]:
    """Room a panel's categories need: at least a few pixels per bar or cell."""
    if not group or chart.kind == "pie":
        return 0.0, 0.0
    categorical = is_categorical(chart, group) or chart.kind in BAR_KINDS
    if not categorical and chart.kind != "heatmap":
        return 0.0, 0.0
    categories = category_names(group)
    longest = min(max((len(c) for c in categories), default=0), 28)
    if chart.kind == "heatmap":
        rows = len({s.name for s in group})
        return 60 + 6.4 * longest + 44 * len(categories), 60 + 4 * longest + 22 * rows
    bars = max(len(group), 1) if chart.kind in BAR_KINDS or chart.kind not in LINE_KINDS else 1
    if chart.orientation == "horizontal":
        return 0.0, 60 + 13 * len(categories) * bars
    return 80 + 9 * len(categories) * bars, 0.0
