"""A per-process cache for functions of one short string.

Keys, headings and data lines repeat across a corpus ('X-Axis', 'Legend', 'Epoch 5'),
so caching their readings pays; long paragraphs rarely repeat and would only hold
memory, so strings longer than ``max_len`` bypass the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")


def text_cache(
    maxsize: int = 65536, max_len: int = 512
) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def wrapper(text: str) -> T:
            if len(text) > max_len:
                return fn(text)
            return cached(text)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
