"""Names a legend states twice: told apart by their brackets ('Measured (Occurrence)',
'Measured (Generation)') or by their looks ('"Model" (dashed line)', '"Model" (solid line)').
Learnt on the first read; the second read keeps those names apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .name_identity import bracketed_key, name_key, unit_key

if TYPE_CHECKING:
    from .state import ChartDraft, LegendEntryDraft


def note_looked_twin(chart: ChartDraft, key: str, entry: LegendEntryDraft) -> None:
    """A label the legend states again with another look: a candidate pair of looked twins
    (see ``looked_twins``)."""
    if not any(_look(entry)):
        return
    same_legend = chart.legend if chart.legend_sink is None else chart.legend_sink[:-1]
    namesakes = [e for e in same_legend if name_key(e.label) == key]
    if namesakes and all(_look(e) != _look(entry) for e in namesakes):
        chart.looked_twin_pairs.append((key, namesakes[-1].line, entry.line))


def looked_twins(chart: ChartDraft) -> set[str]:
    """Labels one legend states twice, each with its own look: both looks name series. Two
    panels' legends may draw one label in two looks ('"Ours" (red line)' under the left
    panel, '(blue line)' under the right): a line between the two that a rule other than the
    legend's read (an axis line) tells two legends apart, and a label in each is one series
    per panel (blank lines and wrapped text between entries tell nothing)."""
    return {key for key, earlier, later in chart.looked_twin_pairs
            if earlier is None or later is None or not any(
                _read_outside_legend(chart, n) for n in range(earlier + 1, later))}


def _read_outside_legend(chart: ChartDraft, line: int) -> bool:
    rule = chart.trace.lines.get(line)
    return rule is not None and line not in chart.legend_entry_lines and "legend" not in rule


def note_bracket_names(chart: ChartDraft, key: str, label: str) -> None:
    """Two entries told apart only by their brackets (a look in brackets tells nothing
    apart): the brackets are part of both names."""
    for e in chart.legend:  # ('8-bit Adam (retaining grad)' beside '8-bit Adam' too)
        if name_key(e.label) != key:
            continue
        if bracketed_key(e.label) != bracketed_key(label):
            chart.bracket_named.add(key)
            return
        if unit_key(e.label) != unit_key(label) and "(" in e.label and "(" in label:
            chart.bracket_named.add(key)  # 'Growth (%)' and 'Growth ($)': the units tell them apart
            chart.unit_named.add(key)
            return


def _look(entry: LegendEntryDraft) -> tuple[str | None, str | None, str | None]:
    return entry.color, entry.line_style, entry.marker
