"""An axis' label and unit, read from the text of its line: 'Labeled "Iteration"', 'Numerical,
labeled "Accuracy (%)"', 'Represents the N-gram size, ranging ...', 'Tokens (Billion) –
Logarithmic scale', or the note in a key ('X-axis (Models)'); not a position note ('(left)')
or a type word."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import fold
from .axis_units import comma_unit
from .categories import ITEM_SPLIT, drop_note, unescape
from .text import (
    all_quoted,
    is_no_value,
    outer_parens,
    quantities,
    quoted,
    strip_emphasis,
    strip_markup,
    without_outer_parens,
)

_KEY_PAREN: Final = re.compile(r"\(((?:[^()]|\([^()]{1,20}\)){1,60})\)")  # 'X-axis (Buckets (m))' too

_POSITION_WORDS = frozenset(
    "left right top bottom horizontal vertical primary secondary all charts both each"
    " shared common main every plots panels subplots graphs column row".split()
)  # ('X-axis (All plots)', 'Y-Axis (Left Column)': where the axis stands, no label)
_LABEL_LEAD: Final = re.compile(
    r"^(?:it\s+is\s+|is\s+)?(?:labeled|labelled|titled|label(?:ed)?\s+as|label\s+is|(?:label|title)(?=\s?:)|named|reads)\s*[:\-]?\s*",
    re.IGNORECASE,
)
# 'Represents the Accuracy (%), ranging from 0 to 60': the label follows the verb.
_REPRESENTS_LEAD: Final = re.compile(
    r"^\s{0,3}(?:represents|shows|displays|denotes|indicates)\s{1,3}(?:the\s{1,3})?", re.IGNORECASE)
_LABEL_STOP: Final = re.compile(  # (a spaced stop starts where its spaces start: linear on long runs)
    r"\.\s|\.$|,\s|;\s|:\s|(?<!\s)\s+(?:[–—-]\s+|with\s+|ranging\s+|ranges\s+"
    r"|from\s+(?:[A-Za-z]{3,9}\.?\s)?\S*\d|on\s+a\s+|in\s+(?:a|the)\s+|\((?=[^)]*\d)(?!\s?[×x]\s?10)"
    r"|\((?=[^)]*(?:scale|range|label))"  # ('FLOPs (×10²¹)' keeps the power its values are in)
    r"|\[(?=\s?[-−]?\d)"  # 'Relative Walltime (hours) [0, 50, 100]': the ticks after the label
    r"|(?:labell?ed|marked)\s+(?:as\s+)?(?=[\"“`]))"  # 'Age groups labeled as "0-17", "18-44"': the ticks
)
_COMMA_UNIT: Final = re.compile(r"([^\s,;]{1,8})(?=[\s,;]|$)")
_NOT_A_LABEL: Final = re.compile(
    r"^(?:(?:represents?|lists|shows|displays)\b|categor|numerical|numeric|linear|logarithmic|log(?:-scaled?)?\b(?![(-])"
    r"|(?:continuous|discrete|integer|ordinal|nominal)\s+(?:scale|values?|levels?|ticks?|steps?)\b"
    r"|scale|ranges?\b|ranging|from\b|the\s+|a\s+|an\s+|labels?\b|markers?\b|ticks?\b|values?\b"
    r"|(?:contains?|indicates?|denotes?)\b|unlabeled|unlabelled|no\s+|none|not\s+|there|it\s"
    r"|present\b|visible\b|shown\b|located\b|positioned\b|runs?\s+along|with\s"
    # 'Two categories.': how many categories, not the axis' name
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d{1,2})\s+"
    r"(?:categor|labels?\b|bars?\b|groups?\b|classes\b))",
    re.IGNORECASE,
)
REFERS_BACK: Final = re.compile(r"(?:identical|same as|shared with|as in)\b", re.IGNORECASE)


def key_parenthetical_label(key: str) -> str | None:
    """'X-axis (Models)' -> 'Models'; position notes like '(left)' are not labels."""
    m = _KEY_PAREN.search(key)
    if not m:
        return None
    inside = m.group(1).strip()
    words = set(fold(inside).replace("-", " ").split())
    if not words or words <= _POSITION_WORDS:
        return None
    return inside


def _label_stop(body: str) -> re.Match[str] | None:
    """Where a label ends; not at the comma before its unit ('√s, GeV - ranges from 0 to 180'),
    when the unit ends the label ('Mass, m (0 to 8 kg)' names a symbol, 'Distance, m from ...'
    goes on)."""
    m = _LABEL_STOP.search(body)
    unit = _COMMA_UNIT.match(body, m.end()) if m and m.group() == ", " else None
    if m is None or unit is None or not comma_unit(body[: m.start()], unit.group(1)):
        return m
    after = _LABEL_STOP.match(body, unit.end())  # (anchored: a label ends right after its unit)
    return after if after is not None or unit.end() >= len(body.rstrip(" .")) else m


def label_from_text(text: str) -> str | None:
    q = quoted(text)
    lead = _LABEL_LEAD.match(text)
    if q and (lead or text.lstrip().startswith(('"', "“", "*", "`")) or len(cued_quotes(text)) == 1):
        return q  # ('Continuous scale labeled "Reliance" ranging ...': the one name the cue quotes)
    if _SAYS_NO_LABEL.search(text):
        return None  # 'Each plot has a different scale ... No explicit label is present.'
    said = _REPRESENTS_LEAD.match(text)
    body = text[said.end():] if said else _LABEL_LEAD.sub("", text, count=1) if lead else text
    body = strip_markup(body)
    if not body or is_no_value(body):
        return None
    m = _label_stop(body)
    label = body[: m.start()] if m else body
    label = label.strip().strip("\"'“”*_`").rstrip(".,;:").strip()
    if label.count("(") > label.count(")"):
        label = label[: label.rfind("(")].rstrip()  # 'Language codes (e.g., `th`, ...)' cut at 'e.g.'
    if q and REFERS_BACK.match(label) and len(all_quoted(text)) == 1:
        return q  # 'Identical to the left graph ("# stations", 0-100)': the label is restated
    if not label or _NOT_A_LABEL.match(label) or _too_many_words(label):
        # 'Numerical, labeled "Accuracy (%)"': one quoted name after the cue is the label
        return q if lead or len(cued_quotes(text)) == 1 else None
    if not any(ch.isalpha() for ch in label) or _RANGE_FIRST.match(label):
        return None  # ('-2 to 12 (linear scale)' states the range; the key names the axis)
    return label


_LABEL_WORDS = 8  # more reads as a sentence about the axis ...
_LABEL_WORDS_WITH_UNIT = 14  # ... unless a unit in brackets ends it ('... per capacity factor bin [PWh]')
# a unit in brackets: one or two short tokens ('[PWh]', '(USD millions)'), not 'in %'; or '(10^6 bit/s)'
_UNIT_END: Final = re.compile(
    r"[\[(](?:(?!(?:in|as|of|for|approx)\b)[^\[\]()\s]{1,12}(?:\s[^\[\]()\s]{1,12})?|\d[^\[\]()]{0,16})[\])]$")


def _too_many_words(label: str) -> bool:
    words = len(label.split())
    return words > _LABEL_WORDS and (words > _LABEL_WORDS_WITH_UNIT or _UNIT_END.search(label) is None)


_RANGE_FIRST: Final = re.compile(r"[~≈]?\s?[-−]?\d[\d.,]{0,12}\s{0,2}(?:to|–|—)\s{0,2}[~≈]?\s?[-−]?\d")
_SAYS_NO_LABEL: Final = re.compile(r"(?i)\bno (?:explicit |visible |axis )?(?:label|title)\b"
                                   r"|(?:\bunlabell?ed|\bnot (?:explicitly )?labell?ed)\b"
                                   r"(?!\s(?:ticks?|marks?|points?))")
LABEL_CUE = re.compile(r"\b(?:label(?:l?ed)?|titled|named|reads)\b", re.IGNORECASE)


def cued_quotes(text: str) -> list[str]:
    """The quoted names after a label cue ('labeled "A"' or 'labeled "A", "B"')."""
    cue = LABEL_CUE.search(text)
    return all_quoted(text[cue.end():]) if cue else []


_GROUP_OF_BARS = re.compile(r"^([^()]{1,40}?)\s*\(([^()]{3,200})\)\s*\.?$")
_EXAMPLES_NOTE: Final = re.compile(r"\s{0,2}(?:e\.\s?g\.|i\.\s?e\.|eg\b|such as|including|like)",
                                   re.IGNORECASE)
_GROUP_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def grouped_categories(text: str) -> list[str]:
    """'Gemma (Original, Oracle, Bayesian)' under a category axis: a group of bars, one per
    listed variant, each category named by the group and the variant ('Gemma Oracle').
    A note of position or colour ('Alpha (left, blue)') groups nothing."""
    m = _GROUP_OF_BARS.match(text.strip())
    if m is None or _EXAMPLES_NOTE.match(m.group(2)) or m.group(2).rstrip().endswith("etc."):
        return []  # ('Unethical behaviour (e.g. lying, cheating, etc.)': examples of one category)
    variants = [v.strip() for v in _GROUP_SPLIT.split(m.group(2)) if v.strip()]
    if len(variants) < 2 or any(len(v.split()) > 3 for v in variants):
        return []
    if all(drop_note(f"x ({v})") == "x" for v in variants):
        return []  # every variant is a note word
    return [f"{m.group(1).strip()} {v}" for v in variants]


LIST_SPLIT: Final = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_ITEM_WORDS = 6  # a category name is short; a longer piece ends the list
PLAIN_NUMBER: Final = re.compile(r"^[-+−]?\d[\d,]*(?:\.\d+)?$")  # (a Unicode minus too: "−10")
_POWER_TICK: Final = re.compile(r"^10(?:[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^[-+]?\d+)(?: \([\d.,]+\))?$")  # '10⁻¹ (0.1)'


def listed_items(listed: str) -> list[int | float | str]:
    """'A, B and C' (or quoted names) -> the names as written, numbers as numbers; a lead-in
    before a colon ('Five years: 2021, 2022') and the sentence's full stop are no part of them."""
    listed = listed.strip().removesuffix(".")
    lead, colon, tail = listed.rpartition(":")
    if colon and lead.strip() and LIST_SPLIT.search(tail):
        listed = tail
    pieces = all_quoted(listed) or LIST_SPLIT.split(listed)
    items: list[int | float | str] = []
    for piece in pieces:
        item = piece.strip().strip("\"'“”`").strip()
        if item.startswith("*"):  # bold markup around a name; a trailing 'QA*' star is the name's
            item = item.strip("*").strip()
        if item.count("(") != item.count(")"):
            item = item.strip("()").strip()
        if not item or len(item.split()) > _LIST_ITEM_WORDS:
            break
        item = unescape(item)
        _, qs = quantities(item)
        plain = len(qs) == 1 and qs[0].raw.strip() == item and PLAIN_NUMBER.match(item)
        power = qs and _POWER_TICK.match(item) and all(q.value == qs[0].value for q in qs)
        items.append(qs[0].value if plain or power else item)  # a listed '1k' is a category as written
    return items if len(items) >= 2 else []


