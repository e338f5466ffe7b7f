"""What a prose line outside the data declares: in the opening, the chart's kind, panel count
and title (:func:`.panel_plan.read_overview_text`); anywhere outside the data, the axes its
sentences state (:mod:`.axis_sentences`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .axis_sentences import note_axis_sentences
from .kinds import OVERVIEW_LINES
from .panel_plan import read_overview_text
from .section_roles import titled_role

if TYPE_CHECKING:
    from ..blocks import Line
    from .reading import ReadingState

PROSE_ROLES: Final = frozenset({"overview", "document", "other", "components"})
_OPENING_ROLES: Final = frozenset({"overview", "document", "other"})
_PROSE_KEY_ROLES: Final = frozenset({"overview", "components"})  # '**Axes:** The x-axis shows ...'


def read_prose_line(state: ReadingState, line: Line, role: str) -> None:
    if role in _OPENING_ROLES and state.overview_lines < OVERVIEW_LINES:
        read_overview_text(state, line.full_text)
    if line.key is None or titled_role(line.key) in _PROSE_KEY_ROLES:
        note_axis_sentences(state, line.full_text, line.line)
