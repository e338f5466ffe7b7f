"""A legend written as colour = label pairs in a sentence: '(blue=T=0.3, orange=T=0.7)'."""

from __future__ import annotations

import re
from typing import Final

from .state import LegendEntryDraft
from .text import clean_name, entry_with_look, is_style_words, strip_markup

_PAIR: Final = re.compile(r"(?:^|[\s(,;])([A-Za-z][A-Za-z -]{1,20}?)\s{0,2}[=:]\s{0,2}([^,;()]{1,40})")
_MIN_PAIRS = 2
_PAIR_LABEL_WORDS = 6  # a longer 'label' beside a style is a sentence, not an entry


def colour_equals_entries(text: str, line: int | None) -> list[LegendEntryDraft]:
    """Each 'colour=label' (or 'colour: label') pair, when two or more are written; the label
    is everything up to the next comma ('blue=T=0.3' is the entry T=0.3)."""
    if "=" not in text and ":" not in text:
        return []
    out = []
    for m in _PAIR.finditer(strip_markup(text)):
        look, label = m.group(1).strip(), m.group(2).strip().rstrip(". ").strip("\"'“”")
        if not is_style_words(look) or not label or is_style_words(label):
            continue
        entry = entry_with_look(label, look, line)
        if entry.color or entry.line_style or entry.marker:
            out.append(entry)
    return out if len(out) >= _MIN_PAIRS else []


# (a run of spaces is tried once, from its start: '(?<!\s)' keeps a long run linear)
_PAIR_LIST_SEP: Final = re.compile(r";\s*|,\s*(?:and\s+)?|(?<!\s)\s+and\s+")
_PAIR_SEP: Final = re.compile(r"(?<!\s)\s*(?:=|:|→|->)\s*")


def paired_entries(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'blue line = Ours, red line = Theirs' or 'Blue: Ours; Red: Theirs': every piece pairs
    a style with a label (either side first); one piece that does not makes it prose."""
    out = []
    for piece in _PAIR_LIST_SEP.split(strip_markup(text).rstrip(". ")):
        sides = _PAIR_SEP.split(piece.strip(), maxsplit=1)
        if len(sides) != 2 or not sides[0] or not sides[1]:
            return []
        left, right = sides
        if is_style_words(left) and not is_style_words(right):
            label, style = right, left
        elif is_style_words(right) and not is_style_words(left):
            label, style = left, right
        else:
            return []
        label = clean_name(label).strip("\"'“”`")
        if not label or len(label.split()) > _PAIR_LABEL_WORDS:
            return []
        out.append(entry_with_look(label, style, line))
    return out
