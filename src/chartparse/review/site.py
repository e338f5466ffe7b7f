"""Building review pages: one page for a few inputs, or a site (index + one page each).

Inputs are read as ``chartparse batch`` reads them (files, folders walked recursively,
.jsonl/.parquet datasets). A site is built in parallel: each worker process explains,
plots and writes its pages itself and sends back only the index rows, so nothing large
crosses a process boundary, and at most ``jobs * WINDOW`` chunks are in flight.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..batch.tasks import ERROR, PATH, Task
from ..errors import ChartParseError
from ..source import Source, from_text, read_path
from .render import add_plot, index_html, page_html
from .view import DocView, build_view

WINDOW = 4
CHUNK = 8
PAGES = "pages"


@dataclass(frozen=True, slots=True)
class Options:
    with_plot: bool = True
    plotter: str = "svg"  # or "matplotlib"
    max_bytes: int = 10 * 1024 * 1024


def review_source(source: Source, key: str, options: Options) -> DocView:
    """Explain one description and build its page data (the re-plot included)."""
    from ..explain import explain_text

    name = source.path or "<text>"
    try:
        explanation = explain_text(source.text, source=name)
    except RecursionError:
        raise ChartParseError(f"{name}: input nests too deeply to read", path=name,
                              code="too-deep") from None
    except Exception as err:  # a bug must cost this input's page, never the run
        raise ChartParseError(f"{name}: internal error while explaining: {type(err).__name__}: "
                              f"{err}", path=name, code="internal-error") from err
    view = build_view(explanation, key, name)
    add_plot(view, explanation.chart, options.with_plot, options.plotter)
    return view


def read_task(task: Task, max_bytes: int) -> Source:
    """The description a task names; raises ChartParseError with a one-line reason."""
    kind, source, payload = task
    if kind == ERROR:
        code, message = payload
        raise ChartParseError(message, path=source, code=code)
    if kind == PATH:
        assert source is not None
        if os.path.exists(source) and not (os.path.isfile(source) or os.path.isdir(source)):
            raise ChartParseError(f"{source}: not a regular file", path=source, code="not-a-file")
        return read_path(source, max_bytes=max_bytes)
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    if len(text.encode("utf-8")) > max_bytes:
        raise ChartParseError(f"{source}: over the limit of {max_bytes} bytes (--max-bytes)",
                              path=source, code="too-large")
    src = from_text(text)
    src.path = source
    return src


# -- one page --------------------------------------------------------------------------

def single_page(tasks: Iterable[Task], options: Options, title: str) -> tuple[str, list[dict]]:
    """The HTML of one page holding every readable input, and the failures."""
    views: list[DocView] = []
    failures: list[dict[str, str]] = []
    for number, task in enumerate(tasks):
        try:
            views.append(review_source(read_task(task, options.max_bytes), f"d{number}", options))
        except ChartParseError as err:
            failures.append({"source": str(task[1]), "message": str(err)})
    return page_html(views, title=title), failures


# -- a site ----------------------------------------------------------------------------

def build_site(tasks: Iterable[Task], out: Path, options: Options, *, jobs: int,
               title: str) -> tuple[int, list[dict[str, str]]]:
    """Write ``out/index.html`` and ``out/pages/*.html``; return (pages, failures)."""
    (out / PAGES).mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    numbered = enumerate(tasks)
    for results in _run(numbered, out, options, jobs):
        for row, failure in results:
            if row is not None:
                rows.append(row)
            if failure is not None:
                failures.append(failure)
    rows.sort(key=worst_first)
    from ..output import write_atomic

    write_atomic(out / "index.html", index_html(rows, failures, title=title))
    return len(rows), failures


def worst_first(row: dict[str, Any]) -> tuple:
    return (-row["errors"], -row["unclaimed"], -row["unlinked_points"], -row["warnings"],
            row["source"])


Job = tuple[list[tuple[int, Task]], str, Options]
Outcome = tuple[dict[str, Any] | None, dict[str, str] | None]


def _run(numbered: Iterator[tuple[int, Task]], out: Path, options: Options,
         jobs: int) -> Iterator[list[Outcome]]:
    chunks = iter(lambda: list(islice(numbered, CHUNK)), [])
    if jobs <= 1:
        for chunk in chunks:
            yield build_chunk((chunk, str(out), options))
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        in_flight: deque[Future[list[Outcome]]] = deque()
        for chunk in chunks:
            in_flight.append(pool.submit(build_chunk, (chunk, str(out), options)))
            if len(in_flight) >= jobs * WINDOW:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


def build_chunk(job: Job) -> list[Outcome]:
    """Runs in a worker: write each input's page, return its index row (or its failure)."""
    chunk, out, options = job
    return [_build_one(number, task, Path(out), options) for number, task in chunk]


def _build_one(number: int, task: Task, out: Path, options: Options) -> Outcome:
    source = str(task[1])
    try:
        view = review_source(read_task(task, options.max_bytes), f"d{number}", options)
        href = f"{PAGES}/{page_name(number, source)}"
        _write_page(out / href, page_html([view], title=view.title or source,
                                          index_href="../index.html"))
    except ChartParseError as err:
        return None, {"source": source, "message": str(err)}
    except OSError as err:
        return None, {"source": source, "message": f"cannot write its page: {err}"}
    except Exception as err:  # a bug must cost one page, not the site
        return None, {"source": source, "message": f"internal error: {type(err).__name__}: {err}"}
    return {**view.summary(), "href": href}, None


def _write_page(target: Path, html: str) -> None:
    """Write a page in place: no fsync and no temp-and-rename (each cost 4 ms a page here,
    a fifth of a site's build). A page cut short by a crash is never listed: the index,
    written whole and last, names only the pages that were finished."""
    target.write_text(html, encoding="utf-8")


def page_name(number: int, source: str) -> str:
    """``00042-name.html``: unique by number, readable by name, safe on every file system."""
    base = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in base)
    return f"{number:05d}-{safe[:60] or 'description'}.html"
