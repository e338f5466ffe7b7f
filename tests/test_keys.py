"""Keyed lines are classified once per key *shape* (digits zeroed): that is only sound
while no vocabulary phrase holds a standalone number."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from chartparse import vocab
from chartparse.extract.keys import _key_info, key_info
from chartparse.vocab import key_shape


def _phrases() -> list[str]:
    out: list[str] = []
    for name in dir(vocab):
        value = getattr(vocab, name)
        if not name.isupper() or not isinstance(value, tuple | frozenset | dict):
            continue
        for item in value:
            if isinstance(item, tuple):
                item = item[0]
            if isinstance(item, str):
                out.append(item)
    return out


def test_no_vocabulary_phrase_holds_a_standalone_number() -> None:
    phrases = _phrases()
    assert len(phrases) > 100
    assert [p for p in phrases if re.search(r"(?<![a-z])\d", p)] == []


@pytest.mark.parametrize(("key", "shape"), [
    ("Epoch 15", "Epoch 00"),
    ("1. Series 3", "0. Series 0"),
    ("Y2 Axis", "Y2 Axis"),  # a digit glued to a letter is vocabulary: kept
    ("Q1 (25%)", "Q1 (25%)"),
    ("Step 1,000", "Step 0,000"),
])
def test_key_shape_zeroes_standalone_digits_only(key: str, shape: str) -> None:
    assert key_shape(key) == shape


@pytest.mark.parametrize("key", [
    "Epoch 15", "X-Axis", "Y2 Axis", "Series 2", "1. Legend", "Data Series", "12. Chart Type",
    "Data Points (10 values)", "Q1", "Chart 3 Title", "Trend after 2020",
])
def test_a_key_reads_as_its_shape_reads(key: str) -> None:
    shaped, own = key_info(key), _key_info.__wrapped__(key)  # type: ignore[attr-defined]
    # Only the words keep the key's own digits; every verdict is the same.
    assert replace(shaped, words="") == replace(own, words="")
    assert shaped.words == key_shape(own.words)


def test_key_headings_that_are_not_the_legend_read_alike_in_the_outline_and_the_extractor() -> None:
    import chartparse

    for key in ("Key Findings", "Key Observations", "Key Data Points (Approximate)", "Key Insights"):
        text = (f"## Line Chart: Loss\n* **Legend:**\n  * **Ours:** blue line\n"
                f"* **{key}:** the \"warm-up\" phase ends early.\n")
        chart = chartparse.parse(text)
        assert [e.label for e in chart.legend.entries] == ["Ours"], key
    for key in ("Key", "Color Key", "Legend", "Key to colors"):
        chart = chartparse.parse(f"## Line Chart: Loss\n* **{key}:** Ours (blue line), Theirs (red line)\n")
        assert len(chart.legend.entries) == 2, key
