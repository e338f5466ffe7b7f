"""Vocabulary of looks: the shades, and the other style words that only modify a look
('dark', 'thick', 'open'). A key of these alone names a look when its text is a label
('Dark: 2023'), but is itself the label when its text leads with a colour ('Medium: Red (52%)')."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

SHADES: Final = frozenset("light dark pale bright deep lightest darkest medium".split())
LOOK_MODIFIERS: Final = SHADES | frozenset("""thick thin long short filled hollow open upward downward
    pointing facing inverted vertical horizontal colored coloured""".split())


def only_modifiers(words: Iterable[str]) -> bool:
    """Whether every (folded) word only modifies a look, and there is one."""
    found = False
    for word in words:
        if word not in LOOK_MODIFIERS:
            return False
        found = True
    return found

# A marker drawn as a symbol in the text ("'x' - micro average", "`•`: PHT") and the marker
# word it is described by elsewhere ('crosses', 'dots').
MARKER_SYMBOLS: Final = {
    "x": "cross", "×": "cross", "✕": "cross", "✗": "cross", "+": "plus", "o": "circle", "○": "circle",
    "◯": "circle", "●": "dot", "•": "dot", "·": "dot", "■": "square", "□": "square", "s": "square",
    "▲": "triangle", "△": "triangle", "^": "triangle", "▼": "triangle", "▽": "triangle", "◆": "diamond",
    "♦": "diamond", "◇": "diamond", "d": "diamond", "★": "star", "☆": "star", "*": "star",
}
# Marker words that name the same mark ('x markers' are the crosses a series is said to use).
SAME_MARKER: Final = {"x marker": "cross"}
# Keys that announce a legend only with no text, over the entries listed under them
# ('**Markers:**' over "'x' - micro average"; 'Markers: 0, 10, 20' marks an axis' ticks).
LEGEND_KEYS_OVER_ENTRIES: Final = frozenset(
    {"markers", "marker styles", "marker types", "symbols", "marker key"})
