"""Component rules for legend forms that a key names only as 'one of the series'.

``* **Data Series 1:** "Depth=8 Fit" - represented by a solid red line`` declares one
series with its look, as a legend entry would. The rule is registered into the component
chain after ``component.series-list``, so ``chartparse rules`` lists it in place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .keys import key_words
from .legend import entry_from_line
from .rules.components import COMPONENT_RULES
from .state import name_key

if TYPE_CHECKING:  # pragma: no cover
    from .rules.keyed import KeyedLine
    from .walker import Walker

_ONE_SERIES_KEY = re.compile(r"^(?:data\s+)?(?:series|line|curve|entry)\s*#?\d{1,2}$")


def _series_entry(w: Walker, c: KeyedLine) -> bool | None:
    if not c.text or not c.key[-1:].isdigit() or not _ONE_SERIES_KEY.match(key_words(c.key)):
        return None
    entry = entry_from_line(c.key, c.text, c.line.line)
    if entry is None or not (entry.color or entry.line_style or entry.marker):
        return None  # a label with no look is not declared as an entry here
    state = w.state
    series = state.chart.series_for(entry.label, c.scope.panel, c.line.line)
    series.declared = True
    series.color = series.color or entry.color
    series.line_style = series.line_style or entry.line_style
    series.marker = series.marker or entry.marker
    if not any(name_key(e.label) == name_key(entry.label) for e in state.declared_entries):
        state.declared_entries.append(entry)
    # The key is the series' other name: data under '**Series 1:**' belongs to it.
    state.known_names.setdefault(name_key(c.key), entry.label)
    return False


COMPONENT_RULES.after(
    "component.series-list", "component.series-entry", _series_entry,
    "one numbered series with its label and look, declared like a legend entry",
    "**Data Series 1:** \"Depth=8 Fit\" - represented by a solid red line")
