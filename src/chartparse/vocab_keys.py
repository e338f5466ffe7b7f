"""What a key announces by its words: a list of the series or the legend's entries."""

from __future__ import annotations

from .phrases import fold, starts_with_any
from .vocab import END_NOTE, LEGEND_KEY_TAILS, LEGEND_KEYS, ONE_SERIES_WORDS, SERIES_DECLARATION_KEYS

_PLACE_KEYS = ("spatial grounding", "placement", "layout", "position", "location")


def key_lists_series(key: str, words: str) -> bool:
    """Whether a key as written announces a list of the series: 'Data Series:', 'Lines:', or a
    key whose note names what it lists as series ('Models (Lines):'); 'Series 1:' names one.
    ``words`` is the key as the caller folds it."""
    if starts_with_any(words, SERIES_DECLARATION_KEYS):
        return not ONE_SERIES_WORDS.match(words)
    note = END_NOTE.search(key)
    return note is not None and fold(note.group(0)) in SERIES_DECLARATION_KEYS


def key_announces_legend(key: str, words: str) -> bool:
    """Whether a key as written announces the legend, also when a note in brackets ends it
    ('Bar Chart Legend (Model Performance)', 'Common Legend (Top Right of each panel)');
    ``words`` is the key as the caller folds it (folding drops the brackets)."""
    if announces_legend(words):
        return True
    unnoted = fold(END_NOTE.sub("", key))
    return bool(unnoted) and unnoted != words and announces_legend(unnoted)


def announces_legend(words: str) -> bool:
    """Whether folded key words announce the legend: 'Legend', 'Color Key', 'Key', but
    not 'Key Findings', 'Key Observations' or 'Key Data Points'."""
    if not starts_with_any(words, LEGEND_KEYS):
        # 'Models (Legend)', 'Series/Legend': a qualifier naming the legend as what is listed
        # ('Spatial Grounding (Legend)' is where the legend sits: a meta key qualified)
        split = words.replace("/", " ").split()
        return split[-1:] in (["legend"], ["legends"]) and not starts_with_any(words, _PLACE_KEYS) \
            and split[-2:-1] not in (["in"], ["of"], ["from"], ["on"])  # 'Largest shown in legend:'
    if words.startswith("key "):
        return words.split()[1] in LEGEND_KEY_TAILS
    return True
