"""``chartparse validate PATH...``: diagnostics, lint style (options modelled on ruff).

Text output, one line per diagnostic (stdout)::

    FILE:LINE: SEVERITY CODE MESSAGE
    FILE: SEVERITY CODE MESSAGE          (diagnostics about the whole file have no line)

A PATH may be a folder: it is walked as ``chartparse batch`` walks one (recursively, sorted,
``*.md`` and ``*.txt``). A file that cannot be read is reported the same way (``error missing
...``, ``error binary ...``) and the other files are still checked. ``--select CODE`` keeps
only those diagnostic codes, ``--ignore CODE`` drops them (both repeatable or comma-separated).
``--format json`` prints JSON Lines: one object per file and line, ``{"file", "ok", "error",
"error_code", "diagnostics": [{severity, code, message, line}]}``. A summary goes to stderr.
Exit status: 0 when every file is clean (or with ``--exit-zero``), 1 when any file has a
diagnostic left after filtering or could not be read, 2 for usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import click

from .errors import ChartParseError
from .source import DEFAULT_MAX_BYTES


@dataclass(slots=True)
class FileReport:
    file: str
    diagnostics: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    error_code: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.diagnostics

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "ok": self.ok, "error": self.error,
                "error_code": self.error_code, "diagnostics": self.diagnostics}

    def lines(self) -> list[str]:
        if self.error is not None:
            return [f"{self.file}: error {self.error_code} {self.error}"]
        out = []
        for d in self.diagnostics:
            where = f"{self.file}:{d['line']}:" if d.get("line") else f"{self.file}:"
            out.append(f"{where} {d['severity']} {d['code']} {_one_line(d['message'])}")
        return out


def check(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FileReport:
    """Read one file ('-' for stdin) and collect its diagnostics; never raises for bad input."""
    from .api import parse_bytes, parse_source
    from .source import looks_binary, read_path

    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ChartParseError(f"over the limit of {max_bytes} bytes", code="too-large")
            if looks_binary(data):
                raise ChartParseError("binary data, not a text description", code="binary")
            chart = parse_bytes(data, source=name)
        else:
            chart = parse_source(read_path(path, max_bytes=max_bytes))  # errors name --max-bytes
    except ChartParseError as err:
        message = str(err)
        if message.startswith(f"{name}: "):
            message = message[len(name) + 2:]
        return FileReport(name, error=message, error_code=err.code)
    return FileReport(name, [d.model_dump(mode="json") for d in chart.diagnostics])


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _codes(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(code.strip() for value in values for code in value.split(",") if code.strip())


def keep(report: FileReport, select: frozenset[str], ignore: frozenset[str]) -> FileReport:
    """The report with only the selected, not ignored diagnostic codes (read errors stay)."""
    report.diagnostics = [d for d in report.diagnostics
                          if (not select or d["code"] in select) and d["code"] not in ignore]
    return report


def expand(paths: Iterable[str]) -> Iterator[str | FileReport]:
    """Each path, with folders replaced by the files batch would read in them (in its order).

    A folder that cannot be listed becomes a report of its own.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        from .batch.inputs import InputOptions, iter_entries
        from .batch.tasks import ERROR

        for kind, source, payload in iter_entries([path], InputOptions()):
            name = source or path
            if kind == ERROR:
                code, message = payload
                prefix = f"{name}: "
                yield FileReport(name, error=message[len(prefix):] if message.startswith(prefix)
                                 else message, error_code=code)
            else:
                yield name


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text: one lint-style line per diagnostic; json: one JSON object per file and line.")
@click.option("--select", multiple=True, metavar="CODE",
              help="Report only these diagnostic codes (repeat or comma-separate).")
@click.option("--ignore", multiple=True, metavar="CODE",
              help="Do not report these diagnostic codes (repeat or comma-separate).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when diagnostics are found (usage errors still exit 2).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Refuse inputs larger than this.")
def validate(files: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
             exit_zero: bool, max_bytes: int) -> None:
    """Check descriptions (files or folders) and print their diagnostics.

    Exit 1 if any file has a diagnostic left after --select/--ignore, or cannot be read.
    """
    selected, ignored = _codes(select), _codes(ignore)
    reports = []
    for item in expand(files):
        report = item if isinstance(item, FileReport) else check(item, max_bytes=max_bytes)
        reports.append(keep(report, selected, ignored))
        if fmt == "json":
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            for line in report.lines():
                click.echo(line)
    click.echo(_summary(reports), err=True)
    sys.exit(0 if exit_zero or all(r.ok for r in reports) else 1)


def _summary(reports: list[FileReport]) -> str:
    counts = {"warning": 0, "error": 0}
    for r in reports:
        for d in r.diagnostics:
            counts[d["severity"]] = counts.get(d["severity"], 0) + 1
    unreadable = sum(1 for r in reports if r.error is not None)
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''} checked"
    if not (counts["warning"] or counts["error"] or unreadable):
        return f"{files}: no problems"
    parts = [f"{counts['warning']} warning(s)", f"{counts['error']} error(s)"]
    if unreadable:
        parts.append(f"{unreadable} unreadable")
    return f"{files}: " + ", ".join(parts)
