"""A cheap word test in front of a long pattern must accept every line the pattern can match:
the two are built from one table, and these tests fail if they drift apart."""

from __future__ import annotations

import pytest

from chartparse.extract.kinds import PANEL_COUNT_NOUNS, stated_panel_count
from chartparse.rejections import REJECTIONS, Rejection, rejected_spans
from chartparse.vocab import GRID_WORDS


@pytest.mark.parametrize("noun", PANEL_COUNT_NOUNS)
def test_every_panel_noun_passes_the_word_test_and_the_pattern(noun: str) -> None:
    assert stated_panel_count(f"The figure holds three {noun} side by side.") == 3


@pytest.mark.parametrize("word", GRID_WORDS)
def test_every_grid_word_states_a_grid(word: str) -> None:
    tail = " of heatmaps" if word == "matrix" else ""
    assert stated_panel_count(f"They sit in a 2x3 {word}{tail}.") == 6


@pytest.mark.parametrize("word", GRID_WORDS)
def test_explain_rejects_the_grid_it_states_with_the_same_words(word: str) -> None:
    line = f"They sit in a 2x3 {word} of small charts."
    assert any(name == "count-of-things" for _s, _e, name in rejected_spans(line))


@pytest.mark.parametrize("rule", REJECTIONS, ids=lambda r: r.name)
def test_each_rejections_word_test_admits_its_own_example(rule: Rejection) -> None:
    low = rule.example.lower()
    assert not rule.needs or any(word in low for word in rule.needs)


@pytest.mark.parametrize("word", ["titled", "TITLED", "Tıtled", "TİTLED"])
def test_the_titled_word_test_admits_every_case_the_pattern_matches(word: str) -> None:
    from chartparse.extract.kinds import titled_in

    assert titled_in(f'A line chart {word} "Loss Curves", drawn in blue.') == "Loss Curves"


@pytest.mark.parametrize("lead", ["Total of", "TOTAL", "total"])
def test_a_stated_total_is_no_tick_in_any_case(lead: str) -> None:
    from chartparse.extract.axes import range_from_text

    _lo, _hi, ticks = range_from_text(f"Columns 1 to 8 ({lead} 32 columns)")
    assert [q.value for q in ticks] == [1, 8]
