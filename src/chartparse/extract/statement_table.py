"""The statement forms in the order they run (see :mod:`.statement_forms`).

Each claims the numbers of a sentence that the later forms then skip, so the order
decides the result: a new form goes next to the neighbour it must run before or after.
"""

from __future__ import annotations

from .claims import StatementForm
from .statement_box import central_value
from .statement_forms import (
    at_x_then_value,
    axis_named_pair,
    month_x,
    range_summary,
    start_end,
    tuple_pair,
    value_at_x,
    value_near_x,
    x_context,
    x_unit_equals_value,
    xy_equals,
)
from .statement_forms_more import (
    arrow_pair,
    parallel_lists,
    unit_named_pair,
    until_x_reaching,
    value_for_several_x,
    value_then_paren_x,
    x_colon_value,
)

_PAIR, _ONE = True, False  # does the form read two numbers, or can it read one?
_ANY_X, _WITH_X, _NO_X = None, True, False

STATEMENT_FORMS: tuple[StatementForm, ...] = (
    StatementForm("statement.tuple", tuple_pair,
                  "(x, y): two numbers in parentheses, the x first.",
                  "The curve passes through (100, ~0.29) and (200, 0.31).", _PAIR, _ANY_X),
    StatementForm("statement.xy-equals", xy_equals,
                  "x = A ... y = B: both coordinates named x and y.",
                  "The last marker sits at x = 5000, y = 8.5.", _PAIR, _ANY_X),
    StatementForm("statement.arrow-pair", arrow_pair,
                  "X → V: an x, an arrow, its value.", "Loss by step: 10 → 0.9, 20 → 0.7.", _PAIR, _ANY_X),
    StatementForm("statement.parallel-lists", parallel_lists,
                  "x: [...], y: [...]: two lists of the same length.",
                  "x: [10, 20, 30], y: [0.9, 0.7, 0.6]", _PAIR, _ANY_X),
    StatementForm("statement.x-colon-value", x_colon_value,
                  "x-word X: V, repeated: pairs tied by a colon.", "step 10: 0.9; step 20: 0.7",
                  _PAIR, _ANY_X, example_x_words=frozenset({"step"})),
    StatementForm("statement.axis-named-pair", axis_named_pair,
                  "Both coordinates named by their axes' words, the x axis first.",
                  "Model Size ~0.5B, Generation Score ~25.", _PAIR, _NO_X,
                  example_x_words=frozenset({"model", "size"}),
                  example_y_words=frozenset({"generation", "score"})),
    StatementForm("statement.central-value", central_value,
                  "Median V among Q1/Q3/whiskers: the box's value at the x in scope; the rest is spread.",
                  "Q3: 61, Median: 47, Q1: 35.", _PAIR, _WITH_X, example_x="Group B"),
    StatementForm("statement.x-context", x_context,
                  "One value at the x a heading or key put in scope (numbers in names skipped).",
                  "In Round 3 the score is about 0.52.", _ONE, _WITH_X, example_x=3),
    StatementForm("statement.value-then-paren-x", value_then_paren_x,
                  "V (x-word X): a value, then its x in parentheses.",
                  "It starts at ~-0.9 (round 0) and rises to ~0.2 (round 200).", _PAIR, _NO_X,
                  example_x_words=frozenset({"round"})),
    StatementForm("statement.range-summary", range_summary,
                  "A range (between A and B, A-B, from A to B) is a summary min/max or start/end.",
                  "The accuracy wobbles between 0.45 and 0.65.", _PAIR, _NO_X),
    StatementForm("statement.value-for-several-x", value_for_several_x,
                  "V for X1, X2 and X3: one value at each listed x.",
                  "It stays around 0.87 for K=10, K=20 and K=40.", _PAIR, _NO_X),
    StatementForm("statement.until-x-reaching", until_x_reaching,
                  "until X, reaching V: the x, then its value.",
                  "It falls slowly until iteration 8000, reaching approximately 0.02.", _PAIR, _NO_X,
                  example_x_words=frozenset({"iteration"})),
    StatementForm("statement.at-x-then-value", at_x_then_value,
                  "At X, ... V: a lead word and the x, then its value in the same clause.",
                  "At 60B tokens, the loss is 2.21.", _PAIR, _NO_X),
    StatementForm("statement.x-unit-equals-value", x_unit_equals_value,
                  "X unit = V: an x with its unit, then an explicit value.",
                  "10 users = 85 ms.", _PAIR, _NO_X),
    StatementForm("statement.unit-named-pair", unit_named_pair,
                  "X x-unit, V y-word: two values, each followed by its axis' word.",
                  "The large run costs 64 FLOPs, 85.3% accuracy.", _PAIR, _NO_X,
                  example_y_words=frozenset({"accuracy"})),
    StatementForm("statement.value-near-x", value_near_x,
                  "V around|near X-word X: the x named by an x word after the value.",
                  "The loss bottoms out at about 2.0 around step 30.", _PAIR, _NO_X),
    StatementForm("statement.month-x", month_x,
                  "V in|at|by Month: a month as the x.",
                  "Storage peaks at about 180 TB in June.", _ONE, _NO_X),
    StatementForm("statement.value-at-x", value_at_x,
                  "V at|by|in X: the value, then its x.",
                  "The loss peaks at ~3.5 at 300B tokens.", _PAIR, _NO_X),
    StatementForm("statement.start-end", start_end,
                  "Start and end values with no x: starts at A ... ends at B.",
                  "The score starts at ~83% and ends at 88%.", _ONE, _NO_X),
)
"""The forms in the order they run: each claims numbers the later ones then skip."""
