"""Tables and models: numeric-x points ascend by x within a series; categories keep their order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from chartparse import Chart, parse
from chartparse.export import FORMATS

ZIGZAG = """## Line Chart: Loss vs. Steps
* **X-Axis:** Labeled "Steps". The scale runs from 0 to 5000.
* **Y-Axis:** Labeled "Loss".
### Detailed Analysis
**1. Train (Blue Line)**
* 0 steps: ~3.0
* 250 steps: ~2.0
* 5000 steps: ~0.5
* 1000 steps: ~1.2
"""

BARS = """## Bar Chart: Yield by Crop
* **X-Axis:** Labeled "Crop".
* **Y-Axis:** Labeled "Yield (t/ha)".
### Detailed Analysis
* **Wheat:** 6.2
* **Barley:** 4.1
* **Maize:** 9.8
"""


def test_model_points_ascend_and_keep_their_source_line() -> None:
    [series] = parse(ZIGZAG).series
    assert [(p.x, p.y, p.line) for p in series.points] == [
        (0, 3.0, 6), (250, 2.0, 7), (1000, 1.2, 9), (5000, 0.5, 8)]


def test_categories_keep_the_stated_order() -> None:
    [series] = parse(BARS).series
    assert [p.x for p in series.points] == ["Wheat", "Barley", "Maize"]


def _csv_rows(chart: Chart) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(FORMATS["csv"].write(chart))))  # type: ignore[arg-type]


def test_csv_rows_ascend_by_x_with_their_line() -> None:
    rows = _csv_rows(parse(ZIGZAG))
    assert [(r["x"], r["line"]) for r in rows] == [("0", "6"), ("250", "7"), ("1000", "9"),
                                                   ("5000", "8")]
    assert rows[0]["panel"] == ""


HAND_BUILT = {
    "kind": "line",
    "axes": [{"role": "x", "label": "Step"}, {"role": "y", "label": "Loss"}],
    "series": [
        {"name": "a", "points": [{"x": 10, "y": 1}, {"x": 2, "y": 3}, {"x": 5.5, "y": 2}]},
        {"name": "b", "points": [{"x": "late", "y": 1}, {"x": "early", "y": 2}]},
    ],
}


def test_charts_built_by_hand_are_ordered_in_every_table() -> None:
    chart = Chart.model_validate(HAND_BUILT)
    assert [(r["series"], r["x"]) for r in _csv_rows(chart)] == [
        ("a", "2"), ("a", "5.5"), ("a", "10"), ("b", "late"), ("b", "early")]
    assert [r["x"] for r in chart.point_rows()] == [2, 5.5, 10, "late", "early"]


@pytest.mark.parametrize("change", [{"kind": "pie"},
                                    {"axes": [{"role": "x", "label": "Step", "scale": "categorical"}]}])
def test_pies_and_categorical_axes_keep_the_stated_order(change: dict) -> None:
    chart = Chart.model_validate({**HAND_BUILT, **change})
    assert [r["x"] for r in chart.point_rows()][:3] == [10, 2, 5.5]


def test_parquet_writes_nulls_for_missing_panel_and_units(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from chartparse.export.parquet import points_parquet

    target = tmp_path / "p.parquet"
    target.write_bytes(points_parquet(parse(ZIGZAG)))
    table = pq.read_table(target).to_pydict()
    assert table["panel"] == [None] * 4
    assert table["y_unit"] == [None] * 4 and table["x_unit"] == [None] * 4
    assert table["x"] == ["0", "250", "1000", "5000"]
    assert table["line"] == [6, 7, 9, 8]


def test_dataframe_is_ordered_with_nulls() -> None:
    pytest.importorskip("pandas")
    frame = parse(ZIGZAG).to_dataframe()
    assert frame["x"].tolist() == [0, 250, 1000, 5000]
    assert frame["panel"].isna().all()
    assert frame["line"].tolist() == [6, 7, 9, 8]


def test_batch_tables_are_ordered_with_nulls(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from chartparse.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "zig.md").write_text(ZIGZAG, "utf-8")
    csv_out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(csv_out),
                                       "--to", "csv", "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(csv_out.read_text("utf-8"))))
    assert [(r["x"], r["line"]) for r in rows] == [("0", "6"), ("250", "7"), ("1000", "9"),
                                                   ("5000", "8")]
    pq = pytest.importorskip("pyarrow.parquet")
    pq_out = tmp_path / "out.parquet"
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(pq_out),
                                       "--to", "parquet", "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(pq_out).to_pydict()
    assert table["x"] == ["0", "250", "1000", "5000"]
    assert table["panel"] == [None] * 4 and table["y_unit"] == [None] * 4
