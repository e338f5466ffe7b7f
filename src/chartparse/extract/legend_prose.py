"""Legend entries stated in a sentence or a one-line list: quoted labels, 'Blue line (A),
Orange line (B)', a bare list of names, a list after a colon, a set in brackets. The
readers are tried in order; the first that reads wins."""

from __future__ import annotations

import re
from typing import Final

from ..vocab import fold
from .legend import LEAD_PAREN
from .legend_notes import (
    NO_LEGEND,
    is_color_scale,
    is_placeholder,
    legend_position,
    legend_titles,
    quoted_formats,
)
from .legend_pairs import colour_equals_entries, paired_entries
from .state import LegendEntryDraft
from .text import (
    all_quoted,
    clean_name,
    entry_with_look,
    is_no_value,
    is_style_words,
    strip_markup,
)

_LIST_SEP: Final = re.compile(r",\s*(?:and\s+)?|;\s*|(?<!\s)\s+and\s+")  # ((?<!\s): linear on long runs)
_PAREN_LIST: Final = re.compile(r"\(([^()]{3,200},[^()]{1,200})\)")
_STATE_WORDS = frozenset(  # 'Legend: Present, not labelled' states, it names nothing
    "not no none present absent visible shown located positioned placed single one two three "
    "four five six several multiple".split())
_BARE_LIST_WORDS = 3  # 'Legend: Ours, Theirs, Baseline': each item a short name


