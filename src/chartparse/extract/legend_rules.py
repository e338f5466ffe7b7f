"""Component rules for legend forms that a key names only as 'one of the series'.

``* **Data Series 1:** "Depth=8 Fit" - represented by a solid red line`` declares one
series with its look, as a legend entry would. The rule is registered into the component
chain after ``component.series-list``, so ``chartparse rules`` lists it in place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from .keys import key_words
from .legend import add_entries, entry_from_line
from .legend_lines import read_into_panel_legend
from .legend_prose import entries_from_prose
from .names import names_a_panel, panel_name
from .panel_titles import panel_number
from .rules.components import COMPONENT_RULES
from .series_declarations import declare_series
from .state import LegendEntryDraft, name_key
from .text import all_quoted, is_style_words, quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from .reading import ReadingState
    from .rules.keyed_line import KeyedLine
    from .walker import Walker

_ONE_SERIES_KEY: Final = re.compile(r"^(?:data\s+)?(?:series|line|curve|entry)\s*#?\d{1,2}$")


def _series_entry(w: Walker, c: KeyedLine) -> bool | None:
    if not c.text or not c.key[-1:].isdigit() or not _ONE_SERIES_KEY.match(key_words(c.key)):
        return None
    entry = entry_from_line(c.key, c.text, c.line.line)
    if entry is None or not (entry.color or entry.line_style or entry.marker):
        return None  # a label with no look is not declared as an entry here
    state = w.state
    state.declared_series(entry, c.scope.panel, c.line.line)
    state.add_declared(entry)
    # The key is the series' other name: data under '**Series 1:**' belongs to it.
    state.known_names.setdefault(name_key(c.key), entry.label)
    return False


COMPONENT_RULES.after(
    "component.series-list", "component.series-entry", _series_entry,
    "one numbered series with its label and look, declared like a legend entry",
    "**Data Series 1:** \"Depth=8 Fit\" - represented by a solid red line")


_STYLED_BLOCK_ROLES = frozenset({"components", "document", "other", "overview"})


_LABEL_THEN_LOOK: Final = re.compile(r"^[^()]{1,40}?\s{0,2}\([^()]{2,40}\)[.;]?\s{0,2}$")


def _styled_entries(w: Walker, c: KeyedLine) -> bool | None:
    """A key with no value over lines keyed by looks ('**Areas:**' then 'Green: "Small"',
    'Orange: "Large"') lists the series by their looks, as a legend does; right after a
    legend key, a group over 'Label: look' lines ('**Date:**' then '2021: Yellow') is one
    of the legend's groups."""
    children = [ch.line for ch in c.node.children if ch.line is not None]
    if c.text or len(children) < 2 or c.scope.role not in _STYLED_BLOCK_ROLES:
        return None
    run_end = w.state.legend_run_end
    in_legend = run_end is not None and c.line.line == run_end + 1  # a group of the legend just opened
    entries: dict[str, LegendEntryDraft] = {}
    for line in children:
        if line.key is None and in_legend:
            entry = entry_from_line(None, line.text, line.line) if _LABEL_THEN_LOOK.match(line.text) else None
            if entry is None or not (entry.color or entry.line_style or entry.marker):
                return None  # (only 'Beginner (Teal)' in the run; 'Solid lines show the loss' is none)
        elif line.key is None or not (is_style_words(strip_markup(line.key))
                                      or (in_legend and is_style_words(strip_markup(line.text)))):
            return None  # (in the legend's run, 'Label: look' lines too: '2021: Yellow')
        else:
            entry = entry_from_line(line.key, line.text, line.line)
        if entry is None or (_only_number(entry.label) and not in_legend) or name_key(entry.label) in entries:
            return None  # two looks with one label: each look stands for something else
        entries[name_key(entry.label)] = entry
    if in_legend:
        w.state.legend_run_end = c.node.last_line
        _group_names_a_panel(w.state, strip_markup(c.key).strip())
    declare_series(w, c.node, c.scope)
    if c.scope.panel is not None:  # the panel's own legend, as a 'Legend:' key in it would be
        w.state.add_panel_legend(c.scope.panel, list(entries.values()))
    return True


def _only_number(label: str) -> bool:
    _, qs = quantities(label)
    return len(qs) == 1 and qs[0].raw.strip() == label.strip()


COMPONENT_RULES.after(
    "component.kind-mention", "component.styled-entries", _styled_entries,
    "a key with no value over lines keyed by looks: one series per look",
    "**Areas:** / Green: \"Small firms\" / Orange: \"Large firms\"")


_LEGEND_IN_TEXT: Final = re.compile(r"\blegend\b[^:.;]{0,40}:\s*", re.IGNORECASE)


def _group_names_a_panel(state: ReadingState, title: str) -> None:
    """'Legends:' over one group per chart ('**Genomics Experience:**' over 'Beginner (Teal)'):
    with as many groups as the stated charts, and no names stated for them, the groups' titles
    name the charts."""
    state.legend_groups.append(title)
    if len(state.legend_groups) == state.chart.stated_panels >= 2 and not state.stated_panel_names:
        state.stated_panel_names = list(state.legend_groups)


def _panel_line_legend(w: Walker, c: KeyedLine) -> bool | None:
    """'**Chart 1 (Left):** Title: "Open models". Legend (top-right): A (teal), B (orange).':
    a panel's line stating its own legend; its title, when quoted, is declared too."""
    if not c.text or "egend" not in c.text or not names_a_panel(strip_markup(c.key)):
        return None
    m = _LEGEND_IN_TEXT.search(c.text)
    entries = entries_from_prose(c.text[m.end():], c.line.line) if m else []
    if not entries:
        return None
    chart = w.state.chart
    titles = all_quoted(c.text[:m.start()]) if m else []
    if len(titles) == 1:
        chart.declared_panel_titles.append(titles[0])
        if (number := panel_number(strip_markup(c.key))) is not None:
            chart.numbered_panel_titles.setdefault(number, titles[0])
    panel = chart.add_panel(panel_name(c.key), c.line.line, c.line.line)
    read_into_panel_legend(w, panel, lambda: add_entries(chart, entries))
    return True


COMPONENT_RULES.before(
    "component.panel-title", "component.panel-line-legend", _panel_line_legend,
    "a panel's line stating its own legend (and its quoted title)",
    "**Chart 1 (Left):** Title: \"Open models\". Legend (top-right): A (teal), B (orange).")
