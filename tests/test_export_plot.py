"""``--to png`` / ``--to svg`` / ``chartparse.plot()``: the chart redrawn with matplotlib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import chartparse
from chartparse import Chart, parse_file
from chartparse.cli import main
from chartparse.export.plot import figure, render

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
    assert ax.get_ylim() == (0, 10)
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
