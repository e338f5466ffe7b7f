"""A category label read against what the description declared about its axis.

A key names a category as the model wrote it, often with more than the category:
the axis name (``Difficulty Level 2`` on an axis "Difficulty Level" with categories
1-5), a unit word (``9 tokens`` on an axis "#Tokens"), a position or colour note
(``Trial 2 (Middle Bar)``), or Markdown escapes (``north\\_set``). The declared
categories, range, label and unit of the category axis decide what the x is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..textcache import text_cache
from ..vocab import COLOR_WORDS, ORDINAL_LABEL_WORDS, TOTAL_WORDS, fold, has_phrase
from .state import AxisDraft, ChartDraft, name_key
from .text import quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..values import Quantity
    from .reading import ReadingState

_ESCAPE = re.compile(r"\\([_*#\[\]\\`~|<>-])")
_TRAILING_NOTE = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_ORDINAL_PREFIX = re.compile(r"^([A-Za-z]{3,12})\s+\d{1,3}\s*(?::|\.|\)|\s[–—-])\s+(\S.{0,80})$")
_NUMBER = re.compile(r"^[~≈]?\s*(-?\d+(?:[.,]\d+)*)$")
_NUMBER_THEN_WORD = re.compile(r"^[~≈]?\s*(-?\d+(?:\.\d+)?)\s*([A-Za-z%][A-Za-z%/.]{0,15})$")
_LABEL_WORD = re.compile(r"[a-z%]+")
_NOTE_WORDS = frozenset(
    """bar bars column columns slice segment left leftmost right rightmost middle center centre
    top topmost bottom first second third fourth fifth last highest lowest tallest shortest
    group line dot marker point shaded solid hatched striped dashed dotted light dark""".split()
)


def unescape(text: str) -> str:
    """Markdown escapes out of a label: ``north\\_set`` -> ``north_set``."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


@text_cache()
def drop_note(label: str) -> str:
    """``Trial 2 (Middle Bar)`` -> ``Trial 2``: a trailing note of position or colour."""
    m = _TRAILING_NOTE.search(label)
    if not m or not label[: m.start()].strip():
        return label
    words = fold(m.group(1)).replace("-", " ").split()
    if words and all(w in _NOTE_WORDS or w in COLOR_WORDS for w in words):
        return label[: m.start()].strip()
    return label


def category_axis(chart: ChartDraft, panel: str | None) -> AxisDraft | None:
    """The axis that holds the categories: the one stated categorical, else x."""
    axes = [a for a in (chart.axis("x", panel), chart.axis("y", panel), chart.axis("x", None),
                        chart.axis("y", None)) if a is not None]
    for axis in axes:
        if axis.scale == "categorical" or any(isinstance(t, str) for t in axis.ticks):
            return axis
    return next((a for a in axes if a.role == "x"), None)


def category_x(chart: ChartDraft, raw: str, panel: str | None) -> int | float | str:
    """The x a category key names, reduced against the declared category axis."""
    return reduce_on_axis(category_axis(chart, panel), raw)


def reduce_on_axis(axis: AxisDraft | None, raw: str) -> int | float | str:
    """A label reduced against what one axis declares (its categories, name, range, unit)."""
    label = drop_note(unescape(raw))
    if axis is None or not label:
        return label
    declared = {fold(str(t)): t for t in axis.ticks}
    folded = fold(label)
    if folded in declared:
        return declared[folded]
    m = _ORDINAL_PREFIX.match(label)
    if m and m.group(1).lower() in ORDINAL_LABEL_WORDS:
        # 'Category 1: Apples vs Pears': the count before the colon only numbers the category
        return reduce_on_axis(axis, m.group(2))
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
    m = _NUMBER_THEN_WORD.match(label)
    if m and _names_unit(axis, m.group(2)):
        number = _number(m.group(1))
        if number is not None:
            return number
    inside = declared_inside(axis, folded)
    return inside if inside is not None else label


