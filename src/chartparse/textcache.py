"""A per-process cache for functions of one short string.

Keys, headings and data lines repeat across a corpus ('X-Axis', 'Legend', 'Epoch 5'),
so caching their readings pays; long paragraphs rarely repeat and would only hold
memory, so strings longer than ``max_len`` bypass the cache.

The cache is a plain dict emptied when it fills, not an LRU: a hit is one dict lookup
(these functions run for nearly every line, and LRU bookkeeping cost more than the
lookup), and a corpus's common strings are back after a few descriptions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_MISSING: object = object()


class TextCache(Generic[T]):
    """``fn`` with its results for short strings remembered; see :func:`text_cache`."""

    def __init__(self, fn: Callable[[str], T], maxsize: int, max_len: int) -> None:
        self.__wrapped__ = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__
        self.__qualname__ = fn.__qualname__
        self._maxsize = maxsize
        self._max_len = max_len
        self._memo: dict[str, T] = {}

    def __call__(self, text: str) -> T:
        if len(text) > self._max_len:
            return self.__wrapped__(text)
        memo = self._memo
        found = memo.get(text, _MISSING)  # (not try/except KeyError: a raised miss is slow compiled)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = self.__wrapped__(text)
        if len(memo) >= self._maxsize:
            memo.clear()
        memo[text] = value
        return value

    def cache_clear(self) -> None:
        self._memo.clear()


def text_cache(maxsize: int = 65536, max_len: int = 512) -> Callable[[Callable[[str], T]], TextCache[T]]:
    def decorate(fn: Callable[[str], T]) -> TextCache[T]:
        return TextCache(fn, maxsize, max_len)

    return decorate
