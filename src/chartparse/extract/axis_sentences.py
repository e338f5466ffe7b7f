"""Axes stated in sentences: 'The horizontal axis is labeled "Minute" and runs from 0 to 30,
and the y-axis shows latency in milliseconds.'

Each clause is kept while pass 1 reads, then read as the axis line it paraphrases once pass 1
is over (:func:`apply_axis_sentences`), so it only fills what the axis lines left open: a
description that states its axes both ways keeps the wording of its axis lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab import AXIS_KEYS, lookup
from .axes import read_axis
from .text import strip_emphasis

if TYPE_CHECKING:
    from .reading import ReadingState

# What the verb after 'the x-axis' says the rest of the clause is: the label (and maybe its
# range), or only the range or scale ('runs from 0 to 30', 'is on a log scale').
LABEL_VERBS: Final = (
    "is labeled", "is labelled", "is titled", "is named", "has the label", "has the title",
    "bears the label", "carries the label", "labeled", "labelled", "titled",
)
CONTENT_VERBS: Final = (
    "shows", "displays", "represents", "lists", "plots", "measures", "depicts", "indicates",
    "denotes", "tracks", "gives", "contains", "presents", "corresponds to", "stands for",
    "captures", "reflects", "charts", "is for",
)
RANGE_VERBS: Final = (
    "ranges", "runs", "goes", "spans", "extends", "varies", "covers", "is scaled", "is on",
    "uses", "is in", "is plotted on", "is logarithmic", "is linear",
)
# Words that say a value is coming, not what the axis measures ('shows values from 0 to 1').
_GENERIC_LEADS: Final = frozenset({"values", "numbers", "a range", "the range", "numeric values", "a scale"})
RULE: Final = "prose.axis-sentence"


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)  # the longest phrase wins at a place
    return "|".join(re.escape(p).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for p in ordered)


_VERB_FIELD: Final = {**{v: None for v in LABEL_VERBS + CONTENT_VERBS}, **{v: "range" for v in RANGE_VERBS}}
_SUBJECT: Final = re.compile(
    r"\b(?:the|an?|each|every)\s"  # ('Each plot has an x-axis labeled "α"')
    r"(?P<subject>(?:" + _alternation([p for p, _ in AXIS_KEYS]) + r")(?:[\s-]?axis)?)"
    r"(?:\s\([^()]{0,40}\))?,?\s(?P<verb>" + _alternation(list(_VERB_FIELD)) + r")\b"
    r"(?:\s(?:as|with|by))?:?",
    re.IGNORECASE,
)
_CLAUSE_END: Final = re.compile(r"[.;][\"”']?(?=\s|$)|,?\s(?:while|whereas|but)\s")
_CONNECTIVES: Final = (" and", ",", " while", " whereas")


def axis_clauses(text: str) -> list[tuple[str, str | None, str]]:
    """(role, field, what the clause says of that axis) for each axis the text states."""
    if "axis" not in text.lower():
        return []
    plain = strip_emphasis(text)
    matches = list(_SUBJECT.finditer(plain))
    found: list[tuple[str, str | None, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(plain)
        stop = _CLAUSE_END.search(plain, m.end(), end)
        cut = plain[m.end(): stop.start() if stop else end]
        if stop is not None and stop.group()[:1] in ".;":
            cut += stop.group()[1:]  # the quote a sentence's stop sits in ('labeled "Reward Score."')
        rest = _trim(cut)
        role = lookup(AXIS_KEYS, m.group("subject"))
        field = _VERB_FIELD.get(" ".join(m.group("verb").lower().split()).replace("-", " "))
        if field is None and rest.lower().startswith("the "):
            rest = rest[4:]
        if field is None and any(rest.lower().startswith(g) for g in _GENERIC_LEADS):
            field = "range"
        if role and rest:
            found.append((role, field, rest))
    return found


def _trim(rest: str) -> str:
    rest = rest.strip()
    trimmed = True
    while trimmed:
        trimmed = False
        for tail in _CONNECTIVES:
            if rest.endswith(tail):
                rest, trimmed = rest[: -len(tail)].rstrip(), True
    return rest


def note_axis_sentences(state: ReadingState, text: str, line: int | None) -> bool:
    """Keep the axis clauses of a prose line for :func:`apply_axis_sentences`."""
    clauses = axis_clauses(text)
    state.axis_sentences.extend((role, field, rest, line) for role, field, rest in clauses)
    if clauses:
        state.axis_sentence_lines.add(line)
    return bool(clauses)


def apply_axis_sentences(state: ReadingState) -> None:
    """Read the kept clauses as axis lines, of the axes no panel states its own of (a sentence
    would not say which panel it means): 'Each plot has an x-axis labeled "α"' beside each
    panel's own y axis."""
    chart = state.chart
    if not state.axis_sentences:
        return
    own = {a.role for a in chart.axes if a.panel is not None}  # (no sentence says which panel's)
    state.trace.enter(RULE)
    for role, field, rest, line in state.axis_sentences:
        if role in own:
            continue
        declared = chart.axis(role, None)
        kept = (declared.ticks, declared.scale, declared.examples_only) if declared is not None else None
        axis = read_axis(chart, role, field, "", rest, [], None, line, line)
        if kept is not None:  # an axis line's categories and scale stand ('tokens (e.g., "a", "b")')
            axis.ticks, axis.scale, axis.examples_only = kept
        state.trace.claim(line, RULE)
    state.trace.leave()
