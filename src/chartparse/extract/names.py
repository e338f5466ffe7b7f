"""Names in headers and sentences: which known series, or which panel, a title names."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Final

from ..textcache import text_cache
from ..vocab import (
    MOTION_NOUNS,
    PANEL_DATA_TAILS,
    PANEL_POSITIONS,
    PANEL_WORDS,
    SECTION_ROLES,
    STYLE_WORDS,
    fold,
    has_phrase,
    lookup,
    mentions_color,
)
from ..vocab_looks import SHADES
from ..vocab_sections import SENTENCE_TITLE_WORDS
from .categories import category_axis, declared_inside
from .keys import key_info
from .limits import MAX_MENTIONED_NAMES
from .mentions import mentioned_series
from .name_identity import LOOKED_TWINS
from .noted_names import one_noted_name
from .panel_register import panel_placed_in_note
from .panel_templates import fills_a_template
from .panel_titles import (
    END_PAREN,
    declared_title_for,
    grid_position_note,
    names_a_grid_line,
    title_after_grid_place,
    titled_place_named,
)
from .state import SeriesDraft, name_key
from .style_match import entry_by_style
from .text import PAREN_NOTE, clean_name, drop_numbering, is_style_words, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node
    from .memo import Memo
    from .reading import ReadingState
    from .scope import Scope

_NUMBERED_PANEL: Final = re.compile(r"\b(?:chart|graph|plot|panel|subplot|heatmap|histogram)\s*\d")
_LABELLED_PANEL: Final = re.compile(
    r"\b(?:(?:chart|graph|plot|panel|subplot|heatmap|figure)\s*\(?(?:[a-z]\d?|\d{1,2}[a-z]?)\)?"
    r"|histogram\s*\(?[a-h]\)?)(?:\s|$)")  # a label is a letter or a number: not 'Chart in context'
_PARENS_TEXT: Final = re.compile(r"\(([^()]{2,80})\)")
_PANEL_LABEL: Final = re.compile(
    r"^\(?[a-h]\)\s|^\([a-h]\)|^[a-h]\.\d{1,2}[:)]|^(?:panel|subplot|chart|graph|plot|figure|diagram)"
    r"(?:\s+\(?[a-z0-9]{1,3}\)?|\s*\([a-z0-9]{1,3}\))(?:\W|$)",
    re.IGNORECASE,
)
_SECTION_LABEL: Final = re.compile(r"^(?:section|part)\s{0,2}(\([a-h]\))\s{0,2}:\s{0,2}", re.IGNORECASE)
_SENTENCE_START = re.compile(r"^(?:the|this|these|here|below|above|there|it|each|all|both|following"
                             r"|for\s(?:each|every|all|both))\b",
                             re.IGNORECASE)
_POSITION_ONLY_WORDS = frozenset("top bottom left right middle center upper lower panel".split())
_SERIES_SEARCH_SLACK = 12  # a known name inside a header must cover all but this many characters


def is_sentence(text: str) -> bool:
    """A lead-in sentence ('The chart presents the following data') rather than a name."""
    plain = strip_markup(text)
    # A style note does not make a name a sentence: 'Refine (Light Green, Long Dash, X)'.
    words = len(clean_name(plain).split()) if plain.endswith(")") else len(plain.split())
    return words > SENTENCE_TITLE_WORDS or bool(_SENTENCE_START.match(plain)) or (
        words >= _MOTION_SENTENCE_WORDS and _states_a_motion(plain))


_MOTION_SENTENCE_WORDS = 5  # 'Counts decrease monotonically with increasing length' says what the data does


def _states_a_motion(plain: str) -> bool:
    """A motion used as a verb after the first word ('Counts decrease monotonically', 'rises
    to'): the line says what happens ('Loss Drop vs Learning Rate' names a panel)."""
    words = fold(plain).split()
    return any((w in MOTION_NOUNS or (w.endswith("s") and w[:-1] in MOTION_NOUNS))
               and (after.endswith("ly") or after in _MOTION_FOLLOWERS)
               for w, after in itertools.pairwise(words[1:]))


_MOTION_FOLLOWERS = frozenset("to from with after until by in over towards toward".split())


@text_cache()
def names_a_panel(title: str) -> bool:
    """A title that reads as a panel's by its own words ('(a) Loss', 'Top-Left Chart')."""
    folded = fold(drop_numbering(title))
    role = lookup(SECTION_ROLES, title)
    if not folded or role in ("observations", "interpretation"):
        return False
    words = folded.replace("-", " ").split()
    if key_info(title).panel_list:
        return False  # 'Chart Titles (from left to right):' lists the panels' titles
    labelled = drop_numbering(strip_markup(title)).strip()
    if _PANEL_LABEL.match(labelled) or _SECTION_LABEL.match(labelled):  # 'Section (a): Llama2-7B'
        return True
    if any(w in PANEL_WORDS for w in words):
        return _panel_word_title(folded, words, role)
    return bool(words) and all(w in _POSITION_ONLY_WORDS for w in words)


def _panel_word_title(folded: str, words: list[str], role: str | None) -> bool:
    at_position = any(has_phrase(folded, p) for p in PANEL_POSITIONS)
    if role in ("components", "legend", "data") and not at_position \
            and not _NUMBERED_PANEL.search(folded):
        return False
    if words[0] in ("the", "this", "a", "an", "each", "all", "both"):
        return False
    return at_position or bool(_LABELLED_PANEL.search(folded)) or " vs" in folded


def panel_of_data_group(title: str) -> str | None:
    """'Inset Plot Data Points (Approximate):' -> 'Inset Plot': a panel's name, then the words of
    a data group (the panel's values follow); None unless the words before them name a panel."""
    plain = strip_markup(drop_numbering(title)).strip().rstrip(":").strip()
    m = _DATA_GROUP_TAIL.search(plain)
    if m is None:
        return None
    head = plain[: m.start()].strip()
    return head if head and names_a_figure_part(head) else None


def names_a_figure_part(title: str) -> bool:
    """A panel's title by its own words, or a plot and its inset ('Main Plot', 'Inset Chart')."""
    words = fold(strip_markup(title)).split()
    return (len(words) == 2 and words[0] in ("main", "inset") and words[1] in PANEL_WORDS) \
        or names_a_panel(title)


_DATA_GROUP_TAIL: Final = re.compile(
    r"\s(?:data\s(?:points?|values?)|data|values|key\s(?:data\s)?points|points)"
    r"(?:\s\((?:approx\w{0,8}|estimated|approximate\svalues)\))?$", re.IGNORECASE)


_CHARTS_OF_PANEL: Final = re.compile(r"(?<=\bpanel)\s(?:charts|plots|graphs)$", re.IGNORECASE)


def panel_name(title: str) -> str:
    if (of_data := panel_of_data_group(title)) is not None:
        return of_data
    name = clean_name(title) or strip_markup(title)
    name = title_after_grid_place(name) or name  # 'Top-Left: ARC' is the chart 'ARC'
    name = _CHARTS_OF_PANEL.sub("", name)  # 'Left Panel Charts' over its charts: the 'Left Panel'
    if name.count('"') % 2 and title.rstrip(" *:_").endswith('"'):
        name += '"'  # 'Top Chart: "Ours" vs. "Rival"' keeps its closing quote
    return _SECTION_LABEL.sub(r"\1 ", name) if name[:1] in "SsPp" else name  # 'Section (a): X' is (a) X


def is_panel_title(state: ReadingState, memo: Memo, title: str) -> bool:
    cached = memo.panel_titles.get(title)
    if cached is None:
        cached = memo.panel_titles[title] = _panel_title_uncached(state, title)
    return cached


def _panel_title_uncached(state: ReadingState, title: str) -> bool:
    if panel_of_data_group(title) is not None:
        return True  # 'Inset Plot Data Points (Approximate):'
    if _listed_up_front(state, title):
        return True
    if state.chart.panels and panel_placed_in_note(state.chart, strip_markup(title)) is not None:
        return True
    if state.chart.stated_panels >= 2 and names_a_grid_line(title):
        return False  # '**Row 1 (Top):**' over the charts of that row
    if state.chart.stated_panels >= 2 and title_after_grid_place(strip_markup(drop_numbering(title))):
        return True  # '1. **Top-Left: ARC**' in a 3x3 grid of pies
    if state.chart.stated_panel_count and grid_position_note(title) \
            and fold(strip_markup(title)).split()[:1] != ["region"]:
        return True  # 'ARC-Easy (top-left)' in a 2x2 grid ('Region K1 (Top)' is a part of a plot)
    declared = state.chart.declared_panel_titles
    plain = strip_markup(drop_numbering(title))
    words = plain.split()
    if declared and (name_key(plain) in (keys := {name_key(d) for d in declared}) or (
            not PANEL_WORDS.isdisjoint(fold(plain).split())
            and declared_title_for(plain, declared) is not None) or (  # 'Control Model' for 'Control'
            len(words) >= 2 and fold(words[-1]) in _TITLE_NOUNS and name_key(" ".join(words[:-1])) in keys)):
        # '#### Ally Tree', '2.1 `PGP-P` Chart' after 'Top-left: `PGP-P`' ('Active Experts (Line)'
        # names a line of the panel 'Active Experts over Training': no panel word, no panel)
        return True
    if _names_declared_category(state, title):
        return False  # '1. AEMA (Blue Box Plot - Left)' on an axis listing 'AEMA' is its box
    return names_a_panel(title) or _declared_panel_without_note(state, title)


def _listed_up_front(state: ReadingState, title: str) -> bool:
    """A title the components listed, by name or by form."""
    if name_key(title) in state.panel_names or (
            state.panel_names and name_key(panel_name(drop_numbering(strip_markup(title))))
            in state.panel_names):
        return True
    if state.panel_templates and fills_a_template(state.panel_templates, drop_numbering(title)):
        return True  # '**T = 1, N = 53M:**' where each title is 'in the format "T = [value], N = [value]"'
    # 'Quadrant (a) Backdoor-Vulnerability' after 'Quadrants:' listed '(a) Backdoor-...'
    return bool(state.panel_names) and _part_noun_then_listed(state, strip_markup(drop_numbering(title)))


def _part_noun_then_listed(state: ReadingState, plain: str) -> bool:
    noun, _, rest = plain.strip().rstrip(":").partition(" ")
    return fold(noun).rstrip("s") in _PART_NOUNS and name_key(rest) in state.panel_names


_PART_NOUNS = frozenset("quadrant section part region subplot subfigure".split())
_TITLE_NOUNS = frozenset("model models method methods results section condition setting".split())


def _names_declared_category(state: ReadingState, title: str) -> bool:
    if not state.categorical():
        return False
    axis = category_axis(state.chart, None)
    return axis is not None and declared_inside(axis, fold(drop_numbering(strip_markup(title)))) is not None


def _declared_panel_without_note(state: ReadingState, title: str) -> bool:
    """'#### Loss' where the components declared '#### Loss (Left Chart)': the same
    panel's title, its position note left out."""
    if not state.chart.panels:
        return False  # (nothing declared: the title's key need not be made)
    plain = drop_numbering(strip_markup(title))
    key = name_key(panel_name(plain))
    if not key:
        return False
    keys = {key}
    if (note := END_PAREN.search(plain)) is not None and note.start() > 0:
        keys.add(name_key(plain[: note.start()]))  # 'Heatmap Data (Approximate Values)'
    keys |= {k[: -len(tail) - 1] for k in list(keys) for tail in PANEL_DATA_TAILS if k.endswith(" " + tail)}
    keys |= {k.rsplit(" ", 1)[0] for k in list(keys) if " " in k and k.rsplit(" ", 1)[1] in PANEL_WORDS}
    for declared, _, _ in state.chart.panels:
        note = END_PAREN.search(declared)
        if note is not None and grid_position_note(declared) \
                and name_key(declared[: note.start()]) in keys:
            return True
        if key != name_key(declared) and name_key(declared) in keys:
            return True  # the declared title with a note or a 'Data' tail after it
        if titled_place_named(declared, plain):
            return True  # 'Question Chart Trends' for 'Left Chart (Question)'
    return False


def known_series_name(state: ReadingState, memo: Memo, name: str, panel: str | None) -> str | None:
    """The name of the known series a header names ('1 Rec (Solid Blue Line)' -> '1 Rec'),
    or None; a question only: nothing is created."""
    if not state.known_names:
        return None
    # The answer depends on the header and the names known so far; headers repeat
    # across panels and both passes, so it is kept until a new name is learnt.
    memo.names_known(len(state.known_names))
    if name in memo.matched:
        known = memo.matched[name]
    else:
        known = memo.matched[name] = _known_name_in(state, memo, name)
    if known is None and panel is not None and (own := state.panel_legends.get(panel)):
        # 'Solid Lines:' in a panel whose own legend has one solid entry, though others do too
        entry = entry_by_style(name, own)
        known = None if entry is None else entry.label
    return known


def match_series(state: ReadingState, memo: Memo, name: str, panel: str | None) -> SeriesDraft | None:
    """The known series a header names, found or created in the chart; None when it names none
    (nor when it is a name before a comparison of several: 'Row 1: "ours" vs. "baseline"')."""
    if ": " in name and name_before_comparison(state, name) is not None:
        return None
    known = known_series_name(state, memo, name, panel)
    if known is None:
        return None
    if name_key(known) in LOOKED_TWINS.get() and (look := PAREN_NOTE.search(name)) is not None \
            and is_style_words(look.group(1)):
        known = f"{known} {look.group(0)}"  # 'Model (Dashed Line)' beside 'Model (Solid Line)': two lines
    series = state.chart.series_for(known, panel)
    series.rule = series.rule or "section.known-name"  # (a header or section naming a known line)
    return series


def _known_name_in(state: ReadingState, memo: Memo, name: str) -> str | None:
    known_names = state.known_names
    candidates = [clean_name(name), strip_markup(name)]
    for cand in candidates:
        key = name_key(cand)
        if key and key in known_names:
            return known_names[key]
    if is_panel_title(state, memo, name):
        # 'Chart 2: Large Models' is a panel even with a series 'Large'; but a header drawn
        # in a declared entry's look ('1. Red Series (High Reward)') is that entry's series
        return _named_by_look(state, name)
    # 'Blue (`32K-base:1e4`)': the name may stand in the parentheses.
    for cand in _PARENS_TEXT.findall(name):
        key = name_key(cand)
        if key and key in known_names:
            return known_names[key]
    inside = longest_known_inside(known_names, name_key(candidates[0])) or one_noted_name(known_names, name)
    if inside is not None:
        return inside
    # 'Training F1 (Solid Green Line)': no name matches; the look names the entry.
    return _named_by_look(state, name)


def _named_by_look(state: ReadingState, name: str) -> str | None:
    """The known name of the one declared entry whose look the header states."""
    entry = entry_by_style(name, [*state.chart.legend, *state.declared_entries])
    return None if entry is None else state.known_names.get(name_key(entry.label), entry.label)


def longest_known_inside(known_names: dict[str, str], key: str) -> str | None:
    """'Package 1377834' names the legend's '1377834': the longest known name standing
    as whole words inside the header."""
    best: tuple[str, str] | None = None
    # (the first MAX_MENTIONED_NAMES known names and aliases only: a key per line times every
    # name met would be quadratic in a description of thousands of labelled points)
    for known, written in itertools.islice(known_names.items(), MAX_MENTIONED_NAMES):
        if len(known) >= 2 and known != key and has_phrase(key, known) and (
            best is None or len(known) > len(best[0])
        ) and not _shade_before(key, known):
            best = (known, written)
    if best is not None and len(best[0]) * 2 >= len(key) - _SERIES_SEARCH_SLACK:
        return best[1]
    return None


def _shade_before(key: str, known: str) -> bool:
    """'light blue circle' holds 'blue circle' after a shade: another colour, another series."""
    before = key[: max(key.find(known), 0)].split()
    return bool(before) and before[-1] in SHADES


def heads_a_category(state: ReadingState, memo: Memo, title: str, scope: Scope, after: Node | None) -> bool:
    """A bold title on a categorical chart that heads a category: it holds a declared
    category, or the flattened lines after it are keyed by known series ('1. **Germany**'
    then '* Blue: ~41')."""
    if not state.categorical() or (scope.x is not None and not scope.inherited):
        return False
    axis = category_axis(state.chart, scope.panel)
    if axis is not None and declared_inside(axis, fold(title)) is not None:
        return True
    if after is None or after.line is None or after.line.key is None or after.is_section:
        return False
    return known_series_name(state, memo, after.line.key, scope.panel) is not None


def member_entry(state: ReadingState, key: str, within: SeriesDraft) -> str | None:
    """'Average Line' under the series '2PNN' names the legend's 'Average for 2PNN': the one
    known name holding both the key's words (its look words aside) and the series' name."""
    words = [w for w in name_key(clean_name(key)).split() if w not in STYLE_WORDS]
    outer = name_key(within.name)
    if not words or not outer:
        return None
    core = " ".join(words)
    found = [written for known, written in state.known_names.items()
             if known != outer and has_phrase(known, outer) and has_phrase(known, core)]
    return found[0] if len(found) == 1 else None


_ON_BEFORE: Final = re.compile(r"(?:[)\d%],?\s{0,2}|\b(?:lies|sits|is|falls)\s)(?:on|along)\s(?:the\s)?$",
                               re.IGNORECASE)  # right after the pair, or 'lies on'


def series_placed_on(state: ReadingState, text: str) -> str | None:
    """'(4%, 5%) on Curve 1': the one known series a point's text places it on."""
    if " on " not in text and " along " not in text:
        return None
    placed = {name for at, name in mentioned_series(state, text)
              if _ON_BEFORE.search(text, max(0, at - 16), at)}
    return placed.pop() if len(placed) == 1 else None


def name_before_comparison(state: ReadingState, title: str) -> str | None:
    """'Row 1: "ours" vs. "baseline"' -> 'Row 1': a short name, then a colon and words naming
    two or more known series (a comparison that only describes what the name heads)."""
    head, colon, rest = strip_markup(title).partition(": ")
    head = head.strip()
    if not colon or not head or len(head.split()) > _NAME_BEFORE_COMPARISON_WORDS \
            or len(mentioned_series(state, rest)) < 2:
        return None
    return head


_NAME_BEFORE_COMPARISON_WORDS = 4


def names_coloured_slice(title: str) -> bool:
    """'Blue Segment (Top-Right Quadrant)': a pie's slice named by its colour."""
    return mentions_color(title) and not {"segment", "slice", "wedge"}.isdisjoint(fold(title).split())


