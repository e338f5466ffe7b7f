"""Walks the outline and hands each line to the rule chain that reads it. Two passes
over the same tree: 1. *components* (title, kind, axes, legend, declared series, panels,
observations: they come first, and the data pass needs the legend's names); 2. *data*:
every line that can carry values, in the scope its place gives it, tables read whole.

Traversal and scope only: what was read lives in :class:`ReadingState`, caches in :class:`Memo`;
what a line means is decided by the rules in :mod:`.rules`."""

from __future__ import annotations

import re
from typing import Any, Final

from ..blocks import Line
from ..line_looks import ends_in_colon
from ..outline import PSEUDO_LEVEL, Node
from ..vocab import lookup
from .axes import axis_role, read_axis
from .axes_settled import settle_axes
from .bold_keys import keyed_form
from .declared_names import know_declared_names
from .key_looks import legend_before_data, note_look
from .kinds import kind_in
from .legend import legend_position
from .legend_lines import flattened_panel_legend, legend_section_line_of
from .legend_notes import shared_legend_keys
from .memo import Memo
from .mentions import mentioned_series
from .names import (
    heads_a_category,
    is_panel_title,
    is_sentence,
    known_series_name,
    match_series,
    panel_name,
)
from .observed import collect_prose, lists_declared_values
from .panel_plan import (
    component_panel,
    panels_by_own_axes,
    plan_panels,
    read_document_heading,
    read_lead_in,
    role_of_section,
)
from .prose_lines import PROSE_ROLES, read_prose_line
from .reading import ReadingState
from .ruler import Claim, Rule
from .rules.components import COMPONENT_RULES, categories_after_axis
from .rules.headers import HEADER_RULES, Header
from .rules.keyed import KEYED_RULES
from .rules.keyed_line import KeyedLine
from .scope import Scope, into_panel
from .section_roles import (
    headed_sections,
    legend_only,
    numbered_section_level,
    read_for_no_points,
    titled_role,
)
from .series_declarations import series_list_section
from .state import ChartDraft, SeriesDraft
from .statements import statement
from .tables import read_table
from .text import strip_markup

_TRAILING_COLON: Final = re.compile(r":\s*$")
NO_DATA_ROLES = frozenset({"observations", "interpretation", "legend", "overview", "color-scale"})
_LEGEND_WORD: Final = (("legend", "legend"),)  # one table object: lookup finds its index by identity
_LEADS = ("legend", "key")


