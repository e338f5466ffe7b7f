"""Reading an x from a label: a number when the label is a number with a unit, else text."""

from __future__ import annotations

import re
from typing import Final

from ..line_looks import is_bare_tick
from ..values import HEDGE_WORDS, Quantity, normalise, read_value
from ..vocab import GENERIC_X_WORDS, mentions_color
from .text import quantities, strip_markup

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z\-]*")
_RANGE_LABEL: Final = re.compile(r"\d\s*(?:–|—|-|to)\s*\d")
_BIN_ONLY: Final = re.compile(r"(-?\d[\d.,]*[kKMB%]?) ?([–—-]) ?(\d[\d.,]*[kKMB%]?)")
_WORD_THEN_INTEGER: Final = re.compile(r"([A-Za-z][A-Za-z\-]*) ([1-9]\d{0,14}|0)$")
_RESIDUE_OK: Final = re.compile(r"^[\s=:()\[\],.~≈%°*`'\"–—-]*$")  # ("-45°": a degree is a unit, as % is)


_NAME_TOKEN: Final = re.compile(r"^(?=[^ ]*[A-Za-z])(?=[^ ]*\d)[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)+$")
_SCIENTIFIC: Final = re.compile(r"^\d+(?:\.\d+)?[eE][-+]?\d+$")


def is_name_token(text: str) -> bool:
    """'Llama-2-7B', '3.2-1B', 'GPT-4o': letters and digits joined by dashes name a thing."""
    plain = text.strip()
    return bool(_NAME_TOKEN.match(plain)) and not _SCIENTIFIC.match(plain)


# 'α = 2', 'σ² = 10⁻⁸': a symbol set to one value (read by the value grammar)
_SYMBOL_EQUALS = re.compile(r"^\s*(?P<sym>[^\W\d_][\w′']{0,3})\s*[=≈]\s*(?P<num>[~≈]?\s*[-−]?\d[^=≈]{0,24})$")


def _one_number(text: str) -> int | float | None:
    """The one plain number ``text`` is ('10⁻⁸', '~0.5', '1e-3', '2k'); None for anything else,
    a unit after a space too ('300 K' is 300 kelvin, not 300 thousand)."""
    value = read_value(text)
    if not isinstance(value, Quantity) or value.percent or (
            value.magnitude and _UNIT_AFTER_SPACE.search(text)):
        return None
    return value.value


_UNIT_AFTER_SPACE: Final = re.compile(r"\d\s+[^\W\d_]")


def x_number(text: str, x_words: frozenset[str] = frozenset()) -> int | float | None:
    """'100B tokens' -> 100, 'Epoch 5' -> 5, 'Step = 10^2 (100)' -> 100, 'N=200' -> 200; a note
    in brackets after it that holds no number and no colour ('k=1 (marked with an x)') is no
    part of it."""
    if ("(" in text or "[" in text) and (interval := _INTERVAL.search(text)) and _reads_as_interval(interval):
        return None  # '(75,100)', '[0, 25)': a bin's interval, no one number ('75,100' is no 75100)
    found = _x_number(text, x_words)
    if found is None and text.endswith(")") and (note := _TRAILING_NOTE.search(text)) is not None \
            and not mentions_color(note.group(1)):  # ('75M (Purple)' names the purple series)
        found = _x_number(text[: note.start()], x_words)
    return found


_INTERVAL: Final = re.compile(r"([\[(])\s?([-−]?\d[\d.]*)\s?,(\s?)([-−]?\d[\d.]*)\s?([\])])")


def _reads_as_interval(m: re.Match[str]) -> bool:
    """'(0,25]', '[5, 10)', '(60, 120)' bound a bin; '(1,000)' and '(1,200)' write one number."""
    high = m.group(4)
    # ('(1,200)' writes 1200 as thousands are written; '(75,100)' alone is read so too, unless
    # the axis lists it as a bin, which is looked up before any number is read)
    return (m.group(1), m.group(5)) != ("(", ")") or bool(m.group(3)) or len(high) != 3 or not high.isdigit()
_TRAILING_NOTE: Final = re.compile(r"\s?\(([^()\d]{1,40})\)$")


