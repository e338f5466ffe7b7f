"""Closing the draft: default names, legend series, dual axes, summaries, kind."""

from __future__ import annotations

import re
from typing import Final

from ..phrases import has_phrase
from ..vocab import fold, mentions_color
from .category_values import legend_names_categories
from .kinds import kind_in
from .name_identity import LOOKED_TWINS
from .panel_titles import one_label_each, untitled_panel
from .state import AxisDraft, ChartDraft, PointDraft, SeriesDraft, name_key
from .text import clean_name, quantities

DATA_KINDS = frozenset({"line", "bar", "scatter", "area", "pie", "heatmap", "histogram", "box"})


def _value_axis_label(chart: ChartDraft, panel: str | None) -> str | None:
    for p in (panel, None):
        x = chart.axis("x", p)
        y = chart.axis("y", p)
        if y is not None and y.scale == "categorical" and x is not None and x.label:
            return x.label
        if y is not None and y.label:
            return y.label
    for axis in chart.axes:
        if axis.role == "y" and axis.label:
            return axis.label
    return None


def default_name(chart: ChartDraft, panel: str | None) -> str:
    if chart.kind == "pie":
        title = chart.heading_title or chart.explicit_title
        if title:
            return title
    if panel is not None and chart.axis("y", panel) is None and len(chart.panels) > 1 \
            and not untitled_panel(_DIGITS.sub(" ", panel)):
        return panel  # the panels share a value axis: each one's line is known by its title
        # ('Subplot 1 (Top-left)' has no title: its line is known by the value axis)
    label = _value_axis_label(chart, panel)
    if label:
        return _SCOPE_NOTE.sub("", label) or label  # 'D2 (Applies to all three plots)' names 'D2'
    if len(chart.legend) == 1:
        return chart.legend[0].label
    return panel or chart.explicit_title or chart.heading_title or "values"


_SCOPE_NOTE: Final = re.compile(r"\s*\((?=[^()]{0,40}\b(?:applies|shared|common|same|repeated)\b)"
                                r"[^()]{1,40}\)\s*$", re.IGNORECASE)  # a note on where the label stands


# 'k=2', 'α = 0.5': a line named by its parameter's setting, which marks no level
_DIGITS: Final = re.compile(r"(?<![=≈\w.])\d+(?![\w.])")  # a panel's number, not a setting ('d=8')
_SETTING: Final = re.compile(r"\s*[^\W\d_][\w′']{0,3}\s?=\s?[~≈]?-?\d{1,9}(?:\.\d{1,9})?\s*")
_MARKS_A_LEVEL: Final = re.compile(
    r"[:=]\s?[~≈]?-?\d|\b(?:percentile|mean|median|average|threshold|baseline|cutoff|reference|chance|"
    r"random|target|optimum|optimal|limit|bound)\b", re.IGNORECASE)


def _sole_legend_entry(chart: ChartDraft, unnamed: SeriesDraft) -> str | None:
    """Values under a one-entry legend belong to that entry, whatever word they carry, unless
    the entry has values of its own that the unnamed series does not restate."""
    panel = unnamed.panel
    if chart.kind == "pie":
        return None
    own = chart.panel_legends.get(panel) if panel is not None else None
    if own is not None and len(set(own)) == 1:
        label = own[0]  # the panel's own one-entry legend
    elif len(chart.legend) == 1:
        label = chart.legend[0].label
    else:
        return None
    if _MARKS_A_LEVEL.search(label) and not _SETTING.fullmatch(label):
        return None  # '90th Percentile: 6343.60', 'Random baseline': a reference line, not the data
    named = chart.find_series(label, panel)
    return label if named is None or _restates(unnamed, named) else None


def _sole_declared_series(chart: ChartDraft, unnamed: SeriesDraft) -> str | None:
    """With no legend, values belong to the one series a line declared ('**Data Series:** a
    single red line representing the validation loss'), unless it has values of its own."""
    if chart.legend or chart.kind == "pie":
        return None
    declared = [s for s in chart.series if s.declared and s.panel in (unnamed.panel, None)]
    return declared[0].name if len(declared) == 1 and _restates(unnamed, declared[0]) else None


def _restates(unnamed: SeriesDraft, named: SeriesDraft) -> bool:
    """The unnamed series holds every value the named one has (none, or a sentence's restated
    '... starts at about 1.8 at Round 0')."""
    restated = {(p.x, p.y) for p in unnamed.points}
    return all((p.x, p.y) in restated for p in named.points)


