"""What an axis' lines say about its categories as a whole: that they are only examples
('e.g., "Circle", ..., "Square"'), that one may stand twice ('"Correct Label" (appears
twice)'), or that they are listed under groups ('Math: AIME 2024, MATH-500')."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import fold
from .axis_labels import listed_items
from .state import AxisDraft
from .text import strip_markup

_EXAMPLES_CUE: Final = re.compile(r"\be\.g\.|\bfor example\b|\bsuch as\b|\betc\b|\.\.\.|…", re.IGNORECASE)
_REPEAT_CUE: Final = re.compile(r"\b(?:repeated|repeating|repeats|(?:appears?|shown|listed|occurs?) "
                                r"(?:twice|two times|more than once))\b", re.IGNORECASE)

_PANEL_REPEAT: Final = re.compile(
    r"\brepeated\s(?:for|on|under|in|across|below|beneath)\s(?:each|every|all|both)"
    r"(?:\s\w+)?\s(?:plots?|panels?|subplots?|charts?|graphs?|diagrams?)\b", re.IGNORECASE)


def note_category_cues(axis: AxisDraft, text: str, children: list[tuple[str | None, str]]) -> None:
    """Whether the categories are only examples, and (on an x axis) whether one may repeat:
    then a second value at a category is a second bar ('Batch sizes (repeated for each model)')."""
    if _EXAMPLES_CUE.search(text) or any(_EXAMPLES_CUE.search(t) for _, t in children):
        axis.examples_only = True
    if axis.role == "x" and (_repeat_cue(text) or any(_repeat_cue(t) for _, t in children)):
        axis.repeats = True


def _repeat_cue(text: str) -> bool:
    """'repeated for each model', '(appears twice)'; not 'Repeated for each individual plot',
    which says the label stands under every panel."""
    return _REPEAT_CUE.search(text) is not None and _PANEL_REPEAT.search(text) is None


def categories_of_group(axis: AxisDraft, group: str | None, text: str) -> bool:
    """'Math: AIME 2024 (Pass@81), MATH-500 (EM)' under an axis that announced a list ('Task
    categories and benchmarks:'): the named items are categories, 'Math' only their group."""
    plain = strip_markup(text).strip().removesuffix(".")
    items = (listed_items(plain) or [plain]) if group and plain else []
    if not items or not all(isinstance(i, str) and len(i.split()) <= _GROUP_ITEM_WORDS for i in items):
        return False
    axis.ticks.extend(items)
    axis.groups.append(fold(strip_markup(group or "")))
    axis.scale = axis.scale or "categorical"
    return True


_GROUP_ITEM_WORDS = 6
