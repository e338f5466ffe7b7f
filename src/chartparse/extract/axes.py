"""Axis lines: role, label, unit, scale, range and ticks, in the forms models use
(``**X-Axis:** Labeled "Iteration". The scale runs from 0 to 1400``, ``* **Y-axis (left):**
Accuracy (approximately 0.2 to 0.95)``, or a key over ``Label:``, ``Scale:``, ``Markers:``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..line_looks import ends_in_colon
from ..textcache import text_cache
from ..values import Quantity
from ..vocab import AXIS_FIELD_KEYS, AXIS_KEYS, axis_field, ends_with_phrase, fold, lookup
from ..vocab_numbers import HEDGE
from .axis_bare_list import bare_list
from .axis_category_notes import categories_of_group
from .axis_items import (
    categories_as_written,
    child_categories,
    glued_unit,
    label_then_list,
    labelled_categories,
    marks_ticks,
    read_one_category,
    roman_range,
    stated_categories,
    tick_line_categories,
    tick_values,
    unkeyed_ticks,
)
from .axis_labels import (
    declared_categories,
    key_parenthetical_label,
    label_before_ticks,
    label_from_text,
    label_then_range,
    leading_quoted_label,
    paren_categories,
    quoted_tick_labels,
)
from .axis_scale import scale_from_text
from .axis_units import SCALE_NOTE, unit_from_label
from .category_values import bin_list
from .state import AxisDraft, ChartDraft
from .text import (
    DATE,
    drop_numbering,
    is_no_value,
    quantities,
    quoted,
    strip_markup,
    without_outer_parens,
)

_UP_TO_AXIS: Final = re.compile(r"^.*?\baxis\b")
_INCREMENT_LEAD: Final = re.compile(
    r"(?:increments?|intervals?|every|steps?|incrementing|spacing|base|gridlines?\s+at)\s*(?:of|by|at)?\s*[~≈]?\s*$",
    re.IGNORECASE,
)
_RANGE_SEP = re.compile(r"^\s*(?:to|–|—|-|and|through|until)\s*(?:" + HEDGE + r"|[~≈])?\s*$",
                        re.IGNORECASE)
_UP_TO: Final = re.compile(r"(?:up\s+to|to\s+a\s+max(?:imum)?\s+of|maximum\s+of|max\s+of)\s*[~≈]?\s*$", re.I)


@text_cache(maxsize=16384)
def axis_role(key: str) -> tuple[str, str | None] | None:
    """(role, field) for an axis key: 'Y-axis Tick Markers' -> ('y', 'ticks')."""
    base = drop_numbering(strip_markup(key))
    role = lookup(AXIS_KEYS, base)
    if role is None:
        return None
    folded = fold(base)
    # The phrase must lead the key: 'Labels along the X-axis' is not an axis line.
    lead = folded.split(" ")[0]
    if not any(ch in lead for ch in "xy") and not folded.startswith(
        ("horizontal", "vertical", "primary", "secondary", "left", "right", "top", "bottom",
         "common", "shared")
    ):
        return _noted_axis_labels(base) if base.endswith(")") else None
    rest = _UP_TO_AXIS.sub("", folded).strip()
    field = None
    for phrase, name in AXIS_FIELD_KEYS.items():
        if rest == phrase or rest.endswith(" " + phrase):
            field = name
    return role, field


_KEY_NOTE: Final = re.compile(r"\(([^(),]{3,40})(?:,[^()]*)?\)$")


def _noted_axis_labels(key: str) -> tuple[str, str | None] | None:
    """'Models (X-axis labels, same for all charts)': the items under it are the axis's
    categories. A note naming only the axis ('Accuracy (left y-axis)') ties a series to it."""
    m = _KEY_NOTE.search(key)
    found = axis_role(m.group(1)) if m else None
    if found and (found[1] in ("ticks", "categories") or (found[1] is None and _LIST_LEAD.match(fold(key)))):
        return found[0], "categories"  # ('List of Train Datasets (Y-axis, top to bottom)' too)
    return None


_LIST_LEAD: Final = re.compile(r"(?:list|listing)\sof\s")


_INCREMENT_WORDS = ("increment", "interval", "every", "step", "spacing", "base", "gridline")
_UP_TO_WORDS = ("up", "max")


def _has_word(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


def _increment_before(window: str) -> bool:
    """Whether ``window`` ends in an 'in increments of' cue (a word test first: cheap)."""
    return _has_word(window.lower(), _INCREMENT_WORDS) and bool(_INCREMENT_LEAD.search(window))


_INCREMENT_AFTER: Final = re.compile(r"\s?(?:[°%]|-?[^\W\d_]{1,10})?\s(?:increments?|intervals?)\b",
                                     re.IGNORECASE)
_STEP_LEAD: Final = re.compile(r"\b(?:in|at|with)\s[~≈]?$", re.IGNORECASE)


def _increment_around(norm: str, before: str, q: Quantity) -> bool:
    """'in 5° increments', 'at 10-year intervals': a step written before its cue word."""
    return bool(_STEP_LEAD.search(before)) and bool(_INCREMENT_AFTER.match(norm, q.end))


def _up_to_before(window: str) -> bool:
    """Whether ``window`` ends in 'up to' or 'a maximum of'."""
    return _has_word(window.lower(), _UP_TO_WORDS) and bool(_UP_TO.search(window))


_TOTAL_BEFORE: Final = re.compile(r"\btotal(?:\s+of)?\s*[~≈]?\s*$", re.IGNORECASE)


def range_from_text(text: str) -> tuple[Quantity | None, Quantity | None, list[Quantity]]:
    """(min, max, ticks) stated in an axis description."""
    norm, qs = quantities(text)
    # The 30 characters before each number and the cues they end in, read once (if a cue word is in the text)
    befores = [norm[max(0, q.start - 30): q.start] for q in qs]
    low, none = norm.lower(), [False] * len(qs)
    increments = [_increment_before(b) or _increment_around(norm, b, q)
                  for b, q in zip(befores, qs, strict=True)] if _has_word(low, _INCREMENT_WORDS) else none
    up_tos = [_up_to_before(b) for b in befores] if _has_word(low, _UP_TO_WORDS) else none
    ticks = []
    for i, q in enumerate(qs):
        before = befores[i]
        if increments[i]:
            continue
        if i > 0 and up_tos[i]:
            continue
        if "total" in before.lower() and _TOTAL_BEFORE.search(before):
            continue  # '(Total of 32 columns)' counts the ticks; it is none of them
        ticks.append(q)
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if _RANGE_SEP.match(norm[a.end: b.start]) and not increments[i]:
            lo, hi = (a, b) if a.value <= b.value else (b, a)
            return lo, hi, ticks
    for i, q in enumerate(qs):
        if up_tos[i]:
            return None, q, ticks
    if len(ticks) >= 2:
        lo = min(ticks, key=lambda q: q.value)
        hi = max(ticks, key=lambda q: q.value)
        return lo, hi, ticks
    return None, None, ticks


@dataclass(slots=True)
class _AxisTexts:
    """What an axis line and its child lines say, sorted by the field they state."""

    label: str | None
    range_texts: list[str]
    tick_texts: list[str]
    scale_texts: list[str]


def read_axis(
    chart: ChartDraft,
    role: str,
    field: str | None,
    key: str,
    text: str,
    children: list[tuple[str | None, str]],
    panel: str | None,
    first_line: int | None,
    last_line: int | None,
) -> AxisDraft:
    """Merge what an axis line (and its child lines) says into the chart's axis."""
    axis = chart.axis(role, panel)
    if axis is None:
        axis = AxisDraft(role=role, panel=panel, first_line=first_line, last_line=last_line,
                         rule=chart.trace.current)
        chart.axes.append(axis)
    else:
        axis.last_line = max(axis.last_line or 0, last_line or 0) or None
    texts = _own_texts(axis, field, text)
    listing = ends_in_colon(text)  # ('Task categories and benchmarks:' over 'Math: AIME 2024, ...')
    for child_key, child_text in children:
        _child_texts(axis, texts, child_key, child_text, listing)
    label = texts.label
    if label is None and field is None:
        label = key_parenthetical_label(key)
    if label:
        label = SCALE_NOTE.sub("", label).strip() or label
    if label and axis.label is None:
        axis.label = label
        axis.unit = axis.unit or unit_from_label(label)
    scale = scale_from_text(" ".join(texts.scale_texts) + " " + key)
    if scale and axis.scale is None:
        axis.scale = scale
    _apply_range(axis, texts)
    categories_as_written(axis, chart, text, children)
    if len(axis.ticks) >= 2 and all(isinstance(t, str) and DATE.fullmatch(t) for t in axis.ticks):
        # '2022-03', '2022-06' or 'Mar 2022': a time axis (its dates are no range and no categories)
        axis.min = axis.max = None
        axis.scale = None if axis.scale == "categorical" else axis.scale
    return axis


