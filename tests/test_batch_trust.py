"""Issue 17 (a batch that can be trusted with a million files) and issue 18 item 11.

One test (or more) per numbered case; each fails on the code before the fix.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import chartparse
from chartparse.batch import engine, writers
from chartparse.batch.engine import run_chunks
from chartparse.batch.tasks import TEXT
from chartparse.cli import main

BAR = "## Bar Chart: Row {i}\n* A: {i}\n* B: 2\n"


def run(*args: str, catch: bool = True) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, ["batch", *args], catch_exceptions=catch)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def corpus(root: Path, n: int) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        path = root / f"{i:05d}.md"
        path.write_text(BAR.format(i=i), encoding="utf-8")
        names.append(str(path))
    return names


# -- 1. the Dask output folder -------------------------------------------------------


def test_dask_refuses_an_output_folder_that_holds_its_input(tmp_path: Path) -> None:
    folder = tmp_path / "captions"
    folder.mkdir()
    dataset = folder / "part-00000-abc.jsonl"
    dataset.write_text(json.dumps({"text": BAR.format(i=1)}) + "\n")
    (folder / "part-a").mkdir()
    code, _, stderr = run(str(dataset), "--engine", "dask", "-o", str(folder))
    assert code == 2
    assert "holds the input" in stderr
    assert dataset.exists() and (folder / "part-a").is_dir()


def test_dask_refuses_a_non_empty_output_folder_without_overwrite(tmp_path: Path) -> None:
    src = tmp_path / "in.md"
    src.write_text(BAR.format(i=1))
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-keep.txt").write_text("mine")
    code, _, stderr = run(str(src), "--engine", "dask", "-o", str(out))
    assert code == 2
    assert "--overwrite" in stderr
    assert (out / "part-keep.txt").read_text() == "mine"


def test_overwrite_removes_only_earlier_part_files(tmp_path: Path) -> None:
    from chartparse.batch.dask_engine import prepare_output

    out = tmp_path / "out"
    (out / "part-00007-theirs").mkdir(parents=True)
    (out / "part-a").mkdir()
    for name in ("part-00003.jsonl", "part-00003-x.parquet", "notes.txt", "part-00001.csv"):
        (out / name).write_text("x")
    prepare_output(out, "jsonl")
    assert sorted(p.name for p in out.iterdir()) == [
        "notes.txt", "part-00003-x.parquet", "part-00007-theirs", "part-a"]


def test_overwrite_is_for_the_dask_engine(tmp_path: Path) -> None:
    src = tmp_path / "in.md"
    src.write_text(BAR.format(i=1))
    assert run(str(src), "-o", str(tmp_path / "o.jsonl"), "--overwrite")[0] == 2


# -- 2. dataset sources are unique ---------------------------------------------------


def _dataset_with_repeated_ids(path: Path) -> list[object]:
    ids: list[object] = ["a", "a", 3, None, "3", 1, "1", "b", None, "a"]
    rows = [{"id": ident, "text": BAR.format(i=i)} if ident is not None else
            {"text": BAR.format(i=i)} for i, ident in enumerate(ids)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return ids


def test_repeated_dataset_ids_give_unique_sources_and_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    _dataset_with_repeated_ids(data)
    out = tmp_path / "o.jsonl"
    code, _, stderr = run(str(data), "-o", str(out), "--jobs", "1")
    assert code == 0
    sources = [r["source"] for r in lines(out)]
    assert len(sources) == 10 == len(set(sources))
    assert sources[:4] == [f"{data}#a", f"{data}#a@1", f"{data}#3", f"{data}#3@3"]
    assert "repeat an earlier row's id" in stderr
    assert "repeated dataset ids" in stderr


def test_resume_after_an_interruption_converts_every_row_of_a_dataset_with_repeats(
        tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    _dataset_with_repeated_ids(data)
    out = tmp_path / "o.jsonl"
    run(str(data), "-o", str(out), "--jobs", "1", "-q")
    whole = out.read_text().splitlines(keepends=True)
    out.write_text("".join(whole[:4]))  # as if stopped after four rows
    assert run(str(data), "-o", str(out), "--jobs", "1", "-q", "--resume")[0] == 0
    assert out.read_text().splitlines(keepends=True) == whole


# -- 3. resume keys --------------------------------------------------------------------


def test_resume_knows_a_path_written_differently(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.jsonl").write_text("".join(json.dumps({"id": i, "text": BAR.format(i=i)}) + "\n"
                                       for i in range(20)))
    corpus(tmp_path / "docs", 5)
    run("x.jsonl", "docs", "-o", "o.jsonl", "--jobs", "1", "-q")
    whole = Path("o.jsonl").read_text().splitlines(keepends=True)
    Path("o.jsonl").write_text("".join(whole[:8]))
    assert run("./x.jsonl", f"{tmp_path}/docs/", "-o", "o.jsonl", "--jobs", "1", "-q",
               "--resume")[0] == 0
    resumed = Counter(r["source"].rsplit("/", 1)[-1] for r in lines(Path("o.jsonl")))
    assert len(resumed) == 25 and max(resumed.values()) == 1


def test_csv_resume_knows_sources_with_line_breaks(tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    rows = [{"id": f"line\nbreak {i}\r", "text": BAR.format(i=i)} for i in range(6)]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "p.csv"
    run(str(data), "-o", str(out), "--to", "csv", "--jobs", "1", "-q")
    ledger = (tmp_path / "p.charts.csv").read_text()
    for _ in range(2):
        assert run(str(data), "-o", str(out), "--to", "csv", "--jobs", "1", "-q",
                   "--resume")[0] == 0
    assert (tmp_path / "p.charts.csv").read_text() == ledger
    assert len(list(csv.DictReader(io.StringIO(ledger)))) == 6


# -- 4. names and texts that are not valid Unicode ---------------------------------


def test_lone_surrogates_are_replaced_at_the_input() -> None:
    chart = chartparse.parse("## Line Chart: \ud800\n* a: 1\n", source="x\udcff.md")
    text = chart.to_json()  # raised UnicodeEncodeError before
    assert "\ufffd" in chart.title
    assert chart.source == "x\\udcff.md"
    assert "invalid-utf8" in {d.code for d in chart.diagnostics}
    assert json.loads(text)["title"] == chart.title


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_bad_names_and_ids_give_records_and_resume_finishes(tmp_path: Path, fmt: str) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / os.fsdecode(b"bad\xff.md")).write_text(BAR.format(i=1))
    (root / "good.md").write_text(BAR.format(i=2))
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "\ud800", "text": "## Line Chart: \ud800\n* a: 1\n"})
                    + "\n" + json.dumps({"id": "ok", "text": BAR.format(i=3)}) + "\n")
    out = tmp_path / f"o.{fmt}"
    code, _, _ = run(str(root), str(data), "-o", str(out), "--to", fmt, "--jobs", "1", "-q")
    assert code == 0
    ledger = out if fmt == "jsonl" else tmp_path / "o.charts.csv"
    first = ledger.read_bytes()
    text = first.decode("utf-8")  # valid UTF-8 throughout
    sources = ([json.loads(line)["source"] for line in text.splitlines()] if fmt == "jsonl"
               else [row["source"] for row in csv.DictReader(io.StringIO(text))])
    assert sorted(Path(s).name for s in sources) == ["bad\\xff.md", "d.jsonl#\\ud800",
                                                     "d.jsonl#ok", "good.md"]
    assert run(str(root), str(data), "-o", str(out), "--to", fmt, "--jobs", "1", "-q",
               "--resume")[0] == 0
    assert ledger.read_bytes() == first


# -- 6. the per-input time limit -------------------------------------------------------


def test_an_input_past_the_timeout_is_an_error_line(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from chartparse.batch import workers

    real = workers.parse_source

    def slow(source):  # type: ignore[no-untyped-def]
        if "SLOW" in source.text:
            time.sleep(30)
        return real(source)

    monkeypatch.setattr(workers, "parse_source", slow)
    root = tmp_path / "in"
    corpus(root, 3)
    (root / "00001.md").write_text("## Line Chart: SLOW\n")
    out = tmp_path / "o.jsonl"
    code, _, _ = run(str(root), "-o", str(out), "--jobs", "1", "--timeout", "0.3", "-q")
    assert code == 1
    assert len(lines(out)) == 2
    [error] = lines(tmp_path / "o.errors.jsonl")
    assert error["error"] == "timeout" and error["source"].endswith("00001.md")


def test_parse_many_gives_a_timeout_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    from chartparse.batch import workers

    real = workers.parse_source

    def slow(source):  # type: ignore[no-untyped-def]
        if "SLOW" in source.text:
            time.sleep(30)
        return real(source)

    monkeypatch.setattr(workers, "parse_source", slow)
    charts = list(chartparse.parse_many([BAR.format(i=1), "## Line Chart: SLOW\n"],
                                        kind="text", timeout=0.3))
    assert [c.kind for c in charts] == ["bar", "other"]
    assert [d.code for d in charts[1].diagnostics] == ["timeout"]


def _twelve_bars_with(bad: int, title: str, chunk_size: int, timeout: float) -> list[tuple]:
    """Twelve bar descriptions through two workers, the one at ``bad`` titled for the test
    worker (batch_helpers) to misbehave on; the results in input order."""
    texts = [BAR.format(i=i) for i in range(12)]
    texts[bad] = f"## Bar Chart: {title}\n"
    tasks = [(TEXT, f"t{i}", text) for i, text in enumerate(texts)]
    return [r for chunk in run_chunks(tasks, "jsonl", jobs=2, max_bytes=10_000,
                                      chunk_size=chunk_size, timeout=timeout) for r in chunk]


@pytest.mark.slow
def test_an_input_the_alarm_cannot_stop_ends_its_worker_and_the_rest_go_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import batch_helpers

    monkeypatch.setattr(engine, "convert_chunk", batch_helpers.convert_chunk)
    results = _twelve_bars_with(5, "HANG", chunk_size=2, timeout=0.3)
    assert [source for source, _, _ in results] == [f"t{i}" for i in range(12)]
    assert [i for i, (_, _, error) in enumerate(results) if error] == [5]
    assert results[5][2] is not None and results[5][2][0] == "timeout"


@pytest.mark.slow
def test_an_input_that_kills_its_worker_is_one_error_and_the_rest_go_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import batch_helpers

    monkeypatch.setattr(engine, "convert_chunk", batch_helpers.convert_chunk)
    results = _twelve_bars_with(8, "CRASH", chunk_size=3, timeout=30)
    assert [source for source, _, _ in results] == [f"t{i}" for i in range(12)]
    assert [i for i, (_, _, error) in enumerate(results) if error] == [8]
    assert results[8][2] is not None and results[8][2][0] == "worker-crashed"


# -- 8. processes: workers die with the parent; SIGTERM like Ctrl-C --------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_batch(tmp_path: Path, n: int) -> tuple[subprocess.Popen[bytes], Path]:
    corpus(tmp_path / "in", n)
    out = tmp_path / "o.jsonl"
    cmd = [sys.executable, "-m", "chartparse.cli", "batch", str(tmp_path / "in"), "-o", str(out),
           "--jobs", "2", "--chunk-size", "4", "--quiet"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.stat().st_size > 0):
        time.sleep(0.02)
    return proc, out


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_when_only_the_parent_is_killed(tmp_path: Path) -> None:
    proc, _ = _start_batch(tmp_path, 4000)
    workers = _children(proc.pid)
    assert workers
    proc.kill()  # the parent only, not its process group
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    proc.stderr.close()  # type: ignore[union-attr]


@pytest.mark.slow
def test_sigterm_stops_like_ctrl_c_and_resume_finishes(tmp_path: Path) -> None:
    proc, out = _start_batch(tmp_path, 3000)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    message = stderr.decode().strip().splitlines()
    assert len(message) == 1 and "--resume" in message[0], message
    assert run(str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "-q", "--resume")[0] == 0
    assert len({r["source"] for r in lines(out)}) == len(lines(out)) == 3000


# -- 9. symlinks -------------------------------------------------------------------------


def test_a_symlink_to_the_output_folder_is_not_read_back(tmp_path: Path) -> None:
    root = tmp_path / "in"
    corpus(root, 3)
    outdir = tmp_path / "outdir"
    outdir.mkdir()
    (root / "z-link").symlink_to(outdir)  # walked last, once the outputs have lines
    (root / "bad.md").write_bytes(b"\x00binary")  # so the errors file exists too
    out = outdir / "o.jsonl"
    code, _, _ = run(str(root), "-o", str(out), "--jobs", "1", "-q", "--glob", "*.jsonl",
                     "--chunk-size", "1")
    assert code == 1
    assert len(lines(out)) == 3
    assert [e["error"] for e in lines(outdir / "o.errors.jsonl")] == ["binary"]


def test_a_chain_of_doubled_symlinks_is_walked_once_per_real_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chartparse.batch import inputs

    root = tmp_path / "in"
    levels = 25
    for level in range(levels):
        folder = root / f"l{level}"
        folder.mkdir(parents=True)
        (folder / "doc.md").write_text(BAR.format(i=level))
    for level in range(levels - 1):
        for name in ("a", "b"):
            (root / f"l{level}" / name).symlink_to(root / f"l{level + 1}")
    listed: list[str] = []
    real_scandir = os.scandir

    def counting_scandir(folder):  # type: ignore[no-untyped-def]
        listed.append(os.path.realpath(folder))
        return real_scandir(folder)

    monkeypatch.setattr(inputs.os, "scandir", counting_scandir)
    out = tmp_path / "o.jsonl"
    assert run(str(root), "-o", str(out), "--jobs", "1", "-q")[0] == 0
    assert len(lines(out)) == levels
    # 2**25 paths lead to the deepest folder; each real folder is listed once
    assert sorted(listed) == sorted({os.path.realpath(root)} | {
        os.path.realpath(root / f"l{level}") for level in range(levels)})


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    [first, *_] = corpus(root, 2)
    out = tmp_path / "o.jsonl"
    run(first, str(root), first, "-o", str(out), "--jobs", "1", "-q")
    assert len(lines(out)) == 2


# -- 10. a FIFO given to the single-file command ---------------------------------------


def test_single_file_command_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "chartparse.cli", str(fifo)],
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr


# -- 11. full disk, and Ctrl-C while starting up ---------------------------------------


def test_a_full_errors_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    src = tmp_path / "bad.md"
    src.write_bytes(b"\x00binary")
    code, _, stderr = run(str(src), "-o", str(tmp_path / "o.jsonl"), "--errors", "/dev/full",
                          "--jobs", "1", "-q")
    assert code == 1
    assert stderr.count("\n") == 1 and "No space left" in stderr
    assert Path("/dev/full").exists()


def test_a_full_disk_while_writing_parquet_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")

    def full(self: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers._ParquetTable, "_flush", full)
    root = tmp_path / "in"
    corpus(root, 3)
    out = tmp_path / "o.parquet"
    code, _, stderr = run(str(root), "-o", str(out), "--to", "parquet", "--jobs", "1", "-q")
    assert code == 1
    assert stderr.count("\n") == 1 and "No space left" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


INTERRUPT_AT_IMPORT = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[1]:
            raise KeyboardInterrupt
        return None
sys.meta_path.insert(0, Interrupt())
from chartparse.cli import main
main(sys.argv[2:])
"""


