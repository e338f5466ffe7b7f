"""Memory stays flat in the number of descriptions read (issue 17: the compiled build
kept every phrase table it was handed, keyed by ``id()``, about 20 KB per description)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import chartparse
from chartparse import phrases as matching
from chartparse import vocab

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_phrase_caches_stay_bounded_when_handed_fresh_tuples() -> None:
    for i in range(5_000):
        phrases = tuple(["legend", f"key {i % 3}"])  # a new tuple object every time
        vocab.starts_with_any("legend entries", phrases)
        vocab.lookup(tuple([("legend", "legend"), (f"key {i % 3}", "legend")]), "the legend")
    limit = getattr(matching, "_CACHE_LIMIT", 1024)
    assert len(matching._PREFIXES) <= limit
    assert len(matching._INDEXES) <= limit
    # Equal tables share one entry: the same three contents gave three entries, not 5,000.
    assert len({p for p in matching._PREFIXES if p[0] == "legend" and len(p) == 2}) == 3


@pytest.mark.slow
def test_thousands_of_parses_do_not_grow_memory() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    assert len(texts) >= 10

    def read(rounds: int) -> None:
        for _ in range(rounds):
            for text in texts:
                chartparse.parse(text)

    read(3)  # every per-process cache holds this corpus's strings by now
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        rounds = max(1, 3_000 // len(texts))
        read(rounds)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    parses = rounds * len(texts)
    # A leak of even 1 KB per description would show as megabytes here.
    assert grown < 256 * parses + 2_000_000, (grown, parses)
