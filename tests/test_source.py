"""Stage 1 (chartparse.source): bytes or text -> clean text with true line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartparse.errors import ChartParseError
from chartparse.source import decode, from_text, looks_binary, read_path


def test_utf8_bom_is_stripped_from_bytes() -> None:
    source = decode(b"\xef\xbb\xbf## Bar Chart: Yields\n")
    assert source.text == "## Bar Chart: Yields\n"
    assert source.notes == []


def test_bom_character_is_stripped_from_text() -> None:
    assert from_text("\ufeff# Title\n").text == "# Title\n"


def test_crlf_and_lone_cr_become_lf_and_keep_the_line_count() -> None:
    raw = "# Title\r\n* a: 1\r* b: 2\r\n\r\nlast\r"
    text = from_text(raw).text
    assert "\r" not in text
    assert text == "# Title\n* a: 1\n* b: 2\n\nlast\n"
    # CRLF counts once, a lone CR counts once: five line breaks either way.
    assert text.count("\n") == 5


def test_crlf_from_bytes() -> None:
    assert decode(b"a\r\nb\r\n").text == "a\nb\n"


def test_literal_backslash_n_first_line_is_blanked_not_dropped() -> None:
    source = from_text("\\n\n## Line Chart: Speed\n* 10 s: 4\n")
    lines = source.text.split("\n")
    assert lines[0] == ""
    # The heading stays on line 2 and the item on line 3, as in the original file.
    assert lines[1] == "## Line Chart: Speed"
    assert lines[2] == "* 10 s: 4"
    # A harmless habit of some models: blanked silently, never reported.
    assert source.notes == []


def test_backslash_n_inside_a_later_line_is_kept() -> None:
    source = from_text("# Title\nthe text \\n stays\n")
    assert source.text == "# Title\nthe text \\n stays\n"
    assert source.notes == []


def test_plain_text_has_no_notes() -> None:
    source = from_text("# Title\n* a: 1\n")
    assert source.text == "# Title\n* a: 1\n"
    assert source.notes == []


def test_undecodable_bytes_are_replaced_and_reported_with_their_line() -> None:
    source = decode(b"# Title\n* ok: 1\n* bad \xff\xfe value: 2\n* after: 3\n")
    assert "\ufffd" in source.text
    assert source.text.count("\n") == 4
    assert source.text.split("\n")[3] == "* after: 3"
    notes = [n for n in source.notes if n.code == "invalid-utf8"]
    assert len(notes) == 1
    assert notes[0].line == 3
    assert "U+FFFD" in notes[0].message


def test_invalid_utf8_on_the_first_line() -> None:
    source = decode(b"\x80 title\n")
    assert source.notes[0].code == "invalid-utf8"
    assert source.notes[0].line == 1


def test_nul_characters_in_text_are_replaced() -> None:
    source = from_text("# Title\n* a\x00b: 1\n")
    assert "\x00" not in source.text
    assert source.text == "# Title\n* a\ufffdb: 1\n"


def test_looks_binary_on_nul_bytes() -> None:
    assert looks_binary(b"PK\x03\x04\x00\x00")
    assert not looks_binary(b"# plain text\n")


# -- read_path -------------------------------------------------------------------


def _assert_one_line(err: ChartParseError, path: Path, code: str) -> None:
    message = str(err)
    assert "\n" not in message
    assert str(path) in message
    assert err.code == code
    assert err.path == str(path)


def test_read_path_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "chart.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\r\n* a: 1\r\n")
    source = read_path(path)
    assert source.text == "# Title\n* a: 1\n"
    assert source.path == str(path)


def test_read_path_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.md"
    with pytest.raises(ChartParseError) as info:
        read_path(path)
    _assert_one_line(info.value, path, "missing")


def test_read_path_directory(tmp_path: Path) -> None:
    with pytest.raises(ChartParseError) as info:
        read_path(tmp_path)
    _assert_one_line(info.value, tmp_path, "directory")


def test_read_path_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ChartParseError) as info:
        read_path(path)
    _assert_one_line(info.value, path, "binary")


def test_read_path_utf16_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "utf16.md"
    path.write_bytes("# Title\n".encode("utf-16"))
    with pytest.raises(ChartParseError) as info:
        read_path(path)
    assert info.value.code == "binary"


def test_read_path_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("x" * 101, encoding="utf-8")
    with pytest.raises(ChartParseError) as info:
        read_path(path, max_bytes=100)
    _assert_one_line(info.value, path, "too-large")


def test_read_path_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.md"
    path.write_text("x" * 100, encoding="utf-8")
    assert read_path(path, max_bytes=100).text == "x" * 100


def test_chart_parse_error_is_a_value_error() -> None:
    assert issubclass(ChartParseError, ValueError)
