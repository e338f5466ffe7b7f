"""An axis label's unit: the note in brackets that ends it ('Latency (ms)') or a unit symbol
after a comma ('Energy, eV'); not a scale note ('(log scale)') or a number ('(10^6)')."""

from __future__ import annotations

import re
from typing import Final

from ..vocab_units import BARE_LETTER_UNITS, is_unit_symbol

_LABEL_END_PAREN: Final = re.compile(r"(?<!\\)\(([^()]{1,24})\)\s*$")  # (LaTeX's '\(\tau\)' holds no unit)
SCALE_NOTE = re.compile(r"(?<!\s)\s*\((?:categorical|linear|log(?:arithmic)?|log scale|numeric|numerical)\)"
                         r"\s*$",
                         re.IGNORECASE)


def unit_from_label(label: str) -> str | None:
    m = _LABEL_END_PAREN.search(label)
    if not m:
        head, comma, tail = label.rpartition(", ")
        if not comma or not comma_unit(head, tail):
            return None
        return tail if tail.endswith(".") and is_unit_symbol(tail) else tail.rstrip(".")  # 'Energy, eV'
    inside = m.group(1).strip()
    if SCALE_NOTE.match(m.group(0)):
        return None
    if any(ch.isdigit() for ch in inside) and "%" not in inside:
        return None
    if len(inside.split()) > 3 or any(w.strip(".,") in _NOTE_WORDS for w in inside.lower().split()):
        return None  # ('Exercise (listed below)', 'Y (inferred)': a note on the label, no unit)
    return inside


_NOTE_WORDS = frozenset("below above listed shown see inferred implied implicit approximate approx estimated "
                        "unlabeled unlabelled".split())


def comma_unit(head: str, unit: str) -> bool:
    """'Energy, eV', 'Temperature, K', 'Time, s': a unit symbol after a comma; a letter that
    starts the quantity's own name is its symbol, no unit ('Mass, m', 'Work, W')."""
    unit = unit.rstrip(".")
    if not head.strip() or (not is_unit_symbol(unit) and not is_unit_symbol(unit + ".")):
        return False
    words = head.split()
    if len(unit) == 1:  # ('Altitude, h' names its symbol; 'Time, s' its unit)
        return unit in BARE_LETTER_UNITS and (not words or not words[-1].lower().startswith(unit.lower()))
    return True
