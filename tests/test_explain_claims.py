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


MARKUP_NAMES = """## Line Chart: Decay of two damped springs
### Components/Axes
* **X-axis:** Time (s), 0 to 10
* **Y-axis:** Amplitude (cm)
* **Legend:**
* k<sup>2</sup> = 4.5, m = 7 (Orange)
* k<sup>2</sup> = 2, m = 9 (Grey)
### Detailed Analysis
* **k<sup>2</sup> = 4.5, m = 7 (Orange):** starts at 12 at t = 0 and falls to 3 at t = 10.
"""


def test_digits_of_a_name_written_with_markup_belong_to_the_name() -> None:
    result = explain_text(MARKUP_NAMES)
    entry = next(ln for ln in result.lines if ln.text.startswith("* k<sup>2</sup> = 4.5"))
    # (the power in k<sup>2</sup> is no number at all: values.scan skips a symbol's power)
    assert [m.text for m in entry.numbers] == ["4.5", "7"]
    assert all(m.claimed_by == "name" and m.role == "legend" for m in entry.numbers)
