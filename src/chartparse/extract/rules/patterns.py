"""Patterns shared by the rule chains."""

from __future__ import annotations

import re
from typing import Final

from ...values import HEDGE_WORDS
from ...vocab import (
    FEATURE_KEY_WORDS,
    MEASURE_QUALIFIERS,
    MOTION_MANNERS,
    MOTION_NOUNS,
    PHASE_KEY_MAX_WORDS,
    PHASE_LEAD_WORDS,
    PHASE_TAIL_WORDS,
    fold,
    label_words,
    mentions_color,
)
from ..panel_titles import POSITION_WORDS
from ..text import DATE, PAREN_NOTE, clean_name, is_style_words, quantities, strip_markup
from ..values_of import is_name_token

# A stretch of x ('Phase 1 (0-100)', 'Layers 2 to 6'); a number glued to a name
# ('Qwen3-14B', 'V-2.6-8B', 'Z1-9B') is part of that name, not the start of a stretch.
X_INTERVAL = re.compile(r"(?<![\w.])(?<!\w-)\d[\d.,]*\s*(?:–|—|-|to|→|->)\s*[~≈]?\s*\d")


def names_interval(key: str) -> bool:
    """'Phase 1 (0-100)' names a stretch of x; 'MiniCPM-V-2.6-8B' is a name whose digits
    only look like one."""
    return bool(X_INTERVAL.search(key)) and not is_name_token(clean_name(key))
# '**December 2021 Crash**', 'March-April 2022': a header naming months names a stretch of time
MONTH_NAME = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b")


def names_stretch(key: str) -> bool:
    """'Oct 2021 - Nov 2021', 'Steps 80-200', 'December 2021 Crash': a stretch of x (or of
    time), which frames what its text says about the chart's line; no series' name."""
    return MONTH_NAME.search(key) is not None or names_interval(key)


# 'July:', 'Oct 2021:' -- a key that is one month (a day or a year may follow) is an x on a time axis
MONTH_KEY = re.compile(MONTH_NAME.pattern + r"(?:\s{1,2}[0-3]?\d)?(?:,?\s{1,2}\d{4})?")


def names_date(name: str) -> bool:
    """'October', 'April 2021', '2018-07': a name that is one date, an x on a time axis."""
    return MONTH_KEY.fullmatch(name) is not None or DATE.fullmatch(name) is not None
STYLE_PAREN = re.compile(
    r"\((?:[^()]*\b(?:line|curve|dashed|dotted|solid|markers?|circles?|squares?|triangles?)\b[^()]*)\)",
    re.IGNORECASE)

# 'both lines', 'all models': a statement about every series at once
ALL_SERIES_WORDS = re.compile(
    r"\b(?P<all>both|all)\s+(?:(?P<count>two|three|four|five|six|seven|eight|\d)\s+)?"  # 'all three'
    r"(?:lines|series|curves|models|methods|metrics|bars|groups)\b", re.IGNORECASE)
# 'FlowForge (5.78)': a name, then its value in parentheses
KEY_PAREN_VALUE = re.compile(r"([^()]{1,60}?)\s*\(\s*([~≈]?\s*-?\d{1,9}(?:\.\d{1,9})?\s*%?)\s*\)")
# 'At α=0.2:' names the x by its variable
AT_NAME_EQUALS = re.compile(
    r"^(?:at|for|when|with)\s+\S{1,12}?\s*[=≈]\s*[~≈]?\s*(-?\d+(?:\.\d+)?)$", re.IGNORECASE)
# 'Density at x = -0.1:' names the value's measure, then the x by its variable
NAMED_AT_X_EQUALS = re.compile(
    r"^[A-Za-z][\w-]{0,20}(?: [\w-]{1,20}){0,2} at (\S{1,12}?)\s*[=≈]\s*[~≈]?\s*(-?\d+(?:\.\d+)?)$",
    re.IGNORECASE)


def x_after_measure(key: str, x_words: frozenset[str]) -> float | None:
    """'Density at x = -0.1' -> -0.1: the x named by 'x' or by the x axis' own symbol;
    'Density at Reward Score 0.6' -> 0.6: by the x axis' own words."""
    m = NAMED_AT_X_EQUALS.match(key)
    if m and (m.group(1).lower() == "x" or m.group(1).lower() in x_words):
        return float(m.group(2))
    named = _AT_X_WORDS_NUMBER.match(key)
    if named and x_words and (words := label_words(named.group(1))) and words <= x_words:
        return float(named.group(2))
    return None


_MEASURE_AT_NUMBER: Final = re.compile(
    r"^([^\d:]{1,40}?)\s(?:at|in|for|during|on)\s(-?\d{1,9}(?:\.\d{1,9})?)\s*$", re.IGNORECASE)
_QUALIFIER_WORDS = frozenset(q.strip(" .") for q in MEASURE_QUALIFIERS) | {"value", "values"}


