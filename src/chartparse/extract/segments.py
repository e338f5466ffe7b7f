"""A stacked segment's value read from its extent ('starts at ~18.3 and ends at 20.1')."""

from __future__ import annotations

import re
from typing import Final

_SEGMENT_EXTENT: Final = re.compile(
    r"\bstarts?\s(?:at\s)?[~≈]?\s?(?:approximately\s|about\s|around\s)?([-−]?\d[\d.,]{0,12})"
    r"[^.\d]{0,40}\b(?:ends?|extends?|reach(?:es)?|rises?|goes)\s(?:at\s|to\s|up\sto\s)?"
    r"[^.\d]{0,30}?([-−]?\d[\d.,]{0,12})", re.IGNORECASE)
_SEGMENT_LENGTH: Final = re.compile(
    r"\b(?:duration|length|height|size|thickness)\s(?:of\s)?(?:about\s|approximately\s|around\s|roughly\s)?"
    r"[*_]{0,2}[~≈]?\s?(\d[\d.,]{0,12})", re.IGNORECASE)


def segment_length(text: str) -> str | None:
    """'The segment starts at ~18.3 ms and ends at 20.1 ms, a duration of about 1.8 ms': a stacked
    segment's value is its length, as stated, else its end less its start ('~1.8'). Only a text
    about one segment's extent is read so: the word 'segment' (or 'bar') before it, and no value
    before that."""
    low = text.lower()
    if ("segment" not in low and "bar" not in low) or (extent := _SEGMENT_EXTENT.search(text)) is None \
            or (noun := _SEGMENT_NOUN.search(text, 0, extent.start())) is None:
        return None
    if _SEGMENT_EXTENT.search(text, extent.end()) is not None or _HAS_DIGIT.search(text, 0, noun.start()):
        return None  # two segments' extents, or a value before the segment: read as it is
    if noun.group(0).lower() == "bar" and not _bar_extent(text, noun, extent):
        return None
    stated = _SEGMENT_LENGTH.search(text, extent.end())
    hedge = "~" if _HEDGED.search(text) else ""
    if stated is not None:
        return f"{hedge}{stated.group(1)}"
    start, end = (s.replace("−", "-").replace(",", "") for s in extent.groups())
    added = _START_PLUS_LENGTH.search(text, extent.end())
    if added is not None and added.group(1).replace(",", "") == start:
        return f"{hedge}{added.group(2)}"  # '... extends to 99% (96.6% + 3.4%)': the length it states
    try:
        places = max(len(s.partition(".")[2]) for s in (start, end))
        return f"{hedge}{round(float(end) - float(start), places):.{places}f}"
    except ValueError:
        return None


_START_PLUS_LENGTH: Final = re.compile(
    r"\(\s?[~≈]?\s?(\d[\d.,]{0,12})\s?%?\s?\+\s?[~≈]?\s?(\d[\d.,]{0,12})\s?%?\s?\)")
_HEDGED: Final = re.compile(r"[~≈]|\b(?:approx\w*|about|around|roughly|nearly)\b", re.IGNORECASE)
_SEGMENT_NOUN: Final = re.compile(r"\b(?:segment|bar)\b", re.IGNORECASE)  # ('the red bar ... starts at 82%')
_HAS_DIGIT: Final = re.compile(r"\d")


def _bar_extent(text: str, noun: re.Match[str], extent: re.Match[str]) -> bool:
    """'The red bar ... starts at 82% and extends to 96%' states a stacked bar's extent; an
    error bar's does not, nor a bar placed at an x ('The bar at 2019 starts at 0 ...'), nor a
    trend ('starts around 10 and rises steadily to 30 by 2021')."""
    return not _ERROR_BAR.search(text, max(0, noun.start() - 8), noun.end()) \
        and not _HAS_DIGIT.search(text, noun.end(), extent.start()) \
        and _EXTENT_VERB.search(extent.group(0)) is not None \
        and not _X_AFTER_END.match(text, extent.end())


_ERROR_BAR: Final = re.compile(r"\berror\s?bar", re.IGNORECASE)
_EXTENT_VERB: Final = re.compile(r"\b(?:extends?|ends?)\b", re.IGNORECASE)
_X_AFTER_END: Final = re.compile(r"\s{0,3}%?\s{0,3}(?:by|at|in|on)\s{1,3}\S{0,12}\d")  # 'to 30 by 2021'

