"""``--to png`` / ``--to svg`` / ``chartparse.plot()``: the chart redrawn with matplotlib."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import chartparse
from chartparse import Chart, parse_file
from chartparse.cli import main
from chartparse.export.plot import figure, lay_out, render

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def build(kind: str, series: list[dict], **extra: object) -> Chart:
    return Chart.model_validate({"kind": kind, "title": "Built", "series": series, **extra})


def test_every_corpus_chart_renders_a_png(corpus_docs: list[tuple[Path, dict]],
                                          tmp_path: Path) -> None:
    for path, _expected in corpus_docs:
        out = chartparse.plot(parse_file(path), tmp_path / f"{path.stem}.png", dpi=30)
        assert out.read_bytes().startswith(PNG_SIGNATURE), path
    assert len(list(tmp_path.glob("*.png"))) == len(corpus_docs)
    assert not list(tmp_path.glob(".*.part"))


def test_panels_are_subplots_with_titles() -> None:
    chart = build("line", [
        {"name": "s", "panel": p, "points": [{"x": 1, "y": 1}, {"x": 2, "y": 3}]}
        for p in ("(a) One", "(b) Two", "(c) Three", "(d) Four", "(e) Five")
    ])
    fig = figure(chart)
    visible = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_title() for ax in visible] == [
        "(a) One", "(b) Two", "(c) Three", "(d) Four", "(e) Five"]
    assert len(fig.axes) == 6  # a 2 x 3 grid, the spare cell hidden
    four = build("line", chart.model_dump()["series"][:4])
    assert len(figure(four).axes) == 4  # 2 x 2
    assert fig.get_suptitle() == "Built"


def test_axis_labels_log_scale_and_legend() -> None:
    chart = build("line", [
        {"name": "PPO", "color": "blue", "points": [{"x": 1000, "y": 0.5}, {"x": 1e6, "y": 8}]},
        {"name": "SAC", "line_style": "dashed", "points": [{"x": 1000, "y": 2}, {"x": 1e5, "y": 3}]},
    ], axes=[{"role": "x", "label": "Steps", "scale": "log"},
             {"role": "y", "label": "Return", "min": 0, "max": 10}])
    ax = figure(chart).axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Steps", "Return")
    assert ax.get_xscale() == "log"
    low, high = ax.get_ylim()  # the stated 0-10, padded so markers at the limits show whole
    assert -1 < low < 0 and 10 < high < 11
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["PPO", "SAC"]
    assert ax.lines[1].get_linestyle() == "--"


def test_right_axis_series_go_on_a_twin_axis() -> None:
    chart = build("line", [
        {"name": "Power", "points": [{"x": 0, "y": 45}, {"x": 12, "y": 15}]},
        {"name": "Wind", "axis": "y2", "points": [{"x": 0, "y": 7.5}, {"x": 12, "y": 4.5}]},
    ], axes=[{"role": "y", "label": "Power (MW)"}, {"role": "y2", "label": "Wind (m/s)"}])
    ax, twin = figure(chart).axes
    assert (ax.get_ylabel(), twin.get_ylabel()) == ("Power (MW)", "Wind (m/s)")
    assert [line.get_label() for line in twin.lines] == ["Wind (right axis)"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Power", "Wind (right axis)"]


def test_categories_are_grouped_bars_with_labels() -> None:
    chart = build("bar", [
        {"name": n, "points": [{"x": "Wheat", "y": 6.2}, {"x": "Maize", "y": 9.4}]}
        for n in ("Drip", "Flood")
    ])
    ax = figure(chart).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Wheat", "Maize"]
    assert len(ax.patches) == 4


def test_pie_and_heatmap_render() -> None:
    pie = build("pie", [{"name": "Time", "points": [{"x": "Research", "y": 42},
                                                     {"x": "Teaching", "y": 18}]}])
    assert render(pie).startswith(PNG_SIGNATURE)
    heat = build("heatmap", [{"name": r, "points": [{"x": c, "y": 0.5} for c in "ab"]}
                             for r in "ab"])
    ax = figure(heat).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert len(ax.texts) == 4


def test_svg_is_text_without_a_timestamp() -> None:
    chart = build("line", [{"name": "s", "points": [{"x": 1, "y": 1}]}])
    svg = render(chart, "svg").decode("utf-8")
    assert "<svg" in svg and "<dc:date>" not in svg
    assert render(chart, "svg") == render(chart, "svg")


def test_plot_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    chart = build("line", [{"name": "s", "points": [{"x": 1, "y": 1}]}])
    assert b"<svg" in chartparse.plot(chart, tmp_path / "c.svg").read_bytes()
    with pytest.raises(ValueError, match="cannot draw 'gif'"):
        chartparse.plot(chart, tmp_path / "c.gif")


def test_cli_png_needs_an_output_file(tmp_path: Path) -> None:
    source = tmp_path / "c.md"
    source.write_text("## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, [str(source), "--to", "png"])
    assert refused.exit_code == 2
    assert "give an output file with -o" in refused.stderr
    out = tmp_path / "c.png"
    assert runner.invoke(main, [str(source), "--to", "png", "-o", str(out)]).exit_code == 0
    assert out.read_bytes().startswith(PNG_SIGNATURE)
    svg = runner.invoke(main, [str(source), "--to", "svg"])
    assert svg.exit_code == 0 and "<svg" in svg.stdout


def test_matplotlib_is_imported_only_when_drawing() -> None:
    code = (
        "import sys, chartparse\n"
        "from chartparse.export import FORMATS\n"
        "chart = chartparse.parse('## Line Chart: L\\n* 1: 2\\n')\n"
        "FORMATS['json'].write(chart); FORMATS['md'].write(chart); FORMATS['vega-lite'].write(chart)\n"
        "FORMATS['table'].write(chart); chartparse.plot\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
        "assert 'pandas' not in sys.modules, 'pandas imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- issue 18: re-plots a person can trust at a glance ------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plots"

HORIZONTAL = """## Horizontal Bar Chart: Languages in the repository

