"""``chartparse batch INPUT... -o OUT``: convert a whole corpus.

Every input yields exactly one record in OUT or one line in the errors file, so
records + errors = inputs. Exit status: 0 when every input was converted; 1 when some
failed (with ``--resume``: in this run or an earlier one) or OUT could not be written;
2 on usage errors; 130 when interrupted (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import NoReturn

import click

from ..source import DEFAULT_MAX_BYTES
from .datasets import Columns
from .engine import DEFAULT_CHUNK, default_jobs, run_chunks
from .inputs import DEFAULT_PATTERNS, InputOptions, count_inputs, input_folders, iter_tasks
from .progress import NoProgress, Progress, Stats, make_progress, show_progress
from .resume import ResumeError, SourceKeys, done_sources
from .tasks import Task
from .workers import DEFAULT_TIMEOUT
from .writers import STDOUT, WRITERS, ErrorWriter, charts_path, default_errors_path

FORMATS = ("jsonl", "csv", "parquet")


def _usage(message: str) -> NoReturn:
    click.echo(f"chartparse batch: {message}", err=True)
    sys.exit(2)


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"chartparse batch: {message}", err=True)
    sys.exit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop the workers, keep what is written, exit 130."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--to", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default="jsonl",
              show_default=True, help="jsonl: chart records; csv/parquet: points + charts tables.")
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="Output file ('-': JSON lines on stdout); a folder with --engine dask.")
@click.option("--errors", "errors_path", metavar="ERRFILE",
              help="JSON lines for inputs that failed, created at the first one "
                   "[default: out.errors.jsonl for out.jsonl, else OUT.errors.jsonl; "
                   "stderr for -o -].")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes [default: one per core].")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help="Give up one input after this long (a 'timeout' error); 0: no limit.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where to run: this machine, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address [default: a 2-worker LocalCluster].")
@click.option("--resume", is_flag=True,
              help="Skip inputs already in OUT or ERRFILE and append the rest.")
@click.option("--overwrite", is_flag=True,
              help="--engine dask: write into a non-empty OUT folder, replacing the part "
                   "files of an earlier run (nothing else there is touched).")
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
          jobs: int | None, timeout: float, engine: str, scheduler: str | None, resume: bool,
          overwrite: bool, globs: tuple[str, ...], text_column: str, id_column: str,
          max_bytes: int, chunk_size: int, quiet: bool) -> None:
    """Convert every description in INPUT... (files, folders, .jsonl/.parquet datasets).

    \b
    Folders are walked recursively for *.md and *.txt (and --glob PATTERN), in sorted
    order; each real file is read once, however many links lead to it. Each row of a
    dataset is one description (--text-column, --id-column).
    Each input gives one record in OUT (its `source` names the input: the path, or
    DATASET#ID; a repeated ID becomes DATASET#ID@ROW) or one line in ERRFILE:
    {"source", "error", "message"}.

    \b
    --resume appends to jsonl and csv output; Parquet output is written whole and
    cannot be resumed (use --to jsonl for long runs that may be interrupted).
    csv and parquet also write a charts table, one row per description, beside OUT
    (out.csv -> out.charts.csv). --engine dask writes OUT as a folder of part files.

    \b
    Exit status: 0 all converted, 1 some inputs failed, 2 usage error,
    130 interrupted (Ctrl-C or SIGTERM: run again with --resume to finish).
    """
    fmt = fmt.lower()
    to_stdout = out == STDOUT
    if errors_path:
        errors: Path | None = Path(errors_path)
    else:
        errors = None if to_stdout else default_errors_path(out, fmt)
    _check_usage(inputs, fmt, out, errors, engine, scheduler, resume, overwrite)
    outputs = tuple(str(p) for p in _output_files(out, errors, fmt, engine))
    options = InputOptions(patterns=DEFAULT_PATTERNS + globs,
                           columns=Columns(text=text_column, id=id_column), outputs=outputs)
    stats = Stats()
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        if engine == "dask":
            _run_dask(inputs, options, fmt, out, errors, scheduler, max_bytes, overwrite,
                      quiet, stats)
        else:
            _run_local(inputs, options, fmt, out, errors, jobs or default_jobs(), max_bytes,
                       chunk_size, timeout, resume, quiet, stats)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not quiet:
        click.echo(stats.summary(), err=True)
    sys.exit(1 if stats.failed or stats.skipped_failed else 0)


def _output_files(out: str, errors: Path | None, fmt: str, engine: str) -> list[Path]:
    files = [] if out == STDOUT else [Path(out)]
    if fmt != "jsonl":
        files.append(charts_path(out, fmt))
    if errors is not None:
        files.append(errors)
    return files


def _check_usage(inputs: tuple[str, ...], fmt: str, out: str, errors: Path | None, engine: str,
                 scheduler: str | None, resume: bool, overwrite: bool) -> None:
    if scheduler and engine != "dask":
        _usage("--scheduler needs --engine dask")
    if overwrite and engine != "dask":
        _usage("--overwrite is for --engine dask (the local engine replaces OUT, or appends "
               "to it with --resume)")
    if resume and engine == "dask":
        _usage("--resume works with the local engine only (the Dask engine rewrites its parts)")
    if resume and fmt == "parquet":
        _usage("--resume cannot append to Parquet files; use --to jsonl or --to csv for "
               "resumable runs")
    if out == STDOUT:
        if fmt != "jsonl" or engine != "local":
            _usage("-o - (standard output) is for --to jsonl with the local engine")
        if resume:
            _usage("--resume needs an output file, not standard output")
    if errors is not None and str(errors) == STDOUT:
        _usage("--errors needs a file name")
    outputs = _output_files(out, errors, fmt, engine)
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
    if engine == "dask":
        from .dask_engine import OutputRefused, check_output

        try:
            check_output(out, fmt, inputs, overwrite)
        except OutputRefused as err:
            _usage(str(err))


def _skip_done(tasks: Iterator[Task], done: set[str], failed: set[str], key: SourceKeys,
               stats: Stats) -> Iterator[Task]:
    for task in tasks:
        known = key(task[1])
        if known in done:
            stats.skipped += 1
        elif known in failed:
            stats.skipped += 1
            stats.skipped_failed += 1
        else:
            yield task


def _run_local(inputs: tuple[str, ...], options: InputOptions, fmt: str, out: str,
               errors: Path | None, jobs: int, max_bytes: int, chunk_size: int,
               timeout: float, resume: bool, quiet: bool, stats: Stats) -> None:
    done: set[str] = set()
    failed_before: set[str] = set()
    if resume:
        assert errors is not None
        try:
            done, failed_before = done_sources(out, errors, fmt)
        except ResumeError as err:
            _usage(str(err))
        except OSError as err:
            _fail(f"cannot read the earlier output to resume: {err}")

    def repeated(dataset: str, n: int) -> None:
        stats.repeated_ids += n
        click.echo(f"chartparse batch: warning: {dataset}: {n} rows repeat an earlier row's "
                   "id; their sources end in @ROW", err=True)

    tasks = iter_tasks(inputs, options, repeated)
    if done or failed_before:
        tasks = _skip_done(tasks, done, failed_before, SourceKeys(fmt), stats)
    progress: Progress = NoProgress()
    if show_progress(quiet):
        total = count_inputs(inputs, options) - len(done) - len(failed_before)
        progress = make_progress(max(0, total))
    try:
        writer = WRITERS[fmt](out, append=resume)
    except ImportError as err:
        _fail(f"--to {fmt} needs pyarrow: pip install 'chartparse[data]' ({err})")
    except OSError as err:
        _fail(f"cannot write output: {err}")
    if errors is not None and not resume and errors.is_file() and not errors.is_symlink():
        try:
            errors.unlink()  # an earlier run's; created again at the first error
        except OSError as err:
            _fail(f"cannot write output: {_reason(err)}")
    error_writer = _StderrErrors() if errors is None else ErrorWriter(errors, append=resume)
    try:
        with progress:
            for results in run_chunks(tasks, fmt, jobs=jobs, max_bytes=max_bytes,
                                      chunk_size=chunk_size, timeout=timeout or None):
                writer.write(results)
                error_writer.write(results)
                failed = sum(1 for result in results if result[2] is not None)
                stats.failed += failed
                stats.converted += len(results) - failed
                progress.advance(len(results))
        writer.close()
        error_writer.close()
    except KeyboardInterrupt as stop:
        writer.abort()
        error_writer.abort()
        why = "terminated (SIGTERM)" if isinstance(stop, Terminated) else "interrupted"
        hint = "" if fmt == "parquet" else "; run again with --resume to finish"
        _fail(f"{why} after {stats.inputs} inputs{hint}", 130)
    except (OSError, BrokenProcessPool) as err:
        writer.abort()
        error_writer.abort()
        hint = "" if fmt == "parquet" or out == STDOUT else "; run again with --resume to finish"
        _fail(f"stopped after {stats.inputs} inputs: {_reason(err)}{hint}")


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        where = f"{err.filename}: " if err.filename else ""
        return f"{where}{err.strerror}"
    return str(err).rstrip(".") or type(err).__name__


class _StderrErrors:
    """Errors as JSON lines on stderr (``-o -`` without ``--errors``)."""

    def write(self, results: list[tuple[str | None, object, tuple[str, str] | None]]) -> None:
        from .writers import error_line

        for source, _, error in results:
            if error is not None:
                sys.stderr.write(error_line(source, *error))
        sys.stderr.flush()

    def close(self) -> None:
        return None

    abort = close


def _run_dask(inputs: tuple[str, ...], options: InputOptions, fmt: str, out: str,
              errors: Path | None, scheduler: str | None, max_bytes: int, overwrite: bool,
              quiet: bool, stats: Stats) -> None:
    from .dask_engine import DaskUnavailable, run_dask

    assert errors is not None
    progress: Progress = NoProgress()
    if show_progress(quiet):
        progress = make_progress(count_inputs(inputs, options))
    try:
        with progress:
            stats.converted, stats.failed = run_dask(
                inputs, options, fmt=fmt, out=out, errors=errors, scheduler=scheduler,
                max_bytes=max_bytes, progress=progress)
    except DaskUnavailable as err:
        _usage(str(err))
    except KeyboardInterrupt as stop:
        why = "terminated (SIGTERM)" if isinstance(stop, Terminated) else "interrupted"
        _fail(f"{why}; the part files in {out} are incomplete (run again with --overwrite)",
              130)
    except (OSError, TimeoutError) as err:
        _fail(f"dask engine: {_reason(err)}")
    except Exception as err:  # raised on a worker (e.g. chartparse missing there)
        _fail(f"dask engine: {type(err).__name__}: {err}")
