"""Vocabulary of looks: the style words that only modify a look ('dark', 'thick') and name
none alone ('Medium' is a difficulty level, 'Medium blue' a colour)."""

from __future__ import annotations

from typing import Final

LOOK_MODIFIERS: Final = frozenset("""light dark pale bright deep lightest darkest medium thick thin long
    short filled hollow open upward downward pointing facing inverted vertical horizontal with and
    colored coloured""".split())
