"""An axis' declared ticks, indexed so that a line is matched against them in time linear
in the line, not in the number of ticks.

Each finder is a pre-filter: it returns, in axis order, the ticks that can match (a tick
written inside the text, or at one end of it), and the caller keeps its own test for each.
A short tick list is returned whole: a scan of a few ticks costs less than the lookups.
Ticks are only ever appended to or replaced (a new list), so an index follows appends
by indexing the new ticks alone.
"""

from __future__ import annotations

from typing import Final

from ..vocab import fold

_INDEXED_FROM: Final = 64  # ticks; below this a scan of every tick costs less
SHORT_NAME_MIN: Final = 4  # the shortest part after 'Group: ' that names a tick alone
ONE_LETTER: Final = 2  # a tick shorter than this is found only quoted, so always offered


class TickIndex:
    """Where each written form of a tick list stands: folded, and lower-cased (text ticks)."""

    def __init__(self, ticks: list[int | float | str], indexed_from: int = _INDEXED_FROM) -> None:
        self.ticks = ticks
        self.size = 0
        self._indexed_from = indexed_from
        self.values: set[int | float | str] = set()
        self._folded: dict[str, list[int]] = {}
        self._one_letter: list[int] = []
        self._folded_first: dict[str, list[tuple[str, int]]] = {}  # by a form's first word
        self._lower_first: dict[str, list[tuple[str, int]]] = {}
        self._declared: dict[str, int | float | str] | None = None
        self._longest = 0  # the longest folded form
        self.follow()

    @property
    def indexed(self) -> bool:
        return self.size >= self._indexed_from

    def follow(self) -> None:
        """Index the ticks appended since the last call."""
        ticks = self.ticks
        for at in range(self.size, len(ticks)):
            tick = ticks[at]
            self.values.add(tick)
            key = fold(str(tick))
            self._folded.setdefault(key, []).append(at)
            self._longest = max(self._longest, len(key))
            _by_first_word(self._folded_first, key, at)
            if isinstance(tick, str):
                self._add_lower(tick.lower(), at)
                tail = tick.split(": ", 1)[1] if ": " in tick else ""
                if len(tail) >= SHORT_NAME_MIN:  # 'Autonomy' names the spoke 'VP: Autonomy'
                    self._add_lower(tail.lower(), at)
                if len(tick) < ONE_LETTER:
                    self._one_letter.append(at)  # found only quoted: see declared_category_values
        if len(ticks) != self.size:
            self.size = len(ticks)
            self._declared = None

    def _add_lower(self, key: str, at: int) -> None:
        _by_first_word(self._lower_first, key, at)

    def follows(self, ticks: list[int | float | str]) -> bool:
        """Whether the index is of ``ticks`` (the same list, not shortened)."""
        return ticks is self.ticks and len(ticks) >= self.size

    def declared(self) -> dict[str, int | float | str]:
        """Each folded tick and the tick (the last of any written alike); do not change it."""
        if self._declared is None:
            self._declared = {fold(str(t)): t for t in self.ticks}
        return self._declared

    def first_folded(self, wanted: str) -> str | None:
        """The first text tick whose folded form is ``wanted``."""
        return next((t for at in self._folded.get(wanted, ()) if isinstance(t := self.ticks[at], str)), None)

    def at_ends(self, folded: str) -> list[int | float | str]:
        """The ticks whose folded form opens ``folded`` before a space or closes it after one."""
        if not self.indexed:
            return self.ticks
        found: set[int] = set()
        longest = self._longest
        at = folded.find(" ")
        while 0 <= at <= longest:  # (no longer opening can be a tick: the slices stay short)
            found.update(self._folded.get(folded[:at], ()))
            at = folded.find(" ", at + 1)
        at = folded.rfind(" ")
        while at >= 0 and len(folded) - at - 1 <= longest:
            found.update(self._folded.get(folded[at + 1:], ()))
            at = folded.rfind(" ", 0, at)
        return self._ticks(found)

    def inside_folded(self, folded: str) -> list[int | float | str]:
        """The ticks whose folded form stands inside ``folded``."""
        if not self.indexed:
            return self.ticks
        return self._ticks(_inside(folded, self._folded_first))

    def inside_lower(self, low: str) -> list[int | float | str]:
        """The text ticks whose lower-cased form (or the part after 'Group: ') stands
        inside ``low``, and the one-letter ticks."""
        if not self.indexed:
            return self.ticks
        return self._ticks(_inside(low, self._lower_first) | set(self._one_letter))

    def _ticks(self, found: set[int]) -> list[int | float | str]:
        return [self.ticks[at] for at in sorted(found)]


def _first_word(text: str, start: int) -> str:
    """The letters and digits from ``start`` on, or the one other sign there."""
    end = start
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:max(end, start + 1)]


def _by_first_word(index: dict[str, list[tuple[str, int]]], form: str, at: int) -> None:
    if form:  # (an empty form stands everywhere and names nothing)
        index.setdefault(_first_word(form, 0), []).append((form, at))


def _inside(text: str, by_first: dict[str, list[tuple[str, int]]]) -> set[int]:
    """The positions of the forms standing in ``text`` from the edge of a word. A form the
    callers accept there begins with a whole word of the text (a form that is one word,
    run on by more letters, is refused by every caller), so each word of the text is
    looked up once."""
    found: set[int] = set()
    for start in range(len(text)):
        if start and text[start - 1].isalnum() and text[start].isalnum():
            continue  # inside a word
        for form, at in by_first.get(_first_word(text, start), ()):
            if text.startswith(form, start):
                found.add(at)
    return found
