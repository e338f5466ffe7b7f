"""``--engine dask`` gives the same records as the local engine (small in-process cluster)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartparse.cli import main

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    root = tmp_path / "in"
    root.mkdir()
    for path in sorted(CORPUS.glob("*.md"))[:5]:
        shutil.copy(path, root / path.name)
    (root / "binary.md").write_bytes(b"\x00\x01")
    rows = [{"id": f"r{i}", "text": f"## Bar Chart: Row {i}\n* A: {i}\n"} for i in range(3)]
    rows.append({"id": "bad"})
    dataset = tmp_path / "rows.jsonl"
    dataset.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [str(root), str(dataset)]


def run(*args: str) -> int:
    result = CliRunner().invoke(main, ["batch", *args, "--quiet"])
    return result.exit_code


def lines(*paths: Path) -> list[str]:
    return [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]


def test_dask_engine_gives_the_same_records_as_the_local_engine(
        scheduler: str, inputs: list[str], tmp_path: Path) -> None:
    local = tmp_path / "local.jsonl"
    assert run(*inputs, "-o", str(local), "--jobs", "1") == 1
    parts = tmp_path / "dask-out"
    assert run(*inputs, "-o", str(parts), "--engine", "dask", "--scheduler", scheduler) == 1
    part_files = sorted(parts.glob("part-*.jsonl"))
    assert len(part_files) >= 2  # the folder and the dataset are separate units
    assert set(lines(*part_files)) == set(lines(local))
    assert lines(*part_files) == lines(local)  # parts in name order keep the input order
    assert set(lines(tmp_path / "dask-out.errors.jsonl")) == set(
        lines(tmp_path / "local.errors.jsonl"))
    assert len(lines(local)) + len(lines(tmp_path / "local.errors.jsonl")) == 10


def test_dask_engine_writes_parquet_parts(scheduler: str, inputs: list[str],
                                          tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert run(*inputs, "-o", str(out), "--to", "parquet", "--engine", "dask",
               "--scheduler", scheduler) == 1
    charts = pq.read_table(tmp_path / "out.charts.parquet").to_pylist()
    assert len(charts) == 8
    assert sum(c["n_points"] for c in charts) == pq.read_table(out).num_rows


def test_dask_engine_refuses_resume(inputs: list[str], tmp_path: Path) -> None:
    assert run(*inputs, "-o", str(tmp_path / "o"), "--engine", "dask", "--resume") == 2
