"""explain: numbers a rule now claims that used to stay unclaimed (ticks listed as bare
items, ...), each read from a description written for the test."""

from __future__ import annotations

from chartparse.explain import explain_text

TICK_ITEMS = """## Line Chart: Kiln temperature
### Components/Axes
* **X-axis (Horizontal):** Hour of the firing, marked at:
* Hour 1
* Hour 2
* **Y-axis (Vertical):** Temperature, with numeric markers.
* 0
* 400
* 1.2K
* **Line:** one orange line.
### Detailed Analysis
* At Hour 1 the kiln holds ~380.
"""


def test_bare_number_items_after_an_axis_line_are_its_ticks() -> None:
    result = explain_text(TICK_ITEMS)
    y = next(a for a in result.chart.axes if a.role == "y")
    assert y.ticks == [0, 400, 1200]
    x = next(a for a in result.chart.axes if a.role == "x")
    assert x.ticks == ["Hour 1", "Hour 2"]  # labels that are not bare numbers stay text
    marks = [m for ln in result.lines if ln.text in ("* 0", "* 400", "* 1.2K") for m in ln.numbers]
    assert [(m.text, m.role) for m in marks] == [("0", "tick"), ("400", "tick"), ("1.2K", "tick")]
