"""A category label read against what the description declared about its axis.

A key names a category as the model wrote it, often with more than the category: the axis
name (``Difficulty Level 2`` on an axis "Difficulty Level" with categories 1-5), a unit word
(``9 tokens`` on an axis "#Tokens"), a position, colour or count note (``Trial 2 (Middle Bar)``),
or Markdown escapes (``north\\_set``). What the axis declared decides what the x is.
"""

from __future__ import annotations

import re
from typing import Final

from ..textcache import text_cache
from ..vocab import COLOR_WORDS, ORDINAL_LABEL_WORDS, fold, has_phrase, label_words
from .panel_titles import WORD
from .state import AxisDraft, ChartDraft
from .text import DATE, PAREN_NOTE, strip_markup, unescape
from .value_words import x_words_ok
from .values_of import x_number

TRAILING_NOTE: Final = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_ORDINAL_PREFIX: Final = re.compile(r"^([A-Za-z]{3,12})\s+\d{1,3}\s*(?::|\.|\)|\s[–—-])\s+(\S.{0,80})$")
_ORDINAL_NUMBERED: Final = re.compile(  # 'Category 3', 'Category 14>=15'
    r"([A-Za-z]{3,12})\s{1,2}(\d[\d.]{0,8}(?:\s{0,2}[<>≤≥=+-]{1,2}\s{0,2}\d{1,8})?)")
_NUMBER: Final = re.compile(r"^[~≈]?\s*(-?\d+(?:[.,]\d+)*)$")
_NUMBER_THEN_WORD: Final = re.compile(r"^[~≈]?\s*(-?\d+(?:\.\d+)?)\s*([A-Za-z%][A-Za-z%/.]{0,15})$")
_LABEL_WORD: Final = re.compile(r"[a-z%]+")
_LABEL_WORDS_MAX = 8  # a category label is short; longer keys are sentences
_DRAWN_PARTS = frozenset({"bar", "bars", "column", "slice", "segment", "wedge", "box", "dot", "marker"})
_NOTE_WORDS = frozenset(
    """bar bars column columns slice segment left leftmost right rightmost middle center centre
    top topmost bottom first second third fourth fifth last highest lowest tallest shortest
    group line dot marker point shaded solid hatched striped dashed dotted light dark axis spoke
    quadrant half upper lower""".split())


SHARE_NOTE: Final = re.compile(r"\s?[~≈]?(\d{1,3}(?:\.\d{1,4})?)\s?%\s?")  # '54.3%' inside '(...)'
# '(represented by a grey bar)', '(shown as no visible bar)': a note on how the category is drawn
_DRAWING_NOTE: Final = re.compile(
    r"\s?(?:is\s|are\s)?(?:represented|shown|drawn|depicted|displayed|rendered|plotted|indicated)\s(?:by|as|in|with)\b",
    re.IGNORECASE)
# 'n = 30', 'Total: 7 students': a count of the category; not a size 'N=7B'
_COUNT_NOTE: Final = re.compile(r"\s?(?:total|sum|count|n)\s?[:=]\s?[~≈]?\s?\d[\d,.]*(?![A-Za-z\d])", re.I)

# '(Category 2)', '(Slice 3)': the number the description gave the category, no part of its name
_ORDINAL_NOTE: Final = re.compile(r"\s{0,2}(?:" + "|".join(sorted(ORDINAL_LABEL_WORDS | {"slice", "segment"}))
                                  + r")\s{0,2}#?\d{1,3}\s{0,2}", re.IGNORECASE)


_DIRECTION_NOTE: Final = re.compile(r"\s?\(\s?[↑↓⬆⬇]\s?\)")


