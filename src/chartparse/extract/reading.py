"""What the extractor knows while it reads, beyond the chart itself."""

from __future__ import annotations

import re
from typing import Final

from ..values import normalise
from ..vocab import label_words
from .kinds import kind_in
from .limits import MAX_LEGEND_ENTRIES
from .state import ChartDraft, LegendEntryDraft, SeriesDraft, name_key
from .value_words import numbered_name

# a category whose digits join a word by a hyphen ('16-unopt', 'GPT-4-mini'); each sentence is
# searched for each such name, so only the first few
_NUMBER_HYPHEN_WORD: Final = re.compile(r"\d-[A-Za-z]|[A-Za-z]-\d")
_MAX_NAMED_TICKS: Final = 40
# digits that belong to a label's name: 's(r)/s(1)', 'R1,(1,1)', 'Q1,1', 't/M¹/β', 'E^2'
_NUMBER_IN_PARENS: Final = re.compile(
    r"\(\s?\d{1,4}(?:\s?,\s?\d{1,4}){0,3}\s?\)|[A-Za-z]\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\^\d|<sup>")

CATEGORICAL_KINDS = frozenset({"bar", "pie", "box", "heatmap", "histogram", "table", "radar"})
_BAR_KINDS = frozenset({"bar"})  # a kind that may run its categories along y


