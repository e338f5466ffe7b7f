"""The label a legend line's text gives after its look key: a bold span, else the words before
a dash, a sentence's full stop or a comma ('Blue Circles: Bouwens et al. (2014) data points'
is 'Bouwens et al. (2014)'); and when a key of look words is the label itself ('White:
Represented by a blue line')."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import fold
from ..vocab_numbers import SENTENCE_STOP
from .text import clean_name, is_style_words, strip_markup, style_of

BOLD_SPAN: Final = re.compile(r"\*\*([^*\n]{1,120})\*\*")


_ASSIGNED_NAME: Final = re.compile(r"^([^=<>≈:\s]{1,12})\s?=")


def one_setting_of_several_variables(items: list[str]) -> bool:
    """'λ = 1.5, μ = 2' sets two different variables: one combination, one entry
    ('k=1, k=3' sets one variable to several values: several entries)."""
    names = [m.group(1).lower() for m in map(_ASSIGNED_NAME.match, items) if m]
    return len(names) == len(items) and len(set(names)) == len(names)


_BARE_NUMBER: Final = re.compile(r"\d{1,6}(?:\.\d{1,6})?")


def label_before_dash(text: str) -> str:
    bold = BOLD_SPAN.match(text.strip())
    if bold:
        return clean_name(bold.group(1))  # 'Blue bars: **Ours**.' -- the bold span is the label
    if (after := _look_then_label(text)) is not None:
        return label_before_dash(after)  # 'Orange line with circular markers — **GPT-4V SoM**'
    value = strip_markup(text)
    for sep in (" - ", " – ", " — ", ". ", ", "):
        if sep == ", " and one_setting_of_several_variables(value.split(sep)):
            continue
        at = value.find(sep) if sep != ". " else _sentence_stop(value)
        if sep in (" - ", " – ") and _BARE_NUMBER.fullmatch(value[:at].strip()):
            continue  # '1 - f_coh = 0.004': a minus inside an expression, no separator
        if at != -1 and value.count("(", 0, at) <= value.count(")", 0, at):
            value = value[:at]  # not inside a parenthesis: 'AIRL-S (w. PRM)' stays whole
    described = _DESCRIBED_MARKS.search(value)
    if described is not None and len(value[: described.start()].split()) >= 2:
        value = value[: described.start()]  # ('Observed data points' keeps its words: one is too few)
    return clean_name(value)


def _look_then_label(text: str) -> str | None:
    """'Orange line with circular markers — **GPT-4V SoM**': after a look and a spaced dash,
    the words that are no look are the label."""
    m = _SPACED_DASH.search(text)
    if m is None or not is_style_words(strip_markup(text[: m.start()])):
        return None
    after = text[m.end():]
    return after if after.strip(" *_.") and not is_style_words(strip_markup(after)) else None


_SPACED_DASH: Final = re.compile(r"\s[-–—]\s")


def _sentence_stop(value: str) -> int:
    """Where the first sentence ends: not after 'et al.' or 'vs.' ('Bouwens et al. (2014)')."""
    m = _SENTENCE_END.search(value)
    return m.start() if m else -1


_SENTENCE_END: Final = re.compile(SENTENCE_STOP)
_DESCRIBED_MARKS: Final = re.compile(r"(?<!\s)\s+data\s?points\.?$", re.IGNORECASE)
"""'SERENADE galaxies data points': what the marks are, after the name they are drawn for."""


ONLY_SHARE: Final = re.compile(r"[~≈]?\s?(\d{1,3}(?:\.\d{1,3})?)\s?%\.?")  # 'Teal: 67.8%'


def key_named_like_a_look(key_clean: str, text: str) -> tuple[str, str] | None:
    """A key of look words that is the label all the same: 'Teal: 67.8%' (the colour names the
    slice, the text its share), 'White: Represented by a blue line' (a group named like a colour)."""
    if not is_style_words(key_clean):
        return None
    if ONLY_SHARE.fullmatch(strip_markup(text).strip()):
        return key_clean, key_clean
    drawn = style_of(text)[0] if _DRAWN_AS.match(text) else None
    if drawn is not None and fold(drawn) not in fold(key_clean):
        return key_clean, text
    return None


_DRAWN_AS: Final = re.compile(
    r"\s{0,2}(?:represented|shown|drawn|plotted|depicted|indicated)\s{1,2}(?:by|as|with|in)\b", re.IGNORECASE)
