"""The value reader: numbers, hedges, pairs and ranges as models write them.

Two entry points share the terminals of ``grammar/values.lark``:

* :func:`read_value` parses one whole value string with the lark grammar
  (``"~0.294"``, ``"(100, ~0.294)"``, ``"0.45–0.65"``).
* :func:`scan` finds every quantity inside a sentence with one compiled regex
  built from the same terminal patterns, for the extractor's hot path.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Final, cast

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError

from .grammar_files import grammar_text, load_parser, prebuilt, terminal_patterns
from .phrases import GREEK_LETTERS
from .vocab_numbers import HEDGE_ADVERBS, HEDGE_SIGNS

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN: Final = re.compile(r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\.[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")  # "10¹.⁵": a decimal power
_HTML_SUP: Final = re.compile(r"<sup>\s*([-−+]?\d{1,4}(?:\.\d{1,3})?)\s*</sup>", re.IGNORECASE)
_HTML_SUB: Final = re.compile(r"<sub>\s?([^<>\s]{1,12})\s?</sub>", re.IGNORECASE)
_LATEX_POWER: Final = re.compile(r"\^\{\s*([-−+]?\d{1,4}(?:\.\d{1,3})?)\s*\}")  # ('10^{-4.5}' too)
_LATEX_INDEX: Final = re.compile(r"_\{([A-Za-z0-9]{1,12})\}")
_MARKUP: Final = re.compile(r"\$|\\[a-z]{2,7}(?![a-z])|\\,|`")
_MARKUP_WORDS: Final = {"\\times": " ×", "\\approx": "≈", "\\sim": "~", "\\pm": "±",
                        **{"\\" + name: symbol for name, symbol in GREEK_LETTERS.items()}}
_CODE_PAIR: Final = re.compile(r"`([ ~≈\d.eE+\-−]{1,24},[ ~≈\d.eE+\-−]{1,24})`")
"""'`4.5e+06, -17000`': a code span holding only two numbers is a coordinate pair."""
_BOLD: Final = re.compile(r"\*\*")
_ITALIC: Final = re.compile(r"(?<![\w*])\*([^\s*\d][^*\n]{0,30}?)\*(?![\w*])")
_LATEX_INLINE: Final = re.compile(r"\\\((.{1,60}?)\\\)|\\\[(.{1,60}?)\\\]")  # math between \( \) or \[ \]
_SUPERSCRIPT_CHAR: Final = re.compile("[\u2070-\u209f¹²³]")
_PLAIN_X_POWER: Final = re.compile(r"(?<=\d) ?[xX](?= ?10\^)")

HEDGE_WORDS = frozenset(HEDGE_ADVERBS) | frozenset(HEDGE_SIGNS) | {"estimated", "close"}
MAGNITUDE_FACTORS = {"k": 1_000, "K": 1_000}
"""Magnitude letters that scale the value. ``M``, ``B`` and ``T`` are kept as written
(``100B tokens`` -> 100) because models use them as units of the axis itself."""


@dataclass(slots=True)
class Quantity:
    """One number as written: its value, and how the text qualified it.

    Treat as immutable (readings are cached and shared); not ``frozen`` only because a
    frozen dataclass costs several times more to create, once per number read.
    """

    value: int | float
    approx: bool = False
    percent: bool = False
    magnitude: str | None = None
    start: int = 0
    end: int = 0
    raw: str = ""


def _markup_word(m: re.Match[str]) -> str:
    """'\\approx' -> '≈', '\\beta' -> 'β'; '$', '`' and other commands -> nothing."""
    found = m.group(0)
    return _MARKUP_WORDS.get(found, "" if found in ("$", "`", "\\,") else found)


def normalise(text: str, keep_bold: bool = False) -> str:
    """Rewrite powers to ``^n`` and drop inline math/code markup and bold, keeping the words
    (``keep_bold``: leave bold in place, so the columns of a line with no other markup stay)."""
    if "<" in text:
        text = _HTML_SUP.sub(r"^\1", text)
        text = _HTML_SUB.sub(r"_\1", text)  # 'I<sub>CC</sub>' is the name I_CC
    if "{" in text:
        text = _LATEX_POWER.sub(r"^\1", text)
        text = _LATEX_INDEX.sub(r"_\1", text)  # 'λ_{PIA}/t' is the symbol λ_PIA/t
    if "**" in text and not keep_bold:
        text = _BOLD.sub("", text)  # '**~250 TFLOP/s** at size **4096**': bold is no word
    if "*" in text:
        text = _ITALIC.sub(r"\1", text)  # 'At *l* = 4': an italic symbol is the symbol
    if "\\(" in text or "\\[" in text:
        # '\\( x=0 \\)' is x=0 (no spaces left where the math was)
        text = _LATEX_INLINE.sub(lambda m: (m.group(1) or m.group(2) or "").strip(), text)
    if "`" in text and "," in text:
        text = _CODE_PAIR.sub(r"(\1)", text)  # the same length, so spans stay put
    if "$" in text or "\\" in text or "`" in text:
        text = _MARKUP.sub(_markup_word, text)
    if _SUPERSCRIPT_CHAR.search(text):
        text = _SUPERSCRIPT_RUN.sub(lambda m: "^" + m.group(0).translate(_SUPERSCRIPTS), text)
    if "10^" in text and ("x" in text or "X" in text):
        text = _PLAIN_X_POWER.sub(" ×", text)  # '2.5 x 10^-5' is one number, as with '×'
    return text


@cache
def _value_parser() -> Lark:
    stored = prebuilt("values.lark")
    if stored is not None:
        return load_parser(stored["parser"], transformer=_ToQuantity())
    return Lark(grammar_text("values.lark"), parser="lalr", lexer="contextual",
                transformer=_ToQuantity())


@cache
def _terminal_patterns() -> dict[str, str]:
    return terminal_patterns("values.lark")


@cache
def _scanner() -> re.Pattern[str]:
    t = _terminal_patterns()
    # Hedge symbols or words directly before the number; the number itself; an
    # optional power (``^3`` or ``×10^3``); a magnitude letter; a percent sign.
    # The leading lookahead only lets finditer skip, cheaply, positions where no
    # quantity can start (a hedge's first letter or symbol, a sign, a digit, a dot).
    pattern = (
        r"(?=[~≈∼≃aArRnNcC\-−+\d.])"
        rf"(?:(?<![A-Za-z])(?P<hedge>{t['HEDGE']})\s{{0,2}})?"
        rf"(?<![\w.])(?:(?P<sign>{t['SIGN']})(?=[\d.]))?"
        # 'pass@1' and 'Recall @10' name a metric; '@250 steps' opening a line or key is at 250
        # ('65k-70k': a dash after a number's magnitude letter joins a range, no name)
        rf"(?:(?<=\d[kKMBT][-−])|(?<![A-Za-z_.][-−+]))(?<![\w.])(?<!\w@)(?<!\w\s@)(?P<num>{t['NUMBER']})"
        rf"(?:\s{{0,2}}(?P<times>{t['TIMES']})\s{{0,2}}10(?P<xpow>{t['POWER']})|(?P<pow>{t['POWER']}))?"
        rf"(?P<mag>{t['MAGNITUDE']})?"
        rf"(?P<pct>\s?%)?"
    )
    return re.compile(pattern)


_EXACT_INT = 2**53  # larger integers become floats: JSON readers keep them exactly that way


def _to_number(raw: str) -> int | float:
    cleaned = raw.replace(",", "").replace("−", "-")
    if "." in cleaned or "e" in cleaned or "E" in cleaned:
        value = float(cleaned)
        return value
    return int(cleaned)


def _apply(base: int | float, sign: str | None, power: str | None, times: bool,
           magnitude: str | None) -> int | float:
    value: int | float = base
    if power:
        written = power.lstrip("^").replace("−", "-")
        exponent: int | float = float(written) if "." in written else int(written)
        if abs(exponent) > 400:
            raise OverflowError(f"power {exponent} is out of range")
        if isinstance(exponent, float):  # '10^1.5' = 31.6227766017: twelve significant figures
            value = float(f"{(value * 10.0 ** exponent) if times else float(value) ** exponent:.12g}")
        elif times:  # (read as a decimal: 1.1×10⁻² is 0.011, not 1.1 * 0.01 = 0.011000000000000001)
            value = value * (10 ** exponent) if exponent >= 0 and isinstance(value, int) \
                else float(Decimal(repr(value)).scaleb(exponent))  # ('1e-5×10^2' scales an exponent)
        else:
            value = value ** exponent if exponent >= 0 else float(value) ** exponent
    if magnitude in MAGNITUDE_FACTORS:
        value = value * MAGNITUDE_FACTORS[magnitude]
    if sign in ("-", "−"):
        value = -value
    if isinstance(value, int) and abs(value) > _EXACT_INT:
        value = float(value)  # keep JSON numbers within what every consumer reads exactly
    if isinstance(value, float) and not math.isfinite(value):
        raise OverflowError("value is not a finite number")
    return value


def scan(text: str, limit: int | None = None) -> list[Quantity]:
    """Every quantity in ``text``, in order (the first ``limit`` when given).

    ``text`` should be normalised first.
    """
    out: list[Quantity] = []
    for m in _scanner().finditer(text):
        if limit is not None and len(out) >= limit:
            break
        hedge, sign, num, times, xpow, power, mag, pct = m.group(
            "hedge", "sign", "num", "times", "xpow", "pow", "mag", "pct")
        num_start = m.start("num")
        start = m.start() if hedge else (m.start("sign") if sign else num_start)
        # A dash glued between two numbers is a range separator, not a minus sign.
        if sign and sign in "-−" and start > 0 and (
                text[start - 1].isdigit() or text[start - 1] == "%"):
            sign = None
            start = num_start
        if num_start and text[num_start - 1] in "-_" and _inside_name(text, num_start):
            continue  # 'Llama-2-7B', 'GPT-4o': digits inside a name, not a quantity
        if start >= 2 and text[start - 1] == "^" and text[start - 2].isalpha():
            continue  # 'σ²', 'R^2', 'm^-1': the power of a symbol or unit, not a quantity
        if start >= 3 and text[start - 1] == "(" and text[start - 2] in "^_" and text[start - 3].isalpha() \
                and text[m.end():m.end() + 1] == ")":
            continue  # 'v^(2)', 'Q_(1)': a symbol's bracketed index, part of its name ('x^(1/2)' is none)
        approx = bool(hedge) or _hedged_before(text, start)
        try:
            value = _apply(_to_number(num), sign, xpow or power, bool(times), mag)
        except (ValueError, OverflowError, ZeroDivisionError):  # 0^-1: not a value
            continue
        if isinstance(value, float) and value != value:  # NaN never comes from text
            continue
        out.append(Quantity(value, approx, bool(pct), mag, start, m.end(), m.group(0)))
    return out


def _inside_name(text: str, num_start: int) -> bool:
    """True when the number continues a token that began with a letter ('Llama-2-7B')."""
    i = num_start
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-._") and num_start - i < 40:
        i -= 1
    if i == num_start or text[num_start - 1] not in "-_":
        return False
    return text[i].isalpha()


_HEDGE_SKIP = " *_(`'\""
_HEDGE_ENDS = frozenset(w[-1] for w in HEDGE_WORDS) | {"o"}  # 'o' ends 'close to'


def _hedged_before(text: str, start: int) -> bool:
    """Whether a hedge ('about', 'approx.', '~') stands just before ``start``."""
    window = text[max(0, start - 16):start].lower().rstrip(_HEDGE_SKIP)
    if not window:
        return False
    if window[-1] in "~≈∼≃":
        return True
    if window[-1] not in _HEDGE_ENDS:
        return False  # no hedge word ends so: most numbers follow a space, comma or digit
    words = window.split()
    last = words[-1] if words else ""
    return last in HEDGE_WORDS or window.endswith("close to") or window.endswith("approx.")


class _ToQuantity(Transformer):
    @v_args(inline=True)
    def quantity(self, *parts: Token | tuple) -> Quantity:
        hedge = sign = number = magnitude = None
        percent = False
        power: tuple[str, bool] | None = None
        for part in parts:
            if isinstance(part, tuple):
                power = part
            elif part.type == "HEDGE":
                hedge = str(part)
            elif part.type == "SIGN":
                sign = str(part)
            elif part.type == "NUMBER":
                number = str(part)
            elif part.type == "MAGNITUDE":
                magnitude = str(part)
            elif part.type == "PERCENT":
                percent = True
        assert number is not None
        value = _apply(_to_number(number), sign, power[0] if power else None,
                       bool(power and power[1]), magnitude)
        return Quantity(value=value, approx=hedge is not None, percent=percent,
                        magnitude=magnitude, raw=number)

    def scale(self, parts: list[Token]) -> tuple[str, bool]:
        return (str(parts[-1]), len(parts) == 3)

    def pair(self, parts: list[Quantity]) -> tuple[Quantity, Quantity]:
        return (parts[0], parts[1])

    def range(self, parts: list[Quantity]) -> tuple[str, Quantity, Quantity]:
        return ("range", parts[0], parts[1])


Value = Quantity | tuple


def read_value(text: str) -> Value | None:
    """Parse one value string; None when it is not a value the grammar knows."""
    cleaned = normalise(text).strip().strip("*_").strip()
    if not cleaned or len(cleaned) > 200:
        return None
    try:
        return cast(Value, _value_parser().parse(cleaned))
    except (LarkError, ValueError, OverflowError, ZeroDivisionError, AssertionError):
        pass
    # '(1,100)' lexes as the one number 1,100 and fails as a pair: in parentheses, a
    # comma with no space after it separates the two coordinates.
    # With more commas ('(1,000,100)'), try each comma as the separator, rightmost first:
    # the number before it keeps its thousands commas.
    if cleaned.startswith("(") and cleaned.endswith(")") and 1 <= cleaned.count(",") <= 8:
        at = cleaned.rfind(",")
        while at != -1:
            try:
                return cast(Value, _value_parser().parse(cleaned[:at] + ", " + cleaned[at + 1:]))
            except (LarkError, ValueError, OverflowError, ZeroDivisionError, AssertionError):
                at = cleaned.rfind(",", 0, at)
    return None