class ReadingState:
    def __init__(self, chart: ChartDraft) -> None:
        self.chart = chart
        self.trace = chart.trace
        self.known_names: dict[str, str] = {}  # name_key -> name as written
        self.mention_names: list[str] = []  # the known names sentences are searched for (limits)
        self.mention_names_size = -1
        self.mention_bases: list[tuple[str, str]] = []  # (name without its bracket note, name) (limits)
        self.mention_names_capped = False
        self.panel_names: set[str] = set()  # name keys of panels listed up front
        self.stated_panel_names: list[str] = []  # 'one per region: North, South, ...'
        self.panel_templates: list[re.Pattern[str]] = []  # 'a title in the format "T = [value]"'
        self.defaults: dict[str | None, SeriesDraft] = {}
        self.style_defaults: dict[str | None, SeriesDraft] = {}
        self.declared_entries: list[LegendEntryDraft] = []  # series a 'Data Series:' line lists
        # 'Model A (blue, dashed):' -- the look a data key or header gives a series, by its name key
        self.key_looks: dict[str, LegendEntryDraft] = {}
        self.colour_entries: list[LegendEntryDraft] = []  # '**Blue**: 1ABO' outside a legend
        self.panel_legends: dict[str, list[LegendEntryDraft]] = {}  # the entries each panel's legend states
        self.overview_lines = 0
        # (role, field, clause, line) of axes stated in sentences, read after pass 1 (axis_sentences)
        self.axis_sentences: list[tuple[str, str | None, str, int | None]] = []
        self.axis_sentence_lines: set[int | None] = set()  # (their lines, looked up per keyed line)
        self.several_panels_said = False  # 'a series of bar charts': more than one, count unsaid
        self.component_lines = 0
        self.panel_kinds: dict[str, str] = {}  # '**Panel (a):** a 2D heatmap ...': kind by panel key
        self.categorical_known: bool | None = None
        # (role, field, panel, last line) of the axis line just read: a 'Categories:' line right
        # after it, flattened to its level, lists that axis' categories
        self.last_axis: tuple[str, str | None, str | None, int | None] | None = None
        self.cell_rows_first: bool | None = None  # heatmap tuples declared (row, column)
        # the last line of an empty 'Legend:' key, flattened, or of the entry group after it:
        # a group key on the next line ('**Tokens:**' over 'Pink: 128') is one of its groups
        self.legend_run_end: int | None = None
        self.legend_groups: list[str] = []  # the titles of the entry groups in that run
        self._x_words: frozenset[str] | None = None
        self._y_words: frozenset[str] | None = None
        self._labels_with_numbers: tuple[str, ...] | None = None
        self._ticks_for = 0  # how many ticks the axes had when the formula labels were read
        self._words_for = 0  # how many axes the chart had when the words were read

    def _forget_words_of_fewer_axes(self) -> None:
        """An axis read after the words were ('| **X-Axis** | Minute |' in a table read with
        the data) adds its words."""
        if len(self.chart.axes) != self._words_for:
            self._words_for = len(self.chart.axes)
            self._x_words = self._y_words = None
            self._labels_with_numbers = None

    def legend_entries(self, panel: str | None) -> list[LegendEntryDraft]:
        """The legend's entries as a panel states them: its own legend when it has one."""
        own = self.panel_legends.get(panel) if panel is not None else None
        if own:
            return own
        if panel is not None and self.panel_legends and self._legend_only_of_other_panels():
            return self.declared_entries  # a legend inside panel (c) is not panel (a)'s
        # With no legend, the series a 'Data Series:' block declares are its entries.
        return self.chart.legend or self.declared_entries

    def _legend_only_of_other_panels(self) -> bool:
        owned = {name_key(e.label) for entries in self.panel_legends.values() for e in entries}
        return all(name_key(e.label) in owned for e in self.chart.legend)

    def add_panel_legend(self, panel: str, entries: list[LegendEntryDraft]) -> None:
        """A panel's own legend entries, bounded as the chart's legend is."""
        own = self.panel_legends.setdefault(panel, [])
        own.extend(entries[:max(0, MAX_LEGEND_ENTRIES - len(own))])

    def declared_series(self, entry: LegendEntryDraft, panel: str | None, line: int | None) -> SeriesDraft:
        """The series a declaration names, marked declared and drawn as its entry says."""
        series = self.chart.series_for(entry.label, panel, line)
        series.declared = True
        series.color = series.color or entry.color
        series.line_style = series.line_style or entry.line_style
        series.marker = series.marker or entry.marker
        return series

    def add_declared(self, entry: LegendEntryDraft) -> None:
        """Keep a declared entry once: with no legend, the declared entries are the legend."""
        if not any(name_key(e.label) == name_key(entry.label) for e in self.declared_entries):
            entry.rule = entry.rule or self.trace.current
            self.keep_declared(entry)

    def keep_declared(self, entry: LegendEntryDraft) -> None:
        """Keep a declared entry, bounded as the legend is (lines are read against them)."""
        if len(self.declared_entries) < MAX_LEGEND_ENTRIES:
            self.declared_entries.append(entry)

    def legend_labels(self, panel: str | None) -> list[str]:
        """The labels of :meth:`legend_entries`, each once."""
        return list(dict.fromkeys(e.label for e in self.legend_entries(panel)))

    @property
    def kind(self) -> str | None:
        return self.chart.kind

    def kind_at(self, panel: str | None) -> str | None:
        """The kind of a panel, as its title or a components line states it ('Sub-figure (b):
        Heatmap' of a mixed figure), else the chart's."""
        if panel is not None and (stated := kind_in(panel) or self.panel_kinds.get(name_key(panel))):
            return stated
        return self.chart.kind

    @property
    def x_words(self) -> frozenset[str]:
        self._forget_words_of_fewer_axes()
        if self._x_words is None:
            words: set[str] = set()
            for axis in self.chart.axes:
                if axis.role in ("x", "x2") and axis.label:
                    words.update(label_words(axis.label) | numbered_name(axis.label))
                if axis.role in ("x", "x2") and axis.unit:
                    words.update(label_words(axis.unit))  # '112px' on an axis in px
            self._x_words = frozenset(w for w in words if w)
        return self._x_words

    @property
    def y_words(self) -> frozenset[str]:
        self._forget_words_of_fewer_axes()
        if self._y_words is None:
            words: set[str] = set()
            for axis in self.chart.axes:
                if axis.role in ("y", "y2"):
                    for text in (axis.label, axis.unit):
                        if text:
                            words.update(label_words(text) | numbered_name(text))
            self._y_words = frozenset(w for w in words if w)
        return self._y_words

    @property
    def labels_with_numbers(self) -> tuple[str, ...]:
        """Axis labels with a number in parentheses ('s(r)/s(1)'), and declared categories that
        join a number to a word by a hyphen ('16-unopt', '256-opt-pr'), normalised as sentences
        are: that number is part of the name wherever a sentence repeats it."""
        self._forget_words_of_fewer_axes()
        ticks = sum(len(a.ticks) for a in self.chart.axes)
        if self._labels_with_numbers is None or ticks != self._ticks_for:
            self._ticks_for = ticks
            labels = [a.label for a in self.chart.axes if a.label and _NUMBER_IN_PARENS.search(a.label)]
            labels += [t for a in self.chart.axes for t in a.ticks
                       if isinstance(t, str) and _NUMBER_HYPHEN_WORD.search(t)][:_MAX_NAMED_TICKS]
            self._labels_with_numbers = tuple(dict.fromkeys(normalise(label) for label in labels))
        return self._labels_with_numbers

    def numeric_x_axis(self) -> bool:
        """Whether the points' x is a number on a stated range: not when the categories run
        along y (a horizontal bar chart's numeric x axis holds its values)."""
        x = self.chart.axis("x", None)
        if not (x and x.scale != "categorical" and x.min is not None and x.max is not None):
            return False
        y = self.chart.axis("y", None)
        if y is None:
            return True
        # bars whose y axis states no range while x does: the bars run along x
        return y.scale != "categorical" and not (
            self.kind in _BAR_KINDS and y.min is None and y.max is None
            and not any(not isinstance(t, str) for t in y.ticks))

    def categorical(self) -> bool:
        if self.categorical_known is not None:
            return self.categorical_known
        if self.kind in CATEGORICAL_KINDS:
            return True
        x = self.chart.axis("x", None)
        return bool(x and x.scale == "categorical")

    def numeric_panel(self, panel: str | None) -> bool:
        """A panel that declares a numeric x axis of its own: a scatter plot beside a
        heatmap reads as a scatter plot, whatever the figure's kind."""
        x = self.chart.axis("x", panel) if panel is not None else None
        return x is not None and x.scale != "categorical" and not x.has_named_ticks()

    def ranged_panel(self, panel: str | None) -> bool:
        """A panel whose own x axis states a numeric range ('Arithmetic Intensity, 0 to 300')."""
        x = self.chart.axis("x", panel) if panel is not None else None
        return x is not None and x.min is not None and x.max is not None and self.numeric_panel(panel)

    def default_series(self, panel: str | None) -> SeriesDraft:
        series = self.style_defaults.get(panel) or self.defaults.get(panel)
        if series is None:
            series = SeriesDraft(name="", panel=panel)
            series.rule = self.trace.current
            self.chart.series.append(series)
            self.defaults[panel] = series
        return series
