"""Stage 2 (chartparse.blocks + grammar/blocks.lark): text -> typed lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chartparse.blocks import Line, clean_key, indent_width, parse_lines, split_row
from chartparse.grammar_files import terminal_patterns


def lines_of(text: str) -> list[Line]:
    lines, error = parse_lines(text)
    assert error is None, error
    return lines


def one(text: str) -> Line:
    lines = lines_of(text)
    assert len(lines) == 1, lines
    return lines[0]


# -- headings ----------------------------------------------------------------------


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_heading_levels(level: int) -> None:
    line = one("#" * level + " Results\n")
    assert line.kind == "heading"
    assert line.level == level
    assert line.text == "Results"
    assert line.key is None


def test_heading_with_key_and_title() -> None:
    line = one("## Line Chart: Loss over Epochs\n")
    assert (line.kind, line.level) == ("heading", 2)
    assert line.key == "Line Chart"
    assert line.text == "Loss over Epochs"
    assert line.full_text == "Line Chart: Loss over Epochs"


def test_seven_hashes_or_no_space_is_not_a_heading() -> None:
    assert one("####### deep\n").kind == "para"
    assert one("#hashtag\n").kind == "para"


# -- list items ----------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["*", "-", "+", "•"])
def test_bullet_markers(marker: str) -> None:
    line = one(f"{marker} Some item\n")
    assert line.kind == "item"
    assert line.marker == marker
    assert line.text == "Some item"
    assert not line.numbered


@pytest.mark.parametrize("marker", ["1.", "12)", "(3)"])
def test_numbered_markers(marker: str) -> None:
    line = one(f"{marker} Step\n")
    assert line.kind == "item"
    assert line.marker == marker
    assert line.text == "Step"


def test_numbered_flag_is_true_for_digit_markers() -> None:
    assert one("1. Step\n").numbered
    assert one("2) Step\n").numbered


def test_letter_marker() -> None:
    line = one("a. First panel\n")
    assert (line.kind, line.marker, line.text) == ("item", "a.", "First panel")


def test_abbreviation_is_not_a_letter_marker() -> None:
    assert one("e.g. a sentence\n").kind == "para"


@pytest.mark.parametrize(
    ("prefix", "width"),
    [("", 0), ("  ", 2), ("    ", 4), ("\t", 4), ("\t\t", 8), ("  \t", 6)],
)
def test_item_indentation_width(prefix: str, width: int) -> None:
    line = one(f"{prefix}* nested\n")
    assert line.kind == "item"
    assert line.indent == width


def test_indent_width_counts_tabs_as_four() -> None:
    assert indent_width("\t \t") == 9


def test_indented_paragraph_keeps_its_indent() -> None:
    line = one("   continued text\n")
    assert (line.kind, line.indent, line.text) == ("para", 3, "continued text")


# -- key: value ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "* **X-Axis:** Training steps\n",
        "* **X-Axis**: Training steps\n",
        "* X-Axis: Training steps\n",
        "**X-Axis:** Training steps\n",
        "X-Axis: Training steps\n",
    ],
)
def test_key_value_forms(text: str) -> None:
    line = one(text)
    assert line.key == "X-Axis"
    assert line.text == "Training steps"


def test_key_without_value() -> None:
    line = one("- **Epoch 1**:\n")
    assert line.kind == "item"
    assert line.key == "Epoch 1"
    assert line.text == ""
    assert line.full_text == "Epoch 1:"


def test_only_the_first_colon_splits_key_and_value() -> None:
    line = one("* Ratio: 3:1 overall\n")
    assert (line.key, line.text) == ("Ratio", "3:1 overall")


def test_a_plain_key_holds_no_unclosed_parenthesis() -> None:
    line = one("- Median ≈ 0.4 (IQR: 0.3–0.5)\n")
    assert line.key is None
    assert line.text == "Median ≈ 0.4 (IQR: 0.3–0.5)"


def test_a_plain_key_may_hold_a_closed_parenthesis() -> None:
    line = one("- Y-axis (left): Accuracy\n")
    assert (line.key, line.text) == ("Y-axis (left)", "Accuracy")
    line = one('- Blue ("Correct (All)"): 52\n')
    assert (line.key, line.text) == ('Blue ("Correct (All)")', "52")


def test_line_without_key() -> None:
    line = one("* rises steadily after 40 steps\n")
    assert line.key is None
    assert line.text == "rises steadily after 40 steps"


def test_clean_key_strips_markup() -> None:
    assert clean_key("**X-Axis:** ") == "X-Axis"
    assert clean_key("**X-Axis**: ") == "X-Axis"
    assert clean_key("X-Axis: ") == "X-Axis"


def test_bold_only_line() -> None:
    line = one("**2. Validation Accuracy (Red Line)**\n")
    assert line.kind == "para"
    assert line.key is None
    assert line.bold_title() == "2. Validation Accuracy (Red Line)"


def test_bold_only_line_with_trailing_colon_is_a_key() -> None:
    line = one("**Validation Accuracy**:\n")
    assert line.key == "Validation Accuracy"
    assert line.text == ""


def test_bold_title_is_none_for_ordinary_text() -> None:
    assert one("**Bold** start, then plain words\n").bold_title() is None


# -- tables --------------------------------------------------------------------------


def test_table_is_one_line_with_rows_and_no_separator() -> None:
    text = (
        "| Model | Score |\n"
        "|:------|------:|\n"
        "| Alpha | 71.5 |\n"
        "| Beta | 64 |\n"
    )
    line = one(text)
    assert line.kind == "table"
    assert (line.line, line.end_line) == (1, 4)
    assert line.rows == [["Model", "Score"], ["Alpha", "71.5"], ["Beta", "64"]]


def test_table_escaped_pipe_stays_in_its_cell() -> None:
    line = one("| Name | Value |\n| a \\| b | 3 |\n")
    assert line.rows == [["Name", "Value"], ["a \\| b", "3"]]


def test_split_row_without_outer_pipes() -> None:
    assert split_row("a | b | c") == ["a", "b", "c"]


def test_two_tables_separated_by_text() -> None:
    lines = lines_of("| a |\n| 1 |\n\ntext\n| b |\n| 2 |\n")
    assert [line.kind for line in lines] == ["table", "para", "table"]
    assert (lines[2].line, lines[2].end_line) == (5, 6)


@pytest.mark.parametrize("after", ["  * next item\n", "\t\n", "   plain words\n"])
def test_indented_line_after_a_table(after: str) -> None:
    lines, error = parse_lines("| a | b |\n|---|---|\n| 1 | 2 |\n" + after)
    assert error is None
    assert lines[0].kind == "table"


# -- rules and blank lines -----------------------------------------------------------


@pytest.mark.parametrize("rule", ["---", "***", "___", "- - -", "-----"])
def test_rules(rule: str) -> None:
    line = one(rule + "\n")
    assert line.kind == "rule"


def test_blank_lines_with_spaces_produce_no_lines() -> None:
    lines = lines_of("# Title\n   \n\t\n\nText\n")
    assert [(line.kind, line.line) for line in lines] == [("heading", 1), ("para", 5)]


def test_text_without_final_newline() -> None:
    lines = lines_of("# Title\n* last item")
    assert lines[-1].text == "last item"
    assert lines[-1].line == 2


def test_empty_text() -> None:
    assert parse_lines("") == ([], None)


# -- line numbers --------------------------------------------------------------------


def test_line_numbers_are_true_to_the_source() -> None:
    text = (
        "## Bar Chart: Sales\n"  # 1
        "\n"  # 2
        "### Components\n"  # 3
        "* **X-Axis:** Region\n"  # 4
        "   \n"  # 5
        "  - North: 12\n"  # 6
        "---\n"  # 7
        "| a | b |\n"  # 8
        "|---|---|\n"  # 9
        "| 1 | 2 |\n"  # 10
        "\n"  # 11
        "**Notes**\n"  # 12
        "Closing words.\n"  # 13
    )
    got = [(line.kind, line.line) for line in lines_of(text)]
    assert got == [
        ("heading", 1),
        ("heading", 3),
        ("item", 4),
        ("item", 6),
        ("rule", 7),
        ("table", 8),
        ("para", 12),
        ("para", 13),
    ]


# -- every text is accepted ----------------------------------------------------------

_LEADS = ["", "# ", "## ", "####### ", "* ", "- ", "+ ", "• ", "1. ", "2) ", "(3) ", "a. ",
          "| ", "|", "---", "***", "**", "**Key:** ", "**Key**: ", "Key: ", "`", "\\n"]
_INDENTS = ["", " ", "  ", "\t", "    "]


def _markdownish(alphabet: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Lines built from Markdown-like leads and arbitrary bodies, joined by newlines."""
    body = st.text(alphabet=alphabet, max_size=40)
    line = st.tuples(st.sampled_from(_INDENTS), st.sampled_from(_LEADS), body).map("".join)
    return st.lists(line, max_size=12).map("\n".join)


