"""``--to parquet`` and ``--to csv``: the tidy points table, one row per point."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from click.testing import CliRunner

from chartparse import Chart, parse_file
from chartparse.cli import main
from chartparse.export.parquet import COLUMNS, points_parquet


def test_every_corpus_chart_reads_back_with_one_row_per_point(
        corpus_docs: list[tuple[Path, dict]], tmp_path: Path) -> None:
    for path, _expected in corpus_docs:
        chart = parse_file(path)
        target = tmp_path / f"{path.stem}.parquet"
        target.write_bytes(points_parquet(chart))
        frame = pd.read_parquet(target)
        assert list(frame.columns) == COLUMNS
        assert len(frame) == sum(len(s.points) for s in chart.series), path
        assert len(frame) == len(list(csv.reader(io.StringIO(chart_csv(chart))))) - 1


def chart_csv(chart: Chart) -> str:
    from chartparse.export import FORMATS

    return FORMATS["csv"].write(chart)  # type: ignore[return-value]


def test_x_is_text_and_x_value_is_the_number(tmp_path: Path) -> None:
    chart = Chart.model_validate({"kind": "bar", "series": [
        {"name": "s", "points": [{"x": "Wheat", "y": 6}, {"x": 2.5, "y": 1, "approx": True},
                                 {"x": 1e20, "y": 2}, {"x": 3, "y": 4}]}]})
    target = tmp_path / "p.parquet"
    target.write_bytes(points_parquet(chart))
    table = pq.read_table(target)
    assert str(table.schema.field("x").type) == "string"
    assert str(table.schema.field("x_value").type) == "double"
    frame = table.to_pandas()
    assert frame["x"].tolist() == ["Wheat", "2.5", "1e+20", "3"]
    assert frame["x_value"].isna().tolist() == [True, False, False, False]
    assert frame["x_value"].tolist()[1:] == [2.5, 1e20, 3.0]
    assert frame["y"].dtype == "float64"
    assert frame["approx"].tolist() == [False, True, False, False]


def test_file_metadata_names_the_chart(tmp_path: Path) -> None:
    chart = Chart(kind="line", title="Loss", source="a.md")
    target = tmp_path / "p.parquet"
    target.write_bytes(points_parquet(chart))
    meta = pq.read_schema(target).metadata
    assert meta[b"chartparse.kind"] == b"line"
    assert meta[b"chartparse.title"] == b"Loss"
    assert meta[b"chartparse.schema_version"] == chart.schema_version.encode()
    assert len(pd.read_parquet(target)) == 0


def test_cli_parquet_needs_an_output_file(tmp_path: Path) -> None:
    source = tmp_path / "c.md"
    source.write_text("## Line Chart: Loss\n* Epoch 1: ~0.9\n* Epoch 2: ~0.5\n", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, [str(source), "--to", "parquet"])
    assert refused.exit_code == 2
    assert "--to parquet writes binary data" in refused.stderr
    out = tmp_path / "c.parquet"
    assert runner.invoke(main, [str(source), "--to", "parquet", "-o", str(out)]).exit_code == 0
    frame = pd.read_parquet(out)
    assert frame[["x", "x_value", "y"]].values.tolist() == [["1", 1.0, 0.9], ["2", 2.0, 0.5]]
