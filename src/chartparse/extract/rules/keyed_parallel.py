"""Names and their values declared as two lists, one line after the other:

    * **Categories:** Walk, Bus, Car.
    * **Values:** 18, 4, 7.

The second key holds only numbers, as many as the line just before it holds names: the
i-th value belongs to the i-th name, a category of the scope's series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..add_points import add_point, target
from ..axis_labels import listed_items
from ..ruler import DONE, Claim
from ..text import quantities, strip_markup
from .keyed import KEYED_RULES
from .keyed_rows import only_values

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine


def _name_lists(w: Walker) -> dict[int, list[str]]:
    """Each keyed line whose text is a bare list of two or more names (no numbers), by line
    number; sought once per document."""
    if w.memo.name_lists is None:
        found: dict[int, list[str]] = {}
        for node in w.root.walk():
            line = node.line
            if line is not None and line.key is not None and "," in line.text:
                items = listed_items(strip_markup(line.text))
                if len(items) >= 2 and all(isinstance(i, str) and not quantities(i)[1] for i in items):
                    found[line.line] = [str(i) for i in items]
        w.memo.name_lists = found
    return w.memo.name_lists


def values_of_listed_names(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.text or "," not in c.text or c.scope.x is not None:
        return None
    norm, qs = quantities(c.text)
    if len(qs) < 2 or not only_values(norm, [(q.start, q.end) for q in qs]):
        return None
    names = _name_lists(w).get(c.line.line - 1)
    if names is None or len(names) != len(qs):
        return None
    series = target(w, c.scope)
    for name, q in zip(names, qs, strict=True):
        add_point(w, series, name, q.value, q.approx, c.line.line)
    return DONE


KEYED_RULES.before(
    "keyed.container", "keyed.values-of-listed-names", values_of_listed_names,
    "a key over a bare list of numbers right after a line listing as many names: each name's value",
    "**Categories:** Walk, Bus, Car. / **Values:** 18, 4, 7.")
