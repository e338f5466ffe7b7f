"""Bounds on what one description may declare, so that reading stays linear.

Each data line is read against the declared categories and panels; a description declaring
thousands of them (text no model writes about one chart) would make that quadratic. What
lies beyond a bound is not read as a declaration, and a diagnostic says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .reading import ReadingState

MAX_TICKS: Final = 500  # ticks or categories on one axis
MAX_PANELS: Final = 100
MAX_MENTIONED_NAMES: Final = 200  # series names a sentence is searched for
MAX_LEGEND_ENTRIES: Final = 200


def names_to_mention(state: ReadingState) -> list[str]:
    """The series names sentences are searched for: the first MAX_MENTIONED_NAMES known ones
    (each sentence is searched for each name; thousands would make that quadratic). One
    diagnostic says when names lie beyond the bound."""
    known = state.known_names
    if state.mention_names_size != len(known):
        state.mention_names_size = len(known)
        names: dict[str, None] = {}
        for name in known.values():  # (a name known under two keys counts once)
            if len(names) >= MAX_MENTIONED_NAMES:
                if not state.mention_names_capped:
                    state.mention_names_capped = True
                    state.chart.warn("too-many-series-names", f"more than {MAX_MENTIONED_NAMES} series names "
                                     "are declared; sentences are searched for the first of them only")
                break
            names.setdefault(name)
        state.mention_names = list(names)
        state.mention_bases = _bracket_bases(state.mention_names)
    return state.mention_names


def _bracket_bases(names: list[str]) -> list[tuple[str, str]]:
    """(base, name) for each name ending in a bracket note whose base no other name shares
    and no name is: 'GPT-4 (gpt-4-0613)' is mentioned as 'GPT-4', 'Ours(REVEAL)' as 'Ours'
    ('F(N)' has no base: one letter is too short); 'Model (solid)' beside
    'Model (dashed)' is not."""
    folded = {name.lower() for name in names}
    bases: dict[str, list[str]] = {}
    for name in names:
        cut = name.rfind("(") if name.endswith(")") else -1  # ('Ours(REVEAL)' too, glued)
        if cut >= _BASE_MIN and "(" not in name[:cut] and ")" not in name[:cut]:
            bases.setdefault(name[:cut].strip(), []).append(name)
    # (as written: 'Model (ours)' is not mentioned by every 'the model')
    return [(base, found[0]) for base, found in bases.items()
            if len(found) == 1 and base.lower() not in folded and base != base.lower()]


_BASE_MIN = 2  # a base of one character ('A (ours)') is too common a word to stand for its name


def bound_ticks(state: ReadingState) -> None:
    """Keep the first MAX_TICKS ticks of each axis once the axes are read."""
    for axis in state.chart.axes:
        if len(axis.ticks) > MAX_TICKS:
            state.chart.warn("too-many-ticks", f"the {axis.role} axis declares {len(axis.ticks)} ticks or "
                             f"categories; only the first {MAX_TICKS} are kept", axis.first_line)
            del axis.ticks[MAX_TICKS:]
