"""Lines under an axis that list its categories: one quoted name per item with a note on its
place ('"Weak" (top)'), a line of quoted names, a bare list, or a 'Categories:' value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..outline_groups import NUMBERED_CATEGORY
from ..values import Quantity
from .axis_bare_list import bare_list, listed_categories
from .axis_category_notes import note_category_cues
from .axis_labels import (
    grouped_categories,
    listed_items,
    quoted_list,
    stated_category_list,
)
from .categories import drop_note
from .state import AxisDraft, ChartDraft
from .text import SPACED_DASHES, all_quoted, is_style_words, only_quoted, quantities, quoted, strip_markup
from .values_of import bare_tick_value


def one_quoted_item(text: str) -> str | None:
    """'"Weak" (top)' -> 'Weak', '`(0,25]` (meaning above 0 and up to 25)' -> '(0,25]': an item
    that is one quoted name, then at most a note."""
    plain = text.strip().replace("**", "").lstrip("*_ ")  # ('**"CPU Only"** (left bar)' too)
    if not plain.startswith(('"', "“", "`")):
        return None
    name = quoted(text)
    if name is None:
        return None
    rest = plain[plain.find(name) + len(name) + 1:].strip().rstrip(".")
    if _DASH_NOTE.match(rest):
        return name  # '`Max ASR (↓)` - lower is better, "Opt." meaning ...': a note explains the name
    if len(all_quoted(text)) != 1:
        return None
    if plain.startswith("`"):  # (a code name alone is read with the other quoted lists)
        return name if _NOTE_ONLY.fullmatch(rest) else None
    if drop_note(plain.rstrip(".")).strip().strip("\"“”") == name:
        return name
    return name if _NOTE_ONLY.fullmatch(rest) else None  # (a note with numbers of its own)


_NOTE_ONLY: Final = re.compile(r"\([^()]{1,80}\)")
_DASH_NOTE: Final = re.compile(r"[-–—]\s")


def without_notes(items: Sequence[int | float | str]) -> list[int | float | str]:
    """A note after a listed category ('LLM (Red)', 'Yes (54.3%)') is not part of its name."""
    return [drop_note(t) if isinstance(t, str) else t for t in items]


_SENTENCE_WORDS = 7
_LINKING: Final = re.compile(r"\s(?:by|are|is|with|between|separated|shown|drawn)\s", re.IGNORECASE)


def _describes(text: str) -> bool:
    """A sentence about the categories ('Groups separated by dashed lines'), not one more."""
    words = len(text.split())
    return words >= _SENTENCE_WORDS or (words > 3 and _LINKING.search(text) is not None)


def child_categories(axis: AxisDraft, child_key: str | None, child_text: str) -> None:
    """A line under an axis listing categories (one per item, several, or quoted names)."""
    if child_key is None and child_text and (one := one_quoted_item(child_text)) is not None:
        axis.ticks.append(one)  # '"Weak" (top)': one quoted category and a note on its place
        _named_when_not_all_numbers(axis, one)
    elif child_key is None and (names := only_quoted(child_text)):
        axis.ticks.extend(names)  # '`create`, `edit`, `<END>`': the quoted names, as written
        axis.scale = axis.scale or "categorical"
    elif child_key is None and child_text:  # one item per category, or a line listing several
        plain = strip_markup(child_text)
        listed = bare_list(child_text) or grouped_categories(plain)
        if listed or not axis.ticks or not _describes(drop_note(plain)):
            axis.ticks.extend(without_notes(listed or [bare_tick_value(plain)]))
            if len(axis.ticks) >= 2 and all(isinstance(t, str) and not is_style_words(t) for t in axis.ticks):
                axis.scale = axis.scale or "categorical"  # names, one per item ('Blue circles' are marks)
        # (a sentence after the listed categories, 'Sub-category groupings separated by dashed
        # vertical lines', describes them: no category of its own)
    elif child_text and not axis.ticks:  # '* Categories: last\\_q, first\\_answer'
        axis.ticks = without_notes(listed_categories(child_text) or listed_items(strip_markup(child_text)))
        axis.scale = axis.scale or ("categorical" if axis.ticks else None)


_INTERVAL_LABEL: Final = re.compile(r"[\[(]\s?[-−]?\d[\d.]*\s?[,–-]\s?[-−]?\d[\d.]*\s?[\])]")


def _named_when_not_all_numbers(axis: AxisDraft, label: str) -> None:
    """Quoted labels one per line, one of them an interval ('"0"', '"(0,25]"', '"100"'): the
    axis' categories, the numbers among them too (tested on each label as it comes: linear)."""
    if axis.scale is None and len(axis.ticks) >= 2 and _INTERVAL_LABEL.fullmatch(label):
        axis.scale = "categorical"


