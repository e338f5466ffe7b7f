"""The rule chains: ordered, named, extendable; every value records the rule that read it."""

from __future__ import annotations

import pytest

import chartparse
from chartparse.extract.ruler import Ruler
from chartparse.extract.rules.chains import CHAINS
from chartparse.extract.rules.keyed import KEYED_RULES


def _noop(*_args: object) -> None:
    return None


def test_push_before_after_and_disable_keep_the_order() -> None:
    ruler: Ruler = Ruler("demo")
    ruler.push("b", _noop, "second")
    ruler.before("b", "a", _noop, "first")
    ruler.after("b", "c", _noop, "third", needs="flag")
    assert ruler.names() == ["a", "b", "c"]
    assert [r.name for r in ruler.chain_for(frozenset())] == ["a", "b"]
    assert [r.name for r in ruler.chain_for(frozenset({"flag"}))] == ["a", "b", "c"]
    ruler.disable("b")
    assert ruler.names() == ["a", "c"]
    assert [r.name for r in ruler.chain_for(frozenset({"flag"}))] == ["a", "c"]
    ruler.enable("b")
    assert "b" in ruler.names()
    listing = list(ruler.listing())
    assert listing[2].endswith("c [needs flag]: third")


def test_a_rule_name_is_unique_and_anchors_must_exist() -> None:
    ruler: Ruler = Ruler("demo")
    ruler.push("a", _noop, "x")
    with pytest.raises(ValueError, match="exists already"):
        ruler.push("a", _noop, "y")
    with pytest.raises(KeyError, match="no rule named"):
        ruler.before("missing", "b", _noop, "z")


@pytest.mark.parametrize("chain", sorted(CHAINS))
def test_every_rule_has_a_dotted_name_a_doc_and_an_example(chain: str) -> None:
    for rule in CHAINS[chain].rules():
        assert "." in rule.name and rule.doc and rule.example, rule.name


def test_disabling_a_rule_changes_what_is_read() -> None:
    text = "## Line Chart: Loss\n* **X-Axis:** Epoch\n* **Epoch 10:** ~0.82\n* **Epoch 20:** ~0.61\n"
    assert len(chartparse.parse(text).series[0].points) == 2
    # keyed.sentence-across-key would read 'Epoch 10: ~0.82' as one sentence: off too.
    fallback = "keyed.sentence-across-key"
    KEYED_RULES.disable("keyed.x-key")
    KEYED_RULES.disable(fallback)
    try:
        points = [p for s in chartparse.parse(text).series for p in s.points]
        assert all(p.rule != "keyed.x-key" for p in points)
        assert len(points) < 2
    finally:
        KEYED_RULES.enable("keyed.x-key")
        KEYED_RULES.enable(fallback)


def test_every_point_series_axis_legend_entry_and_panel_names_its_rule() -> None:
    text = (
        "## Line Chart: Throughput by load\n"
        "* **X-Axis:** Concurrent users, 0 to 100\n"
        "* **Y-Axis:** Requests per second\n"
        "* **Legend:**\n  * **Server A:** solid blue line\n  * **Server B:** dashed red line\n"
        "### (a) Morning\n"
        "* **Server A:** 10 users ≈ 120, 50 users ≈ 410\n"
        "| Users | Server B |\n|---|---|\n| 10 | 100 |\n| 50 | 380 |\n"
    )
    chart = chartparse.parse(text)
    points = [p for s in chart.series for p in s.points]
    assert points and all(p.rule for p in points)
    assert {p.rule for p in points if p.line == 12} == {"table.columns"}
    assert all(s.rule for s in chart.series)
    assert all(a.rule == "component.axis" for a in chart.axes)
    assert chart.legend.entries and all(e.rule for e in chart.legend.entries)
    assert [p.rule for p in chart.panels] == ["section.panel"]


def test_a_point_knows_the_columns_of_its_value() -> None:
    text = "## Bar Chart: Votes\n* **Alpha:** 41%\n* **Beta:** ~7.5%\n"
    chart = chartparse.parse(text)
    lines = text.split("\n")
    for p in chart.series[0].points:
        assert p.span is not None
        written = lines[p.line - 1][p.span.start:p.span.end]
        assert float(written) == p.y


def test_every_fixture_names_the_rule_of_everything_it_reads() -> None:
    """Provenance has no gaps: a legend section's lines, a header naming a known line, the
    series a legend entry gets, a joined entry and declared series standing as the legend
    all name the rule that made them, on every extraction fixture."""
    from pathlib import Path

    from fixture_cases import all_cases

    texts = [case.text for case in all_cases()]
    bundled = sorted((Path(__file__).parents[1] / "corpus").glob("*.md"))
    texts += [path.read_text(encoding="utf-8") for path in bundled]
    missing = []
    for text in texts:
        chart = chartparse.parse(text)
        unnamed = [e.label for e in chart.legend.entries if not e.rule]
        unnamed += [s.name for s in chart.series if not s.rule]
        unnamed += [p.title for p in chart.panels if not p.rule]
        unnamed += [a.role for a in chart.axes if not a.rule]
        unnamed += [f"{p.x}" for s in chart.series for p in s.points if not p.rule]
        if unnamed:
            missing.append(f"{text.splitlines()[0][:60]}: {unnamed[:5]}")
    assert not missing, "\n".join(missing[:20])
