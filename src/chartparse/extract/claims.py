"""What a sentence's statement forms claimed: the Reading they fill, the shared Claims,
and the record of one form (StatementForm).

A form claims quantities (marks them used) so that a later form does not read them
again; what it reads from them goes into the Reading with the form's name and the
positions in the normalised text, so every value can say which rule read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, NamedTuple

from ..values import Quantity
from ..vocab_numbers import HEDGE

XValue = int | float | str


class StatementPoint(NamedTuple):
    """One point read from a sentence, with the form that read it.

    ``y_start``/``y_end`` is the span of the y quantity in the normalised text;
    ``x_start``/``x_end`` that of the x when the text states it (a number, or a month
    word), None when the x came from the context (a heading or a key).
    """

    x: XValue
    y: int | float
    approx: bool
    rule: str
    y_start: int
    y_end: int
    x_start: int | None
    x_end: int | None


@dataclass(slots=True)
class Reading:
    """Points and summary values read from one sentence, and how each was read."""

    points: list[StatementPoint]
    summary: dict[str, int | float]
    # key -> (rule, start, end) of the quantity that set summary[key]
    summary_rules: dict[str, tuple[str, int, int]]
    # (start, end, reason) of quantities a form consumed on purpose without reading a value
    rejected: list[tuple[int, int, str]]
    value_label: str | None  # 'Loss' in 'Epoch 3: Loss ≈ 0.5'
    capped: bool  # the text held more values than are read from one line

    # __init__ is written out because mypyc compiles it; a dataclass-generated one runs
    # interpreted, which made building this class a hot spot. (The same for the classes below.)
    def __init__(self, capped: bool = False) -> None:
        self.points = []
        self.summary = {}
        self.summary_rules = {}
        self.rejected = []
        self.value_label = None
        self.capped = capped


@dataclass(slots=True)
class StatementContext:
    """What the reader knows around the sentence: the axes' words and an x in scope."""

    x_words: frozenset[str]
    y_words: frozenset[str]
    x: XValue | None

    def __init__(self, x_words: frozenset[str], y_words: frozenset[str], x: XValue | None) -> None:
        self.x_words = x_words
        self.y_words = y_words
        self.x = x


_PAIR_LABEL = r"[^\W\d][\w]{0,12}\s?[=:]\s?"  # the 'x=' of 'about x=10, y=5'
_HEDGED_PAIR: Final = re.compile(
    r"\b" + HEDGE + r"\s{1,3}(?:\(\s?(?:" + _PAIR_LABEL + r")?|" + _PAIR_LABEL + r")$", re.IGNORECASE)
_HEDGED_PAIR_WINDOW = 40
_X_LIST_COMMA: Final = re.compile(r"^[°%]?\s*+,\s*+$")  # ('10°, 20°' lists two x's in degrees)
_X_LIST_END: Final = re.compile(r"^[°%]?\s*+,?\s*+(?:and|or|&)\s*+$", re.IGNORECASE)
_AT_NAMED_X: Final = re.compile(r"^[\s*_]*(?:at|when|for)\s+(?P<name>[^\W\d_][\w/]{0,9})\s*[=≈:]\s*[~≈]?\s*$",
                                re.IGNORECASE)


