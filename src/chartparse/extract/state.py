"""The extractor's working state: what has been read so far, as plain data.

Plain dataclasses keep the hot path cheap; the pydantic models are built once at
the end (``ChartDraft.to_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..vocab import fold
from .legend_twins import note_bracket_names, note_looked_twin
from .limits import MAX_LEGEND_ENTRIES
from .name_identity import name_key
from .panel_register import add_panel
from .tick_index import TickIndex
from .trace import Trace


class PointDraft(NamedTuple):
    """One point as read. A tuple: cheap to make, and of plain values only, so the
    garbage collector stops tracking it (a long table holds hundreds of thousands)."""

    x: int | float | str
    y: int | float
    approx: bool
    line: int | None
    label: str | None = None
    rule: str | None = None  # the named rule that read it


@dataclass(slots=True)
class SeriesDraft:
    name: str
    panel: str | None
    axis: str
    points: list[PointDraft]
    summary: dict[str, Any]
    color: str | None
    line_style: str | None
    marker: str | None
    first_line: int | None
    last_line: int | None
    declared: bool  # named by the legend or a series list, not only by data
    value_labels: dict[str, int]  # 'Loss' in 'Loss ≈ 0.5'
    rule: str | None  # the rule that created the series
    summary_lines: dict[str, int]  # summary key -> the line that stated it
    dropped: list[PointDraft]  # a second, different value at an x the series had: not kept
    repeats_x: bool  # its x axis repeats categories ('128, 1k, 128, 1k'): a second value is a second bar
    _xs: set[object] = field(repr=False)
    _xys: set[tuple[object, object]] = field(repr=False)

    # __init__ is written out because mypyc compiles it; a dataclass-generated one runs
    # interpreted, which made building this class a hot spot.
    def __init__(self, name: str, panel: str | None, axis: str = "y", declared: bool = False) -> None:
        self.name = name
        self.panel = panel
        self.axis = axis
        self.declared = declared
        self.points = []
        self.summary = {}
        self.color = self.line_style = self.marker = None
        self.first_line = self.last_line = None
        self.value_labels = {}
        self.rule = None
        self.summary_lines = {}
        self.dropped = []
        self.repeats_x = False
        self._xs = set()
        self._xys = set()

    def add_point(self, point: PointDraft, unique_x: bool = True) -> bool:
        """Add a point unless the series has it already (same x, or same x and y)."""
        x_key = _value_key(point.x)
        if x_key in self._xs:
            seen = (x_key, _value_key(point.y)) in self._xys
            unique_x = unique_x and not self.repeats_x
            if unique_x and not seen:
                self.dropped.append(point)
            if unique_x or seen:
                return False
        self._xs.add(x_key)
        self._xys.add((x_key, _value_key(point.y)))
        self.points.append(point)
        self.touch(point.line)
        return True

    def touch(self, line: int | None) -> None:
        if line is None:
            return
        if self.first_line is None or line < self.first_line:
            self.first_line = line
        if self.last_line is None or line > self.last_line:
            self.last_line = line

    def set_summary(self, key: str, value: Any, line: int | None = None) -> None:
        if self.summary.get(key) is None:
            self.summary[key] = value
            if line is not None:
                self.summary_lines[key] = line


def _value_key(v: int | float | str) -> object:
    """A hashable identity for a point coordinate: the number as a float, or folded text
    (tagged, so that the text '1' is not the number 1)."""
    if isinstance(v, str):
        return ("s", fold(v))
    return float(v)


@dataclass(slots=True)
class AxisDraft:
    role: str
    label: str | None
    unit: str | None
    scale: str | None
    min: int | float | None
    max: int | float | None
    ticks: list[int | float | str]
    panel: str | None
    first_line: int | None
    last_line: int | None
    rule: str | None
    examples_only: bool  # its categories were given as examples ('e.g., "A", "B", ...'), not all
    repeats: bool  # its categories are said to repeat ('"Correct Label" (appears twice)')
    groups: list[str]  # the groups its categories are listed under ('Math: AIME 2024, MATH-500')
    tick_index: TickIndex | None = field(default=None, compare=False, repr=False)  # see index()

    # __init__ is written out for mypyc (see SeriesDraft).
    def __init__(self, role: str, panel: str | None = None, first_line: int | None = None,
                 last_line: int | None = None, rule: str | None = None) -> None:
        self.role = role
        self.examples_only = self.repeats = False
        self.label = self.unit = self.scale = self.min = self.max = None
        self.ticks = []
        self.groups = []
        self.tick_index = None
        self.panel = panel
        self.first_line, self.last_line = first_line, last_line
        self.rule = rule

    def has_named_ticks(self) -> bool:
        """Some tick is a name (a category), not a number."""
        return any(isinstance(tick, str) for tick in self.ticks)

    def index(self) -> TickIndex:
        """The index of the ticks (see extract/tick_index.py): it follows appended ticks and is
        built afresh when the list was replaced or shortened."""
        index = self.tick_index
        if index is None or not index.follows(self.ticks):
            index = TickIndex(self.ticks)
            self.tick_index = index
        elif len(self.ticks) != index.size:
            index.follow()
        return index


@dataclass(slots=True)
class LegendEntryDraft:
    label: str
    color: str | None
    line_style: str | None
    marker: str | None
    line: int | None
    rule: str | None
    share: float | None  # 'Hallucination (7.0%)': the value an entry states for its slice
    drawn_line: bool  # its look names a line or curve ('blue line with circle markers')

    # __init__ is written out for mypyc (see SeriesDraft).
    def __init__(self, label: str, color: str | None = None, line_style: str | None = None,
                 marker: str | None = None, line: int | None = None) -> None:
        self.label = label
        self.color = color
        self.line_style = line_style
        self.marker = marker
        self.line = line
        self.rule, self.share, self.drawn_line = None, None, False


@dataclass(slots=True)
class Diag:
    severity: str
    code: str
    message: str
    line: int | None = None


@dataclass(slots=True)
class ChartDraft:
    kind: str | None = None
    kind_source: str | None = None
    mixed: bool = False  # the heading names several kinds: read as `kind`, reported 'mixed'
    heading_title: str | None = None
    explicit_title: str | None = None
    axes: list[AxisDraft] = field(default_factory=list)
    legend_position: str | None = None
    legend_title: str | None = None
    legend: list[LegendEntryDraft] = field(default_factory=list)
    panels: list[tuple[str, int | None, int | None]] = field(default_factory=list)
    panels_dropped: int = 0  # titles past MAX_PANELS, read as the last panel
    legend_dropped: int = 0  # entries past MAX_LEGEND_ENTRIES, not kept
    stated_panel_count: tuple[int, int | None] | None = None
    stated_grid: tuple[int, int] | None = None  # (rows, columns), set by extract.layout
    series: list[SeriesDraft] = field(default_factory=list)
    observations: list[str] = field(default_factory=list)
    interpretation: list[str] = field(default_factory=list)
    diagnostics: list[Diag] = field(default_factory=list)
    truncated: bool = False
    trace: Trace = field(default_factory=Trace)
    panel_rules: dict[str, str] = field(default_factory=dict)
    # 'Left Chart: "Energy Use 1990"': titles the components give the panels, before any data
    declared_panel_titles: list[str] = field(default_factory=list)
    # 'Chart 1 (Left): "Comparison of X"': the declared title of the panel numbered '1'
    numbered_panel_titles: dict[str, str] = field(default_factory=dict)
    # 'Left Chart:' with '* **Title:** Train loss' under it: the title that panel is known by
    panel_titles: dict[str, str] = field(default_factory=dict)
    point_columns: dict[int, list[tuple[int, int] | None]] = field(default_factory=dict)
    # The labels each panel's own legend states (a 'Legend:' key inside the panel's block)
    panel_legends: dict[str, list[str]] = field(default_factory=dict)
    _index: dict[tuple[str | None, str], SeriesDraft] = field(default_factory=dict, repr=False)
    _legend_keys: set[str] = field(default_factory=set, repr=False)
    # Keys of legend names told apart only by their brackets: read the text again knowing so
    bracket_named: set[str] = field(default_factory=set, repr=False)
    unit_named: set[str] = field(default_factory=set, repr=False)  # (of those, told apart by a unit)
    # Keys of legend names stated twice, each with its own look ('"Model" (dashed line)',
    # '"Model" (solid line)'): headers naming the label with its look are two series
    looked_twin_pairs: list[tuple[str, int | None, int | None]] = field(default_factory=list, repr=False)
    legend_entry_lines: set[int] = field(default_factory=set, repr=False)
    # While a panel's legend is read, every entry it states, repeats included.
    legend_sink: list[LegendEntryDraft] | None = field(default=None, repr=False)
    # How much of ``series`` the index covers: the list it was built from and its length.
    # Series appended directly, or a new list assigned, are indexed on the next lookup.
    _indexed_list: list[SeriesDraft] | None = field(default=None, repr=False)
    _indexed_upto: int = field(default=0, repr=False)

    # __init__ is written out because mypyc compiles it (see SeriesDraft); it was the
    # one interpreted call left in building a chart.
    def __init__(self) -> None:
        self.kind = self.kind_source = None
        self.mixed = False
        self.heading_title = self.explicit_title = None
        self.axes = []
        self.legend_position = self.legend_title = None
        self.legend = []
        self.panels = []
        self.panels_dropped = 0
        self.legend_dropped = 0
        self.stated_panel_count = self.stated_grid = None
        self.series = []
        self.observations, self.interpretation = [], []
        self.diagnostics = []
        self.truncated = False
        self.trace = Trace()
        self.panel_rules = {}
        self.declared_panel_titles = []
        self.numbered_panel_titles, self.panel_titles = {}, {}
        self.point_columns, self.panel_legends = {}, {}
        self._index = {}
        self._legend_keys = set()
        self.bracket_named = set()
        self.unit_named = set()
        self.looked_twin_pairs = []
        self.legend_entry_lines = set()
        self.legend_sink = None
        self._indexed_list, self._indexed_upto = None, 0

    # -- series registry ----------------------------------------------------
    def kind_open(self) -> bool:
        """No kind yet, or only the heading's scale ('Log-Log Plot'), which a stated kind overrides."""
        return self.kind is None or self.kind_source == "heading-scale"

    def find_series(self, name: str, panel: str | None) -> SeriesDraft | None:
        """The first series (in list order) with this name and panel; O(1) amortised.

        Renaming a series in place must go through :meth:`rename_series`, which keeps
        the index true (a linear scan here made wide tables quadratic, issue 17).
        """
        key = name_key(name)
        if not key:
            return None
        self._sync_index()
        found = self._index.get((panel, key))
        if found is not None and found.panel == panel and name_key(found.name) == key:
            return found
        return None

    def _sync_index(self) -> None:
        series = self.series
        if series is not self._indexed_list or len(series) < self._indexed_upto:
            self._index = {}
            self._indexed_list = series
            self._indexed_upto = 0
        if len(series) > self._indexed_upto:
            for s in series[self._indexed_upto:]:
                self._index.setdefault((s.panel, name_key(s.name)), s)
            self._indexed_upto = len(series)

    def rename_series(self, series: SeriesDraft, name: str) -> None:
        """Rename a series and keep the registry true (the first in list order wins)."""
        series.name = name
        self._index = {}
        self._indexed_list = None

    def add_read_point(self, series: SeriesDraft, point: PointDraft) -> bool:
        """Add a point a table cell states; one the series holds already is a repeat (for explain)."""
        dropped = len(series.dropped)
        if series.add_point(point):
            return True
        if point.line is not None and len(series.dropped) == dropped and isinstance(point.y, int | float):
            self.trace.repeats.setdefault(point.line, []).append((point.x, point.y, point.rule or "table"))
        return False

    def series_for(self, name: str, panel: str | None, line: int | None = None) -> SeriesDraft:
        found = self.find_series(name, panel)
        if found is None:
            found = SeriesDraft(name=name, panel=panel)
            found.rule = self.trace.current
            found.repeats_x = any(a.repeats for a in self.axes if a.role == "x" and a.panel in (panel, None))
            self.series.append(found)
            self._sync_index()
        found.touch(line)
        return found

    def legend_labels(self) -> list[str]:
        return [e.label for e in self.legend]

    def has_legend_label(self, label: str) -> bool:
        return name_key(label) in self._legend_keys

    def join_legend_entries(self, parts: list[LegendEntryDraft], joined: LegendEntryDraft) -> None:
        """Put ``joined`` where the consecutive ``parts`` stood, in the legend and in the
        panel legend being read (they were one label with a comma, not several)."""
        for entries in (self.legend, self.legend_sink):
            if entries is not None and parts[0] in entries:
                at = entries.index(parts[0])
                entries[at:at + len(parts)] = [joined]
        self.relabel_legend()

    def relabel_legend(self) -> None:
        """After the entries' labels were rewritten in place."""
        self._legend_keys = {name_key(e.label) for e in self.legend}

    def drop_legend_entry(self, label: str) -> None:
        key = name_key(label)
        self.legend = [e for e in self.legend if name_key(e.label) != key]
        self._legend_keys.discard(key)

    @property
    def stated_panels(self) -> int:
        return self.stated_panel_count[0] if self.stated_panel_count else 0

    def add_legend_entry(self, entry: LegendEntryDraft) -> None:
        if entry.rule is None:
            entry.rule = self.trace.current
        if self.legend_sink is not None:
            self.legend_sink.append(entry)
        if entry.line is not None:
            self.legend_entry_lines.add(entry.line)
        key = name_key(entry.label)
        if key and key in self._legend_keys:
            note_bracket_names(self, key, entry.label)
            note_looked_twin(self, key, entry)
        if not key or key in self._legend_keys:
            return
        if len(self.legend) >= MAX_LEGEND_ENTRIES:  # (each data line is read against the legend)
            self.legend_dropped += 1
            if self.legend_dropped == 1:
                self.warn("too-many-legend-entries", f"more than {MAX_LEGEND_ENTRIES} legend entries; "
                          "the ones after them are not kept", entry.line)
            return
        self._legend_keys.add(key)
        self.legend.append(entry)

    def axis(self, role: str, panel: str | None) -> AxisDraft | None:
        for a in self.axes:
            if a.role == role and a.panel == panel:
                return a
        return None

    def panel_axis(self, role: str, panel: str | None) -> AxisDraft | None:
        """The panel's own axis of that role, else the axis the panels share."""
        return self.axis(role, panel) or self.axis(role, None)

    def add_panel(self, title: str, first: int | None, last: int | None) -> str:
        """Register a panel; returns the name to use (see ``panel_register.add_panel``)."""
        return add_panel(self, title, first, last)

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        self.diagnostics.append(Diag("warning", code, message, line))

    def error(self, code: str, message: str, line: int | None = None) -> None:
        self.diagnostics.append(Diag("error", code, message, line))
