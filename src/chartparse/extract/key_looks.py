"""A legend the text declares but never lists: the looks its data keys give the series.

'The legend maps each colour and line style to a model' and then, in the data section,
'**Model A (Dark Blue, dashed):** ...': each such key names one legend entry, with its look.
"""

from __future__ import annotations

import re
from typing import Final

from .pie_legend import declares_a_legend
from .reading import ReadingState
from .state import ChartDraft, LegendEntryDraft, name_key
from .text import clean_name, is_style_words, strip_markup, style_of

_END_PAREN: Final = re.compile(r"\(([^()]{1,60})\)[\s:*]*$")
_MIN_ENTRIES = 2


def note_look(state: ReadingState, key: str, line: int | None) -> None:
    """Remember the look a key's trailing note gives the series it names ('(blue, dashed)')."""
    if not key.rstrip(" :*_").endswith(")"):
        return  # (the test first: most keys have no note)
    m = _END_PAREN.search(strip_markup(key))
    if m is None or not is_style_words(m.group(1).replace(",", " ")):
        return
    name = clean_name(key)
    color, line_style, marker = style_of(m.group(1))
    if name and (color or line_style or marker):
        state.key_looks.setdefault(name_key(name), LegendEntryDraft(
            label=name, color=color, line_style=line_style, marker=marker, line=line))


def legend_from_key_looks(chart: ChartDraft, state: ReadingState, text: str) -> None:
    """With no legend entry read, a text that speaks of a legend lists it through the looks of
    the series' keys: one entry per series whose key gave it a look."""
    if chart.legend or chart.kind == "pie" or len(state.key_looks) < _MIN_ENTRIES \
            or not declares_a_legend(text):
        return
    seen: set[str] = set()
    for series in sorted(chart.series, key=lambda s: s.first_line or 0):
        key = name_key(series.name)
        entry = state.key_looks.get(key)
        if entry is None or key in seen:
            continue
        seen.add(key)
        entry.rule = "legend.key-looks"
        chart.add_legend_entry(entry)
