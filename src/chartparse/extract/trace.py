"""Provenance while reading: which rule claimed each line, and which rule is running.

Rules run nested (a header rule reads the lines under it), so the running rule is a
stack kept by :meth:`Trace.enter` / :meth:`Trace.leave`; whatever a rule creates
(a series, a panel, a legend entry, an axis) is stamped with ``Trace.current``.
"""

from __future__ import annotations


class Trace:
    def __init__(self) -> None:
        self.lines: dict[int, str] = {}  # source line -> the first rule that claimed it
        self.summaries: dict[int, list[tuple[float, str]]] = {}  # see reading_log.py
        # points read again where the series holds them already ('Key Points' restating
        # the trend sentence): line -> (x, y, rule), for explain's account
        self.repeats: dict[int, list[tuple[int | float | str, int | float, str]]] = {}
        # x values a rule read on a line whose points sit on other lines (a table's header
        # cells, a header 'Epoch 10:'): line -> (x, rule), for explain's account
        self.xs: dict[int, list[tuple[float, str]]] = {}
        self.current: str | None = None
        self._stack: list[str | None] = []

    def enter(self, rule: str) -> None:
        self._stack.append(self.current)
        self.current = rule

    def leave(self) -> None:
        self.current = self._stack.pop() if self._stack else None

    def read_x(self, line: int | None, x: object, rule: str) -> None:
        """Record a numeric x read on ``line`` for points stated elsewhere."""
        if line is not None and isinstance(x, int | float) and not isinstance(x, bool):
            self.xs.setdefault(line, []).append((float(x), rule))

    def claim(self, line: int | None, rule: str) -> None:
        if line is not None and line not in self.lines:
            self.lines[line] = rule
