"""A legend written as colour = label pairs in a sentence: '(blue=T=0.3, orange=T=0.7)'."""

from __future__ import annotations

import re
from typing import Final

from .state import LegendEntryDraft
from .text import entry_with_look, is_style_words, strip_markup

_PAIR: Final = re.compile(r"(?:^|[\s(,;])([A-Za-z][A-Za-z -]{1,20}?)\s{0,2}[=:]\s{0,2}([^,;()]{1,40})")
_MIN_PAIRS = 2


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