_LABELLED_LIST: Final = re.compile(r"\blabell?ed\s{1,2}(?:as\s{1,2})?([^\"“:.;()]{1,300})", re.IGNORECASE)
_LABELLED_LIST_MIN = 3  # 'labeled as A and B' may name an axis and its unit; three names list categories
_NAME_WORDS = 3  # 'labeled as TTPD, LR, CCS': short names; longer items are clauses


def labelled_categories(text: str) -> list[int | float | str]:
    """'Years, labeled as Year 1, Year 2, Year 3 and Year 4' or 'Models labeled as TTPD, LR,
    CCS, MM': the labels, as written, when they are names ('labeled 0, 20, 40' marks ticks on
    a scale)."""
    if "label" not in text.lower():
        return []
    m = _LABELLED_LIST.search(strip_markup(text))
    if m is None:
        return []
    listed = listed_items(m.group(1))
    if len(listed) < _LABELLED_LIST_MIN or not all(isinstance(x, str) and len(x.split()) <= _NAME_WORDS
                                                    for x in listed):
        return []
    if 2 * sum(1 for x in listed if _is_one_number(str(x))) > len(listed):
        return []  # 'labeled checkpoints at 0, 5k, 10k, 20k': numbers mark ticks on a scale
    return listed


def _is_one_number(text: str) -> bool:
    _, qs = quantities(text)
    return len(qs) == 1 and qs[0].raw.strip() == text.strip()


_SUFFIXED_NUMBER: Final = re.compile(r"\d[\d.,]*\s?[A-Za-z%]{1,3}")


def suffixed_numbers(text: str) -> list[int | float | str]:
    """'350M, 1B, 3B, 7B' stated as categories: each kept as written, with its suffix."""
    listed = listed_items(strip_markup(text))
    if not listed or not all(isinstance(x, str) and _SUFFIXED_NUMBER.fullmatch(x) for x in listed):
        return []
    return listed


_SIZED_TICK: Final = re.compile(r"(?<![^\s,(:`\"'“])\d{1,4}(?:\.\d{1,3})?[KMBT](?=$|[\s,;)`\"'”]|\.(?!\d))")


def sized_ticks(text: str) -> list[str]:
    """'with markers at 2.7B, 3.7B, 5.5B, and 6.7B': sizes written with a magnitude letter."""
    return _SIZED_TICK.findall(strip_markup(text))


_LABEL_WORDS_BEFORE_LIST = 4
_TICKS_ONLY: Final = re.compile(r"\s*-?\d[\d.]*(?:\s*,\s*-?\d[\d.]*){2,}\s*\.?\s*$")


def label_then_list(text: str) -> tuple[str | None, list[str]]:
    """'Topics - Topic 1, Topic 2' -> ('Topics', [...]); 'Years – 2018, 2019, 2020' ->
    ('Years', []): the label, a dash, then its categories (or numbers, read as ticks)."""
    plain = strip_markup(text)
    for dash in SPACED_DASHES:
        head, found, rest = plain.partition(dash)
        head = head.strip()
        if not found or not head or len(head.split()) > _LABEL_WORDS_BEFORE_LIST \
                or not head.replace(" ", "").isalpha():
            continue
        listed = bare_list(rest)
        if listed or _TICKS_ONLY.match(rest):
            return head, listed
    return None, []


