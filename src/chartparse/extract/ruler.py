"""Ordered, named reading rules (after markdown-it-py's ``Ruler``).

A chain is a list of rules tried in order; the first one that claims its input wins.
Each rule has a name (``keyed.x-key``), a one-line doc and an example line, so the
order can be listed (``chartparse rules``) and a new writing style has an obvious
place: next to the rule that reads its neighbour. Rules can be added, moved before or
after another, and disabled, by name.

A rule may also name the key flags it needs (``needs="container"``): such a rule is
tried only for keys that have that flag. The chain for one set of flags is computed
once and kept, so dispatch costs one dict lookup per line, not one test per rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .scope import Scope

Fn = Callable[..., Any]


class Rule:
    """One named rule: a function, what it reads, an example line."""

    __slots__ = ("doc", "enabled", "example", "fn", "name", "needs", "records")

    def __init__(self, name: str, fn: Fn, doc: str, example: str, needs: str | None = None,
                 enabled: bool = True, records: bool = True) -> None:
        self.name = name
        self.fn = fn
        self.doc = doc
        self.example = example
        self.needs = needs  # a key flag the rule applies to, or None for every key
        self.enabled = enabled
        self.records = records  # whether a claim names the line in the trace (skips do not)


class Ruler:
    """An ordered chain of named rules."""

    def __init__(self, chain: str) -> None:
        self.chain = chain
        self._rules: list[Rule] = []
        self._cache: dict[frozenset[str], tuple[Rule, ...]] = {}

    # -- building -------------------------------------------------------------
    def push(self, name: str, fn: Fn, doc: str, example: str = "", *, needs: str | None = None,
             records: bool = True) -> None:
        self._insert(len(self._rules), Rule(name, fn, doc, example, needs, True, records))

    def before(self, anchor: str, name: str, fn: Fn, doc: str, example: str = "", *,
               needs: str | None = None, records: bool = True) -> None:
        self._insert(self._index(anchor), Rule(name, fn, doc, example, needs, True, records))

    def after(self, anchor: str, name: str, fn: Fn, doc: str, example: str = "", *,
              needs: str | None = None, records: bool = True) -> None:
        self._insert(self._index(anchor) + 1, Rule(name, fn, doc, example, needs, True, records))

    def disable(self, *names: str) -> None:
        for name in names:
            self._rules[self._index(name)].enabled = False
        self._cache.clear()

    def enable(self, *names: str) -> None:
        for name in names:
            self._rules[self._index(name)].enabled = True
        self._cache.clear()

    def _insert(self, at: int, rule: Rule) -> None:
        if any(r.name == rule.name for r in self._rules):
            raise ValueError(f"{self.chain}: a rule named {rule.name!r} exists already")
        self._rules.insert(at, rule)
        self._cache.clear()

    def _index(self, name: str) -> int:
        for i, rule in enumerate(self._rules):
            if rule.name == name:
                return i
        raise KeyError(f"{self.chain}: no rule named {name!r}")

    # -- reading --------------------------------------------------------------
    def rules(self) -> list[Rule]:
        """Every rule, in order, enabled or not."""
        return list(self._rules)

    def names(self) -> list[str]:
        return [r.name for r in self._rules if r.enabled]

    def chain_for(self, flags: frozenset[str]) -> tuple[Rule, ...]:
        """The enabled rules that apply to a key with these flags, in order."""
        found = self._cache.get(flags)
        if found is None:
            found = tuple(r for r in self._rules if r.enabled and (r.needs is None or r.needs in flags))
            self._cache[flags] = found
        return found

    def listing(self) -> Iterable[str]:
        for i, r in enumerate(self._rules, start=1):
            state = "" if r.enabled else " (disabled)"
            needs = f" [needs {r.needs}]" if r.needs else ""
            yield f"{i:3d}. {r.name}{needs}{state}: {r.doc}"


class Claim:
    """What a line rule returns when it claims its line: the scope it opens for the
    sibling lines after it (flattened text), or None."""

    __slots__ = ("scope",)

    def __init__(self, scope: Scope | None = None) -> None:
        self.scope = scope


DONE = Claim()
"""A claim that opens no scope for the lines after it."""