@dataclass(slots=True)
class Claims:
    """The state the statement forms share while reading one sentence.

    ``used[i]`` is True once a form has claimed ``qs[i]``; ``rule`` is the name of the
    form running now (set by the reader), recorded on everything that form adds.
    """

    norm: str
    qs: tuple[Quantity, ...]
    n: int
    used: list[bool]
    reading: Reading
    rule: str

    def __init__(self, norm: str, qs: tuple[Quantity, ...], reading: Reading) -> None:
        self.norm = norm
        self.qs = qs
        self.n = len(qs)
        self.used = [False] * len(qs)
        self.reading = reading
        self.rule = ""

    def before(self, q: Quantity, width: int) -> str:
        """The ``width`` characters of text before ``q``."""
        return self.norm[max(0, q.start - width): q.start]

    def point(self, x: XValue, x_start: int | None, x_end: int | None, y: Quantity) -> None:
        self.reading.points.append(
            StatementPoint(x, y.value, y.approx, self.rule, y.start, y.end, x_start, x_end))

    def point_xy(self, x: Quantity, y: Quantity, hedged: bool = False) -> None:
        """A point whose x and y are both quantities of the text; approximate when y is, when
        a hedge stands before the pair ('approximately (x=2, y=3.5)', 'about x=2, y=3.5'), or
        ``hedged`` (a hedge before a list of values holds for each: 'about 410, 530 and 480')."""
        before = self.norm[max(0, x.start - _HEDGED_PAIR_WINDOW): x.start]
        approx = hedged or y.approx or (
            x.start < y.start and ("(" in before or "=" in before or ":" in before)
            and _HEDGED_PAIR.search(before) is not None)
        self.reading.points.append(
            StatementPoint(x.value, y.value, approx, self.rule, y.start, y.end, x.start, x.end))

    def listed_x(self, i: int) -> list[int]:
        """After a lead word, the x values 'A, B and C' that one value follows; [i] alone unless
        the list ends in 'and' and the value after it is no second value ('..., 0.5 and 0.6')."""
        norm, qs, used, n = self.norm, self.qs, self.used, self.n
        k = self._after_commas(i)
        if k + 1 >= n or used[k] or not self.ends_x_list(norm[qs[k - 1].end: qs[k].start]):
            return [i]
        if k + 2 < n and self.ends_x_list(norm[qs[k + 1].end: qs[k + 2].start]):
            return [i]  # 'At 10 and 20, it is 0.5 and 0.6': a value for each, read elsewhere
        values = k + 2
        while values < n and _X_LIST_COMMA.match(norm[qs[values - 1].end: qs[values].start]):
            values += 1
        if values < n and values - (k + 1) == k - i \
                and self.ends_x_list(norm[qs[values - 1].end: qs[values].start]):
            return [i]  # 'At 10°, 30° and 50° it is 74, 71 and 63': as many values as x's, one each
        return list(range(i, k + 1))

    def _after_commas(self, i: int) -> int:
        """The index of the first number after qs[i] not joined to the one before it by a
        bare comma ('10, 20, 30 and 40' from 10: the 40), or n."""
        norm, qs, used, n = self.norm, self.qs, self.used, self.n
        k = i + 1
        while k < n and not used[k] and _X_LIST_COMMA.match(norm[qs[k - 1].end: qs[k].start]):
            k += 1
        return k

    def closing_x_list(self, i: int) -> bool:
        """'at batch sizes of 1, 8, 16, and 32.': the lead's x's are a list ending the clause's
        numbers with no value after it (a later passage gives the values); rejects them."""
        norm, qs, used, n = self.norm, self.qs, self.used, self.n
        k = self._after_commas(i)
        if k != n - 1 or k - i < 2 or used[k] or not self.ends_x_list(norm[qs[k - 1].end: qs[k].start]):
            return False
        for listed in range(i, k + 1):
            used[listed] = True
            self.reject(qs[listed], "x-list-without-values")
        return True

    @staticmethod
    def ends_x_list(gap: str) -> bool:
        """', and ' or ' or ' between two numbers: the last item of a list follows."""
        return _X_LIST_END.match(gap) is not None

    def own_x_follows(self, j: int, x_words: frozenset[str]) -> bool:
        """'after x = 100, reaching y ≈ -1 at x = 1000': qs[j]'s own x is named right after it."""
        k = j + 1
        if k >= self.n:
            return False
        m = _AT_NAMED_X.match(self.norm[self.qs[j].end: self.qs[k].start])
        return m is not None and (m.group("name").lower() == "x" or m.group("name").lower() in x_words)

    def summary(self, key: str, q: Quantity, keep_first: bool = True) -> bool:
        """Set summary[key] from ``q``; with ``keep_first`` only if no form set it yet."""
        reading = self.reading
        if keep_first and key in reading.summary:
            return False
        reading.summary[key] = q.value
        reading.summary_rules[key] = (self.rule, q.start, q.end)
        return True

    def reject(self, q: Quantity, reason: str) -> None:
        self.reading.rejected.append((q.start, q.end, reason))


StatementReader = Callable[[Claims, StatementContext], None]


class StatementForm(NamedTuple):
    """A named form: its reader, what it reads, when it can apply, and an example it
    reads on its own (with the axis words and x in scope that the example needs).

    ``pairs``: it reads two numbers of the sentence, so a one-number sentence skips it.
    ``x_in_scope``: True if it runs only with an x in scope, False only without one,
    None either way. With an x in scope, statement.x-context reads the value the sentence
    states at that x; only ``later-month-x`` after it reads on, a value that carries its own
    date ('... then ~0.2 by July 2021'); every other form after it has False.

    ``needs``: a cheap precondition. Each group lists strings of which (lower-cased) at
    least one must occur in the lower-cased sentence for the form to read anything; the
    reader skips the form when a group has none. A group holds only what every pattern
    the form needs to match must contain, so skipping never changes a reading.
    """

    name: str
    read: StatementReader
    doc: str
    example: str
    pairs: bool
    x_in_scope: bool | None
    example_x_words: frozenset[str] = frozenset()
    example_y_words: frozenset[str] = frozenset()
    example_x: XValue | None = None
    needs: tuple[tuple[str, ...], ...] = ()