_ANY_CHAR = st.one_of(
    st.sampled_from(list("#*-+•|:()[]_`\\~ \t\n1a.")),
    st.characters(blacklist_categories=("Cs",)),
)
_MARKDOWNISH = _markdownish(_ANY_CHAR)


@given(st.one_of(_MARKDOWNISH, st.text(max_size=300)))
def test_grammar_accepts_every_text(text: str) -> None:
    """parse_lines never raises, never falls back, and keeps line numbers in range."""
    lines, error = parse_lines(text)
    assert error is None
    count = text.count("\n") + 1
    for line in lines:
        assert 1 <= line.line <= line.end_line <= count


# BOLD_KEY as first written: the shortest bold body (lazy) that a close follows. The
# grammar reads it greedily without backtracking, which must find the same key.
_LAZY_BOLD_KEY = re.compile(r"\*\*(?:[^*\n]|\*(?!\*)){1,160}?"
                            r"(?::[ \t]*\*\*|\*\*[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?:)[ \t]*")
_KEY_PIECES = ["*", "**", ":", ": ", ":**", "**:", " ", "\t", "a", "Key", "(", ")", "(n)", "é", "`", "\n"]


def _span(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    found = pattern.match(text)
    return found.span() if found else None


@given(st.lists(st.sampled_from(_KEY_PIECES), max_size=14), st.integers(0, 170),
       st.sampled_from(_KEY_PIECES))
def test_bold_key_is_the_shortest_bold_body_a_close_follows(pieces: list[str], run: int, fill: str) -> None:
    text = "**" + fill * run + "".join(pieces)
    greedy = re.compile(terminal_patterns("blocks.lark")["BOLD_KEY"])
    assert _span(greedy, text) == _span(_LAZY_BOLD_KEY, text)


def test_a_bold_key_ending_in_an_escaped_star_keeps_it() -> None:
    assert one("* **Grounding Type \\*:** 0.27\n").key == "Grounding Type \\*"
    assert clean_key("**Tag \\*:**") == "Tag \\*"
    assert clean_key("**Loss*:**") == "Loss"  # an unescaped star is emphasis


def test_an_italic_key_is_a_key_and_a_long_italic_sentence_is_not() -> None:
    text = "* *Label:* \"Minutes\"\n* *Cross-referencing the legend colours with each line:*\n"
    lines, _ = parse_lines(text)
    assert (lines[0].key, lines[0].text) == ("Label", '"Minutes"')
    assert lines[1].key is None


def test_a_pipe_inside_inline_math_is_no_cell_border() -> None:
    cells = split_row(r"| Cost \( |V| \times d \) | Memory (GB) |")
    assert cells == [r"Cost \( |V| \times d \)", "Memory (GB)"]
    assert split_row("| $|x|$ | 3 |") == ["$|x|$", "3"]


def test_prices_in_dollars_are_no_formula() -> None:
    assert split_row("| $5 | $10 | a |") == ["$5", "$10", "a"]
    assert split_row("| $5| x |$10 |") == ["$5", "x", "$10"]
