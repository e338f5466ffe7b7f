"""A stacked segment's value read from its extent ('starts at ~18.3 and ends at 20.1')."""

from __future__ import annotations

import re
from typing import Final

_SEGMENT_EXTENT: Final = re.compile(
    r"\bstarts?\s(?:at\s)?[~≈]?\s?(?:approximately\s|about\s|around\s)?([-−]?\d[\d.,]{0,12})"
    r"[^.\d]{0,40}\b(?:ends?|extends?|reach(?:es)?|rises?|goes)\s(?:at\s|to\s|up\sto\s)?"
    r"[^.\d]{0,30}?([-−]?\d[\d.,]{0,12})", re.IGNORECASE)
_SEGMENT_SPAN: Final = re.compile(  # 'extends from 0.0 ms to approximately 17.7 ms'
    r"\b(?:extends?|extending|runs?|running|spans?|spanning|stretches|stretching)\sfrom\s[~≈]?\s?"
    r"(?:approximately\s|about\s|around\s)?([-−]?\d[\d.,]{0,12})"
    r"[^.\d]{0,20}?\b(?:to|up\sto|until)\s[^.\d]{0,30}?([-−]?\d[\d.,]{0,12})", re.IGNORECASE)
_SEGMENT_LENGTH: Final = re.compile(
    r"\b(?:duration|length|height|size|thickness)\s(?:of\s)?(?:about\s|approximately\s|around\s|roughly\s)?"
    r"[*_]{0,2}[~≈]?\s?(\d[\d.,]{0,12})", re.IGNORECASE)


def segment_length(text: str) -> str | None:
    """'The segment starts at ~18.3 ms and ends at 20.1 ms, a duration of about 1.8 ms': a stacked
    segment's value is its length, as stated, else its end less its start ('~1.8'). Only a text
    about one segment's extent is read so: the word 'segment' (or 'bar') before it, and no value
    before that."""
    low = text.lower()
    if ("segment" not in low and "bar" not in low and "component" not in low) \
            or (extent := _extent(text, 0, "segment" in low or "component" in low)) is None \
            or (noun := _SEGMENT_NOUN.search(text, 0, extent.start())) is None:
        return None
    if _extent(text, extent.end(), True) is not None or _HAS_DIGIT.search(text, 0, noun.start()):
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
    if extent.re is _SEGMENT_SPAN:  # ('from approximately 0% to 52%': the end's own hedge)
        hedge = "~" if _HEDGED.search(text, max(extent.start(), extent.start(2) - _END_HEDGE_WINDOW),
                                      extent.start(2)) else ""
    try:
        places = max(len(s.partition(".")[2]) for s in (start, end))
        return f"{hedge}{round(float(end) - float(start), places):.{places}f}"
    except ValueError:
        return None


_START_PLUS_LENGTH: Final = re.compile(
    r"\(\s?[~≈]?\s?(\d[\d.,]{0,12})\s?%?\s?\+\s?[~≈]?\s?(\d[\d.,]{0,12})\s?%?\s?\)")
_HEDGED: Final = re.compile(r"[~≈]|\b(?:approx\w*|about|around|roughly|nearly)\b", re.IGNORECASE)
# ('the red bar ... starts at 82%', 'this component extends from 0 to 17.7')
_SEGMENT_NOUN: Final = re.compile(r"\b(?:segment|bar|component)\b", re.IGNORECASE)
_HAS_DIGIT: Final = re.compile(r"\d")
_END_HEDGE_WINDOW = 16  # 'to approximately ' before an extent's end


def _extent(text: str, at: int, spans: bool) -> re.Match[str] | None:
    """The first stated extent from ``at``: 'starts at A and ends at B', or, with ``spans`` (a
    text about a segment or component; a bar's span may be an interval or start off zero),
    'extends from A to B'."""
    found = [m for m in (_SEGMENT_EXTENT.search(text, at), _SEGMENT_SPAN.search(text, at) if spans else None)
             if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def _bar_extent(text: str, noun: re.Match[str], extent: re.Match[str]) -> bool:
    """'The red bar ... starts at 82% and extends to 96%' states a stacked bar's extent; an
    error bar's does not, nor a bar placed at an x ('The bar at 2019 starts at 0 ...'), nor a
    trend ('starts around 10 and rises steadily to 30 by 2021')."""
    return not _ERROR_BAR.search(text, max(0, noun.start() - 8), noun.end()) \
        and not _HAS_DIGIT.search(text, noun.end(), extent.start()) \
        and _EXTENT_VERB.search(extent.group(0)) is not None \
        and not _X_AFTER_END.match(text, extent.end())


_ERROR_BAR: Final = re.compile(r"\berror\s?bar", re.IGNORECASE)
_EXTENT_VERB: Final = re.compile(r"\b(?:extends?|extending|ends?|runs?|spans?)\b", re.IGNORECASE)
_X_AFTER_END: Final = re.compile(r"\s{0,3}%?\s{0,3}(?:by|at|in|on)\s{1,3}\S{0,12}\d")  # 'to 30 by 2021'

