"""Chart kind and title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ..textcache import text_cache
from ..vocab import GRID_WORDS, KIND_WORDS, MARK_NOUNS, NUMBER_WORDS, SCALE_KIND_PHRASES, fold
from .text import is_no_value, quoted, strip_markup

OVERVIEW_LINES = 12  # how many opening lines may name the kind, title or panel count

_TITLED: Final = re.compile(r"(?<!are )(?<!were )\btitled\s+\**[\"“]([^\"”\n]{1,160})[\"”]", re.IGNORECASE)
# The nouns a stated grid or count of panels ends with. The patterns are built from these
# tables, and stated_panel_count tests a line for the same words before searching it, so
# the cheap test and the pattern cannot drift apart.
PANEL_COUNT_NOUNS = ("charts", "graphs", "plots", "subplots", "panels", "heatmaps", "subfigures",
                     "sub-plots")
_GRID: Final = re.compile(r"\b(\d{1,2})\s*[x×]\s*(\d{1,2})\s+(?:" + "|".join(
    w if w != "matrix" else r"matrix\s+of" for w in GRID_WORDS) + ")", re.IGNORECASE)
_COUNT: Final = re.compile(
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen)\s+(?:[a-z/-]{3,20}\s+){0,2}"  # 'two separate', 'three small stacked'
    r"(?:(?:line|bar|scatter|pie|area|box|heatmap)\s+)?"
    r"(?:" + "|".join(re.escape(n) for n in PANEL_COUNT_NOUNS) + r")\b",
    re.IGNORECASE,
)


# 'with error bars', 'a colour bar': a bar that marks a spread or a scale, not a bar chart
_NOT_A_KIND_BEFORE: Final = re.compile(r"\b(?:error|colou?r|scale)[\s-]$")
# 'the trend line', 'a regression line': a line drawn over another kind of chart
_DRAWN_LINE_BEFORE: Final = re.compile(r"\b(?:trend|fit|fitted|regression|reference|diagonal|identity)[\s-]$")


_ALNUM_RUN: Final = re.compile(r"[^\W_]+")  # a run of str.isalnum() characters


def _phrases_by_head() -> tuple[dict[str, list[int]], list[int]]:
    """The kind phrases (by table index) under their leading run of letters ('box' of
    'box-and-whisker'), and those that start with none. A phrase found as whole words
    starts with that run standing whole in the text (the character before it and the one
    after the run are no letters or digits), so only the phrases under a run of the text
    can be found in it."""
    by_head: dict[str, list[int]] = {}
    headless: list[int] = []
    for i, (phrase, _) in enumerate(KIND_WORDS):
        if phrase[:1].isalnum():
            by_head.setdefault(_ALNUM_RUN.findall(phrase)[0], []).append(i)
        else:
            headless.append(i)
    return by_head, headless


_HEADS: Final = _phrases_by_head()
_BY_HEAD: Final = _HEADS[0]
_HEADLESS: Final = _HEADS[1]


def _kind_hits(folded: str, every: bool) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each kind phrase found as whole words in folded text, in table
    order (longer phrases first); with ``every`` false, only the first hit of each phrase."""
    candidates = list(_HEADLESS)
    for run in set(_ALNUM_RUN.findall(folded)):
        found = _BY_HEAD.get(run)
        if found is not None:
            candidates.extend(found)
        if run[-1:] == "s" and (found := _BY_HEAD.get(run[:-1])) is not None:
            candidates.extend(found)  # 'plots' holds the phrase 'plot' in the plural
    candidates = sorted(set(candidates))  # table order, each phrase once
    for i in candidates:
        phrase, kind = KIND_WORDS[i]
        start = folded.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if end < len(folded) and folded[end] == "s" and (
                    end + 1 == len(folded) or not folded[end + 1].isalnum()):
                end += 1  # a plural names the same kind ('Box Plots', 'Histograms')
            if (start == 0 or not folded[start - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            ) and not _NOT_A_KIND_BEFORE.search(folded, max(0, start - 8), start) and not (
                kind == "line" and _DRAWN_LINE_BEFORE.search(folded, max(0, start - 12), start)):
                yield start, end, kind
                if not every:
                    break
            start = folded.find(phrase, start + 1)


@text_cache()
def kind_in(text: str) -> str | None:
    """The kind named earliest in the text ('Line Chart: Bar exam' -> line)."""
    return _earliest_kind(fold(text), frozenset())


def _earliest_kind(folded: str, skip: frozenset[str]) -> str | None:
    """The kind named earliest (the longest phrase at a place), phrases in ``skip`` aside."""
    best = min(((start, start - end, kind) for start, end, kind in _kind_hits(folded, False)
                if folded[start:end] not in skip), default=None)
    return best[2] if best else None


_PLACE_BEFORE: Final = re.compile(  # 'the left side is a', 'The first is a', 'the top panel shows a'
    r"\b(left|right|top|bottom|upper|lower|middle|first|second|third)"
    r"(?:[\s-](?:side|panel|plot|chart|subplot|graph|half|part|section|row|column|one|figure))?"
    r"\s(?:is|shows|contains|displays|presents|depicts|has)\s(?:an?\s)?(?:[\w-]+\s){0,3}$")


def kinds_by_place(text: str) -> dict[str, str]:
    """'The left side is a bar chart ...; the right side is a line chart', 'Bar chart (Left)
    and box plot (Right)': the kind stated for each place of the figure, by its place word."""
    folded = fold(text)
    found: dict[str, str] = {}
    for start, end, kind in _kind_hits(folded, True):
        if folded[start:end] in MARK_NOUNS:
            continue
        place = _PLACE_BEFORE.search(folded, max(0, start - 40), start)
        if place is not None:
            found.setdefault(place.group(1), kind)
    segment_start = 0
    for note in _PLACE_NOTE.finditer(text) if "(" in text else ():
        before = text[max(segment_start, note.start() - _PLACE_NOTE_REACH): note.start()]
        kind_before = _latest_kind(fold(before))
        if kind_before is not None:
            found.setdefault(note.group(1).lower(), kind_before)
        segment_start = note.end()
    return found


# 'Bar chart (Left) and Box-and-Whisker plot with data points (Right)': a place in brackets
# after the kind it places
_PLACE_NOTE: Final = re.compile(r"\((left|right|top|bottom|upper|lower|middle)"
                                r"(?:[\s-](?:side|panel|plot|chart|subplot|graph|half|part))?\)",
                                re.IGNORECASE)
_PLACE_NOTE_REACH = 60


def _latest_kind(folded: str) -> str | None:
    """The kind of chart named last ('a bar chart with a line of best fit': bar; a bare
    'line' is a drawn mark), the one a place note right after it places."""
    best = max(((start, end - start, kind) for start, end, kind in _kind_hits(folded, True)
                if folded[start:end] not in MARK_NOUNS), default=None)
    return best[2] if best else None


def names_only_a_scale(text: str) -> bool:
    """The only kind the text names is a scale ('Wind Speed Log-Log Plot')."""
    folded = fold(text)
    hits = [folded[start:end] for start, end, _ in _kind_hits(folded, False)]
    return bool(hits) and all(hit in SCALE_KIND_PHRASES for hit in hits)


def chart_kind_in(text: str) -> str | None:
    """The kind a line about the chart's parts names, where a bare 'line' is a drawn mark
    ('dashed lines mark the critical value'), not the kind of chart."""
    return _earliest_kind(fold(text), MARK_NOUNS)


_BRACKETED_LEAD: Final = re.compile(r"^\[[^\[\]\n]{1,60}\]\s?:\s?(?=\S)")
_JOINED: Final = re.compile(r"\band\b|[,&+]")
_PANEL_LETTER: Final = re.compile(r"\(?[A-Za-z]\)?\.?|\((?:[ivx]{1,4}|\d{1,2})\)")


def title_from_heading(key: str | None, text: str) -> str | None:
    """'## Line Chart: Title' -> 'Title'; '## [Pie Charts]: Title' -> 'Title'; a heading
    with no colon is the title itself."""
    body = strip_markup(text).strip()
    if key is not None:
        return body or strip_markup(key) or None
    lead = _BRACKETED_LEAD.match(body)
    return (body[lead.end():] if lead else body) or None


def heading_kind(key: str | None, text: str) -> tuple[str | None, bool]:
    """The kind a heading names (after a 'Chart Type:' lead, the kind it states), and
    whether its lead ('Dual-Axis Bar and Line Chart:') names two kinds of data chart. A
    'Diagram' whose title is of plots or graphs ('Diagram: Band Structure Plots') names none:
    the data read decides."""
    kind, several = _heading_kind(key, text)
    if kind == "diagram" and _PLOT_NOUN.search(fold(text)):
        return None, several
    return kind, several


_PLOT_NOUN: Final = re.compile(r"\b(?:plots?|graphs?|curves?)\b")


def _heading_kind(key: str | None, text: str) -> tuple[str | None, bool]:
    lead = key if key is not None else (m.group(0) if (m := _BRACKETED_LEAD.match(text)) else None)
    if lead is None:
        return kind_in(text), False
    folded = fold(strip_markup(lead))
    if folded.endswith("type"):  # 'Chart Type: Bar and Line Charts' states the kinds after it
        offers_choice = "/" in folded or " or " in folded  # 'Chart/Diagram Type:' names the field only
        return kind_in(text) or (None if offers_choice else kind_in(lead)), names_several_kinds(text)
    return kind_in(text if key is None else f"{key}: {text}"), names_several_kinds(lead)


def names_several_kinds(text: str) -> bool:
    """'Bar and Line Charts', 'Bar Chart with Line Overlay', 'Combined Chart': two kinds of
    data chart in one ('Scatter Plot with Fit Line' is a scatter: 'with' overlays, 'and'
    combines; an overlaid kind has its own values)."""
    folded = fold(strip_markup(text))
    if _COMBINED.search(folded):
        return True
    # ('&' joins as 'and' does; folding drops it, so it is sought in the text)
    joined = bool(_JOINED.search(folded)) or "overla" in folded or "&" in text
    return joined and len(kinds_named(text) - {"diagram", "table"}) >= 2


def names_a_combination(text: str) -> bool:
    """'Dual-axis combination chart (bar chart + line chart)': a chart stated to combine two
    kinds it names ('Heatmap with overlaid contour lines', 'Line and Scatter Plot' state one
    kind drawn over another, which the kind of the first names)."""
    combined = _COMBINED.search(fold(strip_markup(text)))
    if combined is None:
        return False
    named = kinds_named(text) - {"diagram", "table"}  # ('combined plot of train and val loss': one)
    if combined.group("axes") and named <= _DRAWN_OVER_A_LINE:
        return False  # 'a dual-axis chart: a line, a shaded area and a scatter of readings' is a line chart
    return len(named) >= 2


_DRAWN_OVER_A_LINE: Final = frozenset({"line", "area", "scatter"})


_COMBINED: Final = re.compile(  # ('a dual-axis chart ... (bars) ... (lines)': two kinds on two axes)
    r"\b(?:combined|combination|combo|composite|(?P<axes>dual[\s-]axis|dual[\s-]axes|twin[\s-]axis))\s+(?:chart|graph|plot)"
    r"|\b(?:combined|combination\sof)\s(?:an?\s)?(?:line|bar|scatter|area)s?\s(?:and|plus)\s(?:an?\s)?"
    r"(?:line|bar|scatter|area)\s(?:charts?|graphs?|plots?)")  # 'a combined line and bar chart'


def kinds_named(text: str) -> set[str]:
    """Every kind the text names ('Scatter Plot, Line Graph' -> {scatter, line}); a phrase
    inside a longer one already found ('line' in 'line chart') names nothing more."""
    found: set[str] = set()
    taken: list[tuple[int, int]] = []
    for start, end, kind in _kind_hits(fold(text), True):
        if not any(a <= start < b for a, b in taken):
            found.add(kind)
            taken.append((start, end))
    return found


def explicit_title(text: str) -> str | None:
    if is_no_value(text):
        return None
    q = quoted(text)
    if q:
        return None if _PANEL_LETTER.fullmatch(q) else q  # 'Labeled "(a)"': a panel's letter
    value = strip_markup(text)
    value = re.sub(r"\s*\((?:centered|centred|located|positioned|at|top|shown)[^)]*\)\s*\.?$", "",
                   value, flags=re.IGNORECASE)
    value = value.rstrip(".").strip()
    return value or None


def titled_in(text: str) -> str | None:
    # A word test first ('tled': lower() folds those letters as the pattern's IGNORECASE
    # does, unlike the 'i', which it also matches as 'ı'): most lines hold no 'titled'.
    if "tled" not in text.lower():
        return None
    m = _TITLED.search(text)
    if not m:
        return None
    return m.group(1).strip().rstrip(",.;:").strip() or None


_KIND_WORD = r"(?:(?:line|bar|scatter|pie|area|box|heatmap)\s+)?"
_SEVERAL: Final = re.compile(
    r"\b(?:series|set|collection|group|number|grid) of (?:[a-z/-]{3,20}\s+)?" + _KIND_WORD
    + r"(?:" + "|".join(re.escape(n) for n in PANEL_COUNT_NOUNS) + r")\b"
    r"|\b(?:multiple|several|various) " + _KIND_WORD + r"(?:charts|plots|graphs|panels)\b",
    re.IGNORECASE)


def says_several_panels(text: str) -> bool:
    """'a series of bar charts', 'several plots': more than one panel, their count unsaid."""
    lowered = text.lower()
    return any(noun in lowered for noun in PANEL_COUNT_NOUNS) and _SEVERAL.search(text) is not None


def stated_panel_count(text: str) -> int | None:
    lowered = text.lower()  # word tests first: the two searches are long, most lines fail both
    m = _GRID.search(text) if any(w in lowered for w in GRID_WORDS) else None
    if m:
        return int(m.group(1)) * int(m.group(2))
    if not any(noun in lowered for noun in PANEL_COUNT_NOUNS):
        return None
    m = _COUNT.search(text)
    if m:
        word = m.group(1).lower()
        count = NUMBER_WORDS.get(word) if not word.isdigit() else int(word)
        if count and count > 1:
            return count
    return None


_KIND_HEADER_TAILS = frozenset({"labels", "label", "data", "details", "values", "segments", "slices", "bars",
                                "lines", "series", "section", "part"})


def names_only_a_kind(title: str) -> bool:
    """'Line Graph', 'Pie Chart Labels', 'Bar Chart Data': a header that only names the kind of
    chart whose lines follow (at most one word such as 'Labels' beside the kind's words)."""
    folded = fold(title)
    hits = sorted((start, -end) for start, end, _ in _kind_hits(folded, False))
    if not hits:
        return False
    start, end = hits[0][0], -hits[0][1]  # the longest phrase where the first one starts
    rest = (folded[:start] + " " + folded[end:]).split()
    return len(rest) <= 1 and all(word in _KIND_HEADER_TAILS for word in rest)
