"""Patterns shared by the rule chains."""

from __future__ import annotations

import re

X_INTERVAL = re.compile(r"\d\s*(?:–|—|-|to)\s*[~≈]?\s*\d")
STYLE_PAREN = re.compile(
    r"\((?:[^()]*\b(?:line|curve|dashed|dotted|solid|markers?|circles?|squares?|triangles?)\b[^()]*)\)",
    re.IGNORECASE)
