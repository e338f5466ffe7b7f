"""A key that names its x as plus-or-minus a value ('At ε = ±0.5:'): two x's, one either side
of zero, and what follows the key is read at each."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..statements import statement
from ..text import strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine

AT_NAME_PLUS_MINUS: Final = re.compile(
    r"^(?:at|for|when|with)\s+\S{1,12}?\s*[=≈]\s*[~≈]?\s*(?:±|\+/-)\s*(\d+(?:\.\d+)?)$", re.IGNORECASE)


def at_both_signs(w: Walker, c: KeyedLine) -> bool:
    """'At ε = ±0.5:' names two x's: what follows is read at each."""
    both = AT_NAME_PLUS_MINUS.match(strip_markup(c.key))
    for signed in (-float(both.group(1)), float(both.group(1))) if both else ():
        if c.text:
            statement(w, c.text, c.scope.but(x=signed), c.line.line)
        w.data(c.node, c.scope.but(x=signed))
    return both is not None
