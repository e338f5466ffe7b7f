"""Vocabulary of unit symbols: the SI units and those physics and engineering write beside
them, with their decimal prefixes ('fb', 'GeV', 'mK', 'µs', 'cm⁻¹'). Case matters ('mW' and
'MW' are both units, 'Mw' is none). A bare capital that could as well name a series or a
model ('A', 'C', 'T') is a unit only with a prefix ('mA', 'nC')."""

from __future__ import annotations

import re
from typing import Final

SMALL_PREFIXES: Final = ("f", "p", "n", "µ", "μ", "m", "c", "k")
LARGE_PREFIXES: Final = ("M", "G", "T", "P")
UNIT_SYMBOLS: Final = ("eV", "Hz", "Pa", "Gy", "Sv", "Bq", "mol", "rad", "Ω", "ohm", "bar", "bit", "Da",
                       "dB", "J", "W", "Wh", "V", "K", "g", "m", "s", "b")
"""Symbols a small prefix may lead ('keV', 'mK', 'fb' a femtobarn)."""
LARGE_PREFIXED: Final = ("W", "Wh", "Hz", "eV", "J", "Pa", "bit")
"""Symbols a large prefix leads in practice ('MW', 'GHz', 'TeV'); others read as names ('PV', 'Mg')."""
CAPITAL_LETTER_UNITS: Final = ("A", "C", "F", "S", "H", "T", "N", "L")
"""Ampere, coulomb, farad, siemens, henry, tesla, newton, litre: units only after a small prefix
('mA', 'nC', 'kN'), since alone or after a capital they read as names ('A', 'PS')."""
BARE_LETTER_UNITS: Final = frozenset("J W V K g m s".split())
"""Single letters read as units without a prefix: Joule, Watt, Volt, Kelvin, gram, metre, second."""
OTHER_UNITS: Final = frozenset(["a.u.", "arb.", "e²/h", "e^2/h", "°C", "°F", "°", "ppm", "ppb", "min", "h",
                                "yr", "Å", "µm", "μm", "nm", "mg/dl", "mmHg", "bpm", "%"])



def _alternation(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_UNIT_SYMBOL: Final = re.compile(
    _alternation(SMALL_PREFIXES) + "?" + _alternation(UNIT_SYMBOLS)
    + "|" + _alternation(LARGE_PREFIXES) + _alternation(LARGE_PREFIXED)
    + "|" + _alternation(SMALL_PREFIXES) + _alternation(CAPITAL_LETTER_UNITS)
    + "|[kMGTP]B")  # bytes: 'kB', 'GB'

_LONGEST_UNIT = 16  # 'mW/cm²/sr', 'kg·m²·s⁻²': compound units stay short
_COMPOUND_SPLIT: Final = re.compile(r"[/·*]")
_POWER_TAIL: Final = re.compile(r"(?:[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{?-?\d\}?)$")


def is_unit_symbol(token: str) -> bool:
    """'GeV', 'fb', 'K', 'cm⁻¹', 'W/m²', 'a.u.': a unit as physics writes it; 'A', 'Model' no."""
    token = token.strip("()[],;")
    if len(token) > _LONGEST_UNIT:
        return False  # (and the patterns below never scan a long run)
    if token in OTHER_UNITS:
        return True
    parts = _COMPOUND_SPLIT.split(token)
    return bool(parts) and all(_is_unit_part(p) for p in parts)


def _is_unit_part(part: str) -> bool:
    part = _POWER_TAIL.sub("", part)
    if not part or part in OTHER_UNITS:
        return bool(part)
    return part in BARE_LETTER_UNITS if len(part) == 1 else _UNIT_SYMBOL.fullmatch(part) is not None
