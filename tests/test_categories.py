"""Category labels read against the declared category axis."""

from __future__ import annotations

import pytest

from chartparse.extract.axes import declared_categories
from chartparse.extract.axis_items import labelled_categories
from chartparse.extract.categories import category_x, drop_note, unescape
from chartparse.extract.state import AxisDraft, ChartDraft


def _chart(label: str | None = None, unit: str | None = None, ticks: list | None = None,
           lo: float | None = None, hi: float | None = None) -> ChartDraft:
    chart = ChartDraft()
    axis = AxisDraft("x")
    axis.label, axis.unit, axis.ticks, axis.min, axis.max = label, unit, ticks or [], lo, hi
    chart.axes.append(axis)
    return chart


@pytest.mark.parametrize(("raw", "chart", "x"), [
    ("Tier 2", _chart("Tier", ticks=[1, 2, 3]), 2),
    ("Levels 4", _chart("Level", lo=1, hi=5), 4),
    ("Level 9", _chart("Level", lo=1, hi=5), "Level 9"),  # outside the stated range
    ("Shift 1", _chart("Shift", ticks=["Shift 1", "Shift 2"]), "Shift 1"),  # declared whole
    ("9 tokens", _chart("#Tokens"), 9),
    ("120 seconds", _chart("Latency", unit="seconds"), 120),
    ("12 apples", _chart("Region"), "12 apples"),  # the axis names no such unit
    ("Trial 2 (Middle Bar)", _chart("Trial"), 2),
    ("north\\_set", _chart("Split"), "north_set"),
])
def test_category_x(raw: str, chart: ChartDraft, x: object) -> None:
    assert category_x(chart, raw, None) == x


def test_notes_and_escapes() -> None:
    assert drop_note("Attempt 1 (Leftmost Bar)") == "Attempt 1"
    assert drop_note("GPT-4 (dark green)") == "GPT-4"
    assert drop_note("FirstSpace (8)") == "FirstSpace (8)"  # part of the name
    assert unescape("a\\_b \\* c") == "a_b * c"


def test_declared_categories() -> None:
    assert declared_categories('with categories "FirstSpace (8)" and "Alt (11)".') == [
        "FirstSpace (8)", "Alt (11)"]
    assert declared_categories("It has three categories: 1, 2 and 3.") == [1, 2, 3]
    assert declared_categories("categories Shift 1, Shift 2, Shift 3") == ["Shift 1", "Shift 2", "Shift 3"]
    assert declared_categories("Categorical axis of models") == []


def test_a_note_on_a_listed_axis_is_no_part_of_its_last_category() -> None:
    from chartparse.extract.axis_bare_list import bare_list, listed_categories

    assert listed_categories("1, 2, 3, 4 (ordinal)") == ["1", "2", "3", "4"]  # said to be categories
    assert bare_list("Low, Medium, High (left to right)") == ["Low", "Medium", "High"]
    assert bare_list("0, 20, 40 (approx)") == []  # plain numbers stay ticks of a scale
    assert bare_list("Ours, Baseline (ours)") == ["Ours", "Baseline (ours)"]  # an item's own note stays


@pytest.mark.parametrize(("text", "listed"), [
    ("Models labeled as TTPD, LR, CCS, MM.", ["TTPD", "LR", "CCS", "MM"]),
    ("Years, labeled as Year 1, Year 2 and Year 3", ["Year 1", "Year 2", "Year 3"]),
    ("labeled as Accuracy and Loss", []),  # two names may be a label and its unit
    ("labeled as the runs that finished first, the runs that stalled, and the rest", []),  # clauses
])
def test_labelled_categories(text: str, listed: list[str]) -> None:
    assert labelled_categories(text) == listed
