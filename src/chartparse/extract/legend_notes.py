"""What a legend line says about the legend itself, not about its entries: an absent
entry ('None'), the legend's position, a colour scale in place of entries, or a key the legend's
lines share, which names what the entries vary."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..textcache import text_cache
from ..vocab import COLOR_SCALE_PHRASES, LEGEND_POSITIONS, fold, has_phrase, mentions_color
from .state import name_key
from .text import PAREN_NOTE, is_style_words, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node


def is_placeholder(label: str) -> bool:
    """'None', 'N/A', 'No legend' stand for an absent entry; 'No Reranking' is a label."""
    folded = fold(label)
    return folded in ("", "none", "n/a", "na", "absent", "not present", "none present",
                      "not applicable", "unknown") or folded.startswith(("no legend", "none ",
                                                                            "not visible")) \
        or _ABSENT_THEN_NOTE.match(folded) is not None  # 'None. Single data series.'


_ABSENT_THEN_NOTE: Final = re.compile(r"(?:none|n/a|absent)\s?[.,;:–—-]\s")


NO_LEGEND: Final = re.compile(
    r"\bno\s(?:[a-z]+\s){0,2}legends?\b"
    r"|\b(?:do|does|did)\s(?:not\s|n't\s)(?:have|get|appear\sin)\s(?:an?\s|any\s|the\s)?(?:[a-z]+\s)?legend\b"
    r"|\bnot\s(?:listed|shown|named|included)\sin\sthe\slegend\b", re.IGNORECASE)
"""'No legend', 'No explicit legends present', 'has no legend', 'These lines do not have a
direct legend entry', 'not listed in the legend': the legend is absent (or the line not in it)."""


def names_other_channel(words: str) -> bool:
    """A size legend's key that names colours or shapes too: it keeps its entries."""
    return bool({"color", "colour", "colors", "colours", "shape", "shapes", "marker", "markers"}
                & set(words.split())) or mentions_color(words)


def scale_stop_lines(node: Node) -> list[int] | None:
    """The lines under a colour scale's key that each give one stop ('-0.2: Dark Blue',
    '0.5 (white)'), or None when a child says anything else."""
    lines = []
    for child in node.children:
        line = child.line
        if line is None or child.children:
            return None
        head = line.key if line.key is not None else line.text
        if not _STOP_VALUE.fullmatch(strip_markup(head).strip()) or (
                line.key is not None and not mentions_color(line.text)):
            return None
        lines.append(line.line)
    return lines or None


_STOP_VALUE: Final = re.compile(r"[~≈]?\s?[-−]?\d[\d.,]{0,12}\s?%?(?:\s?\([^()]{1,30}\))?")


def legend_position(text: str) -> str | None:
    folded = fold(text).replace("-", " ")
    for phrase in LEGEND_POSITIONS:
        if has_phrase(folded, phrase):
            return phrase.replace(" ", "-") if phrase.count(" ") == 1 and phrase.split()[0] in (
                "top", "bottom", "upper", "lower", "center") else phrase
    return None


@text_cache()
def is_color_scale(text: str) -> bool:
    """'A colour bar from 0 (white) to 1 (dark red)': values mapped to colours, not entries."""
    folded = fold(text)
    if any(p in folded for p in COLOR_SCALE_PHRASES):
        return True
    # 'ranging from 1 (dark blue) to 10 (yellow)': a gradient of values between two colours
    if "from" not in folded and " to " not in folded:
        return False
    m = _GRADIENT.search(text.lower()) or _GRADIENT_COLOURS_FIRST.search(strip_markup(text).lower())
    return m is not None and mentions_color(m.group(1)) and mentions_color(m.group(2))


_GRADIENT: Final = re.compile(r"(?:\bfrom\s{1,3}|^\W{0,3})`?-?[\d.]{1,12}`?\s{0,3}\(([^()]{1,30})\)"
                              r"\s{1,3}to\s{1,3}`?-?[\d.]{1,12}`?\s{0,3}\(([^()]{1,30})\)")
"""'from 1 (dark blue) to 10 (yellow)', '`30` (light blue) to `80` (dark blue)' (a line that is only that)."""


# 'Gradient ranges from purple (0.4) to yellow (0.9)': the colours first, their values after them
_GRADIENT_COLOURS_FIRST: Final = re.compile(r"\bfrom\s{1,3}([^\W\d_][^()\d]{0,25})\(\s?-?[\d.]{1,12}\s?\)"
                                            r"\s{1,3}to\s{1,3}([^\W\d_][^()\d]{0,25})\(\s?-?[\d.]{1,12}\s?\)")


_TITLED: Final = re.compile(r"\b(?:titled|entitled|headed)\s+[\"\u201c]([^\"\u201c\u201d]{1,80})[\"\u201d]",
                     re.IGNORECASE)
_FORMAT_QUOTE: Final = re.compile(r"\b(?:format|formatted|template|pattern)\s(?:is\s|as\s|of\s)?"
                                  r"\s{0,2}[\"\u201c`']([^\"\u201d`']{1,80})[\"\u201d`']", re.IGNORECASE)


def legend_titles(text: str) -> list[str]:
    """What a legend line quotes as the legend's title ('titled "Method:"')."""
    return _TITLED.findall(text) if '"' in text or "\u201c" in text else []


def quoted_formats(text: str) -> list[str]:
    """What a line quotes as the format labels are written in ('The label format is
    `Library (Count)`'): a template, not a label."""
    return _FORMAT_QUOTE.findall(text) if "form" in text.lower() or "templ" in text.lower() \
        or "pattern" in text.lower() else []


_EXAMPLES: Final = re.compile(r"\b(?:e\.g\.|i\.e\.|for example|such as)", re.IGNORECASE)
_COUNT_NOTE: Final = re.compile(
    r"\s{0,2}\(\s{0,2}(?:n\s?=\s?\d[\d,]{0,9}|\d[\d,]{0,9}\s(?:instances?|points?|dots?|samples?|"
    r"observations?|items?|markers?|entries))\s{0,2}\)$", re.IGNORECASE)


def describes_labels(label: str) -> bool:
    """'Model names with sizes (e.g., "A-8B")': a description of the labels, no label."""
    return _EXAMPLES.search(label) is not None


def without_count_note(label: str) -> str:
    """'Chat models (14 instances)' -> 'Chat models': how many marks an entry has is no part of it."""
    return _COUNT_NOTE.sub("", label) or label


def titles_a_color_scale(title: str) -> bool:
    """'Legend (Color Scale)', 'Colorbar': a title naming a colour scale by a whole phrase
    ('Legend and Color Mapping' maps colours to names: no scale)."""
    folded = fold(title)
    return any(has_phrase(folded, p) for p in COLOR_SCALE_PHRASES)


def shared_legend_keys(node: Node) -> frozenset[str]:
    """'Precision: FP32 (grey)' then 'Precision: Mixed (blue)': a key that several legend lines
    share, each with a text of its own, names what the entries vary, not an entry."""
    first_text: dict[str, str] = {}
    shared = set()
    for child in node.children:
        line = child.line
        if line is None or line.key is None or not line.text \
                or is_style_words(strip_markup(PAREN_NOTE.sub(" ", line.text)).strip(" .")):
            continue  # ('Model A: solid blue line (training)' is a look of A, drawn two ways)
        key = name_key(line.key)
        if first_text.setdefault(key, line.text) != line.text:
            shared.add(key)
    return frozenset(shared)
