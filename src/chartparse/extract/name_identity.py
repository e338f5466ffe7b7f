"""The identity of a series or panel name: two spellings of one name compare equal.

Folded, brackets holding only a note dropped; but an ablation's qualifier ('w/o distiller'),
a split ('(test)'), an identifying letter or number ('Subplot (a)') and a variant's acronym
('RSA (ERM)') stay part of the name.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from typing import Final

from ..vocab import COLOR_WORDS, SPLIT_QUALIFIERS, STYLE_WORDS, fold
from .panel_titles import WORD
from .value_words import UNIT_WORDS

_PARENS: Final = re.compile(r"\s*(?<![\w)\]}])\([^()]*\)\s*")  # a note in brackets; "ln(err)" keeps its own


# An ablation's qualifier is part of its name: 'BoT (w/o distiller)' and 'BoT' are two series.
_QUALIFIER_PAREN: Final = re.compile(r"\(\s?((?:w/o|w/|w\.o\.|without|with|no|minus|plus)\s[^()]{1,40})\)",
                                     re.IGNORECASE)


_SPLIT_PAREN: Final = re.compile(r"\(\s?(" + "|".join(SPLIT_QUALIFIERS) + r")\.?\s?\)", re.IGNORECASE)


def _keep_qualifier(m: re.Match[str]) -> str:
    """The qualifier unbracketed; a look ('with light red shading', 'with circle markers')
    stays a note in brackets."""
    words = WORD.findall(fold(m.group(1)))[1:]
    if any(w in COLOR_WORDS or w in STYLE_WORDS for w in words):
        return m.group(0)
    return f" {m.group(1)} "


_LEAD_ID_PAREN: Final = re.compile(r"\s*([^\W\d_]{2,12})\s?\(\s?([a-hA-H]|[ivxIVX]{1,4}|\d{1,2})\s?\)")
_ID_PAREN: Final = re.compile(  # 'RSA (ERM)', 'RSA (CVaR)': an acronym names a variant; '(MB)' is a unit
    r"\(\s?([A-Za-z]|[ivxIVX]{1,4}|[^()\s]{0,8}\d[^()\s]{0,8}|(?!(?:[KMGT]?B|USD|EUR|GBP|MS|FPS|PPL)\))"
    r"[A-Z][a-z]?[A-Z][A-Za-z]{0,4})\s?\)")


BRACKET_NAMED: ContextVar[frozenset[str]] = ContextVar("bracket_named", default=frozenset())
"""While a description is read: the names its legend tells apart only by their brackets
('Measured (Occurrence)', 'Measured (Generation)'), as keys without the brackets."""


UNIT_NAMED: ContextVar[frozenset[str]] = ContextVar("unit_named", default=frozenset())
"""Of those, the names told apart only by a unit in brackets ('Growth (%)', 'Growth ($)'):
their units stay part of the names."""


LOOKED_TWINS: ContextVar[frozenset[str]] = ContextVar("looked_twins", default=frozenset())
"""While a description is read: the names its legend states twice, each with its own look
('"Model" (dashed line)', '"Model" (solid line)'), as keys; their looks in brackets stay."""


def name_key(name: str) -> str:
    """The identity of a series or panel name: folded, parentheses dropped; but a one-word
    name keeps an identifying parenthesis ('Subplot (a)', 'Q*(3/√5)' are not 'Subplot', 'Q*'),
    and a name the legend tells apart by its brackets keeps them unless they hold a look."""
    key = _plain_key(name)
    named = BRACKET_NAMED.get()
    if named and key in named and "(" in name:
        return unit_key(name) if key in UNIT_NAMED.get() else bracketed_key(name)
    twins = LOOKED_TWINS.get()
    if twins and key in twins and "(" in name:
        return fold(_PARENS.sub(lambda m: f" {m.group(0).strip()[1:-1]} ", name)).strip()
    return key


@lru_cache(maxsize=4096)
def bracketed_key(name: str) -> str:
    """'Measured (Occurrence)' -> 'measured occurrence'; a look or a unit in brackets is no
    part of it ('Measured (Blue Solid Line)', 'Measured (GB)' -> 'measured')."""
    return fold(_PARENS.sub(_bracket_words, name)).strip()


@lru_cache(maxsize=4096)
def unit_key(name: str) -> str:
    """'Growth (%)' -> 'growth %': a name with what its brackets hold, a look excepted."""
    return fold(_PARENS.sub(_bracket_unless_look, name)).strip()


def _bracket_unless_look(m: re.Match[str]) -> str:
    inside = m.group(0).strip()[1:-1]
    return " " if _is_look(inside) else f" {inside} "


def _bracket_words(m: re.Match[str]) -> str:
    inside = m.group(0).strip()[1:-1]
    unit = fold(inside) in UNIT_WORDS or inside.strip() in ("%", "$")  # a column's '(GB)'
    return " " if unit or _is_look(inside) else f" {inside} "


def _is_look(text: str) -> bool:
    """Only colour and line-style words ('Blue Solid Line', 'dashed, orange'); a plain word
    test, as text.is_style_words cannot be imported here (text needs state, state this)."""
    words = WORD.findall(fold(text))
    return bool(words) and all(w in COLOR_WORDS or w in STYLE_WORDS for w in words)


@lru_cache(maxsize=65536)
def _plain_key(name: str) -> str:
    if "\\(" in name:
        name = name.replace("\\(", " ").replace("\\)", " ")  # '\\( V = 0.9 \\)': LaTeX delimiters
    if "(" in name:
        name = _QUALIFIER_PAREN.sub(_keep_qualifier, name)  # 'Ours (w/o distiller)' is not 'Ours'
        name = _SPLIT_PAREN.sub(r" \1 ", name)  # 'Loss (test)' is not 'Loss (train)'
    core = _PARENS.sub(" ", name).strip()
    if core and " " not in core:
        ident = _ID_PAREN.search(name)
        if ident:
            return fold(f"{core} {ident.group(1)}")
    lead = _LEAD_ID_PAREN.match(name)
    if lead:  # 'Plot (a): U/J = 5' and 'Plot (c): U/J = 5' are two panels
        return fold(f"{lead.group(1)} {lead.group(2)} {_PARENS.sub(' ', name[lead.end():]).strip()}")
    return fold(core or name)
