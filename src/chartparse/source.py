"""Stage 1: turn bytes or text into clean, line-true text.

Everything later relies on line numbers that match the original file, so every
cleaning step here keeps the number of lines unchanged.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ChartParseError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_BINARY_SNIFF = 8192
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class SourceNote:
    """Something the source stage noticed, reported later as a diagnostic."""

    code: str
    message: str
    line: int | None = None


@dataclass(slots=True)
class Source:
    text: str
    notes: list[SourceNote] = field(default_factory=list)
    path: str | None = None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first block mean a binary file (images, archives, UTF-16)."""
    return b"\x00" in data[:_BINARY_SNIFF]


def decode(data: bytes) -> Source:
    """Decode UTF-8 (with or without BOM), replacing what cannot be decoded."""
    notes: list[SourceNote] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        line = data[: err.start].count(b"\n") + 1
        notes.append(
            SourceNote(
                "invalid-utf8",
                f"bytes that are not UTF-8 were replaced with U+FFFD (first at byte {err.start})",
                line,
            )
        )
    source = from_text(text)
    source.notes[:0] = notes
    return source


def from_text(text: str) -> Source:
    """Normalise text: BOM, CR/LF, a literal leading ``\\n`` written by some models."""
    notes: list[SourceNote] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Some models start with the two characters backslash and n on a line of their
    # own; blank the line rather than dropping it so line numbers stay true.
    head, sep, rest = text.partition("\n")
    if head.strip() == "\\n":
        text = sep + rest if sep else ""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if not text.isascii():
        text = _without_lone_surrogates(text, notes)
    return Source(text=text, notes=notes)


def _without_lone_surrogates(text: str, notes: list[SourceNote]) -> str:
    """Lone surrogates (``"\\ud800"`` in a JSON string) cannot be written as UTF-8: every
    encoder would fail on them later. Replace them with U+FFFD here, once, and say so."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError as err:
        line = text.count("\n", 0, err.start) + 1
    notes.append(SourceNote("invalid-utf8", "lone surrogate code points were replaced with "
                            "U+FFFD", line))
    return _SURROGATE.sub("\ufffd", text)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file, raising ChartParseError with a one-line reason when it can't be."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise ChartParseError(f"{name}: no such file", path=name, code="missing")
    if p.is_dir():
        raise ChartParseError(f"{name}: is a directory, not a file", path=name, code="directory")
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or a device would block, or never end: refuse it before opening.
            raise ChartParseError(f"{name}: not a regular file (a pipe or a device)",
                                  path=name, code="not-a-file")
        size = st.st_size
        if size > max_bytes:
            raise ChartParseError(
                f"{name}: file is {size} bytes, over the limit of {max_bytes} (--max-bytes)",
                path=name,
                code="too-large",
            )
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except ChartParseError:
        raise
    except OSError as err:
        reason = err.strerror or str(err)
        raise ChartParseError(f"{name}: cannot read: {reason}", path=name, code="unreadable") from None
    if len(data) > max_bytes:
        raise ChartParseError(
            f"{name}: over the limit of {max_bytes} bytes (--max-bytes)", path=name, code="too-large"
        )
    if looks_binary(data):
        raise ChartParseError(f"{name}: binary file, not a text description", path=name, code="binary")
    source = decode(data)
    source.path = name
    return source