_FIELD_NOTE: Final = re.compile(r"\s*\([^()]{1,40}\)[\s:*]*$")
def _paren_list(axis: AxisDraft, text: str) -> bool:
    """'Tools (Quill 2.1, Lathe 3.0)' (or 'Sub-tasks (I–VI)') declares the categories, unless a
    range is stated too."""
    listed = roman_range(text) or paren_categories(text)
    if not listed or any(range_from_text(without_outer_parens(strip_markup(text)))[:2]):
        return False
    axis.ticks = list[int | float | str](listed)
    axis.scale = axis.scale or "categorical"
    return True


def _bin_ticks(axis: AxisDraft, text: str) -> bool:
    """'Age - 0-17 years, 18-44 years, 45 and older': the listed bins are the categories."""
    bins = bin_list(text)
    if not bins:
        return False
    axis.ticks = list[int | float | str](bins)
    axis.scale = axis.scale or "categorical"
    return True


def _own_texts(axis: AxisDraft, field: str | None, text: str) -> _AxisTexts:
    texts = _AxisTexts(None, [], [], [text])
    if field is None and _listed_on_axis_line(axis, text, texts):
        return texts
    if field in ("label", None) and texts.label is None:
        label = label_from_text(text) if field is None else (quoted(text) or strip_markup(text))
        texts.label = None if field == "label" and label and is_no_value(label) else label
    elif field in ("range", "scale"):
        texts.label = label_then_range(text)  # '**Y-Axis (Scale):** Prevalence (%) ranging from 0% ...
    if field in ("range", "scale", None) or (field == "label" and _RANGE_CUE.search(text)):
        texts.range_texts.append(text)  # ('Label: "Loss" (ranging from 0 to 4)' states both)
    if field == "ticks":
        texts.tick_texts.append(text)
    if field in ("ticks", "categories"):  # ('X-Axis (Categories): Age groups labeled as "0-17", ...')
        texts.label = texts.label or label_before_ticks(text)
    stated_categories(axis, field, text)
    return texts


