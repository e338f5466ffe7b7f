"""The review page's own SVG re-plot (chartparse.review.svgplot): one clickable mark per
point, for every kind, with ticks, stated ranges and colours, and every text escaped."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chartparse.models import Axis, Chart, Legend, LegendEntry, Point, Series
from chartparse.review.svgplot import plot_svg

ROOT = Path(__file__).resolve().parents[1]


class Svg(HTMLParser):
    """Elements (tag, attributes, own text) of an SVG, read as a browser reads inline SVG."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[tuple[dict[str, str], str]] = []
        self._open: list[tuple[str, dict[str, str]]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = (tag, {k: v or "" for k, v in attrs})
        self.elements.append(found)
        self._open.append(found)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][0] == "text":
            self.texts.append((self._open[-1][1], data))

    def points(self, tag: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.elements if "pt" in a.get("class", "").split()
                and (tag is None or t == tag)]

    def words(self) -> list[str]:
        return [text for _, text in self.texts]


def ids(chart: Chart, key: str = "d0") -> set[str]:
    return {f"{key}-{si}-{pi}" for si, s in enumerate(chart.series) for pi in range(len(s.points))}


def series(name: str, points: list[tuple[float | str, float]], **extra: object) -> Series:
    return Series(name=name, points=[Point(x=x, y=y) for x, y in points], **extra)


def drawn(chart: Chart) -> Svg:
    return Svg(plot_svg(chart, "d0"))


LINE = Chart(kind="line", title="Loss by step", series=[
    series("train", [(0, 4.0), (10, 3.1), (20, 2.5), (30, 2.2)]),
    series("valid", [(0, 4.2), (10, 3.4), (20, 2.9), (30, 2.8)], color="red"),
    series("test", [(0, 4.3), (20, 3.0)])],
    axes=[Axis(role="x", label="step"), Axis(role="y", label="loss", min=0, max=5)])
BARS = Chart(kind="bar", series=[
    series("north", [("Q1", 10), ("Q2", 20), ("Q3", 15)]),
    series("south", [("Q1", 12), ("Q2", 8), ("Q3", 30)])])
HORIZONTAL = Chart(kind="bar", orientation="horizontal", series=[
    series("share", [("apples", 10), ("pears", 40), ("plums", 20)])])
HISTOGRAM = Chart(kind="histogram", series=[
    series("count", [("0-10", 3), ("10-20", 7), ("20-30", 5), ("30-40", 1)])])
PIE = Chart(kind="pie", series=[series("share", [("alpha", 29.3), ("beta", 50.7), ("gamma", 20)])])
HEATMAP = Chart(kind="heatmap", series=[
    series("row a", [("c1", 0.1), ("c2", 0.5), ("c3", 0.9)]),
    series("row b", [("c1", 0.3), ("c2", 0.7), ("c3", 0.2)])])
SCATTER = Chart(kind="scatter", series=[series("models", [(1, 2), (3, 5), (4, 1), (8, 9)])])
AREA = Chart(kind="area", series=[series("users", [(2019, 5), (2020, 9), (2021, 14)])])
PANELS = Chart(kind="line", series=[
    series("a", [(1, 1), (2, 2)], panel="Left panel"),
    series("a", [(1, 3), (2, 1), (3, 0)], panel="Right panel")])
KINDS = {"line": LINE, "bars": BARS, "horizontal": HORIZONTAL, "histogram": HISTOGRAM,
         "pie": PIE, "heatmap": HEATMAP, "scatter": SCATTER, "area": AREA, "panels": PANELS}


@pytest.mark.parametrize("name", list(KINDS))
def test_every_point_is_one_clickable_mark(name: str) -> None:
    chart = KINDS[name]
    marks = [a["data-point"] for a in drawn(chart).points()]
    assert sorted(marks) == sorted(ids(chart)), "one mark per point, each point once"