@text_cache()
def drop_note(label: str) -> str:
    """``Trial 2 (Middle Bar)`` -> ``Trial 2``: a trailing note of position or colour; and
    anywhere, a note of which way is better ('Max ASR (↓) Opt.-Free')."""
    if "(" in label and _DIRECTION_NOTE.search(label):
        label = _DIRECTION_NOTE.sub("", label).strip()
    m = TRAILING_NOTE.search(label)
    if not m or not label[: m.start()].strip():
        return label
    if SHARE_NOTE.fullmatch(m.group(1)) or _DRAWING_NOTE.match(m.group(1)) \
            or _ORDINAL_NOTE.fullmatch(m.group(1)) or _COUNT_NOTE.match(m.group(1)):
        return label[: m.start()].strip()  # 'Yes (54.3%)', 'PhD (Total: 7 students)': a share or count
    head = _LABEL_WORD.findall(fold(label[: m.start()]))
    if all(w in _NOTE_WORDS for w in head) and any(w in _DRAWN_PARTS for w in head):
        return label[: m.start()].strip()  # 'Top Bar (Comparison with "baseline")': the bar is its place
    words = _LABEL_WORD.findall(fold(m.group(1)))
    unknown = [w for w in words if w not in _NOTE_WORDS and w not in COLOR_WORDS]
    if words and (not unknown or (len(unknown) == 1 and len(words) > 1 and any(
            w in _DRAWN_PARTS for w in words))):
        return label[: m.start()].strip()  # one unknown word beside 'segment' is its colour's name
    return label


def category_axis(chart: ChartDraft, panel: str | None) -> AxisDraft | None:
    """The axis that holds the categories: the one stated categorical, else x."""
    axes = [a for a in (chart.axis("x", panel), chart.axis("y", panel), chart.axis("x", None),
                        chart.axis("y", None)) if a is not None]
    for axis in axes:
        if axis.scale == "categorical" or axis.has_named_ticks():
            return axis
    return next((a for a in axes if a.role == "x"), None)


def category_x(chart: ChartDraft, raw: str, panel: str | None) -> int | float | str:
    """The x a category key names, reduced on the category axis ('Bin 3' of a histogram: 3)."""
    axis = category_axis(chart, panel)
    if axis is None and panel is not None:
        axis = _axis_declaring(chart, raw)
    x = reduce_on_axis(axis, raw)
    if axis is not None and isinstance(x, str) and chart.kind != "heatmap":
        # 'For 2 in-context examples' on an axis 'Number of in-context examples' listing 2
        # (not on a heatmap, where 'Multimodal Models' sums up a whole row)
        unled = _LEAD_PREPOSITION.sub("", fold(strip_markup(x)), count=1)
        tick = tick_with_axis_words(axis, unled) if " " in unled else None
        if tick is not None:
            return tick
    if isinstance(x, str) and axis is not None and _numeric_ticks(axis) \
            and (number := x_number(x, _axis_words(axis))) is not None:
        return number  # '5k tokens' on an axis 'Thinking Tokens' marked 0, 5, 10: the number, not a name
    if chart.kind == "histogram" and isinstance(x, str) and (counted := _counted_part(x)) is not None \
            and (number := _number(counted)) is not None:
        return number
    return x


def _axis_declaring(chart: ChartDraft, raw: str) -> AxisDraft | None:
    """For a panel that states no axes (a sub-chart of a group whose section stated them),
    the one other panel's x axis on which the label is a declared category ('Category 0'
    where the bar charts' x axis lists "0", "1", "2")."""
    label = fold(drop_note(unescape(raw)))
    counted = _counted_part(label)
    found = [a for a in chart.axes if a.role == "x" and a.panel is not None and len(a.ticks) >= 2
             and any(fold(str(t)) in (label, counted) for t in a.ticks)]
    return found[0] if len(found) == 1 else None


def _numeric_ticks(axis: AxisDraft) -> bool:
    return len(axis.ticks) >= 2 and not axis.has_named_ticks()


def _axis_words(axis: AxisDraft) -> frozenset[str]:
    return label_words(PAREN_NOTE.sub(" ", strip_markup(axis.label or "")))


_LEAD_PREPOSITION: Final = re.compile(r"^(?:for|at|in|with|on|under)\s+")


