"""Series declared in pass 1 by the lines that name them: a key that is only a look whose
text labels the line ('**Red Solid Line**: Labeled `fit`'), a line named by its colour or
its style outside a legend, a legend entry restated with its own values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..outline import PSEUDO_LEVEL
from ..vocab import LEGEND_KEYS, META_KEYS, SERIES_ATTRIBUTE_KEYS, fold, mentions_color
from .keys import key_info, key_words
from .legend import LABELLED_LEAD, entries_from_list, entry_from_line, label_from_look_key
from .names import longest_known_inside, names_a_figure_part
from .rules.patterns import numbers_a_point
from .state import ChartDraft, LegendEntryDraft, name_key
from .text import PAREN_NOTE, clean_name, entry_with_look, find_whole, is_style_words, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node
    from .scope import Scope
    from .walker import Walker


def label_after_look(key: str, text: str) -> tuple[str, str] | None:
    """'**Red Solid Line**: Labeled `z ∼ 6 results`, from ...': a key that is only a look,
    whose text gives the line its own label, names the series of that label (even when the
    legend has another entry in that colour). -> (label, the rest of the text)."""
    rest = (text or "").lstrip(" *_")  # (backticks kept: they quote the label)
    m = LABELLED_LEAD.match(rest)
    if m is None or not is_style_words(strip_markup(key)):
        return None
    return m.group("name").strip(), rest[m.end():]


# Under 'Data Series:', keys naming a drawn spread around the lines, not a line of their own.
_SPREAD_MARK_KEYS = frozenset({"shaded region", "shaded regions", "shaded area", "shaded areas", "shading",
                               "band", "bands", "confidence band", "confidence bands", "error band",
                               "error bands", "error bars", "confidence interval"})


def declare_series(w: Walker, node: Node, scope: Scope) -> None:
    """The items under a ``Data Series:`` key: each a series, with its style; none when the
    key's text says they are the parts of each mark ('Four box plots. Each consists of:')."""
    state = w.state
    if node.line is not None and _PARTS_INTRO.search(node.line.text):
        return
    shared = _labels_under_looks(node)
    by_looks = _listed_by_looks(node)
    for child in node.children:
        line = child.line
        if line is None or line.kind not in ("item", "para"):
            continue
        if _declares_none(state.chart, line.key, line.text):
            continue
        entry = _series_named_by_style(line.key, line.text, line.line, shared) or _series_named_by_colour(
            line.key, line.text, line.line) or entry_from_line(line.key, line.text, line.line) \
            or (_series_named_by_look_key(line.key, line.text, line.line) if by_looks else None)
        if entry is None:
            continue
        entry.label = label_from_look_key(line.key) or _HATCHING_PAREN.sub("", entry.label) or entry.label
        if line.key is None and (named := _legend_entry_named(state.chart, entry.label)) is not None:
            entry.label = named  # 'The **Video Policy (blue)** line has a shaded band': that entry
        state.trace.claim(line.line, "component.series-list")
        state.declared_series(entry, scope.panel, line.line)
        if not any(name_key(e.label) == name_key(entry.label) for e in state.chart.legend):
            state.keep_declared(entry)


def _legend_entry_named(chart: ChartDraft, label: str) -> str | None:
    """The legend entry a sentence-like declaration names inside it, when it is no entry itself."""
    if not chart.legend or chart.has_legend_label(label):
        return None
    return longest_known_inside({name_key(e.label): e.label for e in chart.legend}, name_key(label))


def _declares_none(chart: ChartDraft, key: str | None, text: str) -> bool:
    """A line under 'Data Series:' that names no series of its own."""
    if key is None:  # 'There are approximately 7-8 solid lines in various colors.' counts them
        return _THERE_ARE.match(strip_markup(text)) is not None
    words = key_words(key)
    # '**Representation:** a single blue line' describes the one series; '**Shaded Regions:**
    # light blue bands' are no line; '**Annotation (Top-Left):** the text "DROP"' notes the
    # figure; '**Point 1**: (3B, 4.1%)' is a point of the one series; 'Red Line - `L(D(C))`:'
    # is the legend's entry
    return words in SERIES_ATTRIBUTE_KEYS or words in _SPREAD_MARK_KEYS or _names_a_component(key) \
        or numbers_a_point(key, text) or _names_legend_entry(chart, key)


def series_list_section(w: Walker, node: Node, scope: Scope) -> bool:
    """'**Data Series:**' alone on its line over plain items after it (a flattened list):
    the items declare the series, as under a ``Data Series:`` item. (Keyed items there, such
    as '**Label:** Wheat' blocks or '**Model A (blue):** rises', are read as data.)"""
    if node.level < PSEUDO_LEVEL or not node.children or not key_info(node.title or "").series_list \
            or any(c.line is None or c.line.key is not None for c in node.children):
        return False
    w.state.trace.claim(node.first_line, "component.series-list")
    declare_series(w, node, scope)
    return True


_PARTS_INTRO: Final = re.compile(
    r"\b(?:each|every\sone)\b[^.:]{0,30}\b(?:consists?\sof|comprises?|is\smade\sof|is\sdrawn\swith)\s{0,2}:\s{0,2}$",
    re.IGNORECASE)
_THERE_ARE: Final = re.compile(r"\s{0,3}there\s(?:are|is|were|was)\s", re.IGNORECASE)
# ('Purple Bar with Back Slashes (\\\\)': the hatching drawn in brackets is no part of the name)
_HATCHING_PAREN: Final = re.compile(r"\s{0,3}\([\\/|.]{1,6}\)\s{0,3}$")  # ('(%)', '(+)' stay: units, signs)


