"""Stage 5: writers. Each format is one entry in ``FORMATS``; the CLI lists them from here.

A writer takes a Chart and returns text (or bytes for binary formats). Heavy
dependencies (pandas, pyarrow, matplotlib) are imported inside the writer that
needs them, never at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Chart


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    write: Callable[[Chart], str | bytes]
    binary: bool = False
    extension: str = ""
    help: str = ""


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> None:
    FORMATS[fmt.name] = fmt


def _json(chart: Chart) -> str:
    return chart.to_json(indent=2) + "\n"


def _jsonl(chart: Chart) -> str:
    return chart.to_json(indent=None) + "\n"


def _csv(chart: Chart) -> str:
    from .table import points_csv

    return points_csv(chart)


register(Format("json", _json, extension=".json", help="the chart as one JSON document"))
register(Format("jsonl", _jsonl, extension=".jsonl", help="one compact JSON object per line"))
register(Format("csv", _csv, extension=".csv", help="tidy points table, one row per point"))


def write(chart: Chart, fmt: str) -> str | bytes:
    try:
        return FORMATS[fmt].write(chart)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
