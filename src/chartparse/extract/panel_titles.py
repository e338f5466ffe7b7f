"""Panel headers read against the panel titles a description declares up front.

A header may name a declared panel by a few of its title's words ('1990 Chart (Total:
17,000 kWh)' for "Building Energy Use 1990"), or hold the whole title inside a longer
line ('Matrix (a) RSPC - Coverage Values' for "(a) RSPC"); a panel declared by its place
with its title in brackets ('Left Chart (Question)') is headed by that title later
('Question Chart Trends').
"""

from __future__ import annotations

import re
from typing import Final

from ..phrases import has_phrase
from ..textcache import text_cache
from ..vocab import PANEL_DATA_TAILS, PANEL_POSITIONS, PANEL_WORDS, fold

WORD: Final = re.compile(r"[^\W_]+")  # a run of letters or digits
TITLE_NOTE: Final = re.compile(r"(?<!\s)\s*\([^()]*\)\s*$")
TITLE_AFTER_PLACE: Final = re.compile(r"\s{1,2}\([^()]{3,80}\)")
POSITION_WORDS: Final = frozenset(w for p in PANEL_POSITIONS for w in p.replace("-", " ").split())
_DISTINCT_CHARS = 3  # a declared title inside a header must hold a word this long ('(a)' alone is no title)