def _entry_in_panel_title(chart: ChartDraft, panel: str | None) -> str | None:
    """'Plot 2 (Middle Panel): Surviving' with 'Surviving' in the legend: the panel shows
    that entry, so its unnamed values are that entry's (when no other series of it has values)."""
    if panel is None or chart.kind == "pie":
        return None
    title = fold(panel)
    named = [e.label for e in chart.legend if len(e.label) >= _ENTRY_MIN and has_phrase(title, fold(e.label))]
    if len(named) != 1:
        return None
    found = chart.find_series(named[0], panel)
    return named[0] if found is None or not found.points else None


_ENTRY_MIN = 3


def _stated_value_label(s: SeriesDraft) -> str | None:
    """The name the values themselves carry ('LR ≈ 1.5e-4' -> 'LR'), when most points say it."""
    if not s.value_labels or not s.points:
        return None
    label, votes = max(s.value_labels.items(), key=lambda kv: kv[1])
    if fold(label) in _AXIS_SYMBOLS or fold(label).strip(" (") in ("median", "mean", "average"):
        return None  # 'α=1: y≈ -0.09': 'y' names the axis, not the line; 'Median (~0.8)' the statistic
    if len(label.split()) > _NAME_WORDS_WITH_COLOUR and mentions_color(label):
        return None  # 'Tall blue bar occupying ~59%': a description of the mark ('Blue ≈ 86' names)
    return label if votes * 2 >= len(s.points) else None


_NAME_WORDS_WITH_COLOUR = 2
_AXIS_SYMBOLS = frozenset({"x", "y", "y1", "y2", "z", "value", "val"})


def _merge_into(target: SeriesDraft, source: SeriesDraft) -> None:
    for p in source.points:
        target.add_point(p)
    for k, v in source.summary.items():
        target.set_summary(k, v)
    target.touch(source.first_line)
    target.touch(source.last_line)


def name_defaults(chart: ChartDraft) -> None:
    """Name the unnamed default series (after the sole bar group, a stated value label
    or the value axis), merging it into a named twin; drop named series left empty."""
    kept: list[SeriesDraft] = []
    legend = {name_key(e.label) for e in chart.legend}
    # A named twin may come later in the list (a table after the prose that opened the default).
    named = [s for s in chart.series if s.name and _keeps_named(s, legend)]
    for s in chart.series:
        if s.name:
            if _keeps_named(s, legend):
                kept.append(s)
            continue
        if not s.points and not s.summary:
            continue
        s.name = _default_name_for(chart, s)
        twin = next((k for k in named if k.panel == s.panel and name_key(k.name) == name_key(s.name)),
                    None)
        if twin is not None:
            _merge_into(twin, s)
        else:
            kept.append(s)
    chart.series = kept


def _keeps_named(s: SeriesDraft, legend: set[str]) -> bool:
    """A named series stays when it has values, was declared, or is a legend entry."""
    has_values = bool(s.points) or any(v is not None for k, v in s.summary.items() if k != "trend")
    return has_values or s.declared or name_key(s.name) in legend


def _default_name_for(chart: ChartDraft, s: SeriesDraft) -> str:
    if chart.kind == "pie" and s.panel:
        return s.panel  # one pie of several: its slices are its one series
    sole = _sole_legend_entry(chart, s) or _sole_declared_series(chart, s) \
        or _entry_in_panel_title(chart, s.panel)
    if sole is not None:
        return sole
    axis_name = default_name(chart, s.panel)
    stated = _stated_value_label(s)
    # 'Score of 0.61' on a 'Mean Score' axis: the axis says it in full.
    if stated and name_key(stated) and (name_key(stated) in name_key(axis_name)
                                        or stated.lower().startswith(("a ", "an ", "the "))):
        stated = None
    return stated or axis_name


def name_pie_series(chart: ChartDraft) -> None:
    """A pie has one series, named by its title, whatever column or heading held the values."""
    if chart.kind != "pie":
        return
    title = chart.heading_title or chart.explicit_title
    with_points = [s for s in chart.series if s.points]
    if title and len(with_points) == 1:
        chart.rename_series(with_points[0], title)


