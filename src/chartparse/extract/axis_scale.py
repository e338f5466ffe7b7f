"""The scale an axis' text names: log, linear or categorical."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import fold

_LOG_WORD: Final = re.compile(r"\blog(?:arithmic|-scale| scale|\b(?!-))")  # not 'log-likelihood'
_LIST_WORDS: Final = re.compile(r"\blists?\b|\bnames of\b")
_NOT_LINEAR: Final = re.compile(r"\bnon[\s-]?linear")


def scale_from_text(text: str) -> str | None:
    folded = fold(text)
    # (word tests before each search: the patterns need 'log', 'list' or 'names of')
    if "log" in folded and (_LOG_WORD.search(folded) or "log-log" in folded):
        return "log"
    if "linear" in folded and not _NOT_LINEAR.search(folded):
        return "linear"  # ('non-linear' spacing says what the scale is not)
    if "categor" in folded or (("list" in folded or "names of" in folded) and _LIST_WORDS.search(folded)):
        return "categorical"
    return None