def named_categories(axis: AxisDraft, text: str) -> list[int | float | str]:
    """A 'Categories:' value's quoted or listed names; 'Datasets: DS1, DS2' states its label first."""
    if quoted_names := all_quoted(text):
        return list[int | float | str](quoted_names)
    named = bare_list(text)
    if named and ": " in named[0]:
        head, _, named[0] = named[0].partition(": ")
        axis.label = axis.label or head
    return list[int | float | str](named)


def stated_categories(axis: AxisDraft, field: str | None, text: str) -> None:
    """A 'Categories:' field, or quoted names listed on the axis line itself."""
    if field == "categories":
        axis.scale = axis.scale or "categorical"
        axis.ticks = axis.ticks or named_categories(axis, text) or suffixed_numbers(text)  # '350M, 1B'
    if field in ("categories", None) and not axis.ticks and (listed := _listed_in_sentence(text)):
        axis.ticks = list[int | float | str](listed)  # ('Lists five sectors. From left to right: A, B')
        axis.scale = axis.scale or "categorical"
    if field == "scale" and not axis.ticks and (m := _NAMED_SCALE_LIST.match(text.replace("**", ""))):
        # 'Categorical with three marked points: `1`, `4`, and `+∞`'; 'Qualitative, ...: "Less", "More"'
        marks = all_quoted(m.group(1)) or []
        marks = marks if len(marks) >= 2 else bare_list(strip_markup(m.group(1)))
        axis.ticks = list[int | float | str](marks)
        axis.scale = axis.scale or ("categorical" if axis.ticks else None)
    if field in ("label", None) and not axis.ticks and (stated := stated_category_list(text)):
        axis.ticks, axis.scale = stated, axis.scale or "categorical"  # '"Score" (categories: 1, 2)'


_NAMED_SCALE_LIST: Final = re.compile(r"\s*(?:categorical|qualitative|nominal|ordinal)\b[^:]{0,60}:\s*(.+)$",
                                      re.IGNORECASE)


def _listed_in_sentence(text: str) -> list[int | float | str]:
    """'Lists 9 datasets: A, B.', '... From left to right: `a`, `b`.', 'categorical tick marks: `2`, `4`'."""
    plain = strip_markup(text)
    lead = _LISTS_LEAD.match(plain) if ":" in text else None
    order = _ORDER_LEAD.search(plain) if lead is None else None
    listed = quoted_list(text) or (bare_list(lead.group(1)) if lead else []) or (
        listed_items(order.group(2) or order.group(4)) if order else []) or _labelled_list(plain)
    if order and order.group(1) and order.group(1).lower().startswith(("label", "categor")) \
            and all(not isinstance(t, str) for t in listed):
        return []  # 'labels: 0, 20, 40' marks ticks on a scale; 'labels: 10k, 25k' names categories
    return list[int | float | str](listed)


_LISTS_LEAD: Final = re.compile(r"^\s*(?:[^\W\d_]{3,15},\s)?"  # ('Categorical, representing ...: A, B')
                                r"(?:lists?|listing|names?|naming|shows?|showing|represents?|representing"
                                r"|displays?|displaying|contains?|containing)\b"
                                r"[^:.\d]{0,40}\d{0,3}[^:.\d]{0,40}:\s*(.+)$",
                                re.IGNORECASE)
_ORDER_LEAD: Final = re.compile(r"\b(left to right|right to left|top to bottom|bottom to top|labels|"
                                r"labell?ed|categories)\)?(?::|\s(?:include|includes|are)\b:?)\s*(.+)$"
                                # 'three categorical tick marks: `2`, `4`' (not 'non-categorical')
                                r"|(?<![-\w])(?<!not\s)categorical\s(tick marks|ticks):\s*(.+)$",
                                re.IGNORECASE)


def _labelled_list(plain: str) -> list[str]:
    """'Labeled C1, C2, C3, C4 (no legend, ...)': the categories the axis is labelled with
    (not 'Labeled as ...', 'labeled with ...'); a note in brackets after the list is none."""
    m = _LABELLED.match(plain)
    if m is None:
        return []
    body = plain[m.end():]
    head, paren, _ = body.partition(" (")
    items = bare_list(head if paren and "," in head else body)
    # ('Labeled Model Size (parameters), 7B, 13B' names the axis first; 'Quarter, Q1 through Q4')
    if len(items) < _LABELLED_MIN or any("(" in item or _SPAN_WORD.search(item) for item in items):
        return []
    return items


