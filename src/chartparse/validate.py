"""``chartparse validate FILE...``: diagnostics, lint style.

Text output, one line per diagnostic (stdout)::

    FILE:LINE: SEVERITY CODE MESSAGE
    FILE: SEVERITY CODE MESSAGE          (diagnostics about the whole file have no line)

A file that cannot be read is reported the same way (``error missing ...``, ``error binary
...``) and the other files are still checked. ``--format json`` prints one JSON array with
an object per file: ``{"file", "ok", "error", "error_code", "diagnostics": [{severity,
code, message, line}]}``. A summary goes to stderr. Exit status: 0 when every file is clean, 1 when any
file has a warning or an error or could not be read, 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
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
    from .api import parse_bytes, parse_file
    from .source import looks_binary

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
            chart = parse_file(path, max_bytes=max_bytes)
    except ChartParseError as err:
        message = str(err)
        if message.startswith(f"{name}: "):
            message = message[len(name) + 2:]
        return FileReport(name, error=message, error_code=err.code)
    return FileReport(name, [d.model_dump(mode="json") for d in chart.diagnostics])


def _one_line(text: str) -> str:
    return " ".join(text.split())


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one lint-style line per diagnostic; json: machines.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Refuse inputs larger than this.")
def validate(files: tuple[str, ...], fmt: str, max_bytes: int) -> None:
    """Check descriptions and print their diagnostics (exit 1 if any file has one)."""
    reports = [check(path, max_bytes=max_bytes) for path in files]
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False))
    else:
        for report in reports:
            for line in report.lines():
                click.echo(line)
    click.echo(_summary(reports), err=True)
    sys.exit(0 if all(r.ok for r in reports) else 1)


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
