"""Columns of the numbers of a raw line, when the value scanner saw its normalised form.

``values.normalise`` rewrites powers and drops math markup ('2⁵' -> '2^5',
'10<sup>3</sup>' -> '10^3', '$1.5 \\times 10^{-4}$' -> '1.5  × 10^-4'), so a quantity's
columns in the normalised text are not its columns in the line. :func:`raw_span` walks
the raw line and the quantity's normalised text side by side to find where it ends.
"""

from __future__ import annotations

import re
from typing import Final

from .values import Quantity, normalise, scan

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_LEAD_NUMBER: Final = re.compile(r"[-−+]?[\d.,]*\d")
_RAW_MARKUP: Final = re.compile(r"<[^<>]{0,12}>|\\[A-Za-z]{1,10}|\\,|[${}`]")
_INSERTED = frozenset(" ×≈~^")  # what normalise writes where the raw line had markup
_TIMES = frozenset("xX*·")  # written for the '×' that normalise puts in '1.4 x 10^5'
_CLOSING: Final = re.compile(r"\s{0,2}(?:</sup>|\})")


def raw_numbers(raw: str) -> list[tuple[int, int, Quantity]]:
    """Every quantity in a raw line, with its start and end columns in that line."""
    norm = normalise(raw, keep_bold=True)
    found = scan(norm)
    if norm == raw:
        return [(q.start, q.end, q) for q in found]
    out: list[tuple[int, int, Quantity]] = []
    cursor = 0
    for q in found:
        lead = _LEAD_NUMBER.search(q.raw)
        if lead is None:
            continue
        at = raw.find(lead.group(0), cursor)
        if at < 0:
            continue
        end = raw_span(raw, at, q.raw[lead.start():].rstrip())
        out.append((at, end, q))
        cursor = end
    return out


def raw_span(raw: str, at: int, seg: str) -> int:
    """The column in ``raw`` where the normalised text ``seg``, starting at ``at``, ends."""
    i, j = at, 0
    while j < len(seg) and i < len(raw):
        r, s = raw[i], seg[j]
        if r == s or r.translate(_SUPERSCRIPTS) == s or (s == "×" and r in _TIMES):
            i, j = i + 1, j + 1
            continue
        markup = _RAW_MARKUP.match(raw, i)
        if markup:
            i = markup.end()
        elif s in _INSERTED:
            j += 1
        else:
            break
    closing = _CLOSING.match(raw, i)
    return closing.end() if closing else i
