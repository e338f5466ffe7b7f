"""An axis value that only lists its categories ('Legal, Medical', 'Low, Medium and High'), and
the value of a 'Categories:' key."""

from __future__ import annotations

import re
from typing import Final

from .axis_labels import LIST_SPLIT, PLAIN_NUMBER, declared_categories
from .axis_units import comma_unit
from .text import all_quoted, quantities, strip_markup

_RANGE_WORDS = re.compile(r"\d\s*(?:to|–|—|-)\s*[~≈]?\d|\b(?:from|ranging|ranges|scale|labell?ed|ticks?"
                          r"|marks?|markers?|gridlines?|increments?|at)\b", re.IGNORECASE)
_BARE_ITEM: Final = re.compile(  # a note may follow: 'MMMU (val)', 'OSWorld (Pass@1)'
    r"^[A-Z0-9][\w\-+/.%:]*(?: [\w\-+/.%:]+){0,2}(?: \([^()]{1,20}\))?$")


_NAMED_ITEM: Final = re.compile(r"^[^\s,;:()\"'][\w\-+/.%:*]*(?: [\w\-+/.%:]+){0,2}(?: \([^()]{1,20}\))?$")
_HEAD_WORDS = 4


_LIST_NOTE: Final = re.compile(  # (also where the list stands: 'MM (horizontally across the top)')
    r"\s\((?:(ordinal|categorical|nominal|discrete)|integers?|(?:from\s)?(?:left|top|bottom|right)\sto\s(?:right|"
    r"bottom|top|left)|in\sorder|approx(?:imate|\.)?|(?:horizontally\s|vertically\s)?(?:across|along|down)\s"
    r"(?:the\s)?(?:top|bottom|left|right)(?:\sside)?)\)$", re.IGNORECASE)
_LONE_OR: Final = re.compile(r"\sor\s")


def bare_list(text: str) -> list[str]:
    """'Legal, Medical' or 'Low, Medium and High': an axis value that only lists categories
    ('Temperature, K' is a label and its unit)."""
    plain = strip_markup(text).split(". ", 1)[0].rstrip(".").strip()  # the first sentence
    head, comma, unit = plain.rpartition(", ")
    return [] if comma and "," not in head and comma_unit(head, unit) else _listed(plain)


def _listed(plain: str) -> list[str]:
    if ("," not in plain and "and" not in plain and "or" not in plain) or _RANGE_WORDS.search(plain):
        return []  # (the word test first: without a separator of LIST_SPLIT there is no list)
    if "," not in plain and _LONE_OR.search(plain):
        return []  # 'Retrieved or Not': one name with an 'or' in it; a list says 'A, B or C'
    items = [i.strip() for i in LIST_SPLIT.split(plain)]
    note = _LIST_NOTE.search(items[-1]) if items else None
    if note is not None:
        items[-1] = items[-1][: note.start()].rstrip()  # '1, 2, 3 (ordinal)': a note on the whole list
    if _numbers_led_in(items):
        return []  # 'Numerical categories 0, 1, 2, 3': numbers led in by words mark ticks (listed_items)
    listed = items
    if not all(_BARE_ITEM.match(i) for i in items):  # ('Types: *, CKE, cc': after its label, any name)
        head, colon, first = items[0].partition(": ") if items else ("", "", "")
        listed = [first, *items[1:]]
        if not (colon and head.replace(" ", "").isalpha() and len(head.split()) <= _HEAD_WORDS
                and all(_NAMED_ITEM.match(i) for i in listed)):
            return []
    if len(items) >= 2 and ((note is not None and note.group(1) is not None)
                            or not all(quantities(i)[1] and quantities(i)[1][0].raw == i for i in listed)):
        return items  # (a list of plain numbers is ticks, read as a range, unless said to be categories)
    return []


_LEAD_IN_LIST_MIN = 3  # a number after words, then two or more numbers: the words lead the list in


def _numbers_led_in(items: list[str]) -> bool:
    """'Numerical categories 0', '1', '2', '3': plain numbers, the first after words that
    lead the list in."""
    if len(items) < _LEAD_IN_LIST_MIN or not all(_is_plain(i) for i in items[1:]):
        return False
    head, _, last = items[0].rpartition(" ")
    return bool(head) and head.replace(" ", "").isalpha() and _is_plain(last)


def _is_plain(item: str) -> bool:
    _, qs = quantities(item)
    return len(qs) == 1 and qs[0].raw.strip() == item and bool(PLAIN_NUMBER.match(item))


def listed_categories(text: str) -> list[int | float | str]:
    """The value of a 'Categories:' key: quoted names, a bare list, or a sentence that
    lists them ('Two categories: "Red" (left) and "Blue" (right)')."""
    quoted_names = all_quoted(text)
    if len(quoted_names) >= 2:
        return list[int | float | str](quoted_names)
    return list[int | float | str](bare_list(text)) or declared_categories(text)