def ensure_legend_series(chart: ChartDraft) -> None:
    """Every legend entry is a series (empty when the text gives no values for it)."""
    if not chart.legend or chart.kind == "pie" or legend_names_categories(chart):
        return  # a legend of the categories names what each bar stands for, not series
    panels: list[str | None] = [p for p, _, _ in chart.panels] or [None]
    # When panels state legends of their own, an entry of those is a series of its panels
    # only; one panel's legend alone is the figure's ('the same scheme is used in b)').
    own: dict[str, list[str | None]] = {}
    if len(chart.panel_legends) > 1:
        for owner, labels in chart.panel_legends.items():
            for key in dict.fromkeys(name_key(label) for label in labels):
                own.setdefault(key, []).append(owner)
    own = own or _panels_titled_by_entries(chart)
    drawn_apart = _panels_drawing_other_series(chart)
    for entry in chart.legend:
        for panel in own.get(name_key(entry.label)) or [p for p in panels if p not in drawn_apart]:
            if chart.find_series(entry.label, panel) is None and not _twins_drawn(chart, entry.label, panel):
                series = SeriesDraft(name=entry.label, panel=panel, declared=True)
                series.rule = "legend.entry-series"
                chart.series.append(series)


def _twins_drawn(chart: ChartDraft, label: str, panel: str | None) -> bool:
    """A name stated twice with two looks already stands as its looked series ('Model (dashed)')."""
    key = name_key(label)
    return key in LOOKED_TWINS.get() and any(
        s.panel == panel and clean_name(s.name) and name_key(clean_name(s.name)) == key for s in chart.series)


def _panels_drawing_other_series(chart: ChartDraft) -> set[str | None]:
    """Panels of several whose values all belong to series outside the legend ('Chart (a):
    Power' beside a chart (b) whose legend names the devices): the legend is not theirs."""
    if len(chart.panels) < 2:
        return set()
    legend = {name_key(e.label) for e in chart.legend}
    with_values: dict[str | None, bool] = {}
    for s in chart.series:
        if s.points:
            with_values[s.panel] = with_values.get(s.panel, False) or name_key(s.name) in legend
    return {panel for panel, any_entry in with_values.items() if not any_entry}


def _panels_titled_by_entries(chart: ChartDraft) -> dict[str, list[str | None]]:
    """Panels titled one each by the legend's entries ('(a) Model A', '(b) Model B' with a
    legend of 'Model A' and 'Model B'): each panel draws its namesake only."""
    keys = list(dict.fromkeys(name_key(entry.label) for entry in chart.legend))
    if not all(keys):
        return {}
    panels = [p for p, _, _ in chart.panels]
    paired = one_label_each([name_key(p) for p in panels], keys)
    return {} if paired is None else {keys[k]: [panel] for panel, k in zip(panels, paired, strict=True)}


def bind_dual_axes(chart: ChartDraft) -> None:
    for s in chart.series:
        y2 = chart.panel_axis("y2", s.panel)
        if y2 is None or not y2.label:
            continue
        a, b = name_key(s.name), name_key(y2.label)
        if a and b and (a == b or a in b or b in a):
            s.axis = "y2"


def close_summaries(chart: ChartDraft) -> None:
    for s in chart.series:
        if "start" in s.summary and s.summary.get("end") is None and s.points:
            numeric = [p for p in s.points if not isinstance(p.x, str)]
            if numeric:
                last = max(numeric, key=lambda p: p.x)
                s.summary["end"] = last.y


def drop_non_chart_data(chart: ChartDraft) -> None:
    """A diagram, photo or screenshot has no data series, whatever numbers its text shows."""
    if chart.kind in ("diagram", "other") and chart.kind_source is not None:
        chart.series = []


def mixed_by_panels(chart: ChartDraft, stated: list[str]) -> None:
    """Panels titled by different kinds ('Heatmap', 'Scatter Plot'), or stated to be of
    different kinds (``stated``: '**Panel (a):** a heatmap ...'), make a mixed figure."""
    kinds = [k for k in (kind_in(title) for title, _, _ in chart.panels) if k in DATA_KINDS] \
        + [k for k in stated if k not in ("diagram", "other")]  # (an inset diagram is no data panel)
    if len(set(kinds)) >= 2:
        chart.mixed = True
        if chart.kind not in DATA_KINDS:
            chart.kind = kinds[0]


def order_points_by_x(chart: ChartDraft) -> None:
    """Within a series, numeric-x points ascend by x (text order would make lines zig-zag).

    Categories keep the order the text states them in: a series with any text x, a pie's
    slices, and a series on a categorical x axis are left as they are. The sort is stable
    and every point keeps its source line.
    """
    if chart.kind == "pie":
        return
    for s in chart.series:
        if len(s.points) < 2 or any(isinstance(p.x, str) for p in s.points):
            continue
        axis = chart.panel_axis("x", s.panel)
        if axis is not None and axis.scale == "categorical":
            continue
        s.points.sort(key=_x_of)


