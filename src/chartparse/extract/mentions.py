"""Which known series a sentence names, and where: the first mention of each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .limits import names_to_mention
from .text import find_whole

if TYPE_CHECKING:  # pragma: no cover
    from .reading import ReadingState


def mentioned_series(state: ReadingState, text: str) -> list[tuple[int, str]]:
    """(position, name) of every known series name in a sentence, first mention each."""
    folded = text.lower()
    found = []
    for name in names_to_mention(state):
        idx = find_whole(folded, name.lower())
        if idx == -1 and " = " in name:  # 'p = 0.3' written 'p=0.3': the same series (one name key)
            name = name.replace(" = ", "=")
            idx = find_whole(folded, name.lower())
        if idx != -1:
            found.append((idx, name))
    named = {name for _, name in found}
    for base, name in state.mention_bases:  # 'GPT-4 has ...' for the entry 'GPT-4 (gpt-4-0613)'
        if name not in named and (idx := find_whole(text, base)) != -1:
            found.append((idx, name))
    found.sort()
    # Drop names contained in a longer name found at the same place ('Chat' in 'Chat Hard').
    out: list[tuple[int, str]] = []
    for idx, name in found:
        if any(o_idx <= idx < o_idx + len(o_name) and name != o_name for o_idx, o_name in found
               if len(o_name) > len(name)):
            continue
        out.append((idx, name))
    return out
