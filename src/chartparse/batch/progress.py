"""Progress on stderr (only when it is a terminal) and the summary line.

The bar is drawn by rich (the ``progress`` extra); without rich, a plain line
``converting N/TOTAL (R desc/s)`` is rewritten in place at most twice a second.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass(slots=True)
class Stats:
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    skipped_failed: int = 0
    repeated_ids: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def inputs(self) -> int:
        return self.converted + self.failed

    def summary(self) -> str:
        seconds = max(time.perf_counter() - self.started, 1e-9)
        line = (f"chartparse batch: {self.inputs} inputs, {self.converted} converted, "
                f"{self.failed} failed in {seconds:.1f} s "
                f"({self.inputs / seconds:.1f} descriptions/s)")
        if self.skipped:
            line += (f"; {self.skipped} already done (--resume), "
                     f"{self.skipped_failed} of them failed")
        if self.repeated_ids:
            line += f"; {self.repeated_ids} repeated dataset ids made unique (ID@ROW)"
        return line


class NoProgress:
    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, n: int) -> None:
        return None


class BarProgress:
    """A rich progress bar with a count, a rate (descriptions/s) and an ETA."""

    def __init__(self, total: int | None, stream: IO[str] | None = None,
                 force_terminal: bool | None = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text("? desc/s" if speed is None else f"{speed:,.0f} desc/s")

        console = Console(file=stream or sys.stderr, force_terminal=force_terminal)
        self.progress = Progress(
            TextColumn("converting"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console, transient=False,
        )
        self.task = self.progress.add_task("batch", total=total)

    def __enter__(self) -> BarProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def advance(self, n: int) -> None:
        self.progress.advance(self.task, n)


class PlainProgress:
    """A one-line count and rate, for when rich is not installed."""

    def __init__(self, total: int | None, stream: IO[str] | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = self.shown = time.perf_counter()

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._show()
        self.stream.write("\n")
        self.stream.flush()

    def advance(self, n: int) -> None:
        self.done += n
        if time.perf_counter() - self.shown >= 0.5:
            self._show()

    def _show(self) -> None:
        self.shown = time.perf_counter()
        rate = self.done / max(self.shown - self.started, 1e-9)
        total = "" if self.total is None else f"/{self.total}"
        self.stream.write(f"\rconverting {self.done}{total} ({rate:,.0f} desc/s)")
        self.stream.flush()


Progress = BarProgress | PlainProgress | NoProgress


def make_progress(total: int | None) -> BarProgress | PlainProgress:
    """The rich bar when rich is installed, else the plain line."""
    try:
        return BarProgress(total)
    except ImportError:
        return PlainProgress(total)


def show_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()