_LABELLED_MIN = 3
_SPAN_WORD: Final = re.compile(r"\b(?:through|thru|to|until)\b", re.IGNORECASE)


_LABELLED: Final = re.compile(r"\s{0,3}labell?ed\s(?!(?:as|with|by|from|in|on|at|along|using|according)\b)",
                              re.IGNORECASE)
_WORD_OF_TWO: Final = re.compile(r"[^\W\d_]{2}")
_LEADING_NUMBER: Final = re.compile(r"[`*_~≈\s]*[-−+]?\d")


def tick_line_categories(axis: AxisDraft, text: str) -> bool:
    """A 'Ticks:' or 'Labels:' line under an axis with no range and no ticks yet: quoted names
    ('"SaGe" (left bar) and "RandTrain" (right bar)') or a list whose every item holds a word
    ('Dot Product, L2 Distance'; '`2⁰`, `2¹`' and '10 ms, 20 ms' are ticks) are its categories.
    True when read."""
    if axis.ticks:
        return False
    names = quoted_list(text)
    listed = [] if names else bare_list(text)
    if listed and all(_WORD_OF_TWO.search(item) for item in listed) \
            and not all(_LEADING_NUMBER.match(item) for item in listed):
        names = listed  # ('10 ms, 20 ms' are numbers with a unit: ticks)
    if not names:
        return False
    axis.ticks = list[int | float | str](names)
    axis.scale = axis.scale or "categorical"
    return True


# Keys naming one category: these words, or a numbered label or tick ('Label 1: "White"', as
# the outline groups it: NUMBERED_CATEGORY) whose value is no bare number; 'Label:' names the axis.
_ONE_CATEGORY: Final = re.compile(r"\b(?:category|bar|slice|group)\b")
_NUMBER_ONLY: Final = re.compile(r"[\"“'`]?[-−]?\d[\d.,]{0,12}[\"”'`]?\.?")  # ('Tick 1: "2019"' is a number)


def read_one_category(axis: AxisDraft, folded_key: str, field: str | None, text: str) -> bool:
    """'Left Category Label: `Female`', 'Category 1 (Left Bar): Label = "Male"': a line under
    an axis naming one category; True when read."""
    named = _ONE_CATEGORY.search(folded_key) is not None or (
        NUMBERED_CATEGORY.search(folded_key) is not None and not _NUMBER_ONLY.fullmatch(text.strip()))
    if not (named and text and (
            field == "label" or (field in ("categories", None) and len(all_quoted(text)) == 1))):
        return False
    axis.ticks.append(quoted(text) or strip_markup(text).rstrip("."))
    axis.scale = axis.scale or "categorical"
    return True


_TICK_LEAD: Final = re.compile(
    r"[*_ ]{0,4}(?:major\s|minor\s)?(?:tick\s?marks?|ticks|markers)\s(?:are\s)?(?:at|on)\b", re.IGNORECASE)


_NUMBER_LIST: Final = re.compile(
    r"\s*[-−]?\d[\d.]*(?:\s*(?:,\s*(?:and\s+)?|and\s+)[-−]?\d[\d.]*){2,}\s*\.?\s*")


def unkeyed_ticks(text: str) -> str | None:
    """'Tick marks at 4, 8, 16, 32.' under an axis: the list an unkeyed ticks field gives,
    commas for its 'and' (which would read as a range); only a bare list of three or more
    numbers ('Markers at 5 and 45 are outliers' is no tick list)."""
    lead = _TICK_LEAD.match(text)
    if lead is None or not _NUMBER_LIST.fullmatch(text, lead.end()):
        return None
    return _AND.sub(", ", text[lead.end():])


_AND: Final = re.compile(r",?\s+and\s+")