def _listed_on_axis_line(axis: AxisDraft, text: str, texts: _AxisTexts) -> bool:
    """An axis line that lists its categories (after its label, or as its label's note):
    True when the line is read whole."""
    if marked := quoted_tick_labels(text):
        axis.ticks = axis.ticks or list[int | float | str](marked)  # the label is the key's note
        axis.scale = axis.scale or "categorical"
        texts.label = leading_quoted_label(text)  # ... or the quoted lead
        return True
    texts.label, listed = label_then_list(text)
    if texts.label is None and not listed:
        listed = bare_list(text)
    if listed:
        head, colon, first = listed[0].partition(": ")
        if colon and first:  # 'Datasets: DS1, DS2, DS3': the label, then its categories
            listed = [first, *listed[1:]]
            texts.label = head
        axis.ticks = axis.ticks or list(listed)
        axis.scale = axis.scale or "categorical"
        return True
    if not axis.ticks and (_paren_list(axis, text) or _bin_ticks(axis, text)):
        texts.label = label_from_text(text)
        return True
    return False


_RANGE_CUE: Final = re.compile(r"\b(?:ranging|ranges?|from)\s{1,3}(?:from\s{1,3})?[~≈-]?\d", re.IGNORECASE)
def _field_name(ck: str, child_key: str | None) -> str | None:
    """The axis field a child key names ('Major tick marks', 'Categories (top to bottom)')."""
    name = AXIS_FIELD_KEYS.get(ck)
    if name is None and child_key and child_key.rstrip(" :*").endswith(")"):
        # an order note ('Categories (top to bottom)'), or one that names the field again
        # ('Categories (Ticks)': the categories, which are its ticks)
        name = AXIS_FIELD_KEYS.get(fold(_FIELD_NOTE.sub("", child_key)))
    if name is None and ck:
        name = next((v for k, v in AXIS_FIELD_KEYS.items() if ends_with_phrase(ck, k)), None)
    return name


_TICK_LIST_MIN = 3  # two numbers are the range's bounds; three or more list its ticks
_FIELD_LEAD: Final = re.compile(r"[*_ ]{0,4}(?:scale|range|ranges|ranging)\b", re.IGNORECASE)
_LABEL_LEAD: Final = re.compile(r"[*_ ]{0,4}(?:labell?ed|titled)\s{1,2}[\"“'`*]", re.IGNORECASE)


