"""Rule boundaries that change which rule claims a line but no point: checked through
``explain``, which names the rule of every line."""

from __future__ import annotations

import re

from chartparse.explain import explain_text
from chartparse.extract.axis_labels import paren_categories
from chartparse.vocab_numbers import HEDGE

_DUAL_AXIS = """\
## Bar Chart: Revenue and Margin
### Components/Axes
* **X-axis:** Year, categorical: 2020, 2021, 2022
* **Legend:** Revenue (blue bars), Margin (red line)
### Detailed Analysis
* **Revenue (Y-axis):** 12, 15, 19
"""


def _rule_of(text: str, fragment: str) -> str | None:
    return next(ln.rule for ln in explain_text(text).lines if fragment in ln.text)


def test_a_key_naming_a_legend_series_with_its_axis_note_is_that_series_not_ticks() -> None:
    assert _rule_of(_DUAL_AXIS, "Revenue (Y-axis)") == "keyed.known-series"


def test_a_key_naming_only_an_axis_over_bare_numbers_gives_ticks() -> None:
    text = _DUAL_AXIS.replace("Revenue (Y-axis)", "Frame Numbers (Y-axis)")
    assert _rule_of(text, "Frame Numbers (Y-axis)") == "keyed.axis-noted-ticks"


def test_a_place_before_a_colon_lists_no_category() -> None:
    assert paren_categories("Method (left: Baseline, right: Ours)") == []
    listed = paren_categories("Tasks (Average, Task: IMO, Task: News)")
    assert listed == ["Average", "Task: IMO", "Task: News"]


def test_a_hedge_word_is_whole() -> None:
    assert re.search(HEDGE, "nonlinear growth") is None
    assert re.search(HEDGE, "near 0.4") is not None
