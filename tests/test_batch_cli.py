"""``chartparse batch``: every input accounted for, formats, usage errors, resume, summary."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartparse.cli import main

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = ["example_line.md", "gemini_bar_01.md", "default_pie_01.md", "healer_scatter_03.md"]
TOO_LARGE = 4000


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *args])
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Corpus fixtures plus a binary, a Latin-1, an empty, an over-size file and a loop."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for name in FIXTURES[:3]:
        shutil.copy(CORPUS / name, root / name)
    shutil.copy(CORPUS / FIXTURES[3], root / "sub" / "notes.txt")
    (root / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "latin1.md").write_bytes("## Bar Chart: Café prices\n* Crème: 3\n* Thé: 2\n"
                                     .encode("latin-1"))
    (root / "empty.md").write_bytes(b"")
    (root / "huge.md").write_text("## Line Chart: big\n" + "* x: 1\n" * 1000, encoding="utf-8")
    (root / "ignored.json").write_text("{}", encoding="utf-8")
    (root / "sub" / "loop").symlink_to("..")
    return root


READABLE = ["example_line.md", "gemini_bar_01.md", "default_pie_01.md", "sub/notes.txt",
            "latin1.md", "empty.md"]
FAILED = {"image.md": "binary", "huge.md": "too-large", "sub/loop": "symlink-loop"}


def test_every_input_gives_one_record_or_one_error(mixed: Path, tmp_path: Path) -> None:
    out, err = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, _ = run(str(mixed), "-o", str(out), "--errors", str(err), "--jobs", "1",
                  "--max-bytes", str(TOO_LARGE))
    assert code == 1
    got, failed = records(out), records(err)
    assert len(got) + len(failed) == len(READABLE) + len(FAILED)
    assert sorted(r["source"] for r in got) == sorted(str(mixed / n) for n in READABLE)
    assert {Path(e["source"]).relative_to(mixed).as_posix(): e["error"] for e in failed} == FAILED
    assert all(e["message"] for e in failed)
    by_name = {Path(r["source"]).relative_to(mixed).as_posix(): r for r in got}
    assert "invalid-utf8" in {d["code"] for d in by_name["latin1.md"]["diagnostics"]}
    assert by_name["latin1.md"]["kind"] == "bar"
    assert "empty-input" in {d["code"] for d in by_name["empty.md"]["diagnostics"]}
    assert by_name["example_line.md"]["series"]


def test_walk_order_is_sorted_and_glob_adds_patterns(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for name in ["b/2.md", "b/1.md", "a.txt", "c.markdown", "B.md"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("## Bar Chart: t\n* A: 1\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(str(root), "-o", str(out), "--jobs", "1", "--glob", "*.markdown")[0] == 0
    names = [Path(r["source"]).relative_to(root).as_posix() for r in records(out)]
    assert names == ["B.md", "a.txt", "b/1.md", "b/2.md", "c.markdown"]


def test_two_jobs_give_the_same_records_in_the_same_order(mixed: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run(str(mixed), "-o", str(one), "--jobs", "1", "--max-bytes", str(TOO_LARGE))
    run(str(mixed), "-o", str(two), "--jobs", "2", "--chunk-size", "2",
        "--max-bytes", str(TOO_LARGE))
    assert one.read_text() == two.read_text()
    errors = [(tmp_path / f"{n}.errors.jsonl").read_text() for n in ("one", "two")]
    assert errors[0] == errors[1] != ""


def test_clean_corpus_exits_0_and_creates_no_errors_file(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(CORPUS / "example_line.md", root)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.errors.jsonl").write_text('{"source": "stale", "error": "x"}\n')
    assert run(str(root), "-o", str(out), "--jobs", "1")[0] == 0
    assert len(records(out)) == 1
    assert not (tmp_path / "out.errors.jsonl").exists()  # issue 18 item 11: no empty file


def test_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    os.mkfifo(root / "pipe.md")
    out = tmp_path / "out.jsonl"
    assert run(str(root), "-o", str(out), "--jobs", "1")[0] == 1
    assert [e["error"] for e in records(tmp_path / "out.errors.jsonl")] == ["not-a-file"]


def test_missing_input_is_an_error_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run(str(tmp_path / "nope.md"), "-o", str(out), "--jobs", "1")[0] == 1
    assert [e["error"] for e in records(tmp_path / "out.errors.jsonl")] == ["missing"]


@pytest.mark.parametrize("target", ["in/out.jsonl", "in/sub/deeper/out.jsonl"])
def test_output_inside_an_input_folder_is_refused(mixed: Path, tmp_path: Path,
                                                  target: str) -> None:
    code, stderr = run(str(mixed), "-o", str(tmp_path / target), "--jobs", "1")
    assert code == 2
    assert "inside the input folder" in stderr
    assert not (tmp_path / target).exists()


def test_errors_file_inside_an_input_folder_is_refused(mixed: Path, tmp_path: Path) -> None:
    code, _ = run(str(mixed), "-o", str(tmp_path / "o.jsonl"), "--errors", str(mixed / "e.jsonl"))
    assert code == 2


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    assert run(str(CORPUS / "example_line.md"), "-o", str(tmp_path / "o.jsonl"),
               "--scheduler", "tcp://127.0.0.1:1")[0] == 2


def test_csv_writes_points_and_a_charts_table(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "points.csv"
    run(str(mixed), "-o", str(out), "--to", "csv", "--jobs", "1", "--max-bytes", str(TOO_LARGE))
    points = list(csv.DictReader(out.open(encoding="utf-8")))
    charts = list(csv.DictReader((tmp_path / "points.charts.csv").open(encoding="utf-8")))
    assert [c["source"] for c in charts] == [r["source"] for r in
                                             _local_records(mixed, tmp_path)]
    assert {p["source"] for p in points} <= {c["source"] for c in charts}
    line = next(c for c in charts if c["source"].endswith("example_line.md"))
    assert line["kind"] == "line"
    assert int(line["n_points"]) == sum(p["source"] == line["source"] for p in points)
    assert len(charts) + len(records(tmp_path / "points.csv.errors.jsonl")) == 9


def _local_records(mixed: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "ref.jsonl"
    run(str(mixed), "-o", str(out), "--jobs", "1", "--max-bytes", str(TOO_LARGE))
    return records(out)


def test_parquet_writes_points_and_charts_tables(mixed: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "points.parquet"
    code, _ = run(str(mixed), "-o", str(out), "--to", "parquet", "--jobs", "1",
                  "--max-bytes", str(TOO_LARGE))
    assert code == 1
    points = pq.read_table(out).to_pylist()
    charts = pq.read_table(tmp_path / "points.charts.parquet").to_pylist()
    assert len(charts) == len(READABLE)
    line = next(c for c in charts if c["source"].endswith("example_line.md"))
    assert line["n_points"] == sum(p["source"] == line["source"] for p in points) > 0
    assert line["n_axes"] == len(line["axis_labels"])
    assert {"x", "x_value", "y", "approx", "series", "panel"} <= set(points[0])
    assert not list(tmp_path.glob(".*.part"))


def test_parquet_resume_is_refused(tmp_path: Path) -> None:
    code, stderr = run(str(CORPUS / "example_line.md"), "-o", str(tmp_path / "o.parquet"),
                       "--to", "parquet", "--resume")
    assert code == 2
    assert "--resume" in stderr


def test_summary_line_and_quiet(tmp_path: Path) -> None:
    code, stderr = run(str(CORPUS / "example_line.md"), "-o", str(tmp_path / "o.jsonl"),
                       "--jobs", "1")
    assert code == 0
    assert "1 inputs, 1 converted, 0 failed" in stderr
    assert "descriptions/s" in stderr
    _, quiet = run(str(CORPUS / "example_line.md"), "-o", str(tmp_path / "o.jsonl"),
                   "--jobs", "1", "--quiet")
    assert quiet == ""


def test_progress_bar_shows_count_rate_and_eta() -> None:
    pytest.importorskip("rich")
    from chartparse.batch.progress import BarProgress

    stream = io.StringIO()
    with BarProgress(10, stream=stream, force_terminal=True) as bar:
        bar.advance(4)
    shown = stream.getvalue()
    assert "4/10" in shown
    assert "desc/s" in shown
    assert "ETA" in shown


def test_batch_for_jsonl_does_not_import_heavy_dependencies(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from chartparse.cli import main\n"
        f"try: main(['batch', {str(CORPUS / 'example_line.md')!r}, '-o', "
        f"{str(tmp_path / 'o.jsonl')!r}, '--jobs', '1'])\n"
        "except SystemExit as e: assert e.code == 0, e.code\n"
        "heavy = [m for m in ('pandas', 'pyarrow', 'dask', 'rich') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
