"""``chartparse batch INPUT... -o OUT``: convert a whole corpus.

Every input yields exactly one record in OUT or one line in the errors file, so
records + errors = inputs. Exit status: 0 when every input was converted; 1 when some
failed (with ``--resume``: in this run or an earlier one) or OUT could not be written;
2 on usage errors; 130 when interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from ..source import DEFAULT_MAX_BYTES
from .datasets import Columns
from .engine import DEFAULT_CHUNK, default_jobs, run_chunks
from .inputs import DEFAULT_PATTERNS, InputOptions, count_inputs, input_folders, iter_tasks
from .progress import BarProgress, NoProgress, Stats, show_progress
from .resume import ResumeError, done_sources
from .tasks import Task
from .writers import WRITERS, ErrorWriter, charts_path, default_errors_path

FORMATS = ("jsonl", "csv", "parquet")


def _usage(message: str) -> None:
    click.echo(f"chartparse batch: {message}", err=True)
    sys.exit(2)


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"chartparse batch: {message}", err=True)
    sys.exit(code)


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--to", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default="jsonl",
              show_default=True, help="jsonl: chart records; csv/parquet: points + charts tables.")
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="Output file (a folder of part files with --engine dask).")
@click.option("--errors", "errors_path", metavar="ERRFILE",
              help="JSON lines for inputs that failed [default: OUT with suffix .errors.jsonl].")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes [default: one per core].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where to run: this machine, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address [default: a 2-worker LocalCluster].")
@click.option("--resume", is_flag=True,
              help="Skip inputs already in OUT or ERRFILE and append the rest.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Also read files matching PATTERN in folders (besides *.md, *.txt).")
@click.option("--text-column", default="text", show_default=True, metavar="C",
              help="Column of the description in .jsonl/.parquet datasets.")
@click.option("--id-column", default="id", show_default=True, metavar="C",
              help="Column naming a dataset row (else its row number).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Inputs larger than this are errors.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK,
              show_default=True, help="Inputs per message to a worker.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def batch(inputs: tuple[str, ...], fmt: str, out: str, errors_path: str | None,
          jobs: int | None, engine: str, scheduler: str | None, resume: bool,
          globs: tuple[str, ...], text_column: str, id_column: str, max_bytes: int,
          chunk_size: int, quiet: bool) -> None:
    """Convert every description in INPUT... (files, folders, .jsonl/.parquet datasets).

    \b
    Folders are walked recursively for *.md and *.txt (and --glob PATTERN), in sorted
    order. Each row of a dataset is one description (--text-column, --id-column).
    Each input gives one record in OUT (its `source` names the input: the path, or
    DATASET#ID) or one line in ERRFILE: {"source", "error", "message"}.

    \b
    --resume appends to jsonl and csv output; Parquet output is written whole and
    cannot be resumed (use --to jsonl for long runs that may be interrupted).
    csv and parquet also write a charts table, one row per description, beside OUT
    (out.csv -> out.charts.csv). --engine dask writes OUT as a folder of part files.

    \b
    Exit status: 0 all converted, 1 some inputs failed, 2 usage error, 130 interrupted.
    """
    fmt = fmt.lower()
    errors = Path(errors_path) if errors_path else default_errors_path(out)
    _check_usage(inputs, fmt, Path(out), errors, engine, scheduler, resume)
    options = InputOptions(patterns=DEFAULT_PATTERNS + globs,
                           columns=Columns(text=text_column, id=id_column))
    stats = Stats()
    if engine == "dask":
        _run_dask(inputs, options, fmt, out, errors, scheduler, max_bytes, quiet, stats)
    else:
        _run_local(inputs, options, fmt, out, errors, jobs or default_jobs(), max_bytes,
                   chunk_size, resume, quiet, stats)
    if not quiet:
        click.echo(stats.summary(), err=True)
    sys.exit(1 if stats.failed or stats.skipped_failed else 0)


def _check_usage(inputs: tuple[str, ...], fmt: str, out: Path, errors: Path, engine: str,
                 scheduler: str | None, resume: bool) -> None:
    if scheduler and engine != "dask":
        _usage("--scheduler needs --engine dask")
    if resume and engine == "dask":
        _usage("--resume works with the local engine only (the Dask engine rewrites its parts)")
    if resume and fmt == "parquet":
        _usage("--resume cannot append to Parquet files; use --to jsonl or --to csv for "
               "resumable runs")
    outputs = [out, errors] + ([charts_path(out, fmt)] if fmt != "jsonl" else [])
    if len({p.resolve() for p in outputs}) < len(outputs):
        _usage("OUT and ERRFILE must be different files")
    folders = input_folders(inputs)
    files = {Path(p).resolve() for p in inputs if os.path.isfile(p)}
    for path in outputs:
        target = path.resolve()
        for folder in folders:
            if target.is_relative_to(folder):
                _usage(f"{path} is inside the input folder {folder}: it would be read back as "
                       "input; write it elsewhere")
        if target in files:
            _usage(f"{path} is also an input")


def _skip_done(tasks: Iterator[Task], done: set[str], failed: set[str],
               stats: Stats) -> Iterator[Task]:
    for task in tasks:
        if task[1] in done:
            stats.skipped += 1
        elif task[1] in failed:
            stats.skipped += 1
            stats.skipped_failed += 1
        else:
            yield task


def _run_local(inputs: tuple[str, ...], options: InputOptions, fmt: str, out: str,
               errors: Path, jobs: int, max_bytes: int, chunk_size: int, resume: bool,
               quiet: bool, stats: Stats) -> None:
    done: set[str] = set()
    failed_before: set[str] = set()
    if resume:
        try:
            done, failed_before = done_sources(out, errors, fmt)
        except ResumeError as err:
            _usage(str(err))
        except OSError as err:
            _fail(f"cannot read the earlier output to resume: {err}")
    tasks = iter_tasks(inputs, options)
    if done or failed_before:
        tasks = _skip_done(tasks, done, failed_before, stats)
    progress: BarProgress | NoProgress = NoProgress()
    if show_progress(quiet):
        total = count_inputs(inputs, options) - len(done) - len(failed_before)
        progress = BarProgress(max(0, total))
    try:
        writer = WRITERS[fmt](out, append=resume)
        error_writer = ErrorWriter(errors, append=resume)
    except ImportError as err:
        _fail(f"--to {fmt} needs pyarrow: pip install 'chartparse[data]' ({err})")
    except OSError as err:
        _fail(f"cannot write output: {err}")
    try:
        with progress:
            for results in run_chunks(tasks, fmt, jobs=jobs, max_bytes=max_bytes,
                                      chunk_size=chunk_size):
                writer.write(results)
                error_writer.write(results)
                failed = sum(1 for result in results if result[2] is not None)
                stats.failed += failed
                stats.converted += len(results) - failed
                progress.advance(len(results))
    except KeyboardInterrupt:
        writer.abort()
        error_writer.close()
        hint = "" if fmt == "parquet" else "; run again with --resume to finish"
        _fail(f"interrupted after {stats.inputs} inputs{hint}", 130)
    except (OSError, BrokenProcessPool) as err:
        writer.abort()
        error_writer.close()
        _fail(f"stopped after {stats.inputs} inputs: {err}")
    writer.close()
    error_writer.close()


def _run_dask(inputs: tuple[str, ...], options: InputOptions, fmt: str, out: str,
              errors: Path, scheduler: str | None, max_bytes: int, quiet: bool,
              stats: Stats) -> None:
    from .dask_engine import DaskUnavailable, run_dask

    progress: BarProgress | NoProgress = NoProgress()
    if show_progress(quiet):
        progress = BarProgress(count_inputs(inputs, options))
    try:
        with progress:
            stats.converted, stats.failed = run_dask(
                inputs, options, fmt=fmt, out=out, errors=errors, scheduler=scheduler,
                max_bytes=max_bytes, progress=progress)
    except DaskUnavailable as err:
        _usage(str(err))
    except (OSError, TimeoutError) as err:
        _fail(f"dask engine: {err}")
    except Exception as err:  # raised on a worker (e.g. chartparse missing there)
        _fail(f"dask engine: {type(err).__name__}: {err}")
