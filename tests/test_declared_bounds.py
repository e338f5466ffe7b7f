"""Declarations are bounded (extract/limits.py) and indexed (extract/tick_index.py), so a
line is read against them in time that does not grow with their number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import chartparse
from chartparse.extract.limits import MAX_LEGEND_ENTRIES, MAX_MENTIONED_NAMES, MAX_PANELS, MAX_TICKS
from chartparse.extract.text import find_whole
from chartparse.extract.tick_index import TickIndex
from chartparse.vocab import fold, has_phrase


def _codes(chart: chartparse.Chart) -> list[str]:
    return [d.code for d in chart.diagnostics]


def test_an_axis_declaring_too_many_categories_keeps_the_first_and_says_so() -> None:
    names = "".join(f"  * Region {i}\n" for i in range(MAX_TICKS + 40))
    chart = chartparse.parse(f"## Bar Chart: Sales\n* **X-Axis:** Region\n{names}\n### Data\n"
                             "* **Region 7:** 12\n* **Region 3:** 30\n")
    [x_axis] = [a for a in chart.axes if a.role == "x"]
    assert x_axis.ticks == [f"Region {i}" for i in range(MAX_TICKS)]
    assert _codes(chart).count("too-many-ticks") == 1
    [series] = chart.series
    assert [(p.x, p.y) for p in series.points] == [("Region 7", 12), ("Region 3", 30)]


def test_too_many_panels_are_read_as_the_last_and_said_once() -> None:
    panels = "".join(f"### Panel {i}: Loss {i}\n* **Train:** ~{i % 9} at epoch 3\n"
                     for i in range(MAX_PANELS + 5))
    chart = chartparse.parse("## Line Chart: Losses\n" + panels)
    assert len(chart.panels) == MAX_PANELS
    assert _codes(chart).count("too-many-panels") == 1


def test_a_legend_of_too_many_entries_keeps_the_first_and_says_so() -> None:
    entries = ", ".join(f"Run{i:04d}" for i in range(MAX_LEGEND_ENTRIES + 30))
    chart = chartparse.parse(f"## Line Chart: Runs\n* **Legend:** {entries}\n### Data\n"
                             "* **Run0003:** ~0.5 at step 10\n")
    assert [e.label for e in chart.legend.entries] == [f"Run{i:04d}" for i in range(MAX_LEGEND_ENTRIES)]
    assert _codes(chart).count("too-many-legend-entries") == 1


def test_sentences_are_searched_for_a_bounded_number_of_series_names() -> None:
    keys = "".join(f"* **Model{i:04d}:** ~0.{i % 9 + 1} at step 10\n"
                   for i in range(MAX_MENTIONED_NAMES + 20))
    chart = chartparse.parse("## Line Chart: Runs\n### Data\n" + keys
                             + "* At step 20, Model0001 is about 0.7 while Model0002 is about 0.8.\n")
    assert _codes(chart).count("too-many-series-names") == 1
    by_name = {s.name: [(p.x, p.y) for p in s.points] for s in chart.series}
    assert (20, 0.7) in by_name["Model0001"] and (20, 0.8) in by_name["Model0002"]


_WORDS = st.sampled_from(["a", "ab", "north", "(b)", "x-1", "North Pole", "pole", "VP: North", "7", "é", "??",
                          "#2"])
_TICKS = st.lists(st.one_of(_WORDS, st.integers(0, 9)), min_size=1, max_size=12)
_TEXT_WORDS = ["a", "ab", "north", "(b)", "x-1", "pole", "7", "é", "northern", ":", ",", "vp", "??", "#2"]
_TEXT = st.lists(st.sampled_from(_TEXT_WORDS), max_size=10).map(" ".join)


def _set_off(low: str, name: str) -> bool:
    """Whether the first place of ``name`` in ``low`` is set off from the letters around it
    (the test of declared_category_values)."""
    at = low.find(name)
    end = at + len(name)
    return at >= 0 and (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum())


@given(_TICKS, _TEXT)
def test_the_index_finds_every_tick_a_scan_would(ticks: list[int | float | str], text: str) -> None:
    indexed = TickIndex(ticks, indexed_from=0)
    assert indexed.indexed
    folded, low = fold(text), text.lower()
    inside = indexed.inside_folded(folded)
    assert all(t in inside for t in ticks if isinstance(t, str) and fold(t) and has_phrase(folded, fold(t)))
    at_ends = indexed.at_ends(folded)
    assert all(t in at_ends for t in ticks if folded.startswith(fold(str(t)) + " ")
               or folded.endswith(" " + fold(str(t))))
    lower = indexed.inside_lower(low)
    for t in ticks:
        if not isinstance(t, str):
            continue
        tail = t.split(": ", 1)[1].lower() if ": " in t else ""
        if _set_off(low, t.lower()) or find_whole(low, t.lower()) >= 0 or len(t) < 2 \
                or (len(tail) >= 4 and _set_off(low, tail)):
            assert t in lower, (t, low)
    scan = TickIndex(ticks, indexed_from=len(ticks) + 1)
    assert not scan.indexed and scan.inside_lower(low) == ticks
    for t in ticks:
        wanted = fold(str(t))
        assert indexed.first_folded(wanted) == scan.first_folded(wanted)


def test_the_index_follows_appended_ticks_and_a_shortened_list() -> None:
    from chartparse.extract.state import AxisDraft

    axis = AxisDraft("x")
    axis.ticks = [f"t{i}" for i in range(100)]
    first = axis.index()
    assert axis.index() is first
    axis.ticks.append("Zeta")
    assert axis.index().first_folded("zeta") == "Zeta"
    assert axis.index() is first  # (appended ticks are indexed in place)
    del axis.ticks[50:]
    assert axis.index().first_folded("zeta") is None
    assert "t49" in axis.index().values and "t50" not in axis.index().values


@given(_TICKS, _TEXT)
def test_the_readers_give_the_same_with_the_index_and_with_a_scan(ticks: list[int | float | str],
                                                                  text: str) -> None:
    from chartparse.extract.categories import declared_inside, tick_with_axis_words
    from chartparse.extract.category_values import declared_category_values
    from chartparse.extract.state import AxisDraft, ChartDraft

    readings = []
    for indexed_from in (0, len(ticks) + 1):
        chart = ChartDraft()
        axis = AxisDraft("x")
        axis.ticks, axis.scale = list(ticks), "categorical"
        axis.tick_index = TickIndex(axis.ticks, indexed_from=indexed_from)
        chart.axes.append(axis)
        folded = fold(text)
        readings.append((declared_inside(axis, folded), tick_with_axis_words(axis, folded),
                         declared_category_values(chart, text + " (5), 3 in " + text, None)))
    assert readings[0] == readings[1]


def test_a_panel_legend_and_the_declared_entries_are_read_bounded() -> None:
    from chartparse.extract.reading import ReadingState
    from chartparse.extract.state import ChartDraft, LegendEntryDraft

    state = ReadingState(ChartDraft())
    entries = [LegendEntryDraft(label=f"E{i}") for i in range(MAX_LEGEND_ENTRIES + 50)]
    state.add_panel_legend("Left", entries[:150])
    state.add_panel_legend("Left", entries[150:])
    assert [e.label for e in state.legend_entries("Left")] == [f"E{i}" for i in range(MAX_LEGEND_ENTRIES)]
    for entry in entries:
        state.add_declared(entry)
    assert len(state.legend_entries(None)) == MAX_LEGEND_ENTRIES