def quoted_list(text: str) -> list[str]:
    """'two bars, "Weekday" and "Weekend"': two or more quoted names that are not a label;
    after a label cue, only on an axis stated categorical ('Categorical, labeled "A", "B"')."""
    plain = strip_emphasis(text)
    first = plain.find('"') if '"' in plain else plain.find("“")
    if first < 0:
        return []
    if LABEL_CUE.search(plain[:first]):
        cued = cued_quotes(plain)
        categorical = "categor" in plain.lower() or len(_BAR_NOTE.findall(plain)) >= 2  # '"A" (red bar)'
        return cued if categorical and len(cued) >= 2 and not any(quantities(n)[1] for n in cued) else []
    names = all_quoted(plain)
    if len(names) >= 2 and not any(quantities(n)[1] for n in names):
        return names
    return []


_BAR_NOTE: Final = re.compile(r"[\"”]\s?\([^()]{0,30}\b(?:bar|column)s?\b[^()]{0,20}\)", re.I)
_TICK_CUE: Final = re.compile(r"^(?:labell?ed\s+|marked\s+)?(?:with\s+)?(?:tick\s+)?"
                               r"(?:markers?|ticks?|labels?)\b[^\"“]{0,20}$", re.IGNORECASE)
_LEADING_QUOTED_LABEL: Final = re.compile(r"^\s*[\"“][^\"“”]{1,80}[\"”]")