def declared_inside(axis: AxisDraft, folded: str) -> int | float | str | None:
    """The one declared category that a longer label holds as a phrase
    ('Top Bar: `Self-Rewarding M3 vs. M2`' on an axis listing 'Self-Rewarding M3 vs. M2')."""
    found = [t for t in axis.ticks if isinstance(t, str) and len(fold(t)) >= 3
             and has_phrase(folded, fold(t))]
    longest = max(found, key=lambda t: len(fold(t)), default=None)
    if longest is None:
        return None
    rivals = [t for t in found if t != longest and not has_phrase(fold(longest), fold(t))]
    return None if rivals else longest


def _after_axis_name(folded: str, axis_label: str | None) -> str | None:
    """What follows the axis' name in a label ('difficulty level 2' -> '2')."""
    if not axis_label:
        return None
    name = fold(_TRAILING_NOTE.sub("", strip_markup(axis_label)))
    for form in (name, name.rstrip("s"), name + "s"):
        if form and folded.startswith(form + " "):
            return folded[len(form) + 1:].strip() or None
    return None


def _before_axis_name(folded: str, axis_label: str | None) -> str | None:
    """What precedes the axis' name at the end of a label ('gsm8k* dataset' -> 'gsm8k*')."""
    if not axis_label:
        return None
    name = fold(_TRAILING_NOTE.sub("", strip_markup(axis_label)))
    for form in (name, name.rstrip("s"), name + "s"):
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


def declared_category_keys(chart: ChartDraft) -> frozenset[str]:
    """The name keys of the categories the category axis declares."""
    axis = category_axis(chart, None)
    if axis is None:
        return frozenset()
    return frozenset(name_key(drop_note(str(t))) for t in axis.ticks if isinstance(t, str))


def legend_names_categories(chart: ChartDraft) -> bool:
    """Whether every legend entry is a declared category (a colour per bar, not series)."""
    if not chart.legend:
        return False
    axis = category_axis(chart, None)
    if axis is None:
        return False
    declared = {fold(drop_note(str(t))) for t in axis.ticks}
    return len(declared) >= 2 and all(fold(drop_note(e.label)) in declared for e in chart.legend)


_BIN_RANGE = re.compile(r"(-?\d[\d,.]*[kKMB%]?)\s*(?:–|—|-|to)\s*[~≈]?\s*(-?\d[\d,.]*[kKMB%]?)")
_APPROX_MARKS = re.compile(r"[~≈]\s*")


def bin_label(key: str) -> str | None:
    """'Bin 2 (~600-1200)' -> '600-1200', 'Bin 2.5k - 5k' -> '2.5k - 5k': a histogram bin is
    named by its range as written (dashes as '-'), without the words around it and the
    approximation marks."""
    m = _BIN_RANGE.search(strip_markup(key))
    if not m:
        return None
    written = " ".join(_APPROX_MARKS.sub("", m.group(0)).replace("–", "-").replace("—", "-").split())
    return written if "to" not in written else f"{m.group(1)}-{m.group(2)}"  # '0 to 600' -> '0-600'


def stack_total(state: ReadingState, words: str, panel: str | None) -> bool:
    """Whether folded key words ('total', 'total job count trend') name the total of several
    series stacked at each x: with two or more series declared or read, the total is a
    series of its own ("Total"); with one, it is that series' value."""
    if words.split()[:1] != ["total"] and words not in TOTAL_WORDS:
        return False
    if name_key("Total") in state.known_names:
        return False  # a declared 'Total' series is read as any other
    named = {name_key(s.name) for s in state.chart.series if s.name and s.panel == panel and s.points}
    return len(state.known_names) >= 2 or len(named - {name_key("Total")}) >= 2