def tick_with_axis_words(axis: AxisDraft, folded: str) -> int | float | str | None:
    """The declared tick a label holds beside only the axis' own words: '30-44 age band' on
    an axis 'Age bands (18-29, 30-44, ...)', '2 in-context examples' on an axis 'Number of
    in-context examples' listing 2."""
    axis_words = _axis_words(axis)
    for tick in axis.index().at_ends(folded):
        written = fold(str(tick))
        if (folded.startswith(written + " ") and x_words_ok(folded[len(written) + 1:], axis_words)) \
                or (folded.endswith(" " + written) and x_words_ok(folded[: -len(written) - 1], axis_words)):
            return tick
    return None


def reduce_on_axis(axis: AxisDraft | None, raw: str) -> int | float | str:
    """A label reduced against what one axis declares (its categories, name, range, unit)."""
    label = drop_note(unescape(raw))
    if axis is None or not label:
        return _after_one_word_head(label) if label else label
    declared = axis.index().declared()
    folded = fold(label)
    if folded in declared:
        return declared[folded]
    if (noted := _declared_by_note(axis, raw)) is not None:
        return noted  # 'Top Bar (M3 vs. Baseline)' on an axis listing 'Self-Rewarding M3 vs. SFT Baseline'
    counted = _after_ordinal_word(axis, label, declared)
    if counted is not None:
        return counted
    rest = _after_axis_name(folded, axis.label)
    if rest is None:
        rest = _before_axis_name(folded, axis.label)
        if rest is not None and rest not in declared:
            rest = None  # 'GSM8k* Dataset' on an axis "Dataset" listing 'GSM8k*'
    if rest is not None:
        if rest in declared:
            return declared[rest]
        number = _number(rest)
        if number is not None and _fits(axis, number):
            return number
        named = _after_axis_colon(label, axis.label)
        if named is not None:
            return named  # 'Retrieved or Not: Yes': the axis named, then its category
    number = _number_after_head_noun(folded, axis)
    if number is not None:
        return number
    reduced = _after_axis_words(folded, axis, declared)
    if reduced is None:
        reduced = _x_number_on_axis(label, axis)
    return reduced if reduced is not None else _with_unit_or_inside(label, folded, axis)


def _declared_by_note(axis: AxisDraft, raw: str) -> int | float | str | None:
    """The one declared category holding every word of a label's trailing note, when the
    label before it is only a place ('Top Bar')."""
    m = TRAILING_NOTE.search(raw)
    if m is None or not all(w in _NOTE_WORDS for w in _LABEL_WORD.findall(fold(raw[: m.start()]))):
        return None
    words = set(WORD.findall(fold(m.group(1))))
    found = [t for t in axis.ticks
             if isinstance(t, str) and words and words <= set(WORD.findall(fold(t)))]
    return found[0] if len(found) == 1 else None


def _with_unit_or_inside(label: str, folded: str, axis: AxisDraft) -> int | float | str:
    """'120 seconds' on an axis in seconds; else a declared category inside the label."""
    m = _NUMBER_THEN_WORD.match(label)
    if m and _names_unit(axis, m.group(2)):
        number = _number(m.group(1))
        if number is not None:
            return number
    inside = declared_inside(axis, folded)
    if inside is None and axis.label is None and not axis.ticks:
        return _after_one_word_head(label)
    if inside is not None and DATE.search(label) and not DATE.search(str(inside)):
        return label  # 'Jul 2024' where the axis lists 'Jul' (its year said once): the date as written
    return inside if inside is not None else label


def _after_ordinal_word(axis: AxisDraft, label: str,
                        declared: dict[str, int | float | str]) -> int | float | str | None:
    m = _ORDINAL_PREFIX.match(label)
    if m and m.group(1).lower() in ORDINAL_LABEL_WORDS:
        # 'Category 1: Apples vs Pears': the count before the colon only numbers the category
        return reduce_on_axis(axis, m.group(2))
    counted = _counted_part(label)
    if counted is None:
        return None
    if declared:  # 'Category 0' on an axis listing "0", "1", "2"
        return declared.get(fold(counted))
    if _states_numbers(axis):
        # 'Category 3' or 'Category 14>=15' on an axis of categories numbered 1-15: the number
        number = _number(counted)
        if number is None or _fits(axis, number):
            return number if number is not None else counted
    return None