def test_lines_are_drawn_through_markers_sorted_by_x() -> None:
    chart = Chart(kind="line", series=[series("s", [(3, 1), (1, 2), (2, 3)])])
    svg = plot_svg(chart, "d0")
    (line,) = re.findall(r'<polyline points="([^"]+)"', svg)
    xs = [float(pair.split(",")[0]) for pair in line.split()]
    assert xs == sorted(xs) and len(xs) == 3


def test_a_stated_range_sets_the_axis_and_its_ticks() -> None:
    words = drawn(LINE).words()
    assert {"0", "1", "2", "3", "4", "5"} <= set(words), "y ticks over the stated 0 to 5"
    assert {"0", "10", "20", "30"} <= set(words), "x ticks"
    assert "step" in words and "loss" in words, "axis titles"


def test_log_axis_ticks_are_decades() -> None:
    chart = Chart(kind="line", series=[series("s", [(1, 1), (2, 1000), (3, 50)])],
                  axes=[Axis(role="y", scale="log")])
    words = set(drawn(chart).words())
    assert {"1", "10", "100", "1000"} <= words
    assert not {"200", "400"} & words, "no linear ticks"


def test_category_names_label_the_axis_in_text_order() -> None:
    svg = drawn(BARS)
    words = svg.words()
    assert [w for w in words if w.startswith("Q")] == ["Q1", "Q2", "Q3"]
    assert "north" in words and "south" in words, "a legend names the series"


def test_grouped_bars_stand_side_by_side() -> None:
    marks = drawn(BARS).points("rect")
    by_id = {a["data-point"]: a for a in marks}
    north, south = by_id["d0-0-0"], by_id["d0-1-0"]
    assert float(north["x"]) + float(north["width"]) <= float(south["x"]) + 0.11
    assert float(south["height"]) > float(north["height"]), "12 stands higher than 10"


def test_horizontal_bars_grow_to_the_right_with_categories_top_down() -> None:
    marks = {a["data-point"]: a for a in drawn(HORIZONTAL).points("rect")}
    apples, pears, plums = (marks[f"d0-0-{i}"] for i in range(3))
    assert float(pears["width"]) == pytest.approx(4 * float(apples["width"]), rel=0.02)
    assert float(apples["y"]) < float(pears["y"]) < float(plums["y"]), "first category on top"
    assert apples["height"] == pears["height"] == plums["height"]
    assert len({a["x"] for a in (apples, pears, plums)}) == 1, "all grow from the same axis"


def test_histogram_bins_are_adjacent_bars_with_edge_ticks() -> None:
    marks = sorted(drawn(HISTOGRAM).points("rect"), key=lambda a: float(a["x"]))
    for left, right in itertools.pairwise(marks):
        assert float(left["x"]) + float(left["width"]) == pytest.approx(float(right["x"]), abs=0.11)
    assert {"0", "10", "20", "30", "40"} <= set(drawn(HISTOGRAM).words())


def test_pie_slices_are_keyed_with_the_stated_values() -> None:
    svg = drawn(PIE)
    assert len(svg.points("path")) == 3
    words = " ".join(svg.words())
    assert "alpha: 29.3" in words and "beta: 50.7" in words and "gamma: 20" in words


def test_heatmap_is_a_grid_of_cells_showing_their_values() -> None:
    cells = drawn(HEATMAP).points("rect")
    assert len({(a["x"], a["y"]) for a in cells}) == 6, "each cell in its own place"
    assert len({a["x"] for a in cells}) == 3 and len({a["y"] for a in cells}) == 2
    assert {"0.1", "0.9", "row a", "c3"} <= set(drawn(HEATMAP).words())


def test_each_panel_is_drawn_with_its_title() -> None:
    words = drawn(PANELS).words()
    assert "Left panel" in words and "Right panel" in words


def test_stated_colours_are_used_and_the_rest_come_from_the_palette() -> None:
    chart = Chart(kind="line", series=[series("a", [(1, 1), (2, 2)]), series("b", [(1, 2), (2, 1)])],
                  legend=Legend(entries=[LegendEntry(label="b", color="dark green")]))
    svg = plot_svg(chart, "d0")
    assert 'stroke="darkgreen"' in svg
    assert re.search(r'stroke="#[0-9a-f]{6}"', svg), "the unstated series gets a palette colour"


HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def test_hostile_names_are_text_never_markup() -> None:
    chart = Chart(kind="bar", title=HOSTILE, series=[
        series(HOSTILE, [(HOSTILE, 1), ("b", 2)], panel=HOSTILE, color='red" onclick="x'),
        series("plain", [(HOSTILE, 3)], panel=HOSTILE)],
        axes=[Axis(role="x", label=HOSTILE)])
    svg = drawn(chart)
    tags = {tag for tag, _ in svg.elements}
    assert not tags & {"img", "script"}
    assert not any(name.startswith("on") for _, attrs in svg.elements for name in attrs)
    assert HOSTILE in svg.words(), "the text is shown as written"


def test_every_corpus_chart_draws_every_point_once() -> None:
    from chartparse.explain import explain_text

    for path in sorted((ROOT / "corpus").glob("*.md")):
        chart = explain_text(path.read_text(encoding="utf-8"), source=str(path)).chart
        if not any(s.points for s in chart.series):
            continue
        marks = [a["data-point"] for a in drawn(chart).points()]
        assert len(marks) == len(set(marks)), path.name
        missing = ids(chart) - set(marks)
        if chart.kind == "pie":
            missing -= {f"d0-{si}-{pi}" for si, s in enumerate(chart.series)
                        for pi, p in enumerate(s.points) if p.y <= 0}
        if chart.kind == "histogram" and missing:  # a point that is not a bin is named instead
            assert "not a bin, not drawn" in " ".join(drawn(chart).words()), path.name
            continue
        assert not missing, path.name


@pytest.mark.slow
def test_review_pages_do_not_import_matplotlib(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    probe = ("import sys; from chartparse.cli import main\n"
             "try:\n    main(['review', sys.argv[1], '-o', sys.argv[2]], prog_name='chartparse')\n"
             "except SystemExit: pass\n"
             "print(sorted(m for m in sys.modules if m.startswith('matplotlib')))")
    done = subprocess.run([sys.executable, "-c", probe, str(ROOT / "corpus" / "example_line.md"),
                           str(tmp_path / "r.html")], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
    assert "data-point" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["line", "bar", "pie", "heatmap", "histogram", "scatter"])
def test_a_value_that_is_not_finite_is_left_out_not_drawn_as_nan(kind: str) -> None:
    x_values: list[float | str] = ["1-2", "2-3", "3-4"] if kind == "histogram" else [1, 2, 3]
    chart = Chart(kind=kind, series=[
        Series(name="s", points=[Point(x=x, y=y) for x, y in zip(
            x_values, [1.0, float("inf"), 2.0], strict=True)])],
        axes=[Axis(role="y", min=0, max=10)])
    markup = plot_svg(chart, "d0")
    assert not re.search(r'="[^"]*(nan|inf)', markup)
    assert sorted(a["data-point"] for a in Svg(markup).points()) == ["d0-0-0", "d0-0-2"]


def test_a_log_axis_stated_from_zero_uses_the_data_span() -> None:
    chart = Chart(kind="line", series=[series("s", [(1, 5), (2, 500)])],
                  axes=[Axis(role="y", scale="log", min=0, max=1000)])
    assert {"10", "100"} <= set(drawn(chart).words())


def test_markers_take_the_shape_the_text_names() -> None:
    chart = Chart(kind="line", series=[
        series("a", [(1, 1), (2, 2)], marker="red squares"),
        series("b", [(1, 2), (2, 1)], marker="triangle"),
        series("c", [(1, 3), (2, 3)])])
    marks = drawn(chart).elements
    tags = {a["data-point"]: tag for tag, a in marks if "pt" in a.get("class", "")}
    assert tags["d0-0-0"] == "rect" and tags["d0-1-0"] == "path" and tags["d0-2-0"] == "circle"
