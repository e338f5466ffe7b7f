"""The string cache keeps short texts and lets long ones through uncached."""

from __future__ import annotations

from chartparse.textcache import text_cache


def test_short_strings_are_computed_once() -> None:
    calls: list[str] = []

    @text_cache(maxsize=8, max_len=10)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("axis") == "AXIS"
    assert shout("axis") == "AXIS"
    assert calls == ["axis"]


def test_long_strings_bypass_the_cache() -> None:
    calls: list[str] = []

    @text_cache(maxsize=8, max_len=10)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    long_text = "x" * 11
    shout(long_text)
    shout(long_text)
    assert calls == [long_text, long_text]
