"""Numbers a statement form consumed on purpose without reading a value, for ``explain``.

A form may consume a number without reading a value from it: the '7' of 'Llama-2-7B',
the two ends of a range stated at one x, a second minimum after the first. The chart
keeps no trace of those, so ``explain`` reads the line's text again with the same forms
and gives each such number the form's reason. (Summary values the forms read and the
reader applied are logged by the extractor itself: ``extract.reading_log``.)
"""

from __future__ import annotations

from typing import NamedTuple

from .extract.narrative import read_statement
from .extract.text import quantities

# Rules whose lines are read as statements; a line claimed by another rule (a legend
# entry, an axis, a heading) was not given to the statement forms.
STATEMENT_RULE_PREFIXES = ("keyed.", "line.", "header.")


class Consumed(NamedTuple):
    value: float
    reason: str


def consumed_numbers(text: str, rule: str | None) -> list[Consumed]:
    """The numbers of ``text`` the statement forms consume without a value, with why."""
    if not rule or not rule.startswith(STATEMENT_RULE_PREFIXES) or not any(
            ch.isdigit() for ch in text):
        return []
    reading = read_statement(text)
    if not reading.rejected:
        return []
    _, qs = quantities(text)
    by_start = {q.start: q for q in qs}
    out: list[Consumed] = []
    for start, _end, reason in reading.rejected:
        q = by_start.get(start)
        if q is not None and isinstance(q.value, int | float):
            out.append(Consumed(float(q.value), reason))
    return out