def _counted_part(label: str) -> str | None:
    """'Category 3' -> '3', 'Bin 14>=15' -> '14>=15': what follows an ordinal word."""
    m = _ORDINAL_NUMBERED.fullmatch(label)
    return m.group(2) if m is not None and m.group(1).lower() in ORDINAL_LABEL_WORDS else None


def _after_one_word_head(label: str) -> str:
    """'Dataset: DS21050' on an axis that states no name: one word names the kind of the
    category, the text after its colon the category."""
    head, colon, rest = label.partition(": ")
    rest = rest.strip()
    if colon and head.isalpha() and rest and ":" not in rest:
        return rest
    return label


def value_on_named_axis(chart: ChartDraft, label: str) -> int | float | None:
    """'digit_b = 3' where an axis is labelled "digit_b": the value the label names on the
    axis it names by its label, whichever role that axis has."""
    folded = fold(drop_note(unescape(label)))
    for axis in chart.axes:
        if not _states_numbers(axis):
            continue  # an axis of named categories, or one that states nothing, keeps labels
        rest = _after_axis_name(folded, axis.label)
        number = _number(rest) if rest is not None else None
        if number is not None:
            return number
    return None


def _states_numbers(axis: AxisDraft) -> bool:
    """The axis states a numeric range or numeric ticks, and no named category."""
    named = axis.has_named_ticks()
    return not named and ((axis.min is not None and axis.max is not None) or bool(axis.ticks))


def declared_inside(axis: AxisDraft, folded: str) -> int | float | str | None:
    """The one declared category that a longer label holds as a phrase
    ('Top Bar: `Self-Rewarding M3 vs. M2`' on an axis listing 'Self-Rewarding M3 vs. M2')."""
    found = [t for t in axis.index().inside_folded(folded)
             if isinstance(t, str) and _distinctive(t) and has_phrase(folded, fold(t))]
    longest = max(found, key=lambda t: len(fold(t)), default=None)
    if longest is None:
        return None
    rivals = [t for t in found if t != longest and not has_phrase(fold(longest), fold(t))]
    return None if rivals else longest


def _distinctive(tick: str) -> bool:
    """A category found inside a label: three letters, or an acronym of two ('LR'; not 'in', not '??')."""
    folded = fold(tick)
    return len(folded) >= 3 or (len(tick.strip()) == 2 and not tick.strip().islower() and bool(folded))


def _after_axis_name(folded: str, axis_label: str | None) -> str | None:
    """What follows the axis' name in a label ('difficulty level 2' -> '2')."""
    if not axis_label:
        return None
    name = fold(TRAILING_NOTE.sub("", strip_markup(axis_label)))
    for form in _name_forms(name):
        if form and folded.startswith(form) and folded[len(form): len(form) + 1] in (" ", "="):
            # 'digit b = 3' names its value as 'digit b 3' does
            return folded[len(form):].strip().lstrip("=").strip() or None
    return None


def _after_axis_colon(label: str, axis_label: str | None) -> str | None:
    """'Retrieved or Not: Yes' -> 'Yes': the text after the axis' whole name and a colon."""
    name = strip_markup(TRAILING_NOTE.sub("", axis_label or "")).strip()
    head, colon, rest = label.partition(":")
    if not name or not colon or fold(head).rstrip("s") != fold(name).rstrip("s") or not rest.strip():
        return None  # ('Region: Ashford' on an axis "Regions" as well)
    return rest.strip()


