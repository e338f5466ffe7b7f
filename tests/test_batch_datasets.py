"""Datasets as batch inputs: each row of a .jsonl / .parquet file is one description."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartparse.batch.datasets import Columns, iter_jsonl, iter_parquet, jsonl_slices
from chartparse.cli import main

BAR = "## Bar Chart: Row {i}\n* A: {i}\n* B: 2\n"


def run(*args: str) -> int:
    return CliRunner().invoke(main, ["batch", *args, "--quiet", "--jobs", "1"]).exit_code


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps({"key": "a", "body": BAR.format(i=0)}),
             json.dumps({"body": BAR.format(i=1)}),              # no id: row number 1
             "",                                                 # blank: skipped, counted
             json.dumps({"key": "c", "body": None}),             # no text: an error
             "{not json",                                        # an error, row 4
             json.dumps({"key": 5, "body": BAR.format(i=5)})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_dataset_rows_with_text_and_id_columns(jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run(str(jsonl), "-o", str(out), "--text-column", "body", "--id-column", "key") == 1
    got = records(out)
    assert [r["source"] for r in got] == [f"{jsonl}#a", f"{jsonl}#1", f"{jsonl}#5"]
    assert [r["title"] for r in got] == ["Row 0", "Row 1", "Row 5"]
    errors = {e["source"]: e["error"] for e in records(tmp_path / "out.errors.jsonl")}
    assert errors == {f"{jsonl}#c": "bad-row", f"{jsonl}#4": "bad-row"}


def test_a_missing_text_column_is_one_error_naming_the_columns(jsonl: Path,
                                                               tmp_path: Path) -> None:
    # Issue 17 item 12: not one identical error per row, and the columns found are named.
    out = tmp_path / "out.jsonl"
    assert run(str(jsonl), "-o", str(out)) == 1
    assert records(out) == []
    [error] = records(tmp_path / "out.errors.jsonl")
    assert error["source"] == str(jsonl)
    assert error["error"] == "missing-column"
    assert "'text'" in error["message"] and "key, body" in error["message"]


def test_a_column_missing_from_some_rows_only_fails_those_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [{"id": "a"}, {"id": "b", "text": BAR.format(i=1)}, {"id": "c"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(str(path), "-o", str(out)) == 1
    assert [r["source"] for r in records(out)] == [f"{path}#b"]
    assert [e["source"] for e in records(tmp_path / "out.errors.jsonl")] == [
        f"{path}#a", f"{path}#c"]


def test_parquet_dataset_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"doc": [BAR.format(i=i) for i in range(5)] + [None],
                             "name": ["n0", None, "n2", "n3", "n4", "n5"]}),
                   path, row_group_size=2)
    out = tmp_path / "out.jsonl"
    assert run(str(path), "-o", str(out), "--text-column", "doc", "--id-column", "name") == 1
    assert [r["source"] for r in records(out)] == [f"{path}#{k}" for k in
                                                   ["n0", "1", "n2", "n3", "n4"]]
    assert [e["source"] for e in records(tmp_path / "out.errors.jsonl")] == [f"{path}#n5"]


def test_parquet_without_the_text_column_or_corrupt_is_one_error(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"other": ["x", "y"]}), tmp_path / "nocol.parquet")
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    out = tmp_path / "out.jsonl"
    assert run(str(tmp_path / "nocol.parquet"), str(tmp_path / "bad.parquet"), "-o",
               str(out)) == 1
    errors = [(Path(e["source"]).name, e["error"]) for e in
              records(tmp_path / "out.errors.jsonl")]
    assert errors == [("nocol.parquet", "missing-column"), ("bad.parquet", "unreadable")]


def test_datasets_in_a_folder_are_read_when_a_glob_matches(jsonl: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    jsonl.rename(folder / "rows.jsonl")
    (folder / "one.md").write_text(BAR.format(i=9), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run(str(folder), "-o", str(out), "--text-column", "body", "--id-column", "key")
    assert [Path(r["source"]).name for r in records(out)] == ["one.md"]
    run(str(folder), "-o", str(out), "--text-column", "body", "--id-column", "key",
        "--glob", "*.jsonl")
    assert [Path(r["source"]).name for r in records(out)] == [
        "one.md", "rows.jsonl#a", "rows.jsonl#1", "rows.jsonl#5"]


def test_jsonl_slices_give_the_same_rows_as_one_pass(jsonl: Path) -> None:
    columns = Columns(text="body", id="key")
    whole = list(iter_jsonl(str(jsonl), columns))
    slices = jsonl_slices(str(jsonl), target_bytes=10)
    assert len(slices) > 2
    pieces = [task for start, end, first in slices
              for task in iter_jsonl(str(jsonl), columns, start, end, first)]
    assert pieces == whole


def test_parquet_row_groups_number_rows_like_one_pass(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"text": [BAR.format(i=i) for i in range(5)]}), path,
                   row_group_size=2)
    whole = list(iter_parquet(str(path), Columns()))
    pieces = [task for group, first in [(0, 0), (1, 2), (2, 4)]
              for task in iter_parquet(str(path), Columns(), [group], first)]
    assert pieces == whole
    assert [t[1] for t in whole] == [f"{path}#{i}" for i in range(5)]
