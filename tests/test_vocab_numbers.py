"""One list of hedge words serves the value grammar and every reading pattern that allows a
hedge: the grammar's HEDGE terminal must hold exactly the vocabulary's words, and each form
that reads a hedged number must accept every one of them."""

from __future__ import annotations

import re

import pytest

import chartparse
from chartparse.extract.category_values import quoted_label_values
from chartparse.extract.legend_label_text import label_before_dash
from chartparse.grammar_files import terminal_patterns
from chartparse.values import HEDGE_WORDS
from chartparse.vocab_numbers import ABBREVIATIONS, HEDGE, HEDGE_ADVERBS, HEDGE_SIGNS, NUMBER_ABBREVIATIONS


def _line_chart(title: str, x_axis: str, y_axis: str, analysis: str) -> str:
    return (f"## Line Chart: {title}\n* **X-axis:** {x_axis}\n* **Y-axis:** {y_axis}\n"
            f"### Detailed Analysis\n{analysis}\n")


def _points(text: str) -> list[tuple[object, object]]:
    chart = chartparse.parse(text)
    return [(p.x, p.y) for s in chart.series for p in s.points]


def test_the_value_grammar_hedges_with_the_vocabulary_words_and_no_others() -> None:
    terminal = re.compile(terminal_patterns("values.lark")["HEDGE"])
    for word in (*HEDGE_ADVERBS, *HEDGE_SIGNS):
        assert terminal.fullmatch(word), word
    alternatives = re.findall(r"[a-z][a-z\\.?]*", terminal.pattern.split("(?i:")[-1])
    spelled = {alt.replace("\\.", ".").replace(".?", "") for alt in alternatives}
    assert spelled <= set(HEDGE_ADVERBS) | {w.rstrip(".") for w in HEDGE_ADVERBS}


def test_the_hedge_fragment_matches_each_word_whole_and_prefers_the_longest() -> None:
    pattern = re.compile(HEDGE)
    for word in HEDGE_ADVERBS:
        assert pattern.fullmatch(word), word
    assert pattern.match("nearly").group() == "nearly"
    assert pattern.match("approximately").group() == "approximately"


def test_the_number_reader_knows_every_hedge_word() -> None:
    assert set(HEDGE_ADVERBS) | set(HEDGE_SIGNS) <= HEDGE_WORDS


@pytest.mark.parametrize("hedge", HEDGE_ADVERBS)
def test_quoted_labels_take_a_value_with_any_hedge(hedge: str) -> None:
    line = f'The bars read "Circle" ({hedge} 35), "Radical notation" ({hedge} 38).'
    assert [label for label, _value in quoted_label_values(line)] == ["Circle", "Radical notation"]


@pytest.mark.parametrize("hedge", HEDGE_ADVERBS)
def test_a_sentence_may_open_with_any_hedge_before_its_x(hedge: str) -> None:
    sentence = f"* The flow is high early on. {hedge.capitalize()} 1996, the flow is close to 610 m³/s."
    text = _line_chart("River Flow", "Year, 1990 to 2010", "Flow (m³/s), 0 to 900", sentence)
    assert (1996, 610) in _points(text)


@pytest.mark.parametrize("hedge", HEDGE_ADVERBS)
def test_a_month_lead_may_carry_any_hedge(hedge: str) -> None:
    text = _line_chart("Open Kiosks", "Month (March to September)", "Open kiosks, 0 to 120",
                       f"The count rises in steps. By {hedge} June, the number of kiosks reaches 60.")
    assert ("June", 60) in _points(text)


@pytest.mark.parametrize("word", ABBREVIATIONS)
def test_a_legend_label_runs_on_past_every_abbreviation(word: str) -> None:
    # One list serves both label readers: the look-key label ('Blue circles: X et al. Y. More')
    # and the bare label's closing full stop.
    assert label_before_dash(f"Smith {word}. survey. Drawn as circles") == f"Smith {word}. survey"


@pytest.mark.parametrize("word", ("al", "etc", "Inc", "Co", "vs"))
def test_a_legend_label_keeps_the_full_stop_of_an_abbreviation_it_ends_with(word: str) -> None:
    assert _legend_labels(f"* Red: Smith {word}.") == [f"Smith {word}."]


@pytest.mark.parametrize("word", NUMBER_ABBREVIATIONS)
def test_fig_and_no_are_abbreviations_only_before_a_number(word: str) -> None:
    assert label_before_dash(f"Seen in {word}. 3 here. Drawn as circles") == f"Seen in {word}. 3 here"
    assert label_before_dash(f"Voted {word}. Drawn as circles") == f"Voted {word}"
    assert _legend_labels(f"* Red: Voted {word}.") == [f"Voted {word}"]


def _legend_labels(entry_line: str) -> list[str]:
    chart = chartparse.parse(f"## Bar Chart: Votes\n* **Legend:**\n{entry_line}\n* Blue: Other\n")
    return [e.label for e in chart.legend.entries][:1]
