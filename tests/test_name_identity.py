"""Names told apart only by their brackets keep them, and only while that description is read."""

from __future__ import annotations

import chartparse
from chartparse.extract.name_identity import BRACKET_NAMED, bracketed_key, name_key

TWO_LEGENDS = """## Line Chart: Meals
* **Legend (Left):**
* Green Solid Line: Served (Weekday)
* **Legend (Right):**
* Green Dashed Line: Served (Weekend)
### Detailed Analysis
* **Served (Green Dashed Line):** About 210 at 13.
"""


def test_brackets_are_dropped_unless_the_description_tells_names_apart_by_them() -> None:
    assert name_key("Served (Weekday)") == name_key("Served (Weekend)") == "served"
    token = BRACKET_NAMED.set(frozenset({"served"}))
    try:
        assert name_key("Served (Weekday)") == "served weekday"
        assert name_key("Served (Weekend)") == "served weekend"
        assert name_key("Served (green dashed line)") == "served"  # a look is still a note
        assert name_key("Planned (Weekday)") == "planned"  # only the names told apart
    finally:
        BRACKET_NAMED.reset(token)


def test_a_look_in_brackets_is_no_part_of_a_bracketed_name() -> None:
    assert bracketed_key("Served (Dark Blue Dashed Line)") == "served"
    assert bracketed_key("Served (Weekday)") == "served weekday"


def test_reading_one_description_leaves_the_next_unaffected() -> None:
    chart = chartparse.parse(TWO_LEGENDS)
    assert [e.label for e in chart.legend.entries] == ["Served (Weekday)", "Served (Weekend)"]
    assert BRACKET_NAMED.get() == frozenset()
    assert name_key("Served (Weekday)") == "served"
