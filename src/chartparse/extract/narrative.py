"""Statements inside a sentence: points, ranges, start and end values.

Works on the quantities the value scanner found and the few words around each,
so every form is a look at a bounded window: linear in the text length.

The forms (``statement_forms.STATEMENT_FORMS``, in the order they run; x from the
text, y the stated value):
  (100, ~0.294)                    statement.tuple
  x=5000 ... y≈8.5                 statement.xy-equals
  Model Size ~0.5B, Score ~25      statement.axis-named-pair
  (an x in scope) ... V            statement.x-context
  fluctuates between 0.45 and 0.65 statement.range-summary (summary min/max, not points)
  At 60B tokens, the loss is 2.21  statement.at-x-then-value
  1M docs ≈ 0.985                  statement.x-unit-equals-value
  about 2.0 around step 30         statement.value-near-x
  about 180 TB in Jun              statement.month-x
  peaks at ~3.5 at ~300B tokens    statement.value-at-x
  starts at ~83% ... reaching 0.88 statement.start-end (summary start/end)
"""

from __future__ import annotations

from .claims import Claims, Reading, StatementContext, StatementPoint, XValue
from .statement_forms import STATEMENT_FORMS, StatementReader
from .text import MAX_VALUES_PER_TEXT, quantities

__all__ = ["Reading", "StatementPoint", "form_order", "read_statement"]

_ORDER: tuple[tuple[str, StatementReader], ...] = tuple((f.name, f.read) for f in STATEMENT_FORMS)


def form_order() -> tuple[str, ...]:
    """The names of the statement forms, in the order they run."""
    return tuple(name for name, _ in _ORDER)


def read_statement(
    text: str,
    x_words: frozenset[str] = frozenset(),
    x_context: XValue | None = None,
    y_words: frozenset[str] = frozenset(),
) -> Reading:
    """The points and summary values one sentence states, each with the form that read it."""
    norm, qs = quantities(text)
    reading = Reading(capped=len(qs) >= MAX_VALUES_PER_TEXT)
    if not qs:
        return reading
    claims = Claims(norm, qs, reading)
    ctx = StatementContext(x_words, y_words, x_context)
    for name, read in _ORDER:
        claims.rule = name
        read(claims, ctx)
        if claims.done:
            break
    return reading