def _bare_list(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'Ours, Theirs and Baseline': names with no style, listed and nothing else."""
    plain = strip_markup(text).rstrip(". ")
    if legend_position(plain) is not None:
        return []
    items = [i.strip().strip("\"'`") for i in _LIST_SEP.split(plain)]
    if len(items) < 2 or any(not i or len(i.split()) > _BARE_LIST_WORDS or i[0].islower()
                             or is_style_words(i) or is_placeholder(i)
                             or fold(i).split()[0] in _STATE_WORDS for i in items):
        return []
    return [LegendEntryDraft(label=i, line=line) for i in items]


# 'e.g.' and 'near x=25' split out of '(e.g., near x=25)': an example's lead or a place, no name
_NO_ENTRY_LABEL: Final = re.compile(r"(?:e\.g\.|i\.e\.|etc\.?|(?:near|at|around)\s.{0,40})", re.IGNORECASE)


def entries_from_prose(text: str, line: int | None) -> list[LegendEntryDraft]:
    """Entries stated in a sentence or a one-line list; the first form that reads wins."""
    if NO_LEGEND.search(text) or is_color_scale(text):
        return []
    lead, colon, rest = text.partition(": ")
    if colon and ":" not in lead and not is_style_words(lead):  # 'Shown by colours: Blue: A, Red: B'
        paired = colour_equals_entries(rest, line) or paired_entries(rest, line)
        if len(paired) >= 2:
            return paired  # (the pairs after a lead-in)
    if not is_no_value(text) and (out := _read_prose(text, line)):
        return out
    if colon and rest.strip() and ":" not in lead and not NO_LEGEND.search(rest):
        # 'Implicit, by bar colours: Blue = Democrats, Red = Republicans': a lead-in to the
        # entries (read once: the rest's own colons are not lead-ins again)
        return _read_prose(rest, line)
    return []


def _read_prose(text: str, line: int | None) -> list[LegendEntryDraft]:
    for reader in _PROSE_READERS:
        out = [e for e in reader(text, line) if not _NO_ENTRY_LABEL.fullmatch(e.label.strip())]
        if out:
            return out
    return []


def _quoted_entries(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'green circles for "Original" and orange for "Manipulated"'."""
    out = []
    for label in all_quoted(text):
        if label in legend_titles(text) or label in quoted_formats(text):
            continue  # 'titled "Packages introduced in revision:"' is the legend's title;
            # 'The label format is `Name (Count)`' quotes how labels are written, no label
        out.append(entry_with_look(label, _context_around(text, label), line))
    return out


def parenthesised_entries(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'Blue line (HNSW), Orange line (IVF-PQ)' or 'Accuracy (blue line), Loss (red line)'."""
    out = []
    for piece in _LIST_SEP.split(strip_markup(text)):
        if (named := _label_with_note_then_look(piece.strip())) is not None:
            out.append(entry_with_look(named[0], named[1], line))
            continue
        m = LEAD_PAREN.match(piece.strip())
        if not m:
            continue
        head, inside = m.group(1).strip(), m.group(2).strip()
        if is_style_words(head) and inside and not is_style_words(inside):
            label, style = inside, head
        elif is_style_words(inside) and head and not is_style_words(head) \
                and not _SENTENCE_BREAK.search(head):
            label, style = head, inside  # ('A blue line representing X. It ends with a marker (dot)': prose)
        else:
            continue
        out.append(entry_with_look(clean_name(label), style, line))
    return out


_SENTENCE_BREAK: Final = re.compile(r"[a-z)][.!?]\s{1,2}[A-Z]")
_LAST_PAREN: Final = re.compile(r"\(([^()]{1,60})\)$")


def _label_with_note_then_look(piece: str) -> tuple[str, str] | None:
    """'Growth (%) (blue line)': a label with its own bracket (a unit, a note), then its look."""
    tail = _LAST_PAREN.search(piece) if piece.count("(") >= 2 else None
    if tail is None or not is_style_words(tail.group(1)):
        return None
    head = piece[: tail.start()].strip()
    if head.count("(") != head.count(")") or not head.endswith(")") or is_style_words(head) \
            or _SENTENCE_BREAK.search(head):
        return None
    return head, tail.group(1)


def _listed_set(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'indicating model size (410M, 1B, 1.4B, 2.8B)': a listed set of labels; not the
    coordinates of the legend ('center-right ([x=0.6, y=0.5])')."""
    for inside in _PAREN_LIST.findall(text):
        if "[" in inside or "coordinat" in inside.lower():
            continue  # '(about [x=0.8, y=0.9] in plot coordinates)' places the legend
        items = [strip_markup(i) for i in inside.split(",")]
        items = [i for i in items if i and len(i) <= 40 and not is_style_words(i)]
        if any(fold(i).split()[:1] and fold(i).split()[0] in _STATE_WORDS for i in items):
            continue  # '(no explicit label, inferred from context)' states, it names nothing
        if len(items) >= 2:
            return [LegendEntryDraft(label=i, line=line) for i in items]
    return []


def _context_around(text: str, label: str) -> str:
    """The style words of a quoted label: '"Small" (orange circles)' or 'blue bars for "A"'."""
    idx = text.find(label)
    after = text[idx + len(label): idx + len(label) + 50].lstrip("\"'”`* ")
    if after.startswith("("):
        return after.split(")", 1)[0]
    before = text[max(0, idx - 40): idx].rstrip("\"'“`* ") if idx > 0 else ""
    return before.rsplit('"', 1)[-1].rsplit(")", 1)[-1]


def _introduced_list(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'Lists the countries shown by each line: Spain, Norway, Korea. It sits top-right.':
    the names after a sentence's colon, up to the end of that sentence."""
    plain = strip_markup(text)
    colon = plain.find(": ")
    if colon < 0:
        return []
    listed = _SENTENCE_END.split(plain[colon + 2:], maxsplit=1)[0]
    return _bare_list(listed, line)


_SENTENCE_END: Final = re.compile(r"\.\s|\.$")

_LOOK_REPRESENTING: Final = re.compile(  # (matched on a stripped piece: no runs of spaces to try)
    r"^(?:an?\s|one\s|the\s)?(?:single\s)?(?P<look>[^\s,.;:()][^,.;:()]{1,39}?)\s(?:representing|depicting"
    r"|denoting|tracking)\s(?:the\s)?(?P<name>[^\s,.;:()][^,.;:()]{1,59}?)"
    r"(?=\s(?:for|across|over|as|against|versus|vs|at|in|on|with|from|per)\b|\s?[,.;(]|$)", re.IGNORECASE)


def looks_representing(text: str, line: int | None) -> list[LegendEntryDraft]:
    """'A single blue line representing the Average Success Probability for each N', 'teal
    bars depicting Revenue, grey bars depicting Cost': series named by what their looks
    represent. Several lines or curves represent a group ('solid lines representing training
    runs'), and 'each optimizer' or 'how the loss falls' names no series."""
    out = []
    for piece in _LIST_SEP.split(strip_markup(text).strip()):
        m = _LOOK_REPRESENTING.match(" ".join(piece.split()))
        if m is None or not is_style_words(m.group("look")):
            continue
        look_words, name_words = fold(m.group("look")).split(), fold(m.group("name")).split()
        if look_words[-1] in _GROUP_LOOKS or not name_words or name_words[0] in _NOT_A_NAME:
            continue
        out.append(entry_with_look(clean_name(m.group("name")), m.group("look"), line))
    return out


_GROUP_LOOKS = frozenset({"lines", "curves"})
_NOT_A_NAME = frozenset(  # 'a line depicting how ...', 'lines representing each optimizer'
    "how what where when which whether that why each every all different various individual".split())


_PROSE_READERS = (colour_equals_entries, _quoted_entries, paired_entries, parenthesised_entries, _bare_list,
                  _introduced_list, _listed_set)
