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


def test_a_full_cache_starts_over_and_stays_bounded() -> None:
    calls: list[str] = []

    @text_cache(maxsize=2, max_len=10)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    for text in ("a", "b", "a", "c", "a"):
        shout(text)
    # 'c' arrived with the cache full, so it was emptied: the last 'a' is computed again
    # (an LRU would have kept 'a', used just before, and dropped 'b').
    assert calls == ["a", "b", "c", "a"]
    assert len(shout._memo) <= 2


def test_a_none_result_is_remembered_too() -> None:
    calls: list[str] = []

    @text_cache(maxsize=8, max_len=10)
    def nothing(text: str) -> None:
        calls.append(text)

    nothing("x")
    nothing("x")
    assert calls == ["x"]


def test_cache_clear_forgets_and_the_wrapped_function_stays_reachable() -> None:
    calls: list[str] = []

    @text_cache(maxsize=8, max_len=10)
    def shout(text: str) -> str:
        """Upper case."""
        calls.append(text)
        return text.upper()

    shout("a")
    shout.cache_clear()
    shout("a")
    assert calls == ["a", "a"]
    assert shout.__wrapped__("b") == "B"
    assert shout.__doc__ == "Upper case."
    assert shout.__name__ == "shout"
