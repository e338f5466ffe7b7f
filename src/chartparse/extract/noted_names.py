"""A header naming a legend entry by the entry's name without its bracketed setting, or by
one of the entry's two names for its look."""

from __future__ import annotations

import itertools

from ..vocab import fold
from .limits import MAX_MENTIONED_NAMES
from .state import name_key
from .text import PAREN_NOTE, clean_name, is_style_words


def one_noted_name(known_names: dict[str, str], name: str) -> str | None:
    """'AsymRE (Light Green)' heads the legend's 'AsymRE (-0.1)' when no other entry is 'AsymRE (...)'
    (a note of its own that is no look, 'Loss (Validation)', names another line)."""
    note = PAREN_NOTE.search(name)
    if note is not None and not is_style_words(note.group(1)):
        return None
    core = fold(PAREN_NOTE.sub(" ", clean_name(name)))
    found = {written for written in itertools.islice(known_names.values(), MAX_MENTIONED_NAMES)
             if "(" in written and fold(PAREN_NOTE.sub(" ", written)) == core} if core else set()
    return found.pop() if len(found) == 1 else None


def know_look_alternatives(known_names: dict[str, str]) -> None:
    """'Cyan Star/Explosion' names one look two ways: the data may call it 'Cyan Star'. The look
    before the slash is a second name of the entry (a name declared as it stands wins)."""
    for written in list(known_names.values()):
        head, slash, tail = written.partition("/")
        if slash and "/" not in tail and " " in head.strip() and is_style_words(head):
            known_names.setdefault(name_key(head), written)