def _x_of(point: PointDraft) -> float:
    return float(point.x)


def style_series(chart: ChartDraft) -> None:
    """Copy legend styles onto the series they name."""
    styles = {name_key(e.label): e for e in chart.legend}
    for s in chart.series:
        entry = styles.get(name_key(s.name))
        if entry is not None:
            s.color = s.color or entry.color
            s.line_style = s.line_style or entry.line_style
            s.marker = s.marker or entry.marker


def _lists_x_points(chart: ChartDraft, panel: str, title: str) -> bool:
    """'Title: Linear, CKA, RSA' over bars at 'Linear', 'CKA' and 'RSA': the small titles of
    the panel's groups, not its title."""
    items = {fold(i) for i in title.split(",") if i.strip()}
    xs = {fold(str(p.x)) for s in chart.series if s.panel == panel for p in s.points}
    ticks = {fold(str(t)) for a in chart.axes if a.panel in (panel, None) for t in a.ticks}
    return len(items) >= 2 and len(items & (xs | ticks)) >= 2


def title_panels(chart: ChartDraft) -> None:
    """A panel named by its place ('Left Chart') whose components state its title takes the
    title as its name, on the panel, its series and its axes."""
    titles = list(chart.panel_titles.values())
    renamed = {old: new for old, new in chart.panel_titles.items()
               if new and not any(t == new for t, _, _ in chart.panels) and titles.count(new) == 1
               and not _lists_x_points(chart, old, new)}  # (a title two panels share tells neither apart)
    if not renamed:
        return
    chart.panels = [(renamed.get(t, t), first, last) for t, first, last in chart.panels]
    chart.panel_rules = {renamed.get(t, t): rule for t, rule in chart.panel_rules.items()}
    for s in chart.series:
        if s.panel in renamed:
            s.panel = renamed[s.panel]
    chart.series = list(chart.series)  # a new list: the registry is rebuilt on the next lookup
    for a in chart.axes:
        if a.panel in renamed:
            a.panel = renamed[a.panel]


def x_as_declared(chart: ChartDraft) -> None:
    """On an axis whose categories are numbers written with a magnitude ('1k', '8k', '32k'),
    bars stand at the categories: an x read as 8000 ('at 8k') is the category '8k', as the
    axis declares it. A line drawn over them runs along a number line: '8k' is 8000, and the
    axis' ticks are numbers too."""
    lines: list[tuple[AxisDraft, dict[str, int | float]]] = []  # axes made number lines
    for s in chart.series:
        axis = chart.panel_axis("x", s.panel)
        if axis is None:
            continue
        made = next((values for a, values in lines if a is axis), None)
        if made is not None:
            s.points = _at_values(s.points, made)
            continue
        if len(axis.ticks) < 2 or not all(isinstance(t, str) for t in axis.ticks):
            continue
        written = _magnitude_ticks(axis.ticks)
        if len(written) != len(axis.ticks):
            continue
        if _drawn_along_a_line(chart, s.panel):
            values = {tick: value for value, tick in written.items()}
            s.points = _at_values(s.points, values)
            axis.ticks = [values.get(str(t), t) for t in axis.ticks]
            axis.scale = None if axis.scale == "categorical" else axis.scale
            lines.append((axis, values))
        else:
            s.points = [p._replace(x=written[p.x]) if not isinstance(p.x, str) and p.x in written else p
                        for p in s.points]


def _at_values(points: list[PointDraft], values: dict[str, int | float]) -> list[PointDraft]:
    return [p._replace(x=values[p.x]) if isinstance(p.x, str) and p.x in values else p for p in points]


def _drawn_along_a_line(chart: ChartDraft, panel: str | None) -> bool:
    """A line chart, or in a mixed one a panel titled so ('Left Chart (Line Graph)')."""
    if panel and chart.kind == "mixed":
        return kind_in(panel) in _LINE_KINDS
    return chart.kind in _LINE_KINDS and chart.kind_source is not None  # (a stated kind, not a guess)


_LINE_KINDS = frozenset({"line", "area"})


def _magnitude_ticks(ticks: list[int | float | str]) -> dict[int | float, str]:
    out: dict[int | float, str] = {}
    for tick in ticks:
        _, qs = quantities(str(tick))
        if len(qs) == 1 and qs[0].magnitude and qs[0].raw == str(tick).strip():
            out[qs[0].value] = str(tick)
    return out
