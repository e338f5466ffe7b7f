"""A line that only lists labels with their values in brackets, 'Luxembourg (0.97), Denmark
(0.93)' or 'Portugal (PRT: 0.76), Cyprus (CYP: 0.69)', on a categorical chart with no x in
scope: each label is a category of the scope's series (a short code before the value is the
label's abbreviation, printed beside it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from .add_points import add_point, target
from .state import name_key
from .text import clean_name, is_style_words, quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from .scope import Scope
    from .walker import Walker

_LABEL_VALUE: Final = re.compile(
    r"(?:and\s)?([^\W\d_][^()\d:;]{0,50}?)\s?\(\s?(?:[A-Z]{2,4}\s?:\s?)?([~≈]?\s?-?\d[\d.]*\s?%?)\s?\)")
"""'Denmark (0.93)', 'Portugal (PRT: 0.76)': a label without digits, its value alone in brackets."""
_ITEM_SEP: Final = re.compile(r"\s?[,;]\s?")
MIN_LABELS: Final = 2  # one 'Label (value)' alone is a sentence's note, read by other rules


def listed_label_values(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """Each 'Label (value)' of a line made only of them: a category and its value. Labels that
    name known series, or looks, are left to the series rules."""
    if scope.x is not None or "(" not in text:
        return False
    found: list[tuple[str, str]] = []
    for piece in _ITEM_SEP.split(strip_markup(text).strip().rstrip(".")):
        m = _LABEL_VALUE.fullmatch(piece.strip())
        if m is None:
            return False
        found.append((clean_name(m.group(1)), m.group(2)))
    keys = {name_key(label) for label, _ in found}
    if len(found) < MIN_LABELS or len(keys) != len(found) or keys & w.state.known_names.keys() \
            or any(not label or is_style_words(label) for label, _ in found):
        return False
    series = target(w, scope)
    for label, written in found:
        _, qs = quantities(written)
        add_point(w, series, label, qs[0].value, qs[0].approx, line_no, rule="statement.listed-label-values")
    return True