def leading_quoted_label(text: str) -> str | None:
    """'"Depth" with markers ...': the quoted name an axis line opens with."""
    m = _LEADING_QUOTED_LABEL.match(strip_emphasis(text))
    return m.group(0).strip().strip("\"“”") if m else None


def quoted_tick_labels(text: str) -> list[str]:
    """'Labeled with markers "P", "2k", "4k"': the quoted names after a tick cue are the
    axis' categories, not its label (unless every one is a plain number: numeric ticks)."""
    plain = strip_emphasis(text)
    label = _LEADING_QUOTED_LABEL.match(plain)
    if label is not None:
        plain = plain[label.end():]  # '"Depth" with markers "Depth 1", ...': the label comes first
    first = min((i for i in (plain.find('"'), plain.find("“")) if i >= 0), default=-1)
    if first < 0 or not _TICK_CUE.search(plain[:first].strip()):
        return []
    names = all_quoted(plain)
    if len(names) < 2 or all(qs and qs[0].raw == n.strip() for n in names for _, qs in [quantities(n)]):
        return []
    return names


# 'Gemini 2.0', '10-19', '90+', '<2'
_NAME_LIKE: Final = re.compile(r"[A-Za-z]|^\d+\s*[-–]\s*\d+$|^\d+\+$|^[<>≤≥]\s?\d")
_PAREN_ITEM_WORDS = 4
_HAS_LETTER: Final = re.compile(r"[A-Za-z]")
# A word of a hyphenated name ('Checkmate-in-One') is not the prose word it spells.
_NOT_A_NAME = re.compile(r"(?<![\w-])(?:to|from|by|ranging|ranges?|scale|labell?ed|ticks?|marks?|markers?"
                         r"|gridlines?|increments?|incrementing|intervals?|at|with|steps?|measured|in)"
                         r"(?![\w-])", re.IGNORECASE)


