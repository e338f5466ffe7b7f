"""A cheap word test in front of a long pattern must accept every line the pattern can match:
the two are built from one table, and these tests fail if they drift apart."""

from __future__ import annotations

import pytest

from chartparse.extract.kinds import PANEL_COUNT_NOUNS, stated_panel_count
from chartparse.rejection_spans import rejected_spans
from chartparse.rejections import REJECTIONS, Rejection
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


def _kind_hits_unfiltered(folded: str, every: bool) -> list[tuple[int, int, str]]:
    """The kind phrase search as it was before the leading-run test (the reference)."""
    import re

    from chartparse.vocab import KIND_WORDS

    not_a_kind = re.compile(r"\b(?:error|colou?r|scale)[\s-]$")
    drawn_line = re.compile(r"\b(?:trend|fit|fitted|regression|reference|diagonal|identity)[\s-]$")
    out = []
    for phrase, kind in KIND_WORDS:
        start = folded.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if folded[end:end + 1] == "s" and not folded[end + 1:end + 2].isalnum():
                end += 1  # the plural names the same kind
            if (start == 0 or not folded[start - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            ) and not not_a_kind.search(folded, max(0, start - 8), start) and not (
                    kind == "line" and drawn_line.search(folded, max(0, start - 12), start)):
                out.append((start, end, kind))
                if not every:
                    break
            start = folded.find(phrase, start + 1)
    return out


def test_the_kind_phrase_run_test_finds_every_hit_the_search_finds() -> None:
    from pathlib import Path

    from chartparse.extract.kinds import _kind_hits
    from chartparse.vocab import KIND_WORDS, fold

    texts = [line for path in sorted((Path(__file__).parents[1] / "corpus").glob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    texts += [
        t for p, _ in KIND_WORDS for t in (f"x{p}", f"{p}s", f"a {p}-like", f"({p})", f"{p}2", p)]
    for text in texts:
        for folded in (fold(text), text.lower()):
            for every in (False, True):
                assert list(_kind_hits(folded, every)) == _kind_hits_unfiltered(folded, every), folded
