"""An axis' declared ticks, indexed so that a line is matched against them in time linear
in the line, not in the number of ticks.

Each finder is a pre-filter: it returns, in axis order, the ticks that can match (a tick
written inside the text, or at one end of it), and the caller keeps its own test for each.
A short tick list is returned whole: a scan of a few ticks costs less than the slicing.
Ticks are only ever appended to or replaced (a new list), so an index follows appends
by indexing the new ticks alone.
"""

from __future__ import annotations

from typing import Final, Protocol

from ..vocab import fold

_INDEXED_FROM: Final = 64  # ticks; below this a scan of every tick costs less
_SHORT_NAME_MIN: Final = 4  # the shortest part after 'Group: ' that names a tick alone


class TickIndex:
    """Where each written form of a tick list stands: folded, and lower-cased (text ticks)."""

    def __init__(self, ticks: list[int | float | str], indexed_from: int = _INDEXED_FROM) -> None:
        self.ticks = ticks
        self.size = 0
        self._indexed_from = indexed_from
        self.has_text = False
        self.values: set[int | float | str] = set()
        self._folded: dict[str, list[int]] = {}
        self._lower: dict[str, list[int]] = {}
        self._one_letter: list[int] = []
        self._folded_lengths: set[int] = set()
        self._lower_lengths: set[int] = set()
        self._sorted_lengths: tuple[list[int], list[int]] | None = None
        self._declared: dict[str, int | float | str] | None = None
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
            self._folded_lengths.add(len(key))
            if isinstance(tick, str):
                self.has_text = True
                self._add_lower(tick.lower(), at)
                tail = tick.split(": ", 1)[1] if ": " in tick else ""
                if len(tail) >= _SHORT_NAME_MIN:  # 'Autonomy' names the spoke 'VP: Autonomy'
                    self._add_lower(tail.lower(), at)
                if len(tick) < 2:
                    self._one_letter.append(at)  # found only quoted: see declared_category_values
        if len(ticks) != self.size:
            self.size = len(ticks)
            self._sorted_lengths = self._declared = None

    def _add_lower(self, key: str, at: int) -> None:
        self._lower.setdefault(key, []).append(at)
        self._lower_lengths.add(len(key))

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
        at = folded.find(" ")
        while at >= 0:
            found.update(self._folded.get(folded[:at], ()))
            found.update(self._folded.get(folded[at + 1:], ()))
            at = folded.find(" ", at + 1)
        return self._ticks(found)

    def inside_folded(self, folded: str) -> list[int | float | str]:
        """The ticks whose folded form stands inside ``folded``."""
        if not self.indexed:
            return self.ticks
        return self._ticks(self._inside(folded, self._folded, self._lengths()[0]))

    def inside_lower(self, low: str) -> list[int | float | str]:
        """The text ticks whose lower-cased form (or the part after 'Group: ') stands
        inside ``low``, and the one-letter ticks."""
        if not self.indexed:
            return self.ticks
        return self._ticks(self._inside(low, self._lower, self._lengths()[1]) | set(self._one_letter))

    def _lengths(self) -> tuple[list[int], list[int]]:
        if self._sorted_lengths is None:
            self._sorted_lengths = (sorted(n for n in self._folded_lengths if n),
                                    sorted(n for n in self._lower_lengths if n))
        return self._sorted_lengths

    def _ticks(self, found: set[int]) -> list[int | float | str]:
        return [self.ticks[at] for at in sorted(found)]

    @staticmethod
    def _inside(text: str, forms: dict[str, list[int]], lengths: list[int]) -> set[int]:
        """Forms standing in ``text`` from an edge of a word (every caller wants a tick set
        off from the letters before it, or one with an edge of its own such as '(a)')."""
        found: set[int] = set()
        size = len(text)
        for start in range(size):
            if start and text[start - 1].isalnum() and text[start].isalnum():
                continue  # inside a word
            for length in lengths:
                if start + length > size:
                    break
                found.update(forms.get(text[start:start + length], ()))
        return found


class _HasTicks(Protocol):
    ticks: list[int | float | str]
    tick_index: TickIndex | None


def tick_index(owner: _HasTicks) -> TickIndex:
    """The owner's index, following appended ticks; rebuilt when its ticks were replaced."""
    index = owner.tick_index
    if index is None or not index.follows(owner.ticks):
        index = TickIndex(owner.ticks)
        owner.tick_index = index
    elif len(owner.ticks) != index.size:
        index.follow()
    return index