@pytest.mark.parametrize("module, args", [
    ("chartparse.models", ["x.md"]),
    ("chartparse.batch.cli", ["batch", "x.md", "-o", "o.jsonl"]),
])
def test_ctrl_c_while_starting_up_is_one_line_and_exit_130(tmp_path: Path, module: str,
                                                           args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", INTERRUPT_AT_IMPORT, module, *args],
                          capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "chartparse: interrupted\n"


# -- 13. fsync at checkpoints, and a points file shorter than its ledger -----------------


def test_outputs_are_synced_at_checkpoints(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(writers, "SYNC_SECONDS", 0.0)
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    root = tmp_path / "in"
    corpus(root, 40)
    run(str(root), "-o", str(tmp_path / "p.csv"), "--to", "csv", "--jobs", "1", "-q",
        "--chunk-size", "4")
    assert len(synced) >= 2 * 10  # points and ledger, at each of the ten chunks


def test_csv_resume_redoes_charts_whose_points_did_not_reach_the_disk(tmp_path: Path) -> None:
    root = tmp_path / "in"
    corpus(root, 30)
    out, ledger = tmp_path / "p.csv", tmp_path / "p.charts.csv"
    run(str(root), "-o", str(out), "--to", "csv", "--jobs", "1", "-q")
    points_clean, ledger_clean = out.read_bytes(), ledger.read_bytes()
    # A power cut: the ledger reached the disk whole, the points file only in part.
    out.write_bytes(points_clean[: len(points_clean) // 2])
    assert run(str(root), "-o", str(out), "--to", "csv", "--jobs", "1", "-q", "--resume")[0] == 0
    assert out.read_bytes() == points_clean
    assert ledger.read_bytes() == ledger_clean


def test_resume_drops_the_nul_bytes_a_power_cut_can_leave(tmp_path: Path) -> None:
    root = tmp_path / "in"
    corpus(root, 10)
    out = tmp_path / "o.jsonl"
    run(str(root), "-o", str(out), "--jobs", "1", "-q")
    whole = out.read_bytes()
    out.write_bytes(whole[: len(whole) // 2] + b"\x00" * 4096)
    assert run(str(root), "-o", str(out), "--jobs", "1", "-q", "--resume")[0] == 0
    assert out.read_bytes() == whole


# -- issue 18 item 11 ----------------------------------------------------------------------


def test_progress_falls_back_to_a_plain_line_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    from chartparse.batch import progress

    monkeypatch.setitem(sys.modules, "rich", None)
    monkeypatch.setitem(sys.modules, "rich.console", None)
    bar = progress.make_progress(10)
    assert isinstance(bar, progress.PlainProgress)
    stream = io.StringIO()
    bar.stream = stream
    with bar:
        bar.advance(4)
    assert "converting 4/10" in stream.getvalue()


def test_output_dash_writes_json_lines_to_stdout_and_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "in"
    corpus(root, 3)
    (root / "bad.md").write_bytes(b"\x00binary")
    code, stdout, stderr = run(str(root), "-o", "-", "--jobs", "1", "-q")
    assert code == 1
    assert [json.loads(line)["title"] for line in stdout.splitlines()] == [
        "Row 0", "Row 1", "Row 2"]
    assert json.loads(stderr.splitlines()[0])["error"] == "binary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_csv_and_jsonl_outputs_do_not_share_an_errors_file(tmp_path: Path) -> None:
    src = tmp_path / "bad.md"
    src.write_bytes(b"\x00binary")
    run(str(src), "-o", str(tmp_path / "x.jsonl"), "--jobs", "1", "-q")
    run(str(src), "-o", str(tmp_path / "x.csv"), "--to", "csv", "--jobs", "1", "-q")
    assert len(lines(tmp_path / "x.errors.jsonl")) == 1
    assert len(lines(tmp_path / "x.csv.errors.jsonl")) == 1