def declared_title_for(title: str, declared: list[str]) -> str | None:
    """The one declared panel title that ``title`` names: every distinctive word of the
    header is a word of the title, or else the header holds the whole title."""
    if not declared or title in declared:
        return None
    words = {w for w in WORD.findall(fold(TITLE_NOTE.sub("", title)))
             if w not in PANEL_WORDS and w not in POSITION_WORDS}
    if words:
        found = [d for d in declared if words <= _title_words(d)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return _title_inside(fold(title), declared)


def _title_inside(folded: str, declared: list[str]) -> str | None:
    inside = [d for d in declared if any(len(w) >= _DISTINCT_CHARS for w in _title_words(d))
              and has_phrase(folded, fold(d))]
    return inside[0] if len(inside) == 1 else None


@text_cache()
def _title_words(title: str) -> frozenset[str]:
    """The folded words of a declared title (read once: every header is matched against it)."""
    return frozenset(WORD.findall(fold(title)))


_PANEL_LETTER_WORD: Final = re.compile(r"[a-h]|[ivx]{1,4}")


def untitled_panel(name: str) -> bool:
    """'Chart (a) Specifics', 'Panel (b)': a panel noun, its letter and a data tail; no title."""
    if _SIGNED_NAME.search(name):
        return False  # 'G+', 'G-': a letter with a sign is a quantity's name, no panel letter
    words = [w for w in WORD.findall(fold(name)) if w not in PANEL_WORDS and w not in POSITION_WORDS
             and w not in PANEL_DATA_TAILS and not _PANEL_LETTER_WORD.fullmatch(w)]
    return not words


_SIGNED_NAME: Final = re.compile(r"\w[+±−](?!\w)|\w-(?![\w\s])|\w-(?=\s*$)")


_PLACE_THEN_QUOTED: Final = re.compile(r"([^:\"“”]{2,40}):\s{0,2}[\"“]([^\"“”]{1,80})[\"”]\s*")


def quoted_title_after_place(title: str) -> str | None:
    """'Left Chart: "By Team"' -> 'By Team': a panel named by its place, then its quoted title."""
    m = _PLACE_THEN_QUOTED.fullmatch(title)
    return m.group(2).strip() if m is not None and untitled_panel(m.group(1)) else None


PANEL_LETTER: Final = re.compile(r"\(([a-hA-H]|[ivxIVX]{1,4})\)")


def panel_by_letter(title: str, panels: list[str]) -> str | None:
    """The one known panel that carries the same letter in parentheses as ``title``."""
    mine = _panel_letter(title)
    if not mine:
        return None
    same = [t for t in panels if _panel_letter(t) == mine]
    return same[0] if len(same) == 1 else None


@text_cache()
def _panel_letter(title: str) -> str:
    """The letter a title gives its panel ('(a) Loss' -> 'a'), or ''."""
    m = PANEL_LETTER.search(title)
    return m.group(1).lower() if m else ""


_END_NOTE: Final = re.compile(r"\(([^()]{1,30})\)\s*:?\s*$")


@text_cache()
def place_note(title: str) -> frozenset[str]:
    """The position words of a title's closing note ('K=1 (Bottom-left)' -> bottom, left);
    empty when it has none or the note says something else."""
    m = _END_NOTE.search(title)
    words = frozenset(WORD.findall(fold(m.group(1).replace("-", " ")))) if m else frozenset()
    return words if words and words <= POSITION_WORDS else frozenset()


def told_apart(title: str, other: str) -> bool:
    """Two panel titles alike but for their letters ('(a) K40c (ECC on)', '(b) K40c (ECC off)'),
    their places in the grid ('K=1 (Top-left)', 'K=1 (Bottom-left)'), or an operation on
    the one ('G+' and 'G+ - G-')."""
    letter, theirs = _panel_letter(title), _panel_letter(other)
    if letter and theirs and theirs != letter:
        return True
    short, long_ = sorted((title.strip(), other.strip()), key=len)
    if " " not in short and long_.startswith(short) and _OPERATOR_TAIL.match(long_, len(short)):
        return True  # 'G+ - G-' is the difference of 'G+' and 'G-' ('Left Plot - loss' describes one)
    here, there = place_note(title), place_note(other)
    return bool(here) and bool(there) and here != there


_OPERATOR_TAIL: Final = re.compile(r"\s+(?:[-+−×/÷]|vs\.?)\s+\S")


_PLACE_NOTE: Final = re.compile(r"^(?P<place>[^()]{2,40}?)\s*\((?P<title>[^()]{2,40})\)\s*$")
_HEADER_TAILS = frozenset(w for tail in PANEL_DATA_TAILS for w in tail.split()) | {"trend", "trends"}


def titled_place_named(declared: str, title: str) -> bool:
    """Whether ``title`` ('Question Chart Trends') heads the panel declared by place with
    its title in brackets ('Left Chart (Question)'): the bracketed title's words, then only
    panel words and data tails (a few more when its closing note is the same place)."""
    m = _PLACE_NOTE.match(declared)
    if m is None:
        return False
    place = set(WORD.findall(fold(m.group("place"))))
    if not place or not place <= (POSITION_WORDS | PANEL_WORDS) or place <= POSITION_WORDS:
        return False  # ('Loss (top-left)' is a title with its place, handled elsewhere)
    named = WORD.findall(fold(m.group("title")))
    note = _END_NOTE.search(title)
    placed = note is not None and set(WORD.findall(fold(note.group(1)))) == place
    words = WORD.findall(fold(title[: note.start()] if placed and note is not None else title))
    if not named or words[: len(named)] != named:
        return False  # ('2023 bars (Upper Plot)' names a series drawn there)
    if len(words) == len(named):
        return placed  # 'Rainfall (Upper Plot)' heads 'Upper Plot (Rainfall)'
    tails = _HEADER_TAILS | _PLACED_TAILS if placed else _HEADER_TAILS
    return all(w in PANEL_WORDS or w in tails for w in words[len(named):])


_PLACED_TAILS = frozenset({"readings", "measurements", "values", "results", "observations"})


_PANEL_NUMBER: Final = re.compile(
    r"^\W{0,3}(?:chart|panel|plot|subplot|graph|figure|histogram|heatmap)\s?\(?(\d{1,2}|[a-h])\)?(?![\w.])",
    re.IGNORECASE)


def panel_number(title: str) -> str | None:
    """'Chart 1 (Left)', 'Chart 1: Open-source LLMs', 'Plot (b)' -> '1', '1', 'b'."""
    m = _PANEL_NUMBER.match(title)
    return m.group(1).lower() if m else None


def one_label_each(titles: list[str], labels: list[str]) -> list[int] | None:
    """For each title, the index of the one label whose words it holds, when the titles and
    the labels pair one to one that way ('(a) Model A', '(b) Model B' with 'Model A' and
    'Model B'); else None. Both lists come normalised by the caller."""
    if len(titles) != len(labels):
        return None
    found = []
    for title in titles:
        held = [i for i, label in enumerate(labels) if label and has_phrase(title, label)]
        if len(held) != 1:
            return None
        found.append(held[0])
    return found if len(set(found)) == len(found) else None


_GRID_LINES = frozenset({"row", "rows", "column", "columns", "col"})
_GRID_FILLERS = frozenset({"to", "from", "the", "of"})


def names_a_grid_place(title: str) -> bool:
    """'Top Row (Left to Right)', 'Bottom-left', 'Middle column': only a place in a grid of
    charts, which names no category or value."""
    words = WORD.findall(fold(title).replace("-", " "))
    places = sum(w in POSITION_WORDS for w in words)
    return (any(w in _GRID_LINES for w in words) or places >= _PLACES_WITHOUT_GRID_WORD) and all(
        w in POSITION_WORDS or w in _GRID_LINES or w in _GRID_FILLERS for w in words)


def names_a_grid_line(title: str) -> bool:
    """'Row 1 (Top)', 'Bottom Row', 'Middle column': a row or column of a grid of charts,
    which holds several charts, no one of them."""
    words = WORD.findall(fold(title).replace("-", " "))  # ('Row 1 (Top)': a numbered row too)
    return any(w in _GRID_LINES for w in words) and all(
        w in POSITION_WORDS or w in _GRID_LINES or w in _GRID_FILLERS or (w.isdigit() and len(w) <= 2)
        for w in words)


_PLACES_WITHOUT_GRID_WORD = 2  # 'Top Left' places a chart; 'Left' alone may be a category


_PLACE_THEN_TITLE: Final = re.compile(r"^\s{0,2}([A-Za-z][A-Za-z -]{2,30}?)\s{0,2}:\s{1,2}(\S.{0,80})$")


def title_after_grid_place(title: str) -> str | None:
    """'Top-Left: ARC', 'Middle-Center: MMLU' -> the chart's title after its place in a grid."""
    m = _PLACE_THEN_TITLE.match(title)
    if m is None or not names_a_grid_place(m.group(1)) or names_a_grid_line(m.group(1)):
        return None
    return m.group(2).strip(" *_")


END_PAREN: Final = re.compile(r"\(([^()]{1,30})\)\s*$")


@text_cache()
def grid_position_note(title: str) -> bool:
    """A title ending in a grid position: 'ARC-Easy (top-left)'."""
    paren = END_PAREN.search(title)
    if paren is None:
        return False
    note = fold(paren.group(1)).replace("-", " ")
    if note.startswith(_ORDER_NOTE_LEADS):
        return False  # '(clockwise from top-right)', '(from left to right)': an order, not a place
    words = note.split()
    if len(words) == 2 and words[0] in _ORDINALS and words[1] in PANEL_WORDS:
        return True  # 'Bamboogle (First Plot)'
    return any(has_phrase(note, p.replace("-", " ")) for p in PANEL_POSITIONS)


_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth last".split())


_ORDER_NOTE_LEADS = ("clockwise", "counterclockwise", "counter clockwise", "anticlockwise", "from ",
                     "ordered", "in order", "listed", "sorted")
