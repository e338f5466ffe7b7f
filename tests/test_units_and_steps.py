"""Unit symbols as physics writes them, and axis steps written before their cue word."""

from __future__ import annotations

import pytest

from chartparse.extract.axes import range_from_text
from chartparse.phrases import fold
from chartparse.vocab_units import is_unit_symbol


@pytest.mark.parametrize("token", ["keV", "pb", "mK", "µs", "cm⁻¹", "W/m²", "a.u.", "nA", "GB", "K"])
def test_unit_symbols(token: str) -> None:
    assert is_unit_symbol(token)


@pytest.mark.parametrize("token", ["A", "PS", "Model", "at", "as", "Mw", "the", "x"])
def test_words_and_bare_capitals_are_no_units(token: str) -> None:
    assert not is_unit_symbol(token)


@pytest.mark.parametrize("text", ["Depth (-30 m to 90 m in 30 m increments)",
                                  "Year (1990 to 2010, at 5-year intervals)"])
def test_a_step_before_its_cue_is_no_tick(text: str) -> None:
    low, high, ticks = range_from_text(text)
    assert low is not None and high is not None
    assert [t.value for t in ticks] == [low.value, high.value]


def test_a_max_with_a_unit_word_stays_a_tick() -> None:
    _, high, ticks = range_from_text("Iterations (0 to 400 steps)")
    assert high is not None and high.value == 400
    assert [t.value for t in ticks] == [0, 400]


def test_fold_keeps_a_leading_minus_of_a_number() -> None:
    assert fold("-15°") != fold("15°")
    assert fold("- Item") == "item"


def test_an_open_interval_key_is_no_thousands_number() -> None:
    from chartparse.extract.values_of import x_number

    assert x_number("Bin (60, 120)") is None and x_number("Bin [60,120)") is None
    assert x_number("Step (1,000)") == 1000 and x_number("Step (1,200)") == 1200


def test_a_field_word_ends_a_key_only_as_a_whole_word() -> None:
    from chartparse.phrases import ends_with_phrase
    from chartparse.vocab import axis_field

    assert ends_with_phrase("categories/bins", "bins") and ends_with_phrase("x axis range", "range")
    assert not ends_with_phrase("sample a orange", "range")
    assert ends_with_phrase("xticks", "ticks") and ends_with_phrase("subcategories", "categories")
    assert ends_with_phrase("ticklabels", "labels") and ends_with_phrase("yticklabels", "labels")
    assert axis_field("Sample A (orange)") is None and axis_field("Tick labels") == "ticks"


def test_lines_keyed_by_panels_after_an_axis_give_each_panel_its_range() -> None:
    from chartparse import parse

    chart = parse("## Charts: Load\n### Components/Axes\n* **Y-axis (Load (kWh))**:\n"
                  "* Plot (a): Scale from 0 to 80 kWh.\n* Plot (b): Scale from 0 to 300 kWh.\n"
                  "* **X-axis (Hour)**: 0 to 24.\n")
    ranges = {a.panel: (a.label, a.min, a.max) for a in chart.axes if a.role == "y" and a.panel}
    assert ranges == {"Plot (a)": ("Load (kWh)", 0, 80), "Plot (b)": ("Load (kWh)", 0, 300)}


def test_a_title_with_the_place_of_a_declared_panel_heads_it_when_it_names_its_title() -> None:
    from chartparse.extract.panel_titles import titled_place_named

    assert titled_place_named("Upper Plot (Rain)", "Rain (Upper Plot)")
    assert titled_place_named("Upper Plot (Rain)", "Rain Readings (Upper Plot)")
    assert not titled_place_named("Upper Plot (Rain)", "2019 bars (Upper Plot)")


def test_panel_lines_nested_under_an_axis_give_each_panel_its_range_and_leave_the_axis_its_own() -> None:
    from chartparse import parse

    chart = parse("## Charts: Load\n### Components/Axes\n* **Y-axis:** Load (kWh)\n"
                  "  * Plot (a) Range: 0 to 80 kWh.\n  * Plot (b) Range: 0 to 300 kWh.\n"
                  "* **X-axis:** Hour, 0 to 24.\n")
    ranges = {a.panel: (a.label, a.min, a.max) for a in chart.axes if a.role == "y"}
    assert ranges["Plot (a)"] == ("Load (kWh)", 0, 80) and ranges["Plot (b)"] == ("Load (kWh)", 0, 300)
    assert ranges[None] == ("Load (kWh)", None, None)  # the panels' lines are no range of the shared axis