PAREN_ITEMS = re.compile(r"\(([^()]{3,600})\)")
_NAME_LIKE = re.compile(r"[A-Za-z]|^\d+\s*[-–]\s*\d+$|^\d+\+$")  # 'Gemini 2.0', '10-19', '90+'
_PAREN_ITEM_WORDS = 4
_HAS_LETTER = re.compile(r"[A-Za-z]")
# A word of a hyphenated name ('Checkmate-in-One') is not the prose word it spells.
_NOT_A_NAME = re.compile(r"(?<![\w-])(?:to|from|by|ranging|ranges?|scale|labell?ed|ticks?|marks?|markers?"
                         r"|gridlines?|increments?|incrementing|intervals?|at|with|steps?|measured|in)"
                         r"(?![\w-])", re.IGNORECASE)


def _is_quantity(item: str) -> bool:
    _, qs = quantities(item)
    return len(qs) == 1 and qs[0].raw.strip() == item.strip()


def paren_categories(text: str) -> list[str]:
    """'LLM Models (Claude 3.5, Gemini 2.0, GPT-4o)': the categories listed after the
    label; not '(log scale, 10⁰, 10¹)' or '(Years: 2015, 2016)', whose items are numbers.
    The axis reader also drops it beside a stated range ('√s (root, GeV), 0 to 150')."""
    plain = strip_markup(text)
    m = PAREN_ITEMS.search(plain)
    if m is None or "," not in m.group(1) or "categor" in m.group(1).lower():
        return []  # '(categories 4, 5 and 6)' is read as a stated category list
    items = [i.strip().strip("\"'`“”") for i in m.group(1).split(",")]
    items = [i for i in items if i and i not in ("...", "…", "etc.", "etc")]
    if len(items) < 2 or any(len(i.split()) > _PAREN_ITEM_WORDS or not _NAME_LIKE.search(i)
                             or ":" in i or _NOT_A_NAME.search(i) for i in items):
        return []
    if sum(_is_quantity(i) for i in items) * 2 >= len(items):
        return []  # '(4B, 10B, 32B)' are ticks of a numeric axis
    if len({bool(_HAS_LETTER.search(i)) for i in items}) > 1:
        return []  # '(time, 1–14)' names the axis and states its range
    return items


_PAIR_SEP = re.compile(r"\s*[,;]\s*")
_LABEL_COLON = re.compile(r"^([^:]{1,40}):\s*(\S.*)$")


def legend_slices(chart: ChartDraft, text: str) -> list[tuple[str, str]] | None:
    """'YES: 85%, NO: 15%' on a pie chart whose legend lists YES and NO: one value per slice.

    Every piece must name a legend entry and at least two must: then the key the text
    stands under is one pie of several, not a category of one pie.
    """
    entries = {name_key(e.label): e.label for e in chart.legend}
    pairs: list[tuple[str, str]] = []
    for piece in _PAIR_SEP.split(strip_markup(text).rstrip(". ")):
        m = _LABEL_COLON.match(piece)
        label = entries.get(name_key(m.group(1))) if m else None
        if m is None or label is None:
            return None
        pairs.append((label, m.group(2)))
    return pairs if len(pairs) >= 2 else None


_PAREN_VALUE_AFTER = re.compile(r"[\"'`”’*]{0,2}\s*\(\s*([~≈]?\s*-?\d+(?:\.\d+)?\s*%?)\s*\)")
_VALUE_BEFORE = re.compile(r"([~≈]?\s*-?\d+(?:\.\d+)?\s*%?)\s+(?:in|on|for)\s+(?:the\s+)?$")
_VALUE_BEFORE_WINDOW = 30


