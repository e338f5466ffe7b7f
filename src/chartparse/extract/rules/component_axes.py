"""The component rules that read an axis line: its label, unit, scale, range and ticks, the
panel its key names, and a flat 'Title:' after it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...line_looks import symbol_entry
from ...vocab import PANEL_WORDS, axis_field, fold
from ...vocab_looks import LEGEND_KEYS_OVER_ENTRIES
from ..axes import range_from_text, read_axis
from ..axis_labels import label_from_text
from ..kinds import explicit_title, kind_in
from ..legend_lines import legend_line
from ..names import names_a_panel, panel_name
from ..text import PAREN_NOTE, all_quoted, strip_markup
from .keyed_categories import names_bar_category

if TYPE_CHECKING:  # pragma: no cover
    from ...outline import Node
    from ..walker import Walker
    from .keyed_line import KeyedLine

_TITLE_AND_AXIS: Final = re.compile(r"\btitle\s?/|/\s?title\b", re.IGNORECASE)  # one text states both


def axis_rule(w: Walker, c: KeyedLine) -> bool | None:
    role = c.info.axis
    if role is None or names_bar_category(c):
        return None
    return _axis_line(w, c, role)


# In an axes section, a bare word names the axis ('- Horizontal: Year, 1880 to 2020', '* **Y:** Loss')
BARE_AXIS_KEYS: Final = {"x": "x", "y": "y", "horizontal": "x", "vertical": "y"}


def bare_axis_rule(w: Walker, c: KeyedLine) -> bool | None:
    role = BARE_AXIS_KEYS.get(fold(strip_markup(c.key))) if c.scope.role == "components" else None
    return None if role is None or not c.text else _axis_line(w, c, (role, None))


def _axis_line(w: Walker, c: KeyedLine, role: tuple[str, str | None]) -> bool:
    panel = c.scope.panel
    if panel is None and (own := _panel_of_axis_key(w, c.key)) is not None:
        panel = w.state.chart.add_panel(panel_name(own), c.line.line, c.line.line)
    per_panel = _per_panel_children(c) if panel is None else []
    legends = [child for child in c.node.children if _marker_legend(child)]
    skip = (*per_panel, *legends, *(n for legend in legends for n in legend.walk()))
    read_axis(w.state.chart, role[0], role[1], c.key, c.text, w.child_pairs(c.node, skip),
              panel, c.line.line, c.node.last_line)
    for legend in legends:  # '**Markers:**' over "'x' - micro average" after the axis' fields
        legend_line(w, legend)
    for child in per_panel:  # '* Chart (a): Scale from 0 to 200 mm' under 'Y-axis (Rainfall)'
        assert child.line is not None and child.line.key is not None
        _read_panel_axis(w, role, "", child.line.key, child.line.text, child.line.line)
    w.state.last_axis = (role[0], role[1], panel, c.node.last_line)
    if c.scope.panel is not None and _TITLE_AND_AXIS.search(c.key) and (title := explicit_title(c.text)):
        w.state.chart.panel_titles.setdefault(c.scope.panel, title)  # 'Title/Y-Axis: "Recall"'
    for child in c.node.children:  # its label, range and tick lines were read with it
        if child.line is not None:
            w.state.trace.claim(child.line.line, "component.axis")
            if child.line.indent <= c.line.indent:  # (a flattened list; nested, it is the axis' title)
                _title_after_labelled_axis(w, c, child.line.key, child.line.text)
    return True


def _marker_legend(node: Node) -> bool:
    """'**Markers:**' with no text over quoted symbols, each naming an entry: the legend."""
    line = node.line
    return line is not None and line.key is not None and not line.text and bool(node.children) \
        and fold(strip_markup(line.key)) in LEGEND_KEYS_OVER_ENTRIES \
        and all(ch.line is not None and symbol_entry(ch.line.full_text) is not None for ch in node.children)


def panel_axis_rule(w: Walker, c: KeyedLine) -> bool | None:
    """Right after an axis line, a line keyed by a panel that states a range ('Chart (a): Scale
    from 0 to 200 mm', then 'Chart (b): ...'): that panel's own axis."""
    last = w.state.last_axis
    if last is None or last[3] is None or c.line.line != last[3] + 1 or not c.text \
            or c.info.axis is not None or axis_field(c.key) is not None \
            or not names_a_panel(strip_markup(c.key)) or not states_a_scale(c.text):
        return None
    role, field, panel, _ = last
    _read_panel_axis(w, (role, field), "", c.key, c.text, c.line.line)
    w.state.last_axis = (role, field, panel, c.line.line)  # the next panel's line may follow
    return True


_FIELD_TAIL: Final = re.compile(r"\s{1,3}(?:scale|range|ticks?|tick marks|axis)$", re.IGNORECASE)


def states_a_scale(text: str) -> bool:
    """'Scale from 0 to 200 mm', '0 to 500 mm, markers at 0, 100': a scale and its range, not a
    sentence about the values ('accuracy rises from 62 to 88', '5 models compared, best at 92%')."""
    return _SCALE_LEAD.match(strip_markup(text)) is not None and range_from_text(text)[1] is not None


_SCALE_LEAD: Final = re.compile(
    r"\W{0,3}(?:(?:linear|log(?:arithmic)?)\s)?(?:scale|range|ranges|ranging|spans?|limits?|axis)\b"
    r"|\W{0,3}[~≈]?[-−]?\d[\d.,]{0,12}\s?[^\W\d]{0,6}\s?(?:to|–|—|-)\s?[~≈]?[-−]?\d", re.IGNORECASE)


def _read_panel_axis(w: Walker, role: tuple[str, str | None], axis_key: str, key: str, text: str,
                     line: int | None) -> None:
    chart = w.state.chart
    name = _FIELD_TAIL.sub("", strip_markup(key).strip(" :")) or key  # 'Panel (a) Range' is 'Panel (a)'
    panel = chart.add_panel(panel_name(name), line, line)
    axis = read_axis(chart, role[0], role[1], axis_key, text, [], panel, line, line)
    if axis.label is None and (shared := chart.axis(role[0], None)) is not None:
        axis.label, axis.unit = shared.label, axis.unit or shared.unit  # the axis line named it for all


def _per_panel_children(c: KeyedLine) -> list[Node]:
    """The lines under an axis keyed by a panel ('Chart (a): 0 to 200 mm', 'Chart (b): 0 to 500
    mm'), two or more: each states that panel's axis."""
    keyed = [n for n in c.node.children if n.line is not None and n.line.key is not None and n.line.text
             and names_a_panel(strip_markup(n.line.key)) and not n.children and states_a_scale(n.line.text)]
    return keyed if len(keyed) >= 2 else []


def _title_after_labelled_axis(w: Walker, c: KeyedLine, key: str | None, text: str) -> None:
    """'Y-axis: Rain (0 to 200)', then '- Title: "Rain by Month"': the panel's title, not the axis'."""
    if key is None or fold(strip_markup(key)) != "title" or label_from_text(c.text) is None \
            or not all_quoted(text) or (title := explicit_title(text)) is None:
        return
    if c.scope.panel is not None:
        w.state.chart.panel_titles.setdefault(c.scope.panel, title)
    elif w.state.chart.explicit_title is None:
        w.state.chart.explicit_title = title


_SHARED_WORDS: Final = frozenset("both all each every shared common charts graphs panels plots".split())


def _panel_of_axis_key(w: Walker, key: str) -> str | None:
    """'X-axis (Graph B)', 'Y-Axis (Top Panel)': the axis of the panel its note names ('(left)'
    alone is a side of a dual-axis chart; '(Both Charts)' is shared)."""
    note = PAREN_NOTE.search(key)
    if note is None:
        return None
    words = set(fold(note.group(1)).replace("-", " ").split())
    if words.isdisjoint(PANEL_WORDS) or not words.isdisjoint(_SHARED_WORDS) or "," in note.group(1) \
            or kind_in(note.group(1)) is not None or not names_a_panel(note.group(1)):
        return None  # ('Y-axis (Left, Bar Chart)': the side of a dual-axis chart and what it draws)
    return note.group(1).strip()