class Walker:
    def __init__(self, chart: ChartDraft, root: Node) -> None:
        self.root = root
        self.state = ReadingState(chart)
        self.memo = Memo()
        self.numbered_section_level = numbered_section_level(root)

    # ------------------------------------------------------------------ setup
    def run(self) -> None:
        state = self.state
        read_document_heading(self.state, self.root)
        scope = Scope(role="document")
        self._components(self.root, scope)
        settle_axes(state)
        # Colour keys that stand for the legend ('Green: Category 2') are declared before the data
        legend_before_data(state.chart, state)  # (and entries all 'Difficulty: ...' take the rest)
        know_declared_names(state)
        self.memo.new_pass()
        plan_panels(state, self.root)
        # The kind and the axes are read in pass 1 and stay as they are in pass 2.
        state.categorical_known = state.categorical()
        self.data(self.root, scope)
        no_points = not any(s.points for s in state.chart.series)
        for node in headed_sections(self.root, "observations"):
            # Only observations state points, or they list the declared categories' values: data
            if no_points or lists_declared_values(self.state, [k for k, _ in self.child_pairs(node) if k]):
                self.data(node, scope.but(role="data"))

    # -- shared with the rules ---------------------------------------------------
    def match_series(self, name: str, panel: str | None) -> SeriesDraft | None:
        return match_series(self.state, self.memo, name, panel)

    def known_series_name(self, name: str, panel: str | None) -> str | None:
        """The known series a header names, as a question: creates nothing."""
        return known_series_name(self.state, self.memo, name, panel)

    def is_panel_title(self, title: str) -> bool:
        return is_panel_title(self.state, self.memo, title)

    def child_pairs(self, node: Node, skip: tuple[Node, ...] = ()) -> list[tuple[str | None, str]]:
        """The (key, text) of the lines under ``node``; those in ``skip`` belong elsewhere."""
        return [(c.line.key, c.line.text) for c in node.walk() if c.line is not None
                and c.line.kind in ("item", "para") and not any(c is other for other in skip)]

    def header_scope(self, title: str, scope: Scope, node: Node | None = None) -> Scope:
        """The scope a header line opens: a series, an x or category, or a panel."""
        header = Header(title, scope, node)
        line = node.line.line if node is not None and node.line is not None else None
        note_look(self.state, title, line)
        found: Scope | None = self._first_claim(HEADER_RULES.chain_for(frozenset()), header, line)
        return scope if found is None else found

    def _first_claim(self, rules: tuple[Rule, ...], context: object, line: int | None) -> Any:
        """Try the rules in order; the first that claims (returns non-None) wins and, unless it
        only skips, names the line in the trace. What a rule creates is stamped with its name."""
        trace = self.state.trace
        for rule in rules:
            outer, trace.current = trace.current, rule.name
            found = rule.fn(self, context)
            trace.current = outer
            if found is not None:
                if rule.records:
                    trace.claim(line, rule.name)
                return found
        return None

    # ------------------------------------------------------- pass 1: components
    def _components(self, node: Node, scope: Scope) -> None:
        state = self.state
        own_axes = panels_by_own_axes(node) if scope.role == "components" else []
        shared = shared_legend_keys(node) if scope.role == "legend" else frozenset()
        for child in node.children:
            if child.is_section:
                if not series_list_section(self, child, scope):
                    self._component_section(child, scope, any(child is n for n in own_axes))
                continue
            line = child.line
            assert line is not None
            if scope.role in ("observations", "interpretation"):
                collect_prose(self, child, scope.role)
                continue
            panel = component_panel(self, child, scope)
            if panel is not None:
                if child.children and not flattened_panel_legend(self, child, panel):
                    self._components(child, scope.but(panel=panel))
                else:
                    scope = scope.but(panel=panel)  # the lines after it describe that panel
                continue
            if scope.role == "legend":
                state.trace.enter("legend.section-line")
                legend_section_line_of(self, child, shared, scope.panel)
                state.trace.leave()
                state.trace.claim(line.line, "legend.section-line")
                continue
            if line.kind in ("para", "item") and scope.role in PROSE_ROLES:
                read_prose_line(state, line, scope.role)
            if line.kind in ("para", "item") and (unread := read_for_no_points(scope.role, line.key)):
                state.trace.claim(line.line, unread)  # read for the kind; a colour scale's stops
            if line.key is not None and self._component_line(child, scope):
                continue
            if scope.role == "data" and line.key and not line.text:
                scope = scope.but(x=line.key)  # a bar's header, nested or flat: see names_bar_category
            self._components(child, scope)

    def _component_line(self, node: Node, scope: Scope) -> bool:
        """Read a keyed component line; True when it was read whole."""
        line = node.line
        assert line is not None and line.key is not None
        info = self.memo.key_info(line.key)
        c = KeyedLine(node, line, scope, info)
        found: bool | None = self._first_claim(COMPONENT_RULES.chain_for(info.flags), c, line.line)
        return bool(found)

    def component_line_elsewhere(self, node: Node) -> None:
        """A component line (an axis) met inside another part, such as a legend block."""
        self._component_line(node, Scope(role="components"))

    def _component_section(self, node: Node, scope: Scope, own_axes: bool = False) -> None:
        chart = self.state.chart
        title = node.title or ""
        if node.read_as == "document":
            self._components(node, scope)
            return
        role = role_of_section(node, title, scope.role)
        read_lead_in(self.state, node, scope.role)  # 'The image contains two panels:' over their list
        if chart.kind is None and (kind := kind_in(title)) and kind not in ("table", "diagram"):
            chart.kind, chart.kind_source = kind, "heading"  # '## 4. Box Plot Components', not 'Data Table'
        if categories_after_axis(self, title, node.first_line, node):
            self._claim_section(node, "component.axis-categories")  # (the lines after it read on)
        if scope.role == "legend" and node.children:
            chart.drop_legend_entry(title)  # 'Pruning methods:' over its entries groups them, though quoted
        panel = scope.panel
        if role not in ("observations", "interpretation", "legend", "overview"):
            axis = axis_role(title)
            if axis is not None:
                chart.trace.enter("section.axis")
                read_axis(chart, axis[0], axis[1], title, "", self.child_pairs(node), panel,
                          node.first_line, node.last_line)
                chart.trace.leave()
                self.state.last_axis = (axis[0], axis[1], panel, node.last_line)  # a list may follow
                self._claim_section(node, "section.axis")
                node.read_as = "axis"
                return
            if role != "color-scale" and lookup(_LEGEND_WORD, title) and title.lower().startswith(_LEADS):
                role = "legend"
                pos = legend_position(title)
                chart.legend_position = chart.legend_position or pos
            elif own_axes or self.is_panel_title(title):
                chart.trace.enter("section.panel")
                panel = chart.add_panel(panel_name(title), node.first_line, node.last_line)
                chart.trace.leave()
                self._claim_section(node, "section.panel")
        self._components(node, scope.but(role=role, panel=panel))

    def _claim_section(self, node: Node, rule: str) -> None:
        self.state.trace.claim(node.line.line if node.line is not None else None, rule)

    # ---------------------------------------------------------------- pass 2
    def data(self, node: Node, scope: Scope) -> None:
        # Flattened text states a series once ('**Pythia (Blue):** ...') and its values in the
        # sibling lines after it: a header line sets their scope, until the next header.
        current = scope
        children = node.children
        for i, child in enumerate(children):
            if child.is_section:
                if child.level < PSEUDO_LEVEL:
                    self._data_section(child, scope)
                    continue
                current = self._bold_section_scope(child, current)
                self._data_section(child, current)
            else:
                after = children[i + 1] if i + 1 < len(children) else None
                following = self._data_line(child, current, after)
                if following is not None:
                    current = following.but(inherited=True)

    def _bold_section_scope(self, child: Node, current: Scope) -> Scope:
        """A bold line naming a panel ('**Chart 1: Loss**') governs the bold series headers after
        it, its flattened siblings; a lead-in sentence naming one series introduces it."""
        state = self.state
        title = child.title or ""
        if title and child.read_as is None and self.is_panel_title(title) \
                and self.known_series_name(title, current.panel) is None:
            state.trace.enter("section.panel")
            panel = state.chart.add_panel(panel_name(title), child.first_line, child.last_line)
            state.trace.leave()
            self._claim_section(child, "section.panel")
            return into_panel(current, state.chart, panel)
        if title and is_sentence(title) and current.series is None:
            names = {name for _, name in mentioned_series(state, title)}
            if len(names) == 1:
                series = state.chart.series_for(names.pop(), current.panel)
                series.rule = series.rule or "section.lead-in-series"  # 'The RM-base series shows:'
                return current.but(inherited=True, series=series)
        return current

    def _series_lines_in_axis_section(self, node: Node, scope: Scope) -> None:
        """'**X-Axis Categories:**' over its list, then a line keyed by a known series: data."""
        for child in node.children:
            key = child.line.key if child.line is not None else None
            if key and self.known_series_name(key, scope.panel):
                self._data_line(child, scope, None)

    def _data_section(self, node: Node, scope: Scope) -> None:
        title = node.title or ""
        if node.read_as == "document":
            self.data(node, scope)
            return
        if node.read_as == "axis":
            self._series_lines_in_axis_section(node, scope)
            return
        series = None if self.is_panel_title(title) else self.match_series(title, scope.panel)
        if series is not None and scope.role not in NO_DATA_ROLES:
            series.rule = series.rule or "section.series"
            self._claim_section(node, "section.series")
            self.data(node, scope.but(inherited=False, series=series, role="data" if scope.role in (
                "document", "other", "components") else scope.role))
            return
        role = role_of_section(node, title, scope.role)
        if legend_only(node, title, role):
            for child in (c for c in node.children if c.is_section and titled_role(c.title or "") == "data"):
                self._data_section(child, scope.but(role="data"))  # '## Legend and Data' > '### Data Points'
            return
        if role in NO_DATA_ROLES:
            self._no_data_section(node, scope, role)
            return
        if titled_role(title) is not None and not (node.level < PSEUDO_LEVEL and self.is_panel_title(title)):
            # (the same test as a lookup in SECTION_ROLES; '## Chart 1: Base Values' is a panel)
            # A bold '**Key Data Points:**' line inside a series' text keeps that series;
            # a real heading starts afresh.
            keep = node.level >= PSEUDO_LEVEL and role == "data"
            self._claim_section(node, f"section.{role}")
            self.data(node, scope.but(role=role, series=scope.series if keep else None,
                                      x=scope.x if keep else None))
            return
        self.data(node, self.header_scope(title, scope.but(role=role), node))

    def _no_data_section(self, node: Node, scope: Scope, role: str) -> None:
        """Its lines carry no data, but a sub-heading may open a data section, and an
        overview's table of values is the main chart's data ('## Overview (Main Chart)')."""
        for child in node.children:
            if child.is_section:
                self._data_section(child, scope.but(role=role))
            elif role == "overview" and child.line is not None and child.line.kind == "table":
                self._data_line(child, scope.but(role="data"))

    def _data_line(self, node: Node, scope: Scope, after: Node | None = None) -> Scope | None:
        """Read one line in scope; returns the scope it opens for the siblings after it."""
        line = node.line
        assert line is not None
        if scope.role in NO_DATA_ROLES:
            return None
        if line.kind == "table":
            if scope.role == "components" and len(line.rows) < 2:
                return None
            trace = self.state.trace
            trace.enter("table.rows" if self.state.kind == "heatmap" else "table.columns")
            read_table(self.state.chart, line.rows, scope.panel, line.line,
                       row_series=self.state.kind == "heatmap", row_lines=line.row_lines,
                       known=self.state.known_names, x_words=self.state.x_words,
                       in_scope=scope.series.name if scope.series is not None else None)
            trace.claim(line.line, trace.current or "table")
            trace.leave()
            return None
        if line.kind not in ("item", "para"):
            return None
        if line.key is None:
            line = keyed_form(line, self.state.kind)
        if line.key is not None:
            return self._keyed_line(node, scope, line)
        if scope.role == "components" and not scope.in_container:
            return None
        return self._plain_line(node, scope, after)

    def _plain_line(self, node: Node, scope: Scope, after: Node | None = None) -> Scope | None:
        line = node.line
        assert line is not None
        text = line.text
        state = self.state
        if node.children and (ends_in_colon(text) or text.startswith("**")):
            header = _TRAILING_COLON.sub("", strip_markup(text.rstrip("*_ ").rstrip(":")))
            self.data(node, self.header_scope(header, scope, node))
            return None
        title = line.bold_title() if not node.children else None
        if title and line.kind == "item" and (
                self.is_panel_title(title) or self.known_series_name(title, scope.panel) is not None
                or heads_a_category(self.state, self.memo, title, scope, after)
                or (state.kind == "scatter" and after is not None and after.line is not None
                    and after.line.key is not None)):  # '1. **Model Q**' over '* **Position:** ...'
            # '* **Pass@10 (Middle-Left Chart)**' over flattened items: it heads the items
            # after it, as a bold line with children would.
            base = scope.but(x=None) if scope.inherited else scope  # a new header replaces the last
            opened = self.header_scope(_TRAILING_COLON.sub("", title), base, node)
            if opened.panel != scope.panel or opened.series is not scope.series \
                    or opened.x != scope.x:
                return opened
        state.trace.enter("line.statement")
        found = statement(self, text, scope, line.line)
        state.trace.leave()
        if found:
            state.trace.claim(line.line, "line.statement")
        self.data(node, scope)
        return None if found else self._names_series(text, scope, line.line)

    def _names_series(self, text: str, scope: Scope, line: int | None) -> Scope | None:
        """'The RM-base series shows three phases:' names the series the next lines describe
        (one sentence: a paragraph that mentions a line in passing names none)."""
        if scope.series is not None or scope.x is not None or ". " in text.rstrip(". "):
            return None
        mentions = mentioned_series(self.state, text)
        if len({name for _, name in mentions}) != 1:
            return None
        self.state.trace.claim(line, "line.names-series")
        return scope.but(inherited=False, series=self.state.chart.series_for(mentions[0][1], scope.panel))

    def _keyed_line(self, node: Node, scope: Scope, line: Line) -> Scope | None:
        assert line.key is not None
        info = self.memo.key_info(line.key)
        note_look(self.state, line.key, line.line)
        c = KeyedLine(node, line, scope, info)
        found: Claim | None = self._first_claim(KEYED_RULES.chain_for(info.flags), c, line.line)
        return None if found is None else found.scope