def _x_number(text: str, x_words: frozenset[str]) -> int | float | None:
    if "<" in text or "$" in text or "\\" in text:
        # '2<sup>3</sup>' is 2^3, not '2 3'; '$\\beta=2$' and '\\( \\beta=2 \\)' are β=2
        text = normalise(text, keep_bold=True)
    stripped = strip_markup(text) if "-" in text or "=" in text or "≈" in text else None
    if "-" in text and stripped is not None and is_name_token(stripped):
        year = _PART_OF_YEAR.fullmatch(stripped)
        return int(year.group(1)) if year else None  # 'Mid-2018' is a time in 2018; 'GPT-4' a name
    # (the pattern needs '=' or '≈': without one, no match and no markup stripped for it)
    symbol = _SYMBOL_EQUALS.match(stripped) if stripped is not None and (
        "=" in text or "≈" in text) else None
    number = _one_number(symbol.group("num")) if symbol else None
    if symbol and number is not None and symbol.group("sym").lower() in x_words:
        return number  # 'α = 2' on an axis labelled α: the x axis' own symbol, whatever its alphabet
    if symbol and number is not None and x_words and all(len(w) <= _SYMBOL_MAX for w in x_words):
        return None  # 'K = 1' where the x axis is the symbol c: another parameter, not the x
    return _scanned_x(text, stripped, x_words)


_PART_OF_YEAR: Final = re.compile(r"(?:early|mid|late)-((?:19|20)\d\d)", re.IGNORECASE)


def _scanned_x(text: str, stripped: str | None, x_words: frozenset[str]) -> int | float | None:
    """The x of a label read word by word: one number and only words that may name an x."""
    simple = _WORD_THEN_INTEGER.match(text)
    if simple and simple.group(1).lower() not in HEDGE_WORDS:
        # 'Epoch 5', the commonest label, read without the general scan (same answer).
        return int(simple.group(2)) if _is_x_word(simple.group(1), x_words) else None
    norm, qs = quantities(strip_markup(text) if stripped is None else stripped)
    if not qs:
        return None
    residue = norm
    for q in reversed(qs):
        residue = residue[: q.start] + " " + residue[q.end:]
    words = _WORD.findall(residue)
    if len(words) > 4:
        return None
    if not all(_is_x_word(w, x_words) for w in words):
        return None
    rest = _WORD.sub("", residue)
    if not _RESIDUE_OK.match(rest):
        return None
    # 'Step = 10^0 (1)': the value and its repeat agree; take the first.
    return qs[0].value


def _is_x_word(word: str, x_words: frozenset[str]) -> bool:
    """A word that may name the x beside its number ('Epoch', 'tokens', an axis word)."""
    lw = word.lower().strip("-.")
    if lw in GENERIC_X_WORDS or lw in x_words or lw + "s" in x_words:
        return True
    if lw.endswith("s") and (lw[:-1] in x_words or lw[:-1] in GENERIC_X_WORDS):
        return True
    # 'Temp 0.7' on an axis labelled 'Sampling temperature': an abbreviation of an axis word
    return len(lw) >= _ABBREVIATION_MIN and any(
        w.startswith(lw) and len(w) > len(lw) for w in x_words)


_ABBREVIATION_MIN = 3
_SYMBOL_MAX = 2  # an x axis labelled only by words this short is a symbol ('c', 'α', 'Vg')


def category_or_number(text: str) -> int | float | str | None:
    """A table's first cell: a bare number (with unit) reads as a number, else as text."""
    label = strip_markup(text).strip()
    if not label:
        return None
    if _RANGE_LABEL.search(label):
        return compact_bin(label)  # '1-5', '0.25–0.50', '10-20 years': a bin, kept as written
    number = x_number(label)
    if number is not None:
        return number
    return label


def compact_bin(label: str) -> str:
    """'0 - 2.5' is the bin '0-2.5': the spaces around a bin's dash are layout, so every bin
    is spelled without them (its own dash kept: '10–20'); any other label is returned as it is."""
    bin_only = _BIN_ONLY.fullmatch(label)
    return "".join(bin_only.groups()) if bin_only else label


def bare_tick_value(text: str) -> int | float | str:
    """A tick line's value: its number when the line is one bare number ('0.25', '10M'),
    else its text (a category or a date label)."""
    if is_bare_tick(text):
        _, qs = quantities(text)
        if len(qs) == 1 and isinstance(qs[0].value, int | float):
            return qs[0].value
    return text


_LABEL_VARIABLE: Final = re.compile(r"(?<![A-Za-z])[a-zA-Z](?![A-Za-z])")


def fills_label_template(label: str | None, text: str) -> bool:
    """'Top-3' on an axis labelled "Top-k": the label with its one-letter variable given a value."""
    if not label or not text:
        return False
    plain = strip_markup(label).strip().strip("\"'")
    variables = _LABEL_VARIABLE.findall(plain)
    if len(variables) != 1 or len(plain) > _TEMPLATE_LABEL_MAX:
        return False
    head, _, tail = plain.partition(variables[0]) if plain.count(variables[0]) == 1 else ("", "", "")
    if not head and not tail:
        return False
    core = strip_markup(text).strip()
    if not (core.lower().startswith(head.lower()) and core.lower().endswith(tail.lower())):
        return False
    value = core[len(head): len(core) - len(tail)].strip()
    return bool(value) and x_number(value) is not None


_TEMPLATE_LABEL_MAX = 20