def x_after_y_measure(key: str, y_words: frozenset[str]) -> int | float | None:
    """'Approximate GFLOPS in 2017' on a y axis 'GFLOPS': the key names the measure by the y
    axis' own words, then the x it is taken at."""
    m = _MEASURE_AT_NUMBER.match(key)
    if m is None or not y_words:
        return None
    words = label_words(m.group(1)) - _QUALIFIER_WORDS
    if not words or not words <= y_words:
        return None
    x = float(m.group(2))
    return int(x) if x.is_integer() else x


_AT_X_WORDS_NUMBER: Final = re.compile(
    r"^[^\d:]{1,40}?\bat\s((?:[^\W\d_][\w-]*\s){1,3})(-?\d{1,9}(?:\.\d{1,9})?)\s*$")


def span_with_own_x(key: str, text: str) -> bool:
    """'2019-2020: a climb begins late in 2019': a span key whose text names one of its
    ends gives the x itself; 'Steps 80 - 200: falls to 1.1' leaves the x to the key."""
    if not names_interval(key):
        return False
    ends = {q.value for q in quantities(key)[1]}
    return any(q.value in ends for q in quantities(text or "")[1])


# 'Point 3:' or 'Data point #3:' numbers a point whose text gives both coordinates
_ORDINAL: Final = r"^\s*(?:data\s)?(?:point|sample|marker|entry|item)\s{0,2}#?\d{1,3}"
ORDINAL_KEY = re.compile(_ORDINAL + r"\s*$", re.IGNORECASE)
_LABELLED_ORDINAL_KEY: Final = re.compile(_ORDINAL + r"\s{0,2}\(\s?([^()]{1,60})\)\s*$", re.IGNORECASE)
_NOTED_ORDINAL_KEY: Final = re.compile(_ORDINAL + r"\s{0,2}(?:\([^()]{1,60}\))?\s*$", re.IGNORECASE)


_MARK_NOTES = frozenset({"circled", "highlighted", "marked", "boxed", "annotated", "starred", "bold"})


def point_label(key: str) -> str | None:
    """'Data Point 2 (Max Match)': a numbered point and the label it carries on the chart."""
    m = _LABELLED_ORDINAL_KEY.match(clean_name(key))
    label = m.group(1).strip(" .") if m else ""
    words = set(fold(label).replace("-", " ").split())
    if not label or label.lower() in HEDGE_WORDS or is_style_words(label) or names_features(label) \
            or words <= POSITION_WORDS | _MARK_NOTES or label.isdigit():
        return None  # 'Point 3 (approx.)', '(red)', '(peak)', '(top right)', '(2019)' carry no label
    return label


def numbers_a_point(key: str, text: str) -> bool:
    """'Point 4: τ ≈ 200, p ≈ 1.5e-4' ('Point 1 (minimum):' too): the key counts points; the text
    holds the pair."""
    return _NOTED_ORDINAL_KEY.match(clean_name(key)) is not None and len(quantities(text or "")[1]) >= 2


def names_features(name: str, y_words: frozenset[str] = frozenset()) -> bool:
    """'Notable peaks', 'Local minima', 'Initial Drop', 'Late Training', 'Sharp Drop': a key
    naming features or a stretch of a line, not a line; with the y axis' words, 'Highest
    Price' on a y axis 'Price (USD)' too."""
    name = PAREN_NOTE.sub(" ", name).strip() or name  # 'Decay Phase (Approx. 45M to 53M samples)'
    words = label_words(name)
    if not words:
        return False
    lead = fold(name).replace("-", " ").split()
    if len(lead) == 2 and lead[0] in MOTION_MANNERS and lead[1] in MOTION_NOUNS:
        return True  # 'Sharp Drop', 'Gradual Decrease': a movement and its manner
    if y_words and words & y_words and words - y_words and (words - y_words) <= FEATURE_KEY_WORDS:
        return True  # the feature of the one measure the chart draws
    return words <= FEATURE_KEY_WORDS or (
        (lead[0] in PHASE_LEAD_WORDS or lead[-1] in PHASE_TAIL_WORDS) and len(lead) <= PHASE_KEY_MAX_WORDS)


def only_lead_in(text: str) -> bool:
    """'Approximate coordinates (error +/- 0.1):': words that introduce the lines below, no value."""
    plain = _PAREN_NOTE.sub("", strip_markup(text)).rstrip()
    short = len(plain.split()) <= _LEAD_IN_WORDS
    return plain.endswith(":") and short and not any(c.isdigit() for c in plain)


_PAREN_NOTE = re.compile(r"\([^()]{0,60}\)")
_LEAD_IN_WORDS = 4  # 'Approximate coordinates:'; a longer line ending in ':' says something


# 'Light Blue Distribution', 'Orange Curve': a look and the noun for what it draws
_SERIES_NOUN_TAIL: Final = re.compile(
    r"\s(?:data\s)?(?:series|distribution|curve|density|cluster|group|points|dots)$", re.IGNORECASE)


def look_series_name(name: str) -> bool:
    """'Red 'x' Data Series', 'Green Line': a series named by its look (a colour in it),
    with or without a series noun after it, and a note in brackets after it."""
    look = _SERIES_NOUN_TAIL.sub("", _PAREN_NOTE.sub("", name).strip(" :*"))  # 'Blue Line (Upper Bound)'
    return bool(look) and is_style_words(look) and mentions_color(look)