def _names_a_component(key: str) -> bool:
    """'Annotation', 'Legend/Labels', 'X-Axis', 'Chart Type': a key naming a part of the figure
    (in a flattened list, the next component after the series list), not a series."""
    info = key_info(key)
    words = " ".join(fold(PAREN_NOTE.sub(" ", strip_markup(key))).split())  # ('Annotation (Top-Left)')
    return words in META_KEYS or info.legend or words.partition("/")[0] in LEGEND_KEYS \
        or info.axis is not None or info.kind or info.title or names_a_figure_part(key) \
        or words in _LABEL_KEYS  # 'Data Point Labels: each marker is annotated with k'


_LABEL_KEYS = frozenset({"labels", "data labels", "point labels", "data point labels", "value labels",
                         "bar labels", "annotations", "data annotations", "point annotations"})


def _names_legend_entry(chart: ChartDraft, key: str) -> bool:
    """A key that names an entry of the stated legend, alone or beside its look."""
    if not chart.legend:
        return False
    labels = {name_key(e.label): e.label for e in chart.legend}
    own = name_key(clean_name(key))
    if own in labels or longest_known_inside(labels, own) is not None:
        return True
    written = fold(clean_name(key))  # 'Green Line - F(N)': a formula's parentheses are its name
    return any(len(label) >= 2 and find_whole(written, fold(label)) >= 0 for label in labels.values())


def _series_named_by_colour(key: str | None, text: str, line: int | None) -> LegendEntryDraft | None:
    """'* Dark Blue', '* Red line + light red shaded band', '* Teal (dark cyan) line' under
    'Data Series: seven lines, told apart by colour': the line's look is its only name."""
    if key is not None or text.lstrip("*_ ").startswith(('"', "“", "`")):
        return None  # ('"x" - Blue line': a quoted label, though 'x' names a marker too)
    lead = _LOOK_LEAD_END.split(strip_markup(text), maxsplit=1)[0].strip(" .")
    if not lead or not is_style_words(lead.replace("(", " ").replace(")", " ")):
        return None
    name = " ".join(w for w in PAREN_NOTE.sub(" ", lead).split() if fold(w) not in _SHAPE_WORDS)
    if not name:
        return None
    return entry_with_look(name, lead, line)


def _series_named_by_look_key(key: str | None, text: str, line: int | None) -> LegendEntryDraft | None:
    """'1. **Cyan Squares:** Clustered on the left' in a list of series told apart by their
    looks: a key that is only a coloured look, its text a description, names the series by
    that look (not one whose text says it marks a reference: '**Gray dashed line:** Marks the
    target')."""
    plain = strip_markup(key or "").strip()
    if not plain or not is_style_words(plain) or not mentions_color(plain) or _MARKS_A_REFERENCE.search(text):
        return None
    return entry_with_look(PAREN_NOTE.sub("", plain).strip() or plain, plain, line)


_MARKS_A_REFERENCE: Final = re.compile(
    r"\b(?:marks?|marking|indicates?|denotes?|threshold|target|baseline|reference|band|interval)\b",
    re.IGNORECASE)


def _listed_by_looks(node: Node) -> bool:
    """A series list whose key says the series are told apart by their looks ('Data Series
    (Inferred from Marker Style):'), or whose items are mostly keyed by looks alone."""
    note = PAREN_NOTE.search(node.line.key or "") if node.line is not None else None
    if note is not None and _LOOK_NOTE.search(note.group(1)):
        return True
    keys = [strip_markup(c.line.key) for c in node.children if c.line is not None and c.line.key]
    return len(keys) >= 2 and 2 * sum(is_style_words(k) for k in keys) > len(keys)


_LOOK_NOTE: Final = re.compile(r"\b(?:markers?|marker style|style|styles|colou?rs?|shapes?|looks?)\b",
                               re.IGNORECASE)


_LOOK_LEAD_END: Final = re.compile(r"\s*(?:\+|,|;|\bwith\b|\band\b)\s*")
_SHAPE_WORDS = frozenset("line lines curve curves bar bars marker markers dots points".split())


def _labels_under_looks(node: Node) -> set[str]:
    """The labels listed under two or more looks ('Cyan squares: k=3, k=5' and 'Brown
    circles: k=3, k=9'): a label drawn in two looks names dots, not a series."""
    seen: dict[str, int] = {}
    for child in node.children:
        line = child.line
        if line is None or line.key is None or not is_style_words(strip_markup(line.key)):
            continue
        for entry in entries_from_list(line.key, line.text, line.line):
            seen[name_key(entry.label)] = seen.get(name_key(entry.label), 0) + 1
    return {label for label, n in seen.items() if n >= 2}


def _series_named_by_style(key: str | None, text: str, line: int | None,
                           shared: set[str]) -> LegendEntryDraft | None:
    """'Cyan squares: k=3, k=5, k=9' under 'Data Series:', when another look lists k=3 too:
    one series named by its look; the labels are its dots' labels."""
    if key is None or not shared or not is_style_words(strip_markup(key)):
        return None
    listed = entries_from_list(key, text, line)
    if len(listed) < 2 or not any(name_key(e.label) in shared for e in listed):
        return None
    return entry_with_look(clean_name(key), strip_markup(key), line)