def categories_as_written(axis: AxisDraft, chart: ChartDraft, text: str,
                          children: list[tuple[str | None, str]]) -> None:
    """Sizes that name bars ('markers at 2.7B, 3.7B, 5.5B' on a bar chart: each as written, no
    scale), and whether the categories are only examples ('e.g., "Circle," ..., "Square"')."""
    if axis.role == "x" and chart.kind == "bar" and not axis.has_named_ticks() \
            and len(sized := sized_ticks(text)) >= 2:
        _as_written(axis, sized)
    elif chart.kind in ("bar", "heatmap") and not axis.has_named_ticks() \
            and len(worded := worded_ticks(text)) >= 2:  # '1-hop, 2-hop, 3-hop' over a heatmap's columns
        _as_written(axis, worded)
    note_category_cues(axis, text, children)


def _as_written(axis: AxisDraft, labels: list[str]) -> None:
    axis.ticks, axis.scale, axis.min, axis.max = list[int | float | str](labels), "categorical", None, None


_WORDED_TICK: Final = re.compile(r"(?<![\w.\-])\d{1,4}-([A-Za-z]{2,12})\b(?!-)")


def worded_ticks(text: str) -> list[str]:
    """'1-hop, 2-hop, and 4-hop': numbers joined to one word by a hyphen, the same word each."""
    found = list(_WORDED_TICK.finditer(strip_markup(text)))
    if len({m.group(1).lower() for m in found}) != 1:
        return []
    return [m.group(0) for m in found]


_ROMAN_RANGE: Final = re.compile(r"\(\s?([IVX]{1,4})\s?[–—-]\s?([IVX]{1,4})\s?\)")
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_range(text: str) -> list[str]:
    """'Sub-tasks (I–VI)': the categories I, II, ... VI a range of Roman numerals names."""
    m = _ROMAN_RANGE.search(text) if "(" in text else None
    if m is None or m.group(1) not in _ROMANS or m.group(2) not in _ROMANS:
        return []
    lo, hi = _ROMANS.index(m.group(1)), _ROMANS.index(m.group(2))
    return list(_ROMANS[lo: hi + 1]) if hi > lo else []


_DIGIT_THEN_LETTER: Final = re.compile(r"\d[a-zA-Z]")
_GLUED_UNIT: Final = re.compile(r"(?<![\w.])\d+(?:\.\d+)?([a-zA-Z]{1,3})\b(?![-+]?\d)")  # not 5e-5


def glued_unit(text: str) -> str | None:
    """'markers at 112px, 224px and 336px': the unit written on every value of the axis.

    Only letters glued to each number, the same on two or more of them; magnitudes
    ('10K', '7B') are values, not units."""
    if not _DIGIT_THEN_LETTER.search(text):  # (a cheap test: the pattern needs one)
        return None
    found = [m.group(1) for m in _GLUED_UNIT.finditer(text)]
    units = set(found)
    if len(found) < 2 or len(units) != 1:
        return None
    unit = units.pop()
    if unit.upper() in _MAGNITUDES or any(q.magnitude for q in quantities(text)[1]):
        return None
    return unit


_MAGNITUDES = frozenset({"K", "M", "B", "T", "G", "BN", "MN"})


def tick_values(listed: list[Quantity]) -> list[int | float | str]:
    """The values of listed ticks; a value said twice in a row is one tick ('`10⁻¹` (0.1)')."""
    return [q.value for i, q in enumerate(listed) if i == 0 or q.value != listed[i - 1].value]


def marks_ticks(axis: AxisDraft, text: str) -> bool:
    """Numbers listed on a numeric axis mark its ticks ('"Digit Scale" with tick marks at 1,
    2, 3'); a quoted name with a number in it is a category ('"Attempt 1", "Attempt 2"')."""
    name = quoted(text) or ""
    norm, qs = quantities(name)
    a_number = len(qs) == 1 and qs[0].start == 0 and qs[0].end == len(norm)  # '`10²`' names no category
    if axis.scale == "categorical" and _MARKS_AT.search(text) is None:
        return False  # ('lists layers from 0 to 31, a 32-layer model' counts; 'markers at 1, 2, 3' marks)
    return a_number or not any(ch.isdigit() for ch in name)


_MARKS_AT: Final = re.compile(r"\b(?:markers?|ticks?|tick\smarks|labels?)\s(?:at|of)\s", re.IGNORECASE)
