"""Asking whether a header names a known series creates nothing; matching it does."""

from __future__ import annotations

from chartparse.blocks import parse_lines
from chartparse.extract.state import ChartDraft
from chartparse.extract.walker import Walker
from chartparse.outline import build


def _walker_knowing(*names: str) -> Walker:
    lines, _ = parse_lines("**Legend:** " + ", ".join(names) + "\n")
    walker = Walker(ChartDraft(), build(lines))
    for name in names:
        walker.state.known_names[name.lower()] = name
    return walker


def test_asking_creates_no_series() -> None:
    walker = _walker_knowing("Rec", "MinT")
    assert walker.known_series_name("Rec (solid blue line)", "Panel B") == "Rec"
    assert walker.known_series_name("MinT", "Panel B") == "MinT"
    assert walker.known_series_name("Unheard", "Panel B") is None
    assert walker.state.chart.series == []


def test_matching_finds_or_creates_the_series_in_its_panel() -> None:
    walker = _walker_knowing("Rec")
    series = walker.match_series("Rec (solid blue line)", "Panel B")
    assert series is not None and (series.name, series.panel) == ("Rec", "Panel B")
    assert walker.state.chart.series == [series]
    assert walker.match_series("Rec", "Panel B") is series
