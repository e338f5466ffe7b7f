"""Per-document memo caches of the extractor, kept apart from what has been read.

Each cache holds answers that depend on a string and on names known so far; they
are emptied when those names change (see :class:`Memo.matched_for`). They live as
long as one document's reading, so nothing here grows across documents.
"""

from __future__ import annotations

from .keys import KeyInfo, key_info


class Memo:
    def __init__(self) -> None:
        self.key_infos: dict[str, KeyInfo] = {}
        self.panel_titles: dict[str, bool] = {}
        self.matched: dict[str, str | None] = {}  # header -> the known name it names
        self.matched_for = 0  # how many names were known when `matched` was filled
        self.capped_lines: set[int | None] = set()  # lines already warned as too long
        # (panel, series name key) -> axis role -> (value, approx, line): one coordinate per
        # keyed line (keyed by name, not id(): an id may be reused once a series is gone)
        self.axis_halves: dict[tuple[str | None, str], dict[str, tuple[int | float, bool, int | None]]] = {}
        self.headings_over_categories: dict[int, int] | None = None  # by level, counted once
        self.has_data_section: bool | None = None  # whether a heading names a data section, sought once
        self.slash_orders: list[tuple[int, list[str]]] | None = None  # '(A / B / C)' lines, sought once
        self.name_lists: dict[int, list[str]] | None = None  # 'Categories: A, B, C' lines, sought once

    def key_info(self, key: str) -> KeyInfo:
        # Kept per document as well as process-wide: a long description can hold more
        # distinct keys than the shared cache, and both passes ask for every one.
        info = self.key_infos.get(key)
        if info is None:
            info = self.key_infos[key] = key_info(key)
        return info

    def names_known(self, count: int) -> None:
        """Forget matches made when fewer names were known."""
        if count != self.matched_for:
            self.matched.clear()
            self.matched_for = count

    def new_pass(self) -> None:
        """Panel names listed up front are all known after pass 1: re-ask every title."""
        self.panel_titles.clear()
        self.matched.clear()
