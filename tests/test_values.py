"""The value reader (chartparse.values + grammar/values.lark): scan() and read_value()."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chartparse.values import Quantity, normalise, read_value, scan


def scanned(text: str) -> list[Quantity]:
    return scan(normalise(text))


def values(text: str) -> list[int | float]:
    return [q.value for q in scanned(text)]


def single(text: str) -> Quantity:
    """The one quantity of ``text``, read both ways; both readers must agree."""
    found = scanned(text)
    assert len(found) == 1, found
    whole = read_value(text)
    assert isinstance(whole, Quantity), whole
    assert math.isclose(found[0].value, whole.value, rel_tol=1e-12)
    assert found[0].approx == whole.approx
    assert found[0].percent == whole.percent
    return whole


# -- single numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        ("29", 29, False),
        ("~29", 29, True),
        ("≈0.3", 0.3, True),
        ("1,024", 1024, False),
        ("1,234.5", 1234.5, False),
        ("1.2k", 1200, False),
        ("1e-3", 0.001, False),
        ("3.2E+04", 32000, False),
        ("2.5×10^3", 2500, False),
        ("2.5 × 10^3", 2500, False),
        ("10^8", 10**8, False),
        ("10⁸", 10**8, False),
        ("10⁻³", 0.001, False),
        ("10<sup>8</sup>", 10**8, False),
        ("$10^{-3}$", 0.001, False),
        ("$10^{-4.5}$", 10 ** -4.5, False),  # a decimal power in LaTeX braces
        ("10<sup>1.5</sup>", 10 ** 1.5, False),
        ("−3.2", -3.2, False),
        ("-3.2", -3.2, False),
        ("~−0.5", -0.5, True),
        (".5", 0.5, False),
    ],
)
def test_single_values(text: str, value: float, approx: bool) -> None:
    q = single(text)
    assert math.isclose(q.value, value, rel_tol=1e-12)
    assert q.approx is approx


@pytest.mark.parametrize("text, value",
                         [("1.1×10⁻²", 0.011), ("8.5 × 10^-7", 8.5e-07), ("3.3×10<sup>-3</sup>", 0.0033)])
def test_a_power_of_ten_reads_as_the_decimal_it_writes(text: str, value: float) -> None:
    assert single(text).value == value  # exactly: not 0.011000000000000001


def test_integers_stay_integers() -> None:
    assert isinstance(single("1,024").value, int)
    assert isinstance(single("10⁸").value, int)
    assert isinstance(single("0.5").value, float)


def test_percent() -> None:
    q = single("45%")
    assert (q.value, q.percent) == (45, True)
    assert single("45 %").percent
    assert not single("45").percent


@pytest.mark.parametrize(("text", "letter"), [("3M", "M"), ("100B", "B"), ("2T", "T")])
def test_magnitude_letters_are_kept_as_written(text: str, letter: str) -> None:
    # M/B/T are read as the axis's own unit ('100B tokens' on a 'Tokens (B)' axis).
    q = single(text)
    assert q.magnitude == letter
    assert q.value == int(text[:-1])


def test_k_scales_the_value() -> None:
    q = single("1.2K")
    assert q.magnitude == "K"
    assert math.isclose(q.value, 1200)


def test_magnitude_letter_must_end_the_word() -> None:
    # '3 Models' is three and a word; 'M' only counts glued and followed by no letter.
    found = scanned("3Mo")
    assert all(q.magnitude != "M" for q in found)


@pytest.mark.parametrize(
    "text",
    ["approximately 5", "about 5", "around 5", "near 5", "roughly 5", "nearly 5", "~5", "≈5",
     "Approximately 5"],
)
def test_hedges_make_values_approximate(text: str) -> None:
    assert single(text).approx


def test_hedge_inside_a_sentence() -> None:
    found = scanned("The loss falls to approximately 2.21 by the end.")
    assert [(q.value, q.approx) for q in found] == [(2.21, True)]


@pytest.mark.parametrize("text", ["linear 5", "Linear scale up to 5", "nearby 5", "aboutness 5",
                                  "round 5"])
def test_words_that_merely_contain_a_hedge_are_not_hedges(text: str) -> None:
    found = scanned(text)
    assert [q.value for q in found] == [5]
    assert not found[0].approx


def test_hedge_applies_only_to_the_next_number() -> None:
    found = scanned("~3 then 4")
    assert [(q.value, q.approx) for q in found] == [(3, True), (4, False)]


def test_scan_positions_cover_the_number() -> None:
    text = "peak at ~3.5 here"
    (q,) = scan(text)
    assert text[q.start:q.end] == "~3.5"


# -- pairs and ranges -----------------------------------------------------------------


def test_pair() -> None:
    pair = read_value("(100, ~0.294)")
    assert isinstance(pair, tuple) and len(pair) == 2
    x, y = pair
    assert (x.value, x.approx) == (100, False)
    assert (y.value, y.approx) == (0.294, True)
    assert values("(100, ~0.294)") == [100, 0.294]


def test_pair_with_negative_numbers() -> None:
    x, y = read_value("(-1, -2.5)")
    assert (x.value, y.value) == (-1, -2.5)


@pytest.mark.parametrize(
    "text", ["0.45–0.65", "0.45-0.65", "0.45 – 0.65", "between 0.45 and 0.65", "0.45 to 0.65",
             "Between 0.45 and 0.65"],
)
def test_ranges(text: str) -> None:
    result = read_value(text)
    assert isinstance(result, tuple)
    assert result[0] == "range"
    assert (result[1].value, result[2].value) == (0.45, 0.65)


def test_from_to_range() -> None:
    result = read_value("from 0.45 to 0.65")
    assert isinstance(result, tuple)
    assert (result[0], result[1].value, result[2].value) == ("range", 0.45, 0.65)


@pytest.mark.parametrize("text", ["0.45–0.65", "0.45-0.65", "10%-20%"])
def test_dash_between_numbers_is_not_a_minus_sign(text: str) -> None:
    assert all(v > 0 for v in values(text))
    assert len(values(text)) == 2


def test_range_with_hedged_bound() -> None:
    result = read_value("~10 to ~20")
    assert result[0] == "range"
    assert result[1].approx and result[2].approx


def test_negative_range_bounds() -> None:
    assert values("from -5 to 5") == [-5, 5]


# -- model names and other lookalikes ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pythia-1B", []),
        ("Qwen2.5", []),
        ("COVID-19", []),
        ("Pythia-1B reaches 0.52", [0.52]),
        ("Qwen2.5 scores 71", [71]),
        ("GPT-4 at 85.2", [85.2]),
        ("ResNet-50 gets 0.61", [0.61]),
        ("Claude-3.5 at 4", [4]),
    ],
)
def test_model_names_yield_no_numbers(text: str, expected: list[float]) -> None:
    assert values(text) == expected


def test_model_name_with_two_numbers_yields_no_number() -> None:
    assert values("Llama-2-7B scores 45") == [45]


def test_no_negative_numbers_from_hyphenated_words() -> None:
    assert all(v >= 0 for v in values("top-5 accuracy of the x-3 variant is 90"))


def test_read_value_rejects_non_values() -> None:
    assert read_value("Pythia-1B") is None
    assert read_value("linear 5") is None
    assert read_value("") is None
    assert read_value("x" * 500) is None


def test_read_value_strips_emphasis() -> None:
    assert read_value("**~0.5**").value == 0.5


def test_normalise_rewrites_powers_and_drops_markup() -> None:
    assert normalise("10⁸") == "10^8"
    assert normalise("10<sup>-3</sup>") == "10^-3"
    assert normalise("$10^{4}$") == "10^4"
    assert normalise("`42`") == "42"


# -- property: a number written in any of these forms reads back as itself -----------


def _plain(v: float) -> str:
    """A decimal without exponent, six significant digits."""
    text = f"{v:.6g}"
    if "e" in text:
        text = f"{float(text):.12f}".rstrip("0").rstrip(".")
    return text


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

# Each form writes mantissa × 10^exponent; the first five write the product as a decimal.
_FORMS: dict[str, Callable[[float, int], str]] = {
    "plain": lambda m, e: _plain(m * 10.0 ** e),
    "tilde": lambda m, e: "~" + _plain(m * 10.0 ** e),
    "approx": lambda m, e: "≈" + _plain(m * 10.0 ** e),
    "words": lambda m, e: "approximately " + _plain(m * 10.0 ** e),
    "percent": lambda m, e: _plain(m * 10.0 ** e) + "%",
    "sci": lambda m, e: f"{m}e{e}",
    "times": lambda m, e: f"{m}×10^{e}",
    "spaced-times": lambda m, e: f"{m} × 10^{e}",
    "superscript": lambda m, e: f"{m}×10" + str(e).translate(_SUPERSCRIPT),
    "html": lambda m, e: f"{m}×10<sup>{e}</sup>",
    "latex": lambda m, e: f"${m}\\times10^{{{e}}}$",
}
_DECIMAL_FORMS = ("plain", "tilde", "approx", "words", "percent")
_HEDGED_FORMS = ("tilde", "approx", "words")


@given(
    mantissa=st.decimals(min_value="0.01", max_value="9999", places=2).map(float),
    exponent=st.integers(min_value=-6, max_value=6),
    form=st.sampled_from(sorted(_FORMS)),
    negative=st.booleans(),
)
def test_any_formatted_number_reads_back_as_itself(
    mantissa: float, exponent: int, form: str, negative: bool
) -> None:
    text = _FORMS[form](mantissa, exponent)
    expected = mantissa * 10.0 ** exponent
    if form in _DECIMAL_FORMS:
        expected = float(_plain(expected))
    if negative and form in ("plain", "sci", "times", "tilde"):
        text = ("~−" + text[1:]) if form == "tilde" else "−" + text
        expected = -expected
    whole = read_value(text)
    assert isinstance(whole, Quantity), text
    assert math.isclose(whole.value, expected, rel_tol=1e-9), (text, whole.value)
    found = scanned(f"the value is {text} here")
    assert len(found) == 1, (text, found)
    assert math.isclose(found[0].value, expected, rel_tol=1e-9), (text, found[0].value)
    assert found[0].approx == (form in _HEDGED_FORMS)
    assert found[0].percent == (form == "percent")


def test_spaced_latex_times_in_a_sentence() -> None:
    assert values("the value is $2.5 \\times 10^{3}$ here") == [2500]


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators_read_back(n: int) -> None:
    text = f"{n:,}"
    assert single(text).value == n


def _general_x_number(text: str, x_words: frozenset[str]) -> int | float | None:
    """x_number with its 'Word 123' fast path turned off."""
    import re

    from chartparse.extract import values_of

    fast = values_of._WORD_THEN_INTEGER
    values_of._WORD_THEN_INTEGER = re.compile(r"(?!)")
    try:
        return values_of.x_number(text, x_words)
    finally:
        values_of._WORD_THEN_INTEGER = fast


@pytest.mark.parametrize("word", ["Epoch", "steps", "Layer", "about", "approx", "Model", "foo", "N", "e"])
@pytest.mark.parametrize("number", ["0", "7", "12", "007", "123456789012345", "98765432109876543"])
def test_x_number_fast_path_reads_as_the_general_path(word: str, number: str) -> None:
    from chartparse.extract.values_of import x_number

    for x_words in (frozenset(), frozenset({"model", "foo"})):
        text = f"{word} {number}"
        fast, general = x_number(text, x_words), _general_x_number(text, x_words)
        assert fast == general and type(fast) is type(general)


def test_an_integer_too_large_for_a_float_is_not_a_value() -> None:
    from chartparse.values import scan

    huge = "9" * 400
    assert [q.value for q in scan(f"{huge} and 7")] == [7]


def test_a_pair_whose_x_has_thousands_commas_and_no_space_reads() -> None:
    from chartparse.values import read_value

    value = read_value("(1,000,100)")
    assert isinstance(value, tuple) and [q.value for q in value] == [1000, 100]


def test_a_plain_x_before_a_power_of_ten_multiplies() -> None:
    from chartparse.values import normalise, scan

    assert [q.value for q in scan(normalise("about 2.5 x 10<sup>-5</sup> A"))] == [2.5e-05]
    assert [q.value for q in scan(normalise("3x faster at 10 steps"))] == [3, 10]


@pytest.mark.parametrize("text, values", [
    ("σ² = 10⁻⁸", [1e-08]),
    ("R^2 = 0.93", [0.93]),
    ("a rate of 3 m^-1", [3]),
    ("10² steps", [100]),
])
def test_the_power_of_a_symbol_or_unit_is_no_quantity(text: str, values: list[float]) -> None:
    assert [q.value for q in scan(normalise(text))] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 40k-55k", [40000, 55000]),
        ("from 1.5K-2K units", [1500, 2000]),
        ("Mistral-7B-v2 at 3", [3]),
    ],
)
def test_a_dash_after_a_magnitude_letter_joins_a_range(text: str, expected: list[float]) -> None:
    assert values(text) == expected
