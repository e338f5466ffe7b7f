"""The progress bar (rich, on stderr, only when stderr is a terminal) and the summary line."""

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


def show_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()
