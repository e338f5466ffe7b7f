"""Which legend entry a header names by its look rather than its name.

``**Training F1 (Solid Green Line):**`` names the legend's ``Width=64 Train`` when that
entry is the only solid green line. A header's colour, line style and marker are compared
with each declared entry's; an attribute both state must agree, at least one must, and the
best entry must be the only one that agrees that well.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..textcache import text_cache
from ..vocab import fold, mentions_color
from ..vocab_looks import SAME_MARKER, SHADES
from .state import LegendEntryDraft, SeriesDraft
from .text import clean_name, is_style_words, strip_markup, style_of

if TYPE_CHECKING:  # pragma: no cover
    from .reading import ReadingState

_PARENS: Final = re.compile(r"\(([^()]{2,80})\)")


@text_cache()
def header_style(name: str) -> tuple[str | None, str | None, str | None]:
    """The style a header states: in a parenthesis when it has one, else in its words."""
    plain = strip_markup(name)
    notes: list[str] = _PARENS.findall(plain)
    for inside in reversed(notes):
        found = style_of(inside)
        if any(found):
            return found
    if is_style_words(plain) or any(style_of(plain)):
        return style_of(plain)
    return None, None, None


def _same_color(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if wa[-1] != wb[-1]:
        return False
    shade_a = wa[0] if len(wa) > 1 and wa[0] in SHADES else None
    shade_b = wb[0] if len(wb) > 1 and wb[0] in SHADES else None
    return shade_a is None or shade_b is None or shade_a == shade_b


def _same_look(a: str, b: str) -> bool:
    return SAME_MARKER.get(a, a) == SAME_MARKER.get(b, b)


def _agreement(style: tuple[str | None, str | None, str | None],
               entry: LegendEntryDraft) -> int | None:
    """How many attributes agree; None when one the two both state differs, or when the
    header gives a colour and the entry none (a colour is what tells lines apart)."""
    if style[0] and not entry.color:
        return None  # a header that names a colour names an entry drawn in one
    score = 0
    pairs = ((style[0], entry.color, True), (style[1], entry.line_style, False),
             (style[2], entry.marker, False))
    for mine, theirs, is_color in pairs:
        if not mine or not theirs:
            continue
        if (_same_color(mine, theirs) if is_color else _same_look(mine, theirs)):
            score += 1
        else:
            return None
    return score


def entry_by_style(name: str, entries: list[LegendEntryDraft]) -> LegendEntryDraft | None:
    """The one declared entry whose look the header states, or None."""
    if not any(e.color or e.line_style or e.marker for e in entries):
        return None  # nothing to compare a look with
    style = header_style(name)
    if not any(style):
        return None
    best: LegendEntryDraft | None = None
    best_score, tied = 0, False
    for entry in entries:
        score = _agreement(style, entry)
        if score is None or score == 0:
            continue
        if score > best_score:
            best, best_score, tied = entry, score, False
        elif score == best_score and best is not None and best.label != entry.label:
            tied = True
    return None if tied else best


_DRAWN_NOUN: Final = re.compile(r"\s(?:data\s)?(?:series|points?|dots?|lines?|curves?|markers?)$",
                                 re.IGNORECASE)


def series_drawn_as(state: ReadingState, key: str, panel: str | None) -> SeriesDraft | None:
    """'**Blue Data Point:**' names the series drawn in blue: the one named 'Blue' in the
    panel, or the declared entry of that look."""
    name = clean_name(key)
    noun = _DRAWN_NOUN.search(name)
    look = name[: noun.start()].strip() if noun is not None else ""
    if not look or not is_style_words(look) or not mentions_color(look):
        return None
    folded = fold(look)
    for s in state.chart.series:
        if s.panel == panel and fold(s.name) == folded:
            return s
    entry = entry_by_style(look, state.legend_entries(panel))
    return None if entry is None else state.chart.series_for(entry.label, panel)
