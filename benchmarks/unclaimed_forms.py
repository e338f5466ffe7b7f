"""Group the numbers `chartparse explain` leaves unclaimed by the form of their line.

    python benchmarks/unclaimed_forms.py DIR [DIR...]

Prints the unclaimed rate, then each form with its count, most frequent first. The
forms are rough shapes of the text around the number (a first look at where a new
writing style hides), tried in order; the first that fits names the number.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from chartparse.explain import ExplainedLine, NumberMark, explain_source
from chartparse.source import read_path

_Test = Callable[[ExplainedLine, NumberMark, str, str], bool]

FORMS: list[tuple[str, _Test]] = [
    ("table cell", lambda ln, m, before, after: ln.block == "table"),
    ("heading text", lambda ln, m, before, after: ln.block == "heading"
     or ln.text.lstrip("*-+ ").startswith("#")),
    ("bare number item", lambda ln, m, before, after:
     re.fullmatch(r"[\s*+\-]*`?[~≈]?[-\d.,%]+`?\s*", ln.text) is not None),
    ("second value in parens after a value ('34% (41)')", lambda ln, m, before, after:
     re.search(r"\d%?\**\s?\(\s?$", before) is not None),
    ("coordinates with units ('(4.2 W, 61% acc)')", lambda ln, m, before, after:
     re.search(r"\([^()]{0,40}$", before) is not None
     and re.match(r"[^()]{0,40}\)", after) is not None and "," in before[-40:] + after[:40]),
    ("box plot words (median, IQR, whiskers)", lambda ln, m, before, after:
     re.search(r"\b(?:iqr|whiskers?|quartile|median|box extends|outliers?)\b",
               ln.text.lower()) is not None),
    ("range a-b / a to b", lambda ln, m, before, after:
     re.search(r"\d\s?[-–—]\s?$|\bto\s$|between\s$", before[-12:]) is not None
     or re.match(r"\s?[-–—]\s?\d|\s(?:to|and)\s[~≈]?\d", after) is not None),
    ("value then (x) in parens", lambda ln, m, before, after:
     re.match(r"[%\w]*\s?\([^()]{0,30}\d", after) is not None),
    ("x → y arrow pair", lambda ln, m, before, after: "→" in ln.text or "->" in ln.text),
    ("scientific notation / power", lambda ln, m, before, after:
     re.search(r"10\^|10<sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\d[eE][-+]?\d", m.text) is not None),
    ("values named by colour ('Orange ~200, Green ~1900')", lambda ln, m, before, after:
     re.search(r"\b(?:red|orange|yellow|green|blue|purple|grey|gray|black|pink|teal|brown)"
               r"\)?:?\s?[~≈]?$", before.lower()) is not None),
    ("key: value on an unread line", lambda ln, m, before, after:
     ln.rule is None and ":" in before),
    ("comma list of values", lambda ln, m, before, after:
     len(ln.numbers) >= 4 and re.search(r"\d[^,;]{0,12}[,;]\s?$", before[-16:]) is not None),
    ("value in a read keyed line", lambda ln, m, before, after:
     (ln.rule or "").startswith("keyed.")),
    ("value in a sentence (trend prose)", lambda ln, m, before, after:
     re.search(r"\b(?:at|to|of|reaching|around|near|from|peaks?|drops?|rises?)\s[~≈]?$",
               before[-20:]) is not None),
    ("other, unread line", lambda ln, m, before, after: ln.rule is None),
    ("other, read line", lambda ln, m, before, after: True),
]


def classify(ln: ExplainedLine, mark: NumberMark) -> str:
    before, after = ln.text[: mark.start], ln.text[mark.end:]
    return next(name for name, test in FORMS if test(ln, mark, before, after))


def main(paths: list[str]) -> None:
    counts: Counter[str] = Counter()
    numbers = unclaimed = 0
    for folder in paths:
        for path in sorted(Path(folder).glob("*.md")):
            result = explain_source(read_path(path))
            numbers += result.numbers
            unclaimed += result.unclaimed
            for ln in result.lines:
                for mark in ln.numbers:
                    if mark.claimed_by is None and mark.reason is None:
                        counts[classify(ln, mark)] += 1
    print(f"{numbers} numbers, {unclaimed} unclaimed ({unclaimed / max(numbers, 1):.1%})")
    for name, count in counts.most_common():
        print(f"{count:6d}  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
