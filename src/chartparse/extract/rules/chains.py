"""Every rule chain by name (``chartparse rules`` lists them)."""

from __future__ import annotations

from ..ruler import Ruler
from .components import COMPONENT_RULES
from .headers import HEADER_RULES
from .keyed import KEYED_RULES

CHAINS: dict[str, Ruler] = {"components": COMPONENT_RULES, "keyed": KEYED_RULES, "headers": HEADER_RULES}