def _is_quantity(item: str) -> bool:
    _, qs = quantities(item)
    return len(qs) == 1 and qs[0].raw.strip() == item.strip()


_EXAMPLE_LEAD: Final = re.compile(r"^\s*(?:e\.g\.|i\.e\.|eg\.|such as|like)\s*,?\s*", re.IGNORECASE)


# 'Years: 2015' names the axis and 'left: Baseline' a place; 'Task: IMO' is a label
_COLON_NUMBER: Final = re.compile(
    r":\s?[-~≈]?\d|^\s*(?:left|right|top|bottom|middle|center|centre|start|end|first|last)\s?:",
    re.IGNORECASE)


def paren_categories(text: str) -> list[str]:
    """'LLM Models (Claude 3.5, Gemini 2.0, GPT-4o)': the categories listed after the
    label; not '(log scale, 10⁰, 10¹)' or '(Years: 2015, 2016)', whose items are numbers.
    The axis reader also drops it beside a stated range ('√s (root, GeV), 0 to 150')."""
    if "(" not in text or "," not in text:
        return []  # (a list in parentheses needs both: a cheap test first)
    plain = strip_markup(text)
    group = next((plain[a + 1: b - 1] for a, b in outer_parens(plain)
                  if 3 <= b - a - 2 <= 600), None)  # (a list holds 3 to 600 characters)
    if group is None or "," not in group or "categor" in group.lower():
        return []  # '(categories 4, 5 and 6)' is read as a stated category list
    inside = _EXAMPLE_LEAD.sub("", group)
    said = all_quoted(inside)  # '("our approach," "baseline")': commas inside the quotes
    items = [q.strip().rstrip(",.;") for q in said] if len(said) >= 2 else [
        i.strip().strip("\"'`“”") for i in inside.split(",")]
    items = [i for i in items if i and i not in ("...", "…", "etc.", "etc")]
    if len(items) < 2 or any(len(i.split()) > _PAREN_ITEM_WORDS or _COLON_NUMBER.search(i)
                             or _NOT_A_NAME.search(i) or not _NAME_LIKE.search(without_outer_parens(i))
                             for i in items):
        return []
    if sum(_is_quantity(i) for i in items) * 2 >= len(items):
        return []  # '(4B, 10B, 32B)' are ticks of a numeric axis
    if len({bool(_HAS_LETTER.search(i)) for i in items}) > 1:
        return []  # '(time, 1–14)' names the axis and states its range
    return items


