"""Properties that hold for every input: parse never raises, results serialise, values read back.

The number of examples comes from the hypothesis profile in ``conftest.py`` ("ci" by
default, ``HYPOTHESIS_PROFILE=dev`` for a longer run).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import string
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import chartparse
from chartparse import Chart
from chartparse.export import FORMATS
from chartparse.values import normalise, read_value, scan

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CORPUS_LINES = sorted({
    line for path in CORPUS.glob("*.md") for line in path.read_text(encoding="utf-8").splitlines()
})

# -- text strategies ------------------------------------------------------------------

MARKDOWN_CHARS = "#*-|:()[]~≈%.,_`>+=^×⁰¹²³⁸⁻–—\"'/\\ \t\n"
CONTROL_CHARS = "".join(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)) + (
    "\u200b\u202e\ufeff\u2028\u2029\ufffd\x85")
ALPHABET = MARKDOWN_CHARS + string.ascii_letters + string.digits + CONTROL_CHARS
HUGE = ("1e400", "-1e400", "10^999", "10⁹⁹⁹", "2.5×10^400", "9" * 400, "1e-400", "1e308",
        "10^400", "1,000,000,000,000,000,000,000", "0." + "0" * 300 + "1", "NaN", "inf")
TOKENS = ("# ", "## ", "### ", "* ", "- ", "1. ", "**", "**Key:** ", "* **X-Axis:** ",
          "* **Legend:** ", "| a | b |", "|---|---|", "(", ")", ", ", "~", "≈", "%", " at ",
          " to ", "between ", " and ", "Epoch ", "Step ", "**Chart 1: A**", "\n", "\n    ",
          ": ", "Starts at ", "Peaks at ", " steps", "B tokens", "\t", "> ")

nasty_text = st.text(alphabet=ALPHABET, max_size=600)
fragment = st.one_of(
    st.sampled_from(TOKENS),
    st.sampled_from(HUGE),
    st.text(alphabet=ALPHABET, max_size=6),
    st.integers(-10**12, 10**12).map(str),
    st.floats(allow_nan=False).map(repr),
)
markdownish = st.lists(fragment, max_size=60).map("".join)
corpus_remix = st.lists(st.sampled_from(CORPUS_LINES), max_size=50).map("\n".join)


@st.composite
def deep_nesting(draw) -> str:
    depth = draw(st.integers(1, 600))
    unit = draw(st.sampled_from(("  ", " ", "\t", "> ", "- ", "**", "(", "[", "|")))
    kind = draw(st.sampled_from(("list", "run")))
    if kind == "list":
        return "\n".join(unit * i + f"- Epoch {i}: ~{i}" for i in range(depth)) + "\n"
    return "* Epoch 1: " + unit * depth + "~5\n"


any_text = st.one_of(nasty_text, markdownish, corpus_remix, deep_nesting())


# -- never raises, always serialises --------------------------------------------------

@given(any_text)
def test_parse_never_raises(text: str) -> None:
    chart = chartparse.parse(text)
    assert isinstance(chart, Chart)
    assert chart.schema_version == chartparse.SCHEMA_VERSION


@given(st.binary(max_size=400))
def test_parse_bytes_never_raises(data: bytes) -> None:
    chart = chartparse.parse_bytes(data)
    assert isinstance(chart, Chart)


@given(any_text)
def test_result_serialises_and_validates(text: str) -> None:
    chart = chartparse.parse(text)
    payload = chart.to_json()
    data = json.loads(payload)
    assert data["schema_version"] == chartparse.SCHEMA_VERSION
    again = Chart.model_validate_json(payload)
    assert again.to_json() == payload
    for series in chart.series:
        for point in series.points:
            assert isinstance(point.y, int | float) and math.isfinite(point.y)


@pytest.mark.parametrize("number", ["1e400", "-1e400", "2.5e999"])
def test_huge_numbers_serialise(number: str) -> None:
    chart = chartparse.parse(f"## Line Chart: X\n* Epoch 1: ~{number}\n* Epoch 2: ~5\n")
    Chart.model_validate_json(chart.to_json())
    assert all(math.isfinite(p.y) for s in chart.series for p in s.points)


@given(any_text)
def test_csv_rows_equal_points(text: str) -> None:
    chart = chartparse.parse(text)
    points = sum(len(s.points) for s in chart.series)
    assert len(chart.point_rows()) == points
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"].write(chart))))
    assert len(rows) == points
    assert [r["series"] for r in rows] == [s.name for s in chart.series for _ in s.points]


# -- the value grammar reads every formatted number back --------------------------------

@st.composite
def decimals(draw, lo: int = 0) -> tuple[str, float]:
    """A plain decimal as text, and its value."""
    mant = draw(st.integers(lo, 10**9))
    places = draw(st.integers(0, 6))
    text = f"{mant / 10**places:.{places}f}" if places else str(mant)
    return text, float(text)


signs = st.sampled_from(("", "-", "−"))


def _one(text: str):
    value = read_value(text)
    assert value is not None and not isinstance(value, tuple), text
    found = scan(normalise(text))
    assert len(found) == 1, (text, found)
    assert found[0].value == pytest.approx(value.value, rel=1e-12, abs=0), text
    return value


@given(decimals(), signs, st.sampled_from(("~", "≈", "approximately ", "about ", "")))
def test_hedged_numbers_read_back(number: tuple[str, float], sign: str, hedge: str) -> None:
    text, value = number
    q = _one(f"{hedge}{sign}{text}")
    assert q.value == pytest.approx(-value if sign else value, rel=1e-12)
    assert q.approx == bool(hedge)


@given(decimals())
def test_percent_reads_back(number: tuple[str, float]) -> None:
    q = _one(f"{number[0]}%")
    assert q.percent and q.value == pytest.approx(number[1], rel=1e-12)


@given(st.integers(1000, 10**15), st.integers(0, 3))
def test_thousands_separators_read_back(whole: int, places: int) -> None:
    text = f"{whole:,}" + (f".{'5' * places}" if places else "")
    q = _one(text)
    assert q.value == pytest.approx(float(text.replace(",", "")), rel=1e-12)


@given(st.integers(1, 999_999), st.sampled_from("kK"))
def test_kilo_scales_by_a_thousand(tenths: int, letter: str) -> None:
    text = f"{tenths / 10:.1f}{letter}"
    assert _one(text).value == pytest.approx(tenths * 100, rel=1e-12)


@given(st.integers(1, 999), st.sampled_from("MBT"))
def test_million_billion_stay_as_written(n: int, letter: str) -> None:
    q = _one(f"{n}{letter}")
    assert q.value == n and q.magnitude == letter


@given(st.integers(1, 999), st.integers(-300, 300), st.sampled_from(("e", "E")))
def test_scientific_reads_back(mant: int, exp: int, e: str) -> None:
    text = f"{mant / 100:.2f}{e}{exp}"
    assert _one(text).value == pytest.approx(float(text), rel=1e-12)


@given(st.integers(-300, 300), st.booleans())
def test_powers_of_ten_read_back(exp: int, superscript: bool) -> None:
    power = str(exp).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")) if superscript \
        else f"^{exp}"
    assert _one(f"10{power}").value == pytest.approx(10.0**exp, rel=1e-12)


@given(st.integers(1, 99), st.integers(-30, 30), st.sampled_from(("×", " × ", "*")))
def test_times_ten_to_the_reads_back(mant: int, exp: int, times: str) -> None:
    text = f"{mant / 10:.1f}{times}10^{exp}"
    assert _one(text).value == pytest.approx(mant / 10 * 10.0**exp, rel=1e-9)


@given(decimals(), decimals(), st.sampled_from(("~", "")))
def test_pairs_read_back(x: tuple[str, float], y: tuple[str, float], hedge: str) -> None:
    text = f"({x[0]}, {hedge}{y[0]})"
    pair = read_value(text)
    assert isinstance(pair, tuple) and len(pair) == 2, text
    assert (pair[0].value, pair[1].value) == (pytest.approx(x[1]), pytest.approx(y[1]))
    assert pair[1].approx == bool(hedge)
    assert [q.value for q in scan(normalise(text))] == [pytest.approx(x[1]), pytest.approx(y[1])]


@given(decimals(), decimals(), st.sampled_from(("{a}–{b}", "{a}-{b}", "{a} to {b}",
                                                "between {a} and {b}", "Between {a} and {b}")))
def test_ranges_read_back(a: tuple[str, float], b: tuple[str, float], form: str) -> None:
    text = form.format(a=a[0], b=b[0])
    value = read_value(text)
    assert isinstance(value, tuple) and value[0] == "range", text
    assert (value[1].value, value[2].value) == (pytest.approx(a[1]), pytest.approx(b[1]))
    assert [q.value for q in scan(normalise(text))] == [pytest.approx(a[1]), pytest.approx(b[1])]


def test_from_to_range_reads_back() -> None:
    value = read_value("from 1 to 2")
    assert isinstance(value, tuple) and value[0] == "range"


@pytest.mark.parametrize("text", ["10^999", "2^2000", "10^401"])
def test_out_of_range_powers_are_not_misread(text: str) -> None:
    value = read_value(text)
    assert value is None or value.value != int(text.split("^")[0])


# -- strings from the grammar itself ------------------------------------------------

@functools.cache
def _grammar_strings() -> st.SearchStrategy[str]:
    from hypothesis.extra.lark import from_lark
    from lark import Lark

    from chartparse.grammar_files import grammar_text

    grammar = Lark(grammar_text("values.lark"), parser="lalr", lexer="contextual")
    # Words and signs get the spacing real text has (from_lark may glue "1B" to
    # "and"); numbers and powers stay where a float holds them.
    explicit = {
        "HEDGE": st.sampled_from(("~", "≈", "∼", "approximately ", "about ", "around ",
                                  "roughly ", "nearly ", "approx. ", "ca. ")),
        "NUMBER": st.one_of(
            st.integers(1, 10**6).map(str),  # no zero: '0^-1' has no value
            st.decimals("0.001", 10**6, places=3).map(str),
            st.builds("{}e{}".format, st.integers(1, 99), st.integers(-9, 9)),
            st.integers(1000, 10**9).map("{:,}".format),
        ),
        "POWER": st.integers(-3, 3).map("^{}".format),
        "MAGNITUDE": st.sampled_from("kKMBT"),
        "_BETWEEN": st.just("between "),
        "_AND": st.just(" and "),
        "_FROM": st.just("from "),
        "_TO": st.just(" to "),
        "_RANGE_SEP": st.sampled_from(("-", "–", "—", " to ")),
    }
    return from_lark(grammar, explicit=explicit, alphabet=st.characters(codec="ascii"))


@given(st.deferred(lambda: _grammar_strings()))
@example("1-1e-5*10^0k")  # found by the dev profile: a number in e-notation times a power of ten
def test_every_grammar_string_reads(text: str) -> None:
    value = read_value(text)
    assert value is not None, repr(text)


@pytest.mark.parametrize("text", ["(1,100)", "(1,1000)", "(10,100)"])
def test_pair_without_space_after_the_comma_reads(text: str) -> None:
    value = read_value(text)
    assert isinstance(value, tuple) and len(value) == 2, text
