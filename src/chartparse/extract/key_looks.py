"""A legend the text declares but never lists: the looks its keys give the series.

'The legend maps each colour and line style to a model' and then, in the data section,
'**Model A (Dark Blue, dashed):** ...': each such key names one legend entry, with its look.
And 'The chart uses distinct colours for each method: **Blue**: 1ABO, **Orange**: 2ABO' with
no legend block: each colour key names one entry.
"""

from __future__ import annotations

import re
from typing import Final

from ..vocab import SERIES_ATTRIBUTE_KEYS, fold
from .pie_legend import declares_a_legend
from .reading import ReadingState
from .state import ChartDraft, name_key
from .text import clean_name, entry_with_look, is_style_words, strip_markup, style_of

_END_PAREN: Final = re.compile(r"\(([^()]{1,60})\)[\s:*]*$")
_MIN_ENTRIES = 2


def note_look(state: ReadingState, key: str, line: int | None) -> None:
    """Remember the look a key's trailing note gives the series it names ('(blue, dashed)')."""
    if not key.rstrip(" :*_").endswith(")"):
        return  # (the test first: most keys have no note)
    m = _END_PAREN.search(strip_markup(key))
    if m is None or not is_style_words(m.group(1).replace(",", " ")):
        return
    entry = entry_with_look(clean_name(key), m.group(1), line)
    if entry.label and (entry.color or entry.line_style or entry.marker):
        state.key_looks.setdefault(name_key(entry.label), entry)


_VALUE: Final = re.compile(r"[~≈]?\s?-?\d[\d.,]*\s?%?")
_LABEL_WORDS = 5  # 'Blue: 1ABO' names a label; 'Blue: the line rises to 4' is a remark


def note_colour_key(state: ReadingState, key: str, text: str, line: int | None) -> bool:
    """'**Blue**: 1ABO' in the components: a colour that stands for a short label (or the
    label keying its colour: '**Blend 2**: Purple')."""
    label, look = strip_markup(text).strip(" ."), strip_markup(key)
    if not is_style_words(look) and is_style_words(label) and style_of(label)[0] is not None:
        label, look = clean_name(look), label  # '**Blend 2**: Purple': the label keys its colour
        if fold(label) in SERIES_ATTRIBUTE_KEYS:
            return False  # '**Color**: Blue (circular markers)' says how a series is drawn
    if _VALUE.fullmatch(label):
        return False  # 'Green: 55%' is a value in a colour's series, not a label
    if not label or len(label.split()) > _LABEL_WORDS or not is_style_words(look) \
            or any(ch in label for ch in ",;:") or _is_a_look(label):
        return False
    state.colour_entries.append(entry_with_look(label, look, line))
    return True


def _is_a_look(text: str) -> bool:
    """'solid line', 'dashed', 'light blue circles': a look, not a label ('Medium' is a label)."""
    return any(part is not None for part in style_of(text)) or (
        is_style_words(text) and len(text.split()) > 1)


def legend_from_colour_keys(chart: ChartDraft, state: ReadingState) -> None:
    """With no legend read, two or more colour keys naming labels are the legend."""
    if chart.legend or chart.kind in ("pie", "heatmap") \
            or len({name_key(e.label) for e in state.colour_entries}) < _MIN_ENTRIES:
        return  # ('**Trend Line**: red' in each of two panels is one mark, no legend)
    for entry in state.colour_entries:
        entry.rule = "legend.colour-keys"
        chart.add_legend_entry(entry)


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


def legend_before_data(chart: ChartDraft, state: ReadingState) -> None:
    """The legend as pass 1 leaves it, before the data is read against it: colour keys that
    stand for it, and labels that all share a title ('Difficulty: easy')."""
    legend_from_colour_keys(chart, state)
    legend_title_prefix(chart, state)


def legend_title_prefix(chart: ChartDraft, state: ReadingState) -> None:
    """Entries that all begin with one 'Name: ' ('Difficulty: easy', 'Difficulty: tricky')
    are labelled by what follows it; the shared name is the legend's title. Not when what
    follows is a number ('Temperature: 0.2' is that setting's name) nor when the name is an
    axis' measure ('Loss: train' beside 'Accuracy: train': the measure tells them apart)."""
    if len(chart.legend) < _MIN_ENTRIES:
        return
    parts = [m for e in chart.legend if (m := _TITLE_PREFIX.match(e.label)) is not None]
    if len(parts) != len(chart.legend) or len({fold(m.group(1)) for m in parts}) != 1:
        return
    title = parts[0].group(1).strip()
    if any(_NUMBER_ONLY.match(m.group(2)) for m in parts) or set(fold(title).split()) & state.y_words:
        return
    for entry, m in zip(chart.legend, parts, strict=True):
        entry.label = m.group(2).strip()
    chart.legend_title = chart.legend_title or title
    chart.relabel_legend()


_TITLE_PREFIX: Final = re.compile(r"^([^:\d]{1,30}):\s{1,3}(\S.{0,60})$")
_NUMBER_ONLY: Final = re.compile(r"^[~≈]?\s?[-+−]?\d[\d.,]{0,12}\s?%?\s*$")
