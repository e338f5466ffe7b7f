"""Histogram bins keep the spelling their chart uses (extract/bin_spelling.py)."""

from __future__ import annotations

from chartparse.extract.bin_spelling import spell_bins_alike
from chartparse.extract.state import ChartDraft, PointDraft


def _chart(xs: list[str]) -> ChartDraft:
    chart = ChartDraft()
    series = chart.series_for("Share", None)
    for i, x in enumerate(xs):
        series.add_point(PointDraft(x, float(i), False, i + 1, None, None))
    return chart


def test_a_to_bin_among_dashed_bins_takes_the_dash() -> None:
    chart = _chart(["0 to 600", "600-1200", "1200-1800"])
    spell_bins_alike(chart)
    assert [p.x for p in chart.series[0].points] == ["0-600", "600-1200", "1200-1800"]


def test_bins_all_written_with_to_keep_it() -> None:
    chart = _chart(["0 to 0.5", "0.5 to 1"])
    spell_bins_alike(chart)
    assert [p.x for p in chart.series[0].points] == ["0 to 0.5", "0.5 to 1"]


def test_a_negative_bin_keeps_its_to_among_dashed_bins() -> None:
    chart = _chart(["-1 to -0.5", "0-0.5", "0.5-1"])
    spell_bins_alike(chart)
    assert [p.x for p in chart.series[0].points] == ["-1 to -0.5", "0-0.5", "0.5-1"]


def test_a_to_bin_takes_the_dash_another_series_or_the_axis_uses() -> None:
    chart = _chart(["0 to 100"])
    chart.series_for("Server B", None).add_point(PointDraft("100-200", 3.0, False, 9, None, None))
    spell_bins_alike(chart)
    assert [p.x for s in chart.series for p in s.points] == ["0-100", "100-200"]