* **Y-axis:** Language (categorical)
* **X-axis:** Lines of code (thousands), from 0 to 50

### Data
* Rust: 42
* Python: 17
* Shell: 3
"""


def tick_texts(labels: list) -> list[str]:
    return [t.get_text() for t in labels]


def test_horizontal_bars_are_drawn_horizontally_with_the_stated_axis_titles() -> None:
    chart = chartparse.parse(HORIZONTAL)
    assert chart.orientation == "horizontal"
    assert [(p.x, p.y) for p in chart.series[0].points] == [
        ("Rust", 42), ("Python", 17), ("Shell", 3)]  # (category, value) as read
    ax = figure(chart).axes[0]
    assert [bar.get_width() for bar in ax.patches] == [42, 17, 3]  # lengths along x
    assert {round(bar.get_height(), 6) for bar in ax.patches} == {0.8}
    assert tick_texts(ax.get_yticklabels()) == ["Rust", "Python", "Shell"]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # the first category on top
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Lines of code (thousands)", "Language")
    assert ax.get_xlim()[0] == 0 and 50 < ax.get_xlim()[1] < 52


def test_grouped_horizontal_bars_sit_side_by_side_along_y() -> None:
    chart = build("bar", [
        {"name": n, "points": [{"x": "North", "y": v}, {"x": "South", "y": v + 1}]}
        for n, v in (("2023", 5), ("2024", 7))
    ], orientation="horizontal")
    ax = figure(chart).axes[0]
    assert sorted(round(bar.get_y() + bar.get_height() / 2, 6) for bar in ax.patches) == [
        -0.2, 0.2, 0.8, 1.2]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2023", "2024"]


def pie_chart(**extra: object) -> Chart:
    return build("pie", [{"name": "Water", "points": [
        {"x": "Agriculture", "y": 49.4}, {"x": "Households", "y": 29.3},
        {"x": "Industry", "y": 17.5}, {"x": "Parks", "y": 2.6}, {"x": "Leaks", "y": 1.2}]}],
        **extra)


def test_pie_slices_carry_the_stated_values_and_small_ones_get_leader_lines() -> None:
    ax = figure(pie_chart()).axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert {"49.4%", "29.3%", "17.5%"} <= set(texts)
    assert not {"49%", "29%", "30%", "50%"} & set(texts)  # never recomputed shares
    leaders = {a.get_text(): a for a in ax.texts if getattr(a, "arrow_patch", None)}
    assert set(leaders) == {"Parks (2.6%)", "Leaks (1.2%)"}
    (x1, y1), (x2, y2) = (leaders[k].get_position() for k in sorted(leaders))
    assert min(abs(x1), abs(x2)) > 1.2  # outside the pie (radius 1)
    assert abs(y1 - y2) >= 0.15  # spread apart, not on top of each other


def test_pie_values_that_are_not_shares_are_shown_as_stated() -> None:
    chart = build("pie", [{"name": "Hours", "points": [
        {"x": "Research", "y": 42}, {"x": "Teaching", "y": 18}, {"x": "Reading", "y": 9.0}]}])
    texts = [t.get_text() for t in figure(chart).axes[0].texts]
    assert {"42", "18", "9.0"} <= set(texts)  # 9.0 as written, not 9


def test_pie_slices_take_the_colours_the_legend_states() -> None:
    chart = pie_chart(legend={"entries": [{"label": "Agriculture", "color": "dark green"},
                                          {"label": "Leaks", "color": "red"}]})
    wedges = [p for p in figure(chart).axes[0].patches]
    assert to_hex(wedges[0].get_facecolor()) == to_hex("darkgreen")
    assert to_hex(wedges[4].get_facecolor()) == to_hex("red")
    assert to_hex(wedges[1].get_facecolor()) not in (to_hex("darkgreen"), to_hex("red"))


def test_bars_take_the_colours_the_legend_states_per_category() -> None:
    chart = build("bar", [{"name": "Score", "points": [
        {"x": "Ours", "y": 80}, {"x": "Baseline", "y": 60}]}],
        legend={"entries": [{"label": "Ours", "color": "orange"},
                            {"label": "Baseline", "color": "gray"}]})
    ax = figure(chart).axes[0]
    bars = ax.patches
    assert [to_hex(b.get_facecolor()) for b in bars] == [to_hex("orange"), to_hex("gray")]
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["Ours", "Baseline"]
    assert [to_hex(h.get_facecolor()) for h in legend.legend_handles] == [
        to_hex("orange"), to_hex("gray")]


def to_hex(color: object) -> str:
    from matplotlib.colors import to_hex as hex_of

    return hex_of(color)  # type: ignore[arg-type]


def test_histogram_bins_are_adjacent_bars_on_a_numeric_axis() -> None:
    chart = build("histogram", [{"name": "count", "points": [
        {"x": "0.25-0.50", "y": 4}, {"x": "0.50-0.75", "y": 9}, {"x": "0.75-1.00", "y": 2}]}],
        axes=[{"role": "x", "label": "Score"}])
    ax = figure(chart).axes[0]
    spans = [(bar.get_x(), bar.get_x() + bar.get_width()) for bar in ax.patches]
    assert spans == [(0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]  # each bar ends where the next starts
    assert tick_texts(ax.get_xticklabels()) == ["0.25", "0.50", "0.75", "1.00"]
    numeric = build("histogram", [{"name": "count", "points": [
        {"x": 10, "y": 4}, {"x": 20, "y": 9}, {"x": 40, "y": 2}]}])
    bars = figure(numeric).axes[0].patches
    assert [(b.get_x(), b.get_width()) for b in bars] == [(5, 10), (15, 10), (35, 10)]


def test_long_titles_are_wrapped_not_cut() -> None:
    words = ("Share of households in each region that reported using public transport "
             "at least once a week during the second half of the survey year")
    chart = build("line", [{"name": "s", "points": [{"x": 1, "y": 1}, {"x": 2, "y": 2}]}],
                  title=words)
    fig = figure(chart)
    lay_out(fig)
    title = fig.get_suptitle()
    assert "\n" in title and title.split() == words.split()
    box = fig._suptitle.get_window_extent()  # type: ignore[union-attr]
    assert box.x0 >= 0 and box.x1 <= fig.bbox.width


def visible_tick_texts(ax: object, which: str) -> list[str]:
    axis = getattr(ax, f"{which}axis")
    low, high = sorted(getattr(ax, f"get_{which}lim")())
    locs = axis.get_majorticklocs()
    texts = axis.major.formatter.format_ticks(locs)
    return [t for loc, t in zip(locs, texts, strict=True) if low <= loc <= high]


def test_log_ticks_are_plain_numbers_over_one_or_two_decades() -> None:
    chart = build("scatter", [{"name": "m", "points": [{"x": 1, "y": 0.1}, {"x": 100, "y": 10}]}],
                  axes=[{"role": "x", "scale": "log", "min": 1, "max": 100},
                        {"role": "y", "scale": "log", "min": 0.1, "max": 10}])
    ax = figure(chart).axes[0]
    assert visible_tick_texts(ax, "x") == ["1", "2", "5", "10", "20", "50", "100"]
    assert visible_tick_texts(ax, "y") == ["0.1", "0.2", "0.5", "1", "2", "5", "10"]
    minor = ax.xaxis.minor.formatter.format_ticks(ax.xaxis.get_minorticklocs())
    assert not any(minor)  # no 2x10^0, 3x10^0 ... running together


def test_markers_at_the_stated_limits_are_not_cut() -> None:
    chart = build("scatter", [{"name": "m", "points": [{"x": 0, "y": 0}, {"x": 10, "y": 5}]}],
                  axes=[{"role": "x", "min": 0, "max": 10}, {"role": "y", "min": 0, "max": 5}])
    ax = figure(chart).axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert -1 < x0 < 0 and 10 < x1 < 11 and -0.5 < y0 < 0 and 5 < y1 < 5.5


def twelve_panels() -> Chart:
    return build("line", [
        {"name": "s", "panel": f"({chr(97 + i)}) Station number {i + 1}",
         "points": [{"x": 1, "y": i}, {"x": 2, "y": i + 1}]}
        for i in range(12)
    ], title="Rainfall at twelve stations, one panel per station")


def test_the_figure_title_does_not_overlap_the_panel_titles() -> None:
    fig = figure(twelve_panels())
    lay_out(fig)
    title = fig._suptitle.get_window_extent()  # type: ignore[union-attr]
    tops = [ax.title.get_window_extent().y1 for ax in fig.axes if ax.get_title()]
    assert len(tops) == 12 and title.y0 >= max(tops)


def test_a_stated_grid_lays_the_panels_out() -> None:
    three = build("line", [
        {"name": "s", "panel": p, "points": [{"x": 1, "y": 1}]} for p in ("A", "B", "C")
    ], panel_grid=[2, 2])
    fig = figure(three)
    assert fig.axes[0].get_subplotspec().get_geometry()[:2] == (2, 2)
    assert [ax.axison for ax in fig.axes] == [True, True, True, False]
    text = ("# Three panels\nThe figure shows three line charts in a 2x2 grid; the last cell "
            "is empty.\n## (a) A\n* 1: 2\n* 2: 3\n## (b) B\n* 1: 2\n* 2: 4\n## (c) C\n* 1: 1\n"
            "* 2: 5\n")
    assert chartparse.parse(text).panel_grid == (2, 2)


def test_the_figure_grows_with_its_content() -> None:
    def bars(count: int, **extra: object) -> Chart:
        return build("bar", [{"name": "s", "points": [
            {"x": f"Category {i}", "y": i + 1} for i in range(count)]}], **extra)

    small_w, small_h = figure(bars(3)).get_size_inches()
    wide_w, _ = figure(bars(40)).get_size_inches()
    _, tall_h = figure(bars(40, orientation="horizontal")).get_size_inches()
    assert wide_w > 1.5 * small_w and tall_h > 1.5 * small_h
    width, height = figure(twelve_panels()).get_size_inches()
    assert width >= 4 * 4.5 and height >= 3 * 3.5  # 3 rows of 4 readable panels


def test_a_summary_only_chart_draws_the_stated_ranges() -> None:
    chart = build("line", [{"name": "Loss", "summary": {"start": 2.4, "end": 0.3,
                                                        "trend": "decreasing"}}],
                  axes=[{"role": "x", "label": "Epoch", "min": 0, "max": 50},
                        {"role": "y", "label": "Loss", "min": 0, "max": 3}])
    ax = figure(chart).axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 <= 0 and 50 <= x1 < 52 and y0 <= 0 and 3 <= y1 < 3.2
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Epoch", "Loss")
    assert any("from 2.4 to 0.3" in t.get_text() for t in ax.texts)


def test_the_plot_fixtures_render(tmp_path: Path) -> None:
    for source in sorted(FIXTURES.glob("*.md")):
        out = chartparse.plot(parse_file(source), tmp_path / f"{source.stem}.png", dpi=40)
        assert out.read_bytes().startswith(PNG_SIGNATURE), source


def test_many_small_slices_keep_their_labels_apart_and_in_view() -> None:
    chart = build("pie", [{"name": "s", "points": [
        {"x": f"slice {i}", "y": 1 + i % 3} for i in range(40)]}])
    ax = figure(chart).axes[0]
    low, high = ax.get_ylim()
    for side in (1, -1):
        ys = sorted(a.get_position()[1] for a in ax.texts
                    if getattr(a, "arrow_patch", None) and a.get_position()[0] * side > 0)
        assert len(ys) == 20
        assert low < ys[0] and ys[-1] < high
        assert min(b - a for a, b in itertools.pairwise(ys)) > 0.1


def test_point_labels_sit_at_their_points_in_either_orientation() -> None:
    points = [{"x": "Marlin", "y": 41, "label": "best"}, {"x": "Perch", "y": 30}]
    for orientation, where in (("vertical", (0, 41)), ("horizontal", (41, 0))):
        chart = build("bar", [{"name": "s", "points": points}], orientation=orientation)
        ax = figure(chart).axes[0]
        notes = [t for t in ax.texts if t.get_text() == "best"]
        assert [tuple(float(v) for v in n.xy) for n in notes] == [where]  # type: ignore[attr-defined]
        lay_out(figure(chart))


def test_panels_without_any_data_are_still_drawn_in_the_stated_grid() -> None:
    chart = Chart.model_validate({"kind": "line", "panel_grid": [3, 2],
                                  "panels": [{"title": f"Panel {i}"} for i in range(1, 6)]})
    fig = figure(chart)
    assert [ax.get_title() for ax in fig.axes if ax.axison] == [
        f"Panel {i}" for i in range(1, 6)]
    assert fig.axes[0].get_subplotspec().get_geometry()[:2] == (3, 2)
