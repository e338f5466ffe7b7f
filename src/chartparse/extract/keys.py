"""What a ``Key:`` lead names, read once per distinct key.

Both walker passes ask the same questions of every keyed line (is it an axis, the
legend, the title, a series list, a data container...). The answers depend on the
key's text alone, so they are computed together, once, and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..textcache import text_cache
from ..vocab import (
    BAR_MEASURE_KEYS,
    CENTRAL_VALUE_KEYS,
    DATA_CONTAINER_KEYS,
    DATA_GROUP_KEYS,
    DATA_GROUP_QUALIFIERS,
    END_NOTE,
    KIND_KEYS,
    LEGEND_KEYS,
    MEASURE_QUALIFIERS,
    META_KEYS,
    PANEL_WORDS,
    SERIES_ATTRIBUTE_KEYS,
    SPREAD_KEYS,
    TITLE_KEYS,
    fold,
    key_shape,
    starts_with_any,
)
from ..vocab_keys import key_announces_legend, key_lists_series
from ..vocab_looks import LEGEND_KEYS_OVER_ENTRIES
from .axes import axis_role
from .text import all_quoted, drop_numbering, strip_markup

_PANEL_LIST_KEYS = frozenset({"panel titles", "subplot titles", "chart titles", "panels", "subplots",
                              "titles", "plot titles", "subplot labels", "panel labels", "quadrants",
                              "sub-charts", "subcharts", "sub-plots", "sub-figures", "subfigures"})
_TREND_KEYS = frozenset({"overall trend", "general trend", "visual trend"})
_CONTAINER_PREFIXES = ("data points", "approximate data", "key points", "data values", "key data points",
                       "approximate coordinates", "estimated coordinates", "coordinates",
                       "approximate values", "estimated values", "approximate points")


@dataclass(frozen=True, slots=True)
class KeyInfo:
    words: str  # folded, without numbering or markup
    axis: tuple[str, str | None] | None  # (role, field) of an axis key
    legend_word: bool  # starts with a legend word ('Legend', 'Key', 'Colors')
    legend: bool  # announces the legend ('Legend:', 'Key:'), not 'Key Observations'
    legend_over_entries: bool  # '**Markers:**' announces it only with no text, over its entries
    title: bool
    kind_key: bool  # one of the chart-type keys ('Chart Type:', 'Type:')
    kind: bool  # those, or any 'Chart ... Type:'
    series_list: bool  # lists the series ('Data Series:'), not one of them ('Series 1:')
    panel_list: bool  # lists panel titles
    data_group: bool  # 'Data Points:' and its synonyms
    container: bool  # any data container, a data group included
    trend: bool
    meta: bool  # notes about the figure that carry no data ('Gridlines:')
    spread: bool  # quartiles, whiskers, outliers
    central: bool  # median, mean: the value of a box or a group
    flags: frozenset[str]  # the names of the true flags above, for rule dispatch


@text_cache()
def key_info(key: str) -> KeyInfo:
    """What ``key`` names. Keys that differ only in their numbers ('Epoch 5', 'Epoch 7')
    name the same kind of thing, so they share one reading (see :func:`key_shape`)."""
    return _key_info(key_shape(key))


def is_data_group_key(words: str) -> bool:
    """'Data Points', 'Specific Values', 'Approximate Data Points': a key that only groups the
    values under it (``words`` folded)."""
    if words in DATA_GROUP_KEYS:
        return True
    qualifier, _, rest = words.partition(" ")
    return qualifier in DATA_GROUP_QUALIFIERS and rest in DATA_GROUP_KEYS


_ATTRIBUTE_TAILS = frozenset(" " + word for word in SERIES_ATTRIBUTE_KEYS if " " not in word)


_QUOTED_SERIES: Final = re.compile(r"\s*(?:data\s)?series\s?[-–—:]?\s?[\"“'`]", re.IGNORECASE)


@text_cache()
def _key_info(key: str) -> KeyInfo:
    plain = strip_markup(key)
    words = fold(drop_numbering(plain))
    data_group = is_data_group_key(words)
    unnoted = fold(END_NOTE.sub("", plain))  # ('Chart Titles (top of each chart)')
    over_entries = words in LEGEND_KEYS_OVER_ENTRIES
    legend = key_announces_legend(plain, words) or over_entries
    legend_word = starts_with_any(words, LEGEND_KEYS) or legend \
        or starts_with_any(words.partition("/")[0], LEGEND_KEYS)  # 'Legend/Labels'
    kind_key = words in KIND_KEYS
    axis = axis_role(key)
    title = words in TITLE_KEYS or unnoted in TITLE_KEYS \
        or _titles_a_panel(words)  # 'Title (Left Chart)', 'Right Panel Title'
    flags = {
        "component": axis is not None or title or kind_key,
        "legend_word": legend_word,
        "series_list": key_lists_series(plain, words)
        and not (_QUOTED_SERIES.match(plain) and len(all_quoted(key)) == 1)  # 'Data Series - "spam"': one
        # 'Series Color:' tells a look ('Data Series (Inferred from Marker Style)' lists them)
        and " " + (unnoted or words).rsplit(" ", 1)[-1] not in _ATTRIBUTE_TAILS,
        "panel_list": words in _PANEL_LIST_KEYS
        or unnoted in _PANEL_LIST_KEYS,
        "data_group": data_group,
        "container": data_group or words in DATA_CONTAINER_KEYS or words.startswith(_CONTAINER_PREFIXES),
        "trend": _names_trend(words),
        "meta": words in META_KEYS or starts_with_any(words, META_KEYS),
        "spread": starts_with_any(words, SPREAD_KEYS),
        "central": starts_with_any(words, CENTRAL_VALUE_KEYS),
    }
    return KeyInfo(
        words=words,
        axis=axis,
        legend_word=legend_word,
        legend=legend,
        legend_over_entries=over_entries,
        title=title,
        kind_key=kind_key,
        kind=kind_key or (words.endswith(" type") and words.startswith("chart")),
        series_list=flags["series_list"],
        panel_list=flags["panel_list"],
        data_group=data_group,
        container=flags["container"],
        trend=flags["trend"],
        meta=flags["meta"],
        spread=flags["spread"],
        central=flags["central"],
        flags=frozenset(name for name, on in flags.items() if on),
    )


def _names_trend(words: str) -> bool:
    """'Trend', 'Visual Trend', and a joined key led by one ('Visual Trend/Position')."""
    head = words.split("/", 1)[0].strip()
    return words.startswith("trend") or words in _TREND_KEYS or head in _TREND_KEYS


def key_words(key: str) -> str:
    return key_info(key).words


def _titles_a_panel(words: str) -> bool:
    """'right panel title': a title key whose other words name a panel by a panel noun."""
    head, _, last = words.rpartition(" ")
    return last == "title" and any(w in PANEL_WORDS for w in head.replace("-", " ").split())


def is_bar_measure_key(words: str) -> bool:
    """Whether a key's words name a bar's measure, with or without a qualifier before it."""
    return without_qualifier(words) in BAR_MEASURE_KEYS


def without_qualifier(words: str) -> str:
    """'approx. glue score' -> 'glue score': folded words without a leading measure qualifier."""
    for qualifier in MEASURE_QUALIFIERS:
        if words.startswith(qualifier):
            return words[len(qualifier):]
    return words
