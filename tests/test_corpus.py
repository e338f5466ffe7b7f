"""The parser over the project's own fixture corpus (corpus/*.md + *.expected.json).

``python tests/scoring.py`` prints the per-fixture table; ``pytest -s`` prints it too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import chartparse
from chartparse import Chart
from scoring import Counts, format_table, match_points, same_value, score_chart, score_corpus

# Measured points F1 over corpus/: 0.999 at commit 9628044 (0.719 at the foundation commit).
# The floor sits a little below; raise it as the parser improves.
POINTS_F1_FLOOR = 0.98


@pytest.fixture(scope="module")
def parsed(corpus_docs: list[tuple[Path, dict[str, Any]]]) -> list[tuple[Path, dict, Chart]]:
    assert corpus_docs, "corpus/ holds no fixtures"
    return [(path, gold, chartparse.parse_file(path)) for path, gold in corpus_docs]


def test_no_internal_errors(parsed: list[tuple[Path, dict, Chart]]) -> None:
    bad = {path.name: [d.message for d in chart.diagnostics if d.code == "internal-error"]
           for path, _, chart in parsed}
    assert {k: v for k, v in bad.items() if v} == {}


def test_no_grammar_fallback(parsed: list[tuple[Path, dict, Chart]]) -> None:
    bad = [path.name for path, _, chart in parsed
           if any(d.code == "grammar-fallback" for d in chart.diagnostics)]
    assert bad == []


def test_json_round_trips(parsed: list[tuple[Path, dict, Chart]]) -> None:
    for path, _, chart in parsed:
        text = chart.to_json()
        assert Chart.model_validate_json(text) == chart, path.name
        assert json.loads(text)["schema_version"] == "1"


def test_kind_matches_the_expected_chart_type(parsed: list[tuple[Path, dict, Chart]]) -> None:
    wrong = {path.name: (chart.kind, gold["chart_type"]) for path, gold, chart in parsed
             if chart.kind != gold["chart_type"]}
    assert wrong == {}


def test_points_f1_floor(corpus_docs: list[tuple[Path, dict[str, Any]]]) -> None:
    total, rows = score_corpus(corpus_docs)
    print()
    print(format_table(rows))
    print(f"points F1 {total.f1:.3f} (precision {total.precision:.3f}, recall {total.recall:.3f}, "
          f"tp={total.tp} fp={total.fp} fn={total.fn}); floor {POINTS_F1_FLOOR}")
    assert total.f1 >= POINTS_F1_FLOOR


# -- the scoring helper itself ------------------------------------------------------


def test_same_value_rules() -> None:
    assert same_value(100, 100.00000001)
    assert same_value(1e11, 100)  # '100B tokens' as 1e11 or as 100
    assert same_value(0.45, 45)  # a fraction or a percent
    assert same_value("ResNet-50", "resnet-50")
    assert same_value(3, None)  # gold without a value matches anything
    assert not same_value(101, 100)
    assert not same_value(None, 1)
    assert not same_value(True, 1)
    assert not same_value("3", 4)


def test_match_points_counts_and_optional_points() -> None:
    pred = [(1, 2.0), (2, 3.0), (3, 9.0), (4, 5.0)]
    gold = [(1, 2), (2, 3), (5, 6)]
    optional = [(4, 5)]
    assert match_points(pred, gold, optional) == Counts(tp=2, fp=1, fn=1)


def test_match_points_is_one_to_one() -> None:
    assert match_points([(1, 2)], [(1, 2), (1, 2)]) == Counts(tp=1, fp=0, fn=1)


def test_score_chart_pairs_series_by_folded_name_within_panel() -> None:
    gold = {"series": [
        {"name": "Cosine Decay", "panel": "Left", "points": [[0, 1], [1, 2]]},
        {"name": "Constant", "panel": "Left", "points": [[0, 3]]},
    ]}
    pred = {"series": [
        {"name": "**cosine  decay**", "panel": "left", "points": [{"x": 0, "y": 1},
                                                                  {"x": 1, "y": 2}]},
        {"name": "Constant", "panel": "Right", "points": [{"x": 0, "y": 3}]},
        {"name": "Other", "panel": None, "points": [{"x": 9, "y": 9}]},
    ]}
    # Cosine matches (2 tp); Constant is in the wrong panel (1 fn, its point and Other's are fp).
    assert score_chart(pred, gold) == Counts(tp=2, fp=2, fn=1)


def test_counts_f1() -> None:
    c = Counts(tp=6, fp=2, fn=4)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 1.0
