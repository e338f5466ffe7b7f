"""The shapes of one legend line's list of entries: a setting named once for a run of its
values ('p = 0.1, 0.3, 0.5'), and a title before the first entry ('Group - A, B')."""

from __future__ import annotations

import re
from typing import Final

from .state import ChartDraft, LegendEntryDraft

_SETTING: Final = re.compile(r"([^\W\d_][\w]{0,11}\s?=\s?)[-−]?\d[\d.]*")
_BARE_VALUE: Final = re.compile(r"[-−]?\d[\d.]*")


def share_setting_name(entries: list[LegendEntryDraft]) -> None:
    """'p = 0.1 (orange), 0.3 (red), 0.5 (pink)': the first entry names the setting, the bare
    values after it are its other values ('p = 0.3', 'p = 0.5')."""
    if len(entries) < 2 or (m := _SETTING.fullmatch(entries[0].label.strip())) is None \
            or m.group(1).split("=")[0].strip().lower() in ("x", "y"):
        return  # ('y = 0 (gray dashed), 2019 (blue)': a reference line, then other names)
    first = entries[0].label.strip()[len(m.group(1)):]
    for e in entries[1:]:
        value = e.label.strip()
        if not _BARE_VALUE.fullmatch(value) or ("." in value) != ("." in first) \
                or len(value) >= _YEAR_DIGITS > len(first):
            break  # ('p = 0.1, 0.3, S_GC': the run of values like the first ends at another name)
        e.label = m.group(1) + value


_YEAR_DIGITS = 4


_TITLE_DASH: Final = re.compile(  # a title of one or two words
    r"([^\W\d_][^\W\d\s]{1,20}(?:\s[^\W\d_][^\W\d\s]{1,20})?)\s[-–—]\s(\S.{0,60})")


def title_before_first(chart: ChartDraft, entries: list[LegendEntryDraft]) -> None:
    """'Group - Beginner (Green), Intermediate (Orange), Expert (Blue)': the legend's title,
    a dash, then its entries; the first entry is 'Beginner'."""
    if len(entries) < _TITLED_LIST_MIN or (m := _TITLE_DASH.fullmatch(entries[0].label.strip())) is None \
            or m.group(1).lower().split()[-1] not in _TITLE_WORDS:
        return  # ('Zero Shot - CoT (blue), Few Shot (red)': a name with its own dash)
    if any(" - " in e.label or " – " in e.label for e in entries[1:]):
        return  # ('A - B, C - D': each entry holds its own dash)
    chart.legend_title = chart.legend_title or m.group(1)
    entries[0].label = m.group(2)


_TITLED_LIST_MIN = 2
_TITLE_WORDS = frozenset({"group", "groups", "model", "models", "method", "methods", "legend", "category",
                          "categories", "type", "types", "series", "condition", "conditions", "setting",
                          "settings", "level", "levels", "class", "classes", "answer", "answers", "response"})
