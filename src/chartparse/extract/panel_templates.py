"""Panel titles declared by their form: 'each chart has a title in the format "T = [value],
N = [value]"' makes every header of that form ('**T = 1, N = 53M:**') a panel's title."""

from __future__ import annotations

import re
from typing import Final

from .text import strip_markup

_PLACEHOLDER: Final = re.compile(r"\[[^\[\]]{1,24}\]|<[^<>]{1,24}>|\{[^{}]{1,24}\}")
_FILLED: Final = r"[^,;:()\[\]]{1,24}"  # what a placeholder stands for: a short value, no separator
_MIN_LITERAL = 2  # the form's own characters (besides placeholders) that tell it from any text


def title_template(text: str) -> re.Pattern[str] | None:
    """The pattern of a quoted title form with placeholders, or None when the text has none."""
    parts = _PLACEHOLDER.split(text.strip())
    if len(parts) < 2 or sum(len(p.strip()) for p in parts) < _MIN_LITERAL:
        return None
    literal = [r"\s*".join(re.escape(word) for word in part.split()) for part in parts]
    glue = [(r"\s*" if part[:1].isspace() else "") + lit + (r"\s*" if part[-1:].isspace() else "")
            for part, lit in zip(parts, literal, strict=True)]
    return re.compile(_FILLED.join(glue), re.IGNORECASE)


def fills_a_template(templates: list[re.Pattern[str]], title: str) -> bool:
    plain = strip_markup(title).strip().rstrip(":").strip()
    return any(t.fullmatch(plain) is not None for t in templates)
