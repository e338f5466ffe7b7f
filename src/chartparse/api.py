"""The library API: ``parse``, ``parse_file``, ``parse_bytes``."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .blocks import parse_lines
from .errors import ChartParseError
from .extract import extract_lines, to_dict
from .lost_values import warn_lost_values
from .models import Chart, Diagnostic, chart_from_data
from .source import DEFAULT_MAX_BYTES, Source, decode, from_text, read_path

# Inputs shorter than this are read with the collector running: pausing it gains nothing
# measurable there, and a threaded caller parsing many small texts keeps it.
PAUSE_COLLECTOR_FROM_CHARS = 64 * 1024

_pause_lock = threading.Lock()
_pausing = 0  # reads in progress that asked for the pause
_paused_by_us = False


@contextmanager
def _collector_paused(size: int) -> Iterator[None]:
    """Pause the cyclic garbage collector while a long description is read.

    Reading makes objects that hold no reference cycles and live until the chart is
    built, so reference counting frees them all; but on a long input (a 1 MB table is
    100k points) the collector's passes over the growing heap took 40% of the time and
    grew faster than the input. Overlapping reads in several threads share one pause,
    which ends with the last of them; a collector that was off when the pause began
    stays off.
    """
    global _pausing, _paused_by_us
    if size < PAUSE_COLLECTOR_FROM_CHARS:
        yield
        return
    with _pause_lock:
        if _pausing == 0 and gc.isenabled():
            gc.disable()
            _paused_by_us = True
        _pausing += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausing -= 1
            if _pausing == 0 and _paused_by_us:
                _paused_by_us = False
                gc.enable()


def parse_source(source: Source) -> Chart:
    """Read a :class:`~chartparse.source.Source` (text already decoded and cleaned)."""
    with _collector_paused(len(source.text)):
        return _read(source)


def _read(source: Source) -> Chart:
    try:
        lines, grammar_error = parse_lines(source.text)
        draft = extract_lines(lines, source.text)
        warn_lost_values(draft, source.text)
        del lines  # a long text's lines and outline need not stay alive while models are built
        for note in source.notes:
            if note.code == "invalid-utf8":
                draft.warn(note.code, note.message, note.line)
        if grammar_error:
            draft.error("grammar-fallback", f"block grammar failed, read as plain lines: {grammar_error}")
        if not source.text.strip():
            draft.warn("empty-input", "the description is empty")
        data = to_dict(draft)
        del draft
        data["source"] = source.path
        return chart_from_data(data)
    except RecursionError:
        return _failed(source, "input nests too deeply to read")
    except Exception as err:
        return _failed(source, f"internal error while reading: {type(err).__name__}: {err}")


def _failed(source: Source, message: str) -> Chart:
    return Chart(
        kind="other",
        source=source.path,
        diagnostics=[Diagnostic(severity="error", code="internal-error", message=message)],
    )


def parse(text: str, *, source: str | None = None) -> Chart:
    """Read one description. Never raises for a ``str``: problems become diagnostics."""
    if isinstance(text, bytes | bytearray):
        src = decode(bytes(text))
    elif isinstance(text, str):
        src = from_text(text)
    else:
        raise TypeError(f"parse() takes text (str), not {type(text).__name__}")
    src.path = _printable(source)
    return parse_source(src)


def _printable(source: str | None) -> str | None:
    """A source name that every writer can encode (lone surrogates escaped)."""
    if source is None or source.isascii():
        return source
    return source.encode("utf-8", "backslashreplace").decode("utf-8")


def parse_bytes(data: bytes, *, source: str | None = None) -> Chart:
    """Read a description from bytes (UTF-8; undecodable bytes are replaced and reported)."""
    src = decode(data)
    src.path = _printable(source)
    return parse_source(src)


def parse_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Chart:
    """Read a description file.

    Raises :class:`ChartParseError` (a ``ValueError``) when the file is missing, a
    directory, unreadable, binary or larger than ``max_bytes``.
    """
    try:
        source = read_path(Path(path), max_bytes=max_bytes)
    except ChartParseError as err:
        raise _library_message(err) from None
    return parse_source(source)


def _library_message(err: ChartParseError) -> ChartParseError:
    """The error in the library's words: the size limit is the ``max_bytes`` argument here,
    not the command line's ``--max-bytes`` flag that the reader's message names."""
    message = str(err)
    if "--max-bytes" not in message:
        return err
    message = message.replace("(--max-bytes)", "(the max_bytes argument)")
    return ChartParseError(message, path=err.path, code=err.code)


__all__ = ["ChartParseError", "parse", "parse_bytes", "parse_file", "parse_source"]
