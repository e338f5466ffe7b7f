"""Pass 1: the component lines that declare series ('**Data Series:** ...'), before any data."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..keys import key_words
from ..legend_prose import entries_from_prose, looks_representing
from ..series_declarations import declare_series
from ..state import name_key
from ..text import all_quoted, entry_with_look, series_paren_name, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine


def series_list(w: Walker, c: KeyedLine) -> bool | None:
    if not c.info.series_list:
        return None
    if c.node.children:
        said = all_quoted(c.text)
        if len(said) == 1 and name_key(said[0]) in {name_key(e.label) for e in w.state.chart.legend}:
            return True  # '**Data Series**: "Surviving" (blue)' over that series' lines: no list
        declare_series(w, c.node, c.scope)
        return True
    # '* **Data Series:** Blue line (HNSW), Orange line (IVF-PQ)'
    state = w.state
    listed = [e for e in entries_from_prose(c.text, c.line.line) if not _CLAUSE_OF_EACH.match(e.label)]
    for entry in listed:
        state.chart.series_for(entry.label, c.scope.panel, c.line.line).declared = True
        state.add_declared(entry)  # (only named: a prose list's looks do not restyle the series)
    represented = [] if listed else looks_representing(c.text, c.line.line)
    for entry in represented:  # 'A single red line representing the loss': one series, no legend
        state.declared_series(entry, c.scope.panel, c.line.line)
        if len(represented) > 1:
            state.add_declared(entry)
    return False


# 'Two lines, each connecting data points (circular markers)': a clause about every line, no name
_CLAUSE_OF_EACH: Final = re.compile(r"(?:each|every|both|all)\b", re.IGNORECASE)
_LOOK_KEYS = frozenset({"color", "colour", "marker", "markers", "line style", "style", "line"})


def one_series(w: Walker, c: KeyedLine) -> bool | None:
    """'**Data Series 1 (DROP):**' over 'Color: Darker blue.', 'Marker: Solid circle.': one
    series declared by its name in parentheses, drawn as the lines under it say."""
    name = series_paren_name(strip_markup(c.key))
    if name is None:
        return None  # (also 'Data Series 1 (Blue Bars)': a look, no name of its own)
    looks = [c.text] + [text for key, text in w.child_pairs(c.node) if key and key_words(key) in _LOOK_KEYS]
    entry = entry_with_look(name, " ".join(looks), c.line.line)
    state = w.state
    state.declared_series(entry, c.scope.panel, c.line.line)
    state.add_declared(entry)
    for child in c.node.children:
        if child.line is not None:
            state.trace.claim(child.line.line, "component.one-series")
    return True