_STATED_LIST: Final = re.compile(  # 'categories: 1, 2', 'with categories for 2021, 2022'
    r"\bcategor(?:y|ies)\s{0,3}(?::|are|include|such as|(?:for|of)(?=\s{1,3}[\d\"“'`]))\s{0,3}([^()]{1,200})")
_PLAIN_INTEGER_OR_DECIMAL: Final = re.compile(r"^-?\d{1,9}(?:\.\d{1,9})?$")


def stated_category_list(text: str) -> list[int | float | str]:
    """'"Score" (categories: 1, 2, 3, 4, 5)': the categories the axis line states, numbers
    kept as numbers. [] unless at least two items follow the cue."""
    if "ategor" not in text:
        return []
    m = _STATED_LIST.search(strip_markup(text))
    if m is None:
        return []
    items = [i.strip().strip("\"'`“”.") for i in ITEM_SPLIT.split(m.group(1).strip())]
    out: list[int | float | str] = []
    for item in items:
        if not item or len(item.split()) > _PAREN_ITEM_WORDS:
            return []
        out.append(_plain_number(item) if _PLAIN_INTEGER_OR_DECIMAL.match(item) else item)  # 1k: a label
    return out if len(out) >= 2 else []


def _plain_number(item: str) -> int | float:
    return float(item) if "." in item else int(item)


_CATEGORY_LIST: Final = re.compile(
    r"\bcategor(?:y|ies|ical\s+groups?)\b"  # '... five categorical groups: 10k, 25k'
    r"(?:\s+(?:are|include|including|labell?ed|listed|named|of))?\s*(?:as)?\s*:?\s*"
    r"([^.;]{1,400})", re.IGNORECASE)


def declared_categories(text: str) -> list[int | float | str]:
    """'with categories Shift 1, Shift 2, Shift 3' -> the three names, as written."""
    if "categor" not in text.lower():
        return []  # (the pattern needs the word, and no letter of it folds from another: cheap)
    m = _CATEGORY_LIST.search(strip_markup(text))
    if not m:
        return []
    return listed_items(m.group(1).strip())


_LABEL_BEFORE_TICKS: Final = re.compile(
    r"\s{0,2}([^\W\d_][^\"“:;()]{1,40}?)\s{1,2}(?:labell?ed|marked)\s{1,2}(?:as\s{1,2})?[\"“`]",
    re.IGNORECASE)


def label_before_ticks(text: str) -> str | None:
    """'**X-Axis (Categories):** Age groups labeled as "0-17", ...': the label, then the ticks."""
    lead = _LABEL_BEFORE_TICKS.match(strip_markup(text))
    if lead is None or not _TICK_WORDS.isdisjoint(fold(lead.group(1)).split()):
        return None  # ('Major ticks labeled as "0", "10"' names no label)
    return lead.group(1)


_TICK_WORDS = frozenset("tick ticks mark marks marker markers spaced evenly major minor values".split())
_LABEL_THEN_RANGE: Final = re.compile(  # a label with its unit in brackets, then the range
    r"\s{0,2}[^\W\d_][^:;()]{0,50}\([^()]{1,12}\)\s{1,2}(?:ranging|ranges|from)\b", re.IGNORECASE)


def label_then_range(text: str) -> str | None:
    """'Prevalence (%) ranging from 0% to 100%': the label before a range, its unit in brackets."""
    return label_from_text(text) if _LABEL_THEN_RANGE.match(strip_markup(text)) else None
