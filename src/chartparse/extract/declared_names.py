"""The names declared before the data, known to pass 2: the legend's entries and the series
the components list (not those that are the category axis' own bars), with the second name
a look may be given ('Cyan Star/Explosion' is also 'Cyan Star')."""

from __future__ import annotations

from .category_values import declared_category_keys, legend_names_categories
from .noted_names import know_look_alternatives
from .reading import ReadingState
from .state import name_key


def know_declared_names(state: ReadingState) -> None:
    categories = declared_category_keys(state.chart) if state.categorical() else frozenset()
    if state.kind != "pie" and not legend_names_categories(state.chart):
        # A pie's legend names its slices, one repeating the categories each bar's colour: no series.
        for entry in state.chart.legend:
            state.known_names.setdefault(name_key(entry.label), entry.label)
    for s in state.chart.series:
        if name_key(s.name) in categories:
            s.declared = False  # 'Data Series: Weekday, Weekend' on an axis of those bars
            continue
        state.known_names.setdefault(name_key(s.name), s.name)
    know_look_alternatives(state.known_names)
