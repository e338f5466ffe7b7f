"""One keyed line as the keyed and component rules see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..narrative import Reading, read_in
from ..text import clean_name

if TYPE_CHECKING:  # pragma: no cover
    from ...blocks import Line
    from ...outline import Node
    from ..keys import KeyInfo
    from ..scope import Scope
    from ..walker import Walker


class KeyedLine:
    """One keyed line as the rules see it, with what is read from it at most once."""

    __slots__ = ("_name", "_reading", "info", "key", "line", "node", "scope", "text")

    def __init__(self, node: Node, line: Line, scope: Scope, info: KeyInfo) -> None:
        self.node = node
        self.line = line
        self.scope = scope
        self.info = info
        self.key = line.key or ""
        self.text = line.text
        self._name: str | None = None
        self._reading: Reading | None = None

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = clean_name(self.key)
        return self._name

    def reading(self, w: Walker) -> Reading:
        if self._reading is None:
            self._reading = read_in(w.state, self.text)
        return self._reading
