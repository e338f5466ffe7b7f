"""Where a line stands while it is read: section role, panel, series and x."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from .state import ChartDraft, SeriesDraft


class _Keep(Enum):
    """The default of :meth:`Scope.but`: keep this field as it is."""

    KEEP = 0


KEEP: Final = _Keep.KEEP


@dataclass(slots=True)
class Scope:
    """Where a line stands: section role, panel, series, x.

    Never changed once made (a scope is shared by the lines under it): :meth:`but` copies.
    Not ``frozen``, because a frozen dataclass is slow to build in pure Python.
    """

    role: str
    panel: str | None
    series: SeriesDraft | None
    x: int | float | str | None
    in_container: bool
    inherited: bool  # the series came from a header line before this one, not a parent

    # Written out because mypyc compiles an explicit __init__; a scope is made for most lines.
    def __init__(self, role: str, panel: str | None = None, series: SeriesDraft | None = None,
                 x: int | float | str | None = None, in_container: bool = False,
                 inherited: bool = False) -> None:
        self.role = role
        self.panel = panel
        self.series = series
        self.x = x
        self.in_container = in_container
        self.inherited = inherited

    def but(self, *, role: str | _Keep = KEEP, panel: str | _Keep | None = KEEP,
            series: SeriesDraft | _Keep | None = KEEP, x: int | float | str | _Keep | None = KEEP,
            in_container: bool | _Keep = KEEP, inherited: bool | _Keep = KEEP) -> Scope:
        """A copy with the given fields changed."""
        return Scope(
            self.role if role is KEEP else role,
            self.panel if panel is KEEP else panel,
            self.series if series is KEEP else series,
            self.x if x is KEEP else x,
            self.in_container if in_container is KEEP else in_container,
            self.inherited if inherited is KEEP else inherited,
        )


def into_panel(scope: Scope, chart: ChartDraft, panel: str) -> Scope:
    """The scope under a panel's header: a series a section above named goes on in the panel
    ('**Top Row: Run A (Red Lines)**' over '* **Loss (Top Left):**'); one a sibling header
    named does not."""
    parent = scope.series if not scope.inherited else None
    if parent is None:
        return scope.but(panel=panel, series=None, x=None)
    series = chart.series_for(parent.name, panel)
    series.rule = series.rule or parent.rule  # (the rule that named it above)
    return scope.but(panel=panel, series=series, x=None)
