"""``chartparse.parse_many`` and the ``chartparse.dask`` helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

import chartparse

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BAR = "## Bar Chart: Scores\n* A: 1\n* B: 2\n"


def test_parse_many_reads_paths_texts_and_bytes_in_order(tmp_path: Path) -> None:
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01")
    items = [CORPUS / "example_line.md", BAR, str(CORPUS / "gemini_bar_01.md"),
             BAR.encode("latin-1") + "é".encode("latin-1"), binary]
    charts = list(chartparse.parse_many(items))
    assert [c.kind for c in charts] == ["line", "bar", "bar", "bar", "other"]
    assert charts[0].source == str(CORPUS / "example_line.md")
    assert charts[1].source is None
    assert "invalid-utf8" in {d.code for d in charts[3].diagnostics}
    assert [d.code for d in charts[4].diagnostics] == ["binary"]
    assert charts[1] == chartparse.parse(BAR)


def test_parse_many_kind_forces_text_or_path(tmp_path: Path) -> None:
    name = str(CORPUS / "example_line.md")
    as_text = next(chartparse.parse_many([name], kind="text"))
    assert as_text.source is None
    assert not as_text.series  # the path itself was read as a (data-less) description
    missing = next(chartparse.parse_many([str(tmp_path / "nope.md")], kind="path"))
    assert [d.code for d in missing.diagnostics] == ["missing"]
    with pytest.raises(ValueError):
        next(chartparse.parse_many([BAR], kind="bytes"))  # type: ignore[arg-type]


def test_parse_many_with_two_workers_keeps_order() -> None:
    texts = [f"## Bar Chart: T{i}\n* A: {i}\n" for i in range(25)]
    charts = list(chartparse.parse_many(texts, jobs=2, chunk_size=3))
    assert [c.title for c in charts] == [f"T{i}" for i in range(25)]


def test_parse_bag_and_parse_series() -> None:
    dask = pytest.importorskip("dask")
    db = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    import json

    import chartparse.dask as cdask

    with dask.config.set(scheduler="synchronous"):
        bag = db.from_sequence([BAR, CORPUS / "example_line.md", BAR], npartitions=2)
        assert [c.kind for c in cdask.parse_bag(bag).compute()] == ["bar", "line", "bar"]
        dicts = cdask.parse_bag(bag, to="dict").compute()
        assert dicts[1]["source"] == str(CORPUS / "example_line.md")
        series = dd.from_pandas(pd.Series([BAR, "## Line Chart: L\n* 1: 2\n"], name="t"),
                                npartitions=2)
        parsed = cdask.parse_series(series).compute()
        assert [json.loads(s)["kind"] for s in parsed] == ["bar", "line"]
    with pytest.raises(ValueError):
        cdask.parse_bag(bag, to="xml")  # type: ignore[arg-type]