def _number_after_head_noun(folded: str, axis: AxisDraft) -> int | float | None:
    """'score 3' on a numeric axis labelled "consistency score": the label's last word
    names the axis as its whole label does."""
    if not axis.label or not (axis.min is not None or any(not isinstance(t, str) for t in axis.ticks)):
        return None
    words = _LABEL_WORD.findall(fold(TRAILING_NOTE.sub("", strip_markup(axis.label))))
    if len(words) < 2:
        return None
    head = words[-1]
    for form in (head, head.rstrip("s"), head + "s"):
        if form and folded.startswith(form + " "):
            number = _number(folded[len(form) + 1:].strip())
            return number if number is not None and _fits(axis, number) else None
    return None


def _after_axis_words(folded: str, axis: AxisDraft,
                      declared: dict[str, int | float | str]) -> int | float | str | None:
    """'Sub-task I' on an axis "MH Benchmark Sub-tasks" listing I-VI: the label's leading
    words are words of the axis' label, and what follows them is a declared category."""
    words = folded.split()
    if not axis.label or not declared or len(words) > _LABEL_WORDS_MAX:
        return None
    axis_words = {w.rstrip("s") for w in _LABEL_WORD.findall(fold(strip_markup(axis.label)))}
    for cut in range(len(words) - 1, 0, -1):
        rest = " ".join(words[cut:])
        if rest in declared:
            lead = _LABEL_WORD.findall(" ".join(words[:cut]))
            if lead and all(w.rstrip("s") in axis_words for w in lead):
                return declared[rest]
    return None


def _x_number_on_axis(label: str, axis: AxisDraft) -> int | float | None:
    """'At Epoch 100' on a numeric axis "Epochs" ticked 100, 200, 300 (the labels 'Attempt 1',
    'Attempt 2' of an axis stated categorical stay whole)."""
    if axis.scale == "categorical" or not _states_numbers(axis):
        return None
    number = x_number(label, frozenset(_LABEL_WORD.findall(fold(axis.label or ""))))
    return number if number is not None and _fits(axis, number) else None


def _name_forms(name: str) -> tuple[str, str, str]:
    """An axis name as written, in the singular ('Categories' -> 'category') and the plural;
    a sign before it that counts ('# Parameters') is no part of it."""
    name = name.lstrip("#№ ")
    return name, name[:-3] + "y" if name.endswith("ies") else name.rstrip("s"), name + "s"


def _before_axis_name(folded: str, axis_label: str | None) -> str | None:
    """What precedes the axis' name at the end of a label ('gsm8k* dataset' -> 'gsm8k*')."""
    if not axis_label:
        return None
    name = fold(TRAILING_NOTE.sub("", strip_markup(axis_label)))
    for form in _name_forms(name):
        if form and folded.endswith(" " + form):
            return folded[: -len(form) - 1].strip() or None
    return None


def _number(text: str) -> int | float | None:
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    digits = m.group(1).replace(",", "")
    try:
        return int(digits) if digits.lstrip("-").isdigit() else float(digits)
    except ValueError:
        return None


def _fits(axis: AxisDraft, number: float) -> bool:
    """A number the axis can hold: inside its stated range, or any when none is stated."""
    numeric_ticks = [t for t in axis.ticks if not isinstance(t, str)]
    if numeric_ticks and number in numeric_ticks:
        return True
    if axis.min is not None and axis.max is not None:
        return axis.min <= number <= axis.max
    return not axis.ticks


def _names_unit(axis: AxisDraft, word: str) -> bool:
    """Whether the axis' label or unit names the word ('9 tokens' on '#Tokens')."""
    w = word.lower().rstrip(".")
    forms = {w, w.rstrip("s"), w + "s"}
    words: set[str] = set()
    for text in (axis.label, axis.unit):
        if text:
            words.update(_LABEL_WORD.findall(fold(text)))
    return bool(forms & words)


def listed(chart: ChartDraft, panel: str | None, x: str) -> bool:
    """Whether the category axis lists x among its categories."""
    axis = category_axis(chart, panel)
    return axis is not None and x in axis.index().values


ITEM_SPLIT: Final = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")  # 'A, B and C'
