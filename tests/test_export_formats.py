"""The ``--to`` registry and the CLI's handling of formats and output files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartparse import Chart, parse_file
from chartparse.cli import main
from chartparse.export import FORMATS, write
from chartparse.export.prompt_table import to_prompt_table

DESCRIPTION = "## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n"
ALL = {"json", "jsonl", "csv", "parquet", "vega-lite", "png", "svg", "md", "table"}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "c.md"
    path.write_text(DESCRIPTION, encoding="utf-8")
    return path


def test_every_format_is_registered_and_offered_by_the_cli() -> None:
    assert set(FORMATS) >= ALL
    assert {name for name, spec in FORMATS.items() if spec.binary} == {"parquet", "png"}
    result = CliRunner().invoke(main, ["convert", "--help"])
    for name in ALL:
        assert name in result.output


# png/svg are drawn for the whole corpus in test_export_plot.py.
@pytest.mark.parametrize("fmt", sorted(ALL - {"png", "svg"}))
def test_every_format_writes_every_corpus_chart(fmt: str, corpus_docs: list) -> None:
    for path, _expected in corpus_docs:
        payload = write(parse_file(path), fmt)
        assert isinstance(payload, bytes if FORMATS[fmt].binary else str)
        assert payload


def test_unknown_format_is_a_usage_error(source: Path) -> None:
    result = CliRunner().invoke(main, [str(source), "--to", "xlsx"])
    assert result.exit_code == 2
    assert "'xlsx' is not one of" in result.stderr
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        write(Chart(), "xlsx")


def test_jsonl_is_one_compact_object_per_line(source: Path) -> None:
    result = CliRunner().invoke(main, [str(source), "--to", "jsonl"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["title"] == "Loss" and [p["y"] for p in record["series"][0]["points"]] == [
        0.9, 0.5]
    assert ": " not in lines[0] and "\n" not in lines[0]


def test_csv_has_the_contract_columns(source: Path) -> None:
    result = CliRunner().invoke(main, [str(source), "--to", "csv"])
    header, *rows = result.stdout.splitlines()
    assert header.split(",")[:6] == ["panel", "series", "axis", "x", "y", "approx"]
    assert len(rows) == 2


def test_unwritable_output_is_one_line_and_leaves_nothing(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()  # a directory where the file should go: the final rename fails
    before = set(os.listdir(tmp_path))
    result = CliRunner().invoke(main, [str(source), "--to", "parquet", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    assert set(os.listdir(tmp_path)) == before
    assert os.listdir(target) == []
    missing = CliRunner().invoke(main, [str(source), "--to", "md", "-o",
                                        str(tmp_path / "no" / "dir" / "c.md")])
    assert missing.exit_code == 1 and "No such file or directory" in missing.stderr


def test_prompt_table_is_a_row_per_x_and_a_column_per_series() -> None:
    chart = Chart.model_validate({
        "kind": "line", "title": "Wind | power",
        "axes": [{"role": "x", "label": "Hour", "min": 0, "max": 24},
                 {"role": "y", "label": "Power (MW)"}, {"role": "y2", "label": "Wind (m/s)"}],
        "series": [
            {"name": "Power", "points": [{"x": 12, "y": 15}, {"x": 0, "y": 45, "approx": True}]},
            {"name": "Wind", "axis": "y2", "points": [{"x": 0, "y": 7.5}, {"x": 6, "y": 8}]},
        ]})
    assert to_prompt_table(chart) == (
        "TITLE | Wind / power\n"
        "KIND | line\n"
        "X | Hour (range 0 to 24)\n"
        "Y | Power (MW)\n"
        "Y2 | Wind (m/s)\n"
        "Hour | Power | Wind [right axis]\n"
        "0 | 45 | 7.5\n"
        "6 |  | 8\n"
        "12 | 15 |\n"
    )


def test_prompt_table_has_a_block_per_panel_in_text_order() -> None:
    chart = Chart.model_validate({
        "kind": "bar", "panels": [{"title": "(a) 2023"}, {"title": "(b) 2024"}],
        "series": [
            {"name": "Sales", "panel": "(b) 2024", "points": [{"x": "Q2", "y": 2}]},
            {"name": "Sales", "panel": "(a) 2023", "points": [{"x": "Q2", "y": 1},
                                                               {"x": "Q1", "y": 3}]},
        ]})
    assert to_prompt_table(chart).splitlines()[1:] == [
        "PANEL | (a) 2023", "x | Sales", "Q2 | 1", "Q1 | 3",
        "PANEL | (b) 2024", "x | Sales", "Q2 | 2",
    ]