def declared_category_values(chart: ChartDraft, text: str, panel: str | None) -> list[tuple[str, str]]:
    """'Strong in Recall (0.78) and peaks at 0.85 in Speed': each category the axis declared,
    with the value written in parentheses right after it or right before it ('V in Category')."""
    axis = category_axis(chart, panel) or category_axis(chart, None)
    if axis is None:
        return []
    low = text.lower()
    found: list[tuple[int, str, str]] = []
    for tick in axis.ticks:
        if not isinstance(tick, str) or len(tick) < 2:
            continue
        at = low.find(tick.lower())
        end = at + len(tick)
        if at < 0 or (at > 0 and low[at - 1].isalnum()) or (end < len(low) and low[end].isalnum()):
            continue
        after = _PAREN_VALUE_AFTER.match(text, end)
        before = _VALUE_BEFORE.search(text[max(0, at - _VALUE_BEFORE_WINDOW):at])
        value = after.group(1) if after else before.group(1) if before else None
        if value is not None:
            found.append((at, tick, value))
    return [(tick, value) for _, tick, value in sorted(found)]


_BIN_RUN = re.compile(r"[<>≤≥]?\d[^,;()]{0,30}(?:,\s*(?:and\s+)?[<>≤≥~≈]?\d[^,;()]{0,30}){2,}")
_BIN_SPLIT = re.compile(r",\s*(?:and\s+)?")
_INTERVAL_ITEM = re.compile(r"^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)(?![\d.]|\s*[-–])")
_BIN_ITEM_WORDS = 4  # '75 and older years' is a bin; a longer piece is a sentence


def bin_list(text: str) -> list[str]:
    """'0-17 years, 18-44 years, 45-64 years, 65 and older': a list of bins names the
    categories of the axis (each an interval), not a range from its first number."""
    plain = strip_markup(text).split(". ", 1)[0].strip().rstrip(".")
    m = _BIN_RUN.search(plain)
    if m is None or plain[m.end():].strip(" .)"):
        return []
    items = [i.strip() for i in _BIN_SPLIT.split(m.group(0).strip())]
    if any(len(i.split()) > _BIN_ITEM_WORDS for i in items):
        return []
    intervals = [_INTERVAL_ITEM.match(i) for i in items]
    rising = [iv for iv in intervals if iv and float(iv.group(1)) < float(iv.group(2))]
    return items if len(rising) >= 2 else []


_FOR_LEAD = r"\s*(?:for|at|in|around|near)\s+(?:the\s+)?"
_BIN_NAME = re.compile(r"^(?:[<>≤≥]\s*\d|\d+(?:\.\d+)?\s*(?:[-–]\s*\d|\+|and\s+(?:older|over|above|more)))")


@lru_cache(maxsize=256)
def _bins_after_value(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of 'for <bin>' after a value, built once per axis' bins (not per sentence),
    and each bin by its folded name."""
    after = re.compile(_FOR_LEAD + "(" + "|".join(re.escape(n) for n in names) + r")(?![\w+]|\.\d)",
                       re.IGNORECASE)
    return after, {fold(n): n for n in names}


def values_for_categories(text: str, ticks: list[int | float | str]) -> list[tuple[str, Quantity]]:
    """'about 2 for the 0-9 age group, rises to 5 for 10-19': each value just before 'for'
    and a category the axis lists by name (a bin such as '10-19' is not a range here)."""
    names = tuple(sorted({t for t in ticks if isinstance(t, str) and _BIN_NAME.match(t)},
                         key=len, reverse=True))
    if not names:
        return []
    after, by_fold = _bins_after_value(names)
    norm, qs = quantities(text)
    out = []
    for q in qs:
        m = after.match(norm, q.end)
        if m:
            out.append((by_fold.get(fold(m.group(1)), m.group(1)), q))
    return out


def listed_tick(chart: ChartDraft, panel: str | None, key: str) -> str | None:
    """'0-10 m:' where the category axis lists '0-10 m': the key is that category as
    written, though it looks like a stretch of x."""
    axis = category_axis(chart, panel)
    if axis is None or axis.scale != "categorical":
        return None
    wanted = fold(strip_markup(key).strip().rstrip(":"))
    return next((t for t in axis.ticks if isinstance(t, str) and fold(t) == wanted), None)
