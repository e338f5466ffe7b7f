"""A keyed line that marks a reference level: a key the legend does not list, whose text
describes a drawn horizontal or vertical line ('**Budget Met!:** A horizontal dashed red line
at about 100 mW'). Its numbers are no points of a series (explain: reference-line)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..ruler import DONE, Claim
from ..text import strip_markup
from .keyed import KEYED_RULES
from .keyed_notes import legend_lists

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine

# 'A horizontal dashed red line is present at approximately 100 mW': a drawn reference level
_DRAWN_REFERENCE: Final = re.compile(
    r"[^.\d]{0,40}\b(?:horizontal|vertical)\b[^.\d]{0,40}\blines?\b", re.IGNORECASE)


def reference_line(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Power Limit Met!:** A horizontal dashed red line is present at ~100 mW': outside a
    series, a key the stated legend does not list, whose text describes a drawn horizontal or
    vertical line, marks a reference level; its numbers are no points of a series."""
    if not c.text or (c.scope.series is not None and not c.scope.inherited) or not w.state.chart.legend \
            or not _DRAWN_REFERENCE.match(strip_markup(c.text)):
        return None  # (with no legend, '**Model B:** a nearly horizontal line at 0.7' may be a line)
    return None if legend_lists(w, c.key) else DONE


KEYED_RULES.after(
    "keyed.declared-category", "keyed.reference-line", reference_line,
    "a key the legend does not list, its text a drawn horizontal or vertical line: a reference level, "
    "no point", "**Budget Met!:** A horizontal dashed line at about 100 mW")
