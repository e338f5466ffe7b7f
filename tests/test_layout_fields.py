"""The ``orientation`` and ``panel_grid`` fields: how the text says the chart is laid out."""

from __future__ import annotations

import pytest

import chartparse

RANGE_ON_X = """## Bar Chart: Time to first response

Bars run left to right, one per support team.

* **X-axis:** Hours, from 0 to 12
* **Y-axis:** Team

### Data
* Billing: 9.5
* Hardware: 6
* Accounts: 2.5
"""

VERTICAL = """## Bar Chart: Apples sold per stall

* **X-axis:** Stall (categorical)
* **Y-axis:** Crates, from 0 to 40

### Data
* North gate: 31
* Old bridge: 12
"""


def test_a_bar_chart_with_its_categories_on_y_is_horizontal() -> None:
    chart = chartparse.parse(RANGE_ON_X)
    assert chart.orientation == "horizontal"
    # The axes keep the roles the text gives them, and the points stay (category, value).
    assert [(a.role, a.label) for a in chart.axes] == [("x", "Hours"), ("y", "Team")]
    assert [(p.x, p.y) for p in chart.series[0].points] == [
        ("Billing", 9.5), ("Hardware", 6), ("Accounts", 2.5)]


def test_a_bar_chart_with_its_categories_on_x_is_vertical() -> None:
    assert chartparse.parse(VERTICAL).orientation == "vertical"


def test_orientation_is_null_for_kinds_without_bars() -> None:
    assert chartparse.parse("## Line Chart: Loss\n* Epoch 1: 0.9\n* Epoch 2: 0.5\n").orientation is None


@pytest.mark.parametrize(("sentence", "grid"), [
    ("The figure shows three line charts in a 2x2 grid, the bottom right cell empty.", (2, 2)),
    ("Six small plots are arranged in two rows of three panels.", (2, 3)),
    ("The image holds four panels in a 1 × 4 layout.", (1, 4)),
    ("The image shows four panels side by side.", None),
])
def test_a_stated_grid_is_recorded(sentence: str, grid: tuple[int, int] | None) -> None:
    text = f"# Results\n{sentence}\n## (a) First\n* 1: 2\n* 2: 3\n## (b) Second\n* 1: 4\n* 2: 1\n"
    assert chartparse.parse(text).panel_grid == grid

