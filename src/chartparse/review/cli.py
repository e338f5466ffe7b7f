"""``chartparse review INPUT... -o OUT``: audit pages showing what was read from each text.

Exit status: 0 every input has its page; 1 some input could not be read (the others still
get their pages, and the index lists the failures) or OUT could not be written, or an
optional dependency is missing; 2 usage error.
"""

from __future__ import annotations

import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from ..source import DEFAULT_MAX_BYTES

PAGE_SUFFIXES = (".html", ".htm")


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"chartparse review: {message}", err=True)
    sys.exit(code)


@click.command("review")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="A .html file (one page for all inputs) or a folder (a site).")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for a site [default: one per core].")
@click.option("--no-plot", is_flag=True, help="Leave out the re-plot.")
@click.option("--plot", "plotter", type=click.Choice(["svg", "matplotlib"]), default="svg",
              show_default=True,
              help="Who draws the re-plot: chartparse's own SVG (fast, light pages) or "
                   "matplotlib (the --to svg figure; about 0.3 s a page; needs chartparse[plot]).")
@click.option("--title", metavar="TEXT", help="Page (or index) title.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Inputs larger than this are refused.")
def review(inputs: tuple[str, ...], out: str, jobs: int | None, no_plot: bool, plotter: str,
           title: str | None, max_bytes: int) -> None:
    """Write HTML showing, beside each description, what chartparse read from it.

    \b
    chartparse review FILE... -o review.html   one self-contained page
    chartparse review DIR/ -o site/            index.html (worst first) + one page each

    Every number in the text is marked: claimed by a rule (green, with its role and rule),
    rejected on purpose (grey) or unclaimed (orange). Clicking a number, a table cell or a
    plotted point highlights the other two. Pages need no network. INPUT may be files,
    folders (walked for *.md, *.txt) or .jsonl/.parquet datasets, as for `chartparse batch`,
    or the .jsonl output of `chartparse batch` (its records' source files are read again).
    """
    from ..batch.engine import default_jobs
    from ..batch.inputs import InputOptions
    from .inputs import review_tasks
    from .render import ReviewUnavailable, environment
    from .site import Options, build_site, single_page

    try:
        environment()
    except ReviewUnavailable as err:
        _fail(str(err))
    if plotter == "matplotlib" and not no_plot:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            _fail("--plot matplotlib needs matplotlib: pip install 'chartparse[plot]'")
    options = Options(with_plot=not no_plot, plotter=plotter, max_bytes=max_bytes)
    tasks = review_tasks(inputs, InputOptions())
    target = Path(out)
    if target.suffix.lower() in PAGE_SUFFIXES:
        html, failures = single_page(tasks, options, title or "chartparse review")
        from ..output import write_atomic

        try:
            write_atomic(target, html)
        except OSError as err:
            _fail(f"{out}: cannot write: {err.strerror or err}")
        pages = None
    else:
        if target.exists() and not target.is_dir():
            _fail(f"{out}: exists and is not a folder (name a .html file for one page)", 2)
        try:
            pages, failures = build_site(tasks, target, options, jobs=jobs or default_jobs(),
                                         title=title or "chartparse review")
        except OSError as err:
            _fail(f"{out}: cannot write: {err.strerror or err}")
        except BrokenProcessPool:
            _fail("a worker process died (out of memory?); try fewer --jobs")
    for failure in failures:
        click.echo(f"chartparse review: {failure['message']}", err=True)
    where = str(target / "index.html") if pages is not None else str(target)
    click.echo(f"chartparse review: wrote {where}"
               + (f" ({pages} pages)" if pages is not None else "")
               + (f"; {len(failures)} input{'s' if len(failures) > 1 else ''} could not be read"
                  if failures else ""), err=True)
    sys.exit(1 if failures else 0)
