"""Stage 3: give the outline meaning (sections, axes, legend, series, points)."""

from __future__ import annotations

from typing import Any

from ..blocks import Line
from ..outline import Node, build
from . import legend_rules  # noqa: F401  (registers its component rules)
from .axis_powers import x_in_label_power
from .bin_spelling import spell_bins_alike
from .checks import check, drop_cut_value, looks_truncated
from .coloured_bars import one_series_of_coloured_bars
from .finalize import (
    DATA_KINDS,
    bind_dual_axes,
    close_summaries,
    drop_non_chart_data,
    ensure_legend_series,
    mixed_by_panels,
    name_defaults,
    name_pie_series,
    order_points_by_x,
    style_series,
    title_panels,
    x_as_declared,
)
from .key_looks import legend_from_colour_keys, legend_from_key_looks
from .kind_fallback import fallback_kind
from .layout import layout_fields, stated_grid
from .legend_names import name_series_by_legend
from .legend_twins import looked_twins
from .name_identity import BRACKET_NAMED, LOOKED_TWINS, UNIT_NAMED
from .pie_legend import pie_slices_as_legend, slices_from_legend_shares
from .provenance import point_columns
from .restated import drop_bar_named_series, drop_restated_series
from .rules import (
    header_groups,  # noqa: F401  (registers its header rule)
    header_panels,  # noqa: F401  (registers its header rule)
    keyed_heatmap,  # noqa: F401  (registers its keyed rules)
    keyed_parallel,  # noqa: F401  (registers its keyed rule)
    keyed_reference,  # noqa: F401  (registers its keyed rule)
    keyed_rows,  # noqa: F401  (registers its keyed rule)
)
from .state import ChartDraft, PointDraft
from .walker import Walker


def extract_lines(lines: list[Line], text: str) -> ChartDraft:
    """Read a description's lines. When its legend tells names apart only by their brackets
    ('Measured (Occurrence)', 'Measured (Generation)') or states one name twice with two looks,
    which it learns only on the way, it reads the text once more knowing so."""
    chart = extract(build(lines), text)
    twins_found = looked_twins(chart)
    if chart.bracket_named or twins_found:
        token = BRACKET_NAMED.set(frozenset(chart.bracket_named))
        units = UNIT_NAMED.set(frozenset(chart.unit_named))
        twins = LOOKED_TWINS.set(frozenset(twins_found))
        try:
            chart = extract(build(lines), text)
        finally:
            LOOKED_TWINS.reset(twins)
            UNIT_NAMED.reset(units)
            BRACKET_NAMED.reset(token)
    return chart


def extract(root: Node, text: str) -> ChartDraft:
    chart = ChartDraft()
    walker = Walker(chart, root)
    walker.run()
    if not chart.legend and walker.state.declared_entries:
        for entry in walker.state.declared_entries:  # with no legend, the declared series are the legend
            entry.rule = entry.rule or "legend.declared-series"
        chart.legend.extend(walker.state.declared_entries)  # (bounded as they were kept)
    chart.panel_legends = {panel: [e.label for e in entries]
                           for panel, entries in walker.state.panel_legends.items() if entries}
    legend_from_colour_keys(chart, walker.state)  # (again: colour keys met in pass 2, after the data)
    legend_from_key_looks(chart, walker.state, text)
    mixed_by_panels(chart, list(walker.state.panel_kinds.values()))
    drop_non_chart_data(chart)
    fallback_kind(chart, text)
    slices_from_legend_shares(chart)
    name_defaults(chart)
    drop_restated_series(chart)
    name_pie_series(chart)
    pie_slices_as_legend(chart, text)
    name_series_by_legend(chart)
    ensure_legend_series(chart)
    drop_bar_named_series(chart)
    one_series_of_coloured_bars(chart, text)
    bind_dual_axes(chart)
    x_as_declared(chart)
    x_in_label_power(chart)
    spell_bins_alike(chart)
    close_summaries(chart)
    style_series(chart)
    title_panels(chart)
    chart.stated_grid = stated_grid(text) if chart.stated_panel_count else None
    truncated, line = looks_truncated(text)
    chart.truncated = truncated
    if truncated:
        chart.warn("truncated", "the description ends mid-sentence (cut off)", line)
        drop_cut_value(chart, text, line)
    check(chart)
    order_points_by_x(chart)
    chart.point_columns = point_columns(chart, text)
    return chart


# Kinds read in their own way that the contract does not name.
CONTRACT_KIND = {"radar": "other", "candlestick": "other"}


def _span(first: int | None, last: int | None) -> dict[str, int] | None:
    if first is None:
        return None
    return {"start": first, "end": last if last is not None else first}


def _point(p: PointDraft, columns: tuple[int, int] | None) -> dict[str, Any]:
    # Written out (not dict(zip(PointDraft._fields, p))): mypyc builds a dict display in one
    # step, once per point; tests/test_extract.py checks it names every PointDraft field.
    return {"x": p.x, "y": p.y, "approx": p.approx, "line": p.line, "label": p.label, "rule": p.rule,
            "span": None if columns is None else {"start": columns[0], "end": columns[1]}}


def to_dict(chart: ChartDraft) -> dict[str, Any]:
    """Plain data in the shape of ``models.Chart`` (validated once by the caller)."""
    return {
        "kind": "mixed" if chart.mixed and chart.kind in DATA_KINDS
        else CONTRACT_KIND.get(chart.kind or "other", chart.kind or "other"),
        "title": chart.explicit_title or chart.heading_title,
        "axes": [
            {
                "role": a.role, "label": a.label, "unit": a.unit, "scale": a.scale,
                "min": a.min, "max": a.max, "ticks": a.ticks, "panel": a.panel,
                "span": _span(a.first_line, a.last_line), "rule": a.rule,
            }
            for a in chart.axes
        ],
        "legend": {
            "position": chart.legend_position,
            "title": chart.legend_title,
            "entries": [
                {"label": e.label, "color": e.color, "line_style": e.line_style,
                 "marker": e.marker, "span": _span(e.line, e.line), "rule": e.rule}
                for e in chart.legend
            ],
        },
        "panels": [{"title": t, "span": _span(f, last), "rule": chart.panel_rules.get(t)}
                   for t, f, last in chart.panels],
        "series": [
            {
                "name": s.name, "panel": s.panel, "axis": s.axis,
                "points": [_point(p, c) for p, c in zip(
                    s.points, chart.point_columns.get(si) or [None] * len(s.points), strict=True)],
                "summary": {k: s.summary.get(k) for k in ("start", "end", "min", "max", "trend")},
                "color": s.color, "line_style": s.line_style, "marker": s.marker,
                "span": _span(s.first_line, s.last_line), "rule": s.rule,
            }
            for si, s in enumerate(chart.series)
        ],
        "observations": chart.observations,
        "interpretation": "\n".join(chart.interpretation) or None,
        "diagnostics": [
            {"severity": d.severity, "code": d.code, "message": d.message, "line": d.line}
            for d in chart.diagnostics
        ],
        "truncated": chart.truncated,
        **layout_fields(chart),
    }


__all__ = ["extract", "to_dict"]
