"""A radar chart's parts named in its components: the spokes (its categories) and the
radial scale (its value axis)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Final

from ...vocab import RADAR_SCALE_KEYS, RADAR_SPOKE_KEYS, fold
from ..axes import read_axis
from ..axis_bare_list import listed_categories
from ..axis_labels import listed_items
from ..categories import drop_note
from ..text import drop_numbering, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine

_KEY_NOTE: Final = re.compile(r"\s*\([^()]*\)\s*")


def radar_part(w: Walker, c: KeyedLine) -> bool | None:
    """On a radar chart, 'Axes (clockwise):' lists the spokes (the categories) and
    'Radial Scale: 0 to 1' states the value axis."""
    if w.state.kind != "radar" or c.scope.in_container:
        return None
    words = fold(_KEY_NOTE.sub(" ", drop_numbering(strip_markup(c.key)))).strip(" :")
    parts = [part.strip() for part in words.split("/")]  # 'Axes/Categories'
    if any(part in RADAR_SPOKE_KEYS for part in parts):
        axis = read_axis(w.state.chart, "x", "categories", c.key, c.text, [], c.scope.panel,
                         c.line.line, c.node.last_line)
        listed = axis.ticks if all(len(str(t).split()) <= _SPOKE_WORDS for t in axis.ticks) else []
        axis.ticks = listed or _child_spokes(w, c) or axis.ticks or _spokes_after_colon(c.text)
    elif any(part in RADAR_SCALE_KEYS for part in parts):
        read_axis(w.state.chart, "y", "range", c.key, c.text, [], c.scope.panel, c.line.line,
                  c.node.last_line)
    else:
        return None
    return False  # a keyed line under it ('Radial Scale:') is a part of its own


_SCALE_TEXT: Final = re.compile(r"^\s*[-~≈]?\d|\d\s?%|\d\s?[-–]\s?\d")


def _child_spokes(w: Walker, c: KeyedLine) -> list[int | float | str]:
    """The spokes' names in the lines under the key: plain or bold-only lines, a list on one
    of them, or short names after a prefix key the lines share ('VP: Wellbeing (Top vertex)',
    'VP: Autonomy'; 'Arrangement:' alone is a note). They win over the key's own text when it
    only describes them ('Each chart has three axes')."""
    spokes: list[int | float | str] = []
    pairs = w.child_pairs(c.node)
    shared = {key for key, n in Counter(k for k, _ in pairs if k is not None).items() if n >= 2}
    for key, text in pairs:
        if key is None and text and not _SCALE_TEXT.search(text):  # ('GSM8K' yes; 'scaled 0-100%' no)
            spokes.extend(drop_note(str(t)) for t in listed_categories(text) or [strip_markup(text)])
        elif key is not None and not text:
            spokes.append(strip_markup(key))
        elif key in shared and _PREFIXED_SPOKE.fullmatch(name := drop_note(strip_markup(text))):
            spokes.append(name)
    return spokes


_SPOKE_WORDS = 4  # a listed 'spoke' of more words is a sentence about the spokes
_PREFIXED_SPOKE: Final = re.compile(r"[^\W\d_][^\W\d]*+(?: [^\W\d_][^\W\d]*+){0,3}")  # up to four words


def _spokes_after_colon(text: str) -> list[int | float | str]:
    """The list after the text's last colon ('seven axes, one per field: A, B, C')."""
    tail = strip_markup(text.rsplit(":", 1)[-1]).strip().rstrip(".")
    return list[int | float | str](listed_categories(tail) or listed_items(tail))