def _unkeyed_field(texts: _AxisTexts, text: str) -> bool:
    """An unkeyed line under an axis that states its range or scale ('Scale ranges from -6 to
    -3'), or its label and ticks ('Labeled "Count" with increments of 5 (0, ..., 40).')."""
    if texts.label is None and _LABEL_LEAD.match(text):
        texts.label = label_from_text(text)
        return True
    return _FIELD_LEAD.match(text) is not None


def _child_texts(axis: AxisDraft, texts: _AxisTexts, child_key: str | None, text: str, listing: bool) -> None:
    ck = fold(child_key or "")
    if ck.startswith(("color", "colour")):
        return  # a colour scale under an axis states the colour bar's range, not the axis'
    name = _field_name(ck, child_key)
    if name is None and child_key:
        name = axis_field(child_key)  # 'Categories (from left to right):'
    if child_key is None and (ticks := unkeyed_ticks(text)) is not None:
        name, text = "ticks", ticks  # 'Tick marks at 4, 8, 16, 32.'
    if not read_one_category(axis, ck, name, text) \
            and not (listing and name is None and categories_of_group(axis, child_key, text)):
        _child_field(axis, texts, name, child_key, text)
    texts.scale_texts.append(child_key or "")


def _child_field(axis: AxisDraft, texts: _AxisTexts, name: str | None, child_key: str | None,
                 child_text: str) -> None:
    """A line under an axis stating one of its fields: label, range, ticks, categories, unit."""
    if name == "label" and texts.label is None:
        label = quoted(child_text) or strip_markup(child_text).rstrip(".")
        texts.label = None if is_no_value(label) else label
    elif name in ("range", "scale") or (child_key is None and _unkeyed_field(texts, child_text)):
        texts.range_texts.append(child_text)  # ('Scale ranges from -6 to -3' is a field unkeyed)
        texts.scale_texts.append(child_text)
        if name == "scale":
            stated_categories(axis, name, child_text)  # 'Scale: Categorical with points: `1`, `4`
    elif name == "ticks":
        _tick_line(axis, texts, child_text)
    elif name == "categories" or child_key is None:
        child_categories(axis, child_key, child_text)
    elif name == "unit":
        axis.unit = axis.unit or strip_markup(child_text)


def _tick_line(axis: AxisDraft, texts: _AxisTexts, text: str) -> None:
    """A 'Ticks:' or 'Labels:' line under an axis: its categories (see `tick_line_categories`),
    else marks of its scale ('"low" at 0.2 and "high" at 0.8' on a precision axis 0 to 1)."""
    ranged = axis.min is not None or any(range_from_text(t)[1] is not None for t in texts.range_texts)
    if ranged or not tick_line_categories(axis, text):
        texts.tick_texts.append(text)


def _apply_range(axis: AxisDraft, texts: _AxisTexts) -> None:
    for t in texts.range_texts:
        categories = declared_categories(t) or labelled_categories(t)
        if categories:
            axis.ticks = axis.ticks or categories
            axis.scale = axis.scale or "categorical"
            if any(isinstance(c, str) for c in categories):
                return  # 'Shift 1, Shift 2': names, not a numeric range
    lo = hi = None
    for t in texts.range_texts:
        lo, hi, listed = range_from_text(t)
        if lo is not None or hi is not None:
            if len(listed) >= _TICK_LIST_MIN and not axis.ticks and marks_ticks(axis, t):
                axis.ticks = tick_values(listed)  # 'ticks at 1, 2, 3': the values it marks
            break
    for t in texts.tick_texts:
        t_lo, t_hi, found_ticks = range_from_text(t)
        if not axis.ticks:
            axis.ticks = tick_values(found_ticks)
        if lo is None and hi is None:
            lo, hi = t_lo, t_hi
    if lo is not None and axis.min is None:
        axis.min = lo.value
    if hi is not None and axis.max is None:
        axis.max = hi.value
    if axis.unit is None:
        axis.unit = _unit_of_values(lo, hi, texts)


def _unit_of_values(lo: Quantity | None, hi: Quantity | None, texts: _AxisTexts) -> str | None:
    """'%' when both bounds are percentages; else a unit glued to every value."""
    bounds = [q for q in (lo, hi) if q is not None]
    if bounds and all(q.percent for q in bounds):
        return "%"
    return glued_unit(" ".join(texts.range_texts + texts.tick_texts))
