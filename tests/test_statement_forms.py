"""The statement forms: a named, ordered table; every value read says which form read it."""

from __future__ import annotations

import pytest

from chartparse.extract.claims import StatementForm
from chartparse.extract.narrative import Reading, StatementPoint, form_order, read_statement, reading_order
from chartparse.extract.statement_table import STATEMENT_FORMS
from chartparse.extract.text import quantities
from chartparse.extract.value_words import number_in_name
from chartparse.values import scan

# The order decides the result (a number one form claims is skipped by the next), so a
# change to it must be deliberate: update this list with the table.
EXPECTED_ORDER = (
    "statement.tuple",
    "statement.xy-equals",
    "statement.dated-xy",
    "statement.date-then-paren-value",
    "statement.function-value",
    "statement.axis-names-equal",
    "statement.arrow-pair",
    "statement.crossing-line",
    "statement.zero-at-x",
    "statement.x-with-height",
    "statement.value-at-quoted-bin",
    "statement.parallel-lists",
    "statement.respective-lists",
    "statement.respectively-lists",
    "statement.x-colon-value",
    "statement.colon-pair-list",
    "statement.axis-named-pair",
    "statement.x-unit-then-named-y",
    "statement.central-value",
    "statement.x-context",
    "statement.later-month-x",
    "statement.month-x",
    "statement.value-then-paren-x",
    "statement.x-then-paren-value",
    "statement.x-then-named-y",
    "statement.span-change",
    "statement.values-over-span",
    "statement.value-held-over-span",
    "statement.range-summary",
    "statement.value-at-x-list",
    "statement.value-for-several-x",
    "statement.until-x-reaching",
    "statement.at-x-then-value",
    "statement.x-unit-equals-value",
    "statement.unit-named-pair",
    "statement.value-near-x",
    "statement.value-with-x",
    "statement.value-at-x",
    "statement.named-x-then-value",
    "statement.start-end",
)


def _form(name: str) -> StatementForm:
    matches = [f for f in STATEMENT_FORMS if f.name == name]
    assert len(matches) == 1, f"{name} is missing from STATEMENT_FORMS (or listed twice)"
    return matches[0]


def _read_example(form: StatementForm) -> Reading:
    return read_statement(form.example, form.example_x_words, x_context=form.example_x,
                          y_words=form.example_y_words)


def test_form_order_is_stable() -> None:
    assert form_order() == EXPECTED_ORDER


@pytest.mark.parametrize("name", EXPECTED_ORDER)
def test_each_form_reads_its_example_alone(name: str) -> None:
    form = _form(name)
    reading = _read_example(form)
    rules = {p.rule for p in reading.points} | {rule for rule, _, _ in reading.summary_rules.values()}
    # The example is read, and read by this form only: an earlier form does not claim it
    # (later-month-x reads on after the value x-context took at the x in scope).
    assert rules == ({"statement.x-context", name} if name.startswith("statement.later-") else {name})
    assert reading.points or reading.summary


@pytest.mark.parametrize("form", STATEMENT_FORMS, ids=lambda f: f.name)
def test_each_form_has_a_one_line_doc_and_an_example(form: StatementForm) -> None:
    assert form.name.startswith("statement.")
    assert form.doc.strip() and "\n" not in form.doc
    assert form.example.strip() and "\n" not in form.example


@pytest.mark.parametrize(("x_in_scope", "one_number"),
                         [(True, True), (True, False), (False, True), (False, False)])
def test_each_reading_order_keeps_the_table_order(x_in_scope: bool, one_number: bool) -> None:
    order = list(reading_order(x_in_scope, one_number))
    assert order == [name for name in EXPECTED_ORDER if name in order]
    if x_in_scope:
        # With an x in scope, x-context reads the value at that x; only later-month-x follows.
        after = order[order.index("statement.x-context") + 1:]
        assert all(name.startswith("statement.later-") for name in after)
        assert bool(after) == (not one_number)
    else:
        assert "statement.x-context" not in order


def test_a_pair_form_is_skipped_for_one_number() -> None:
    assert reading_order(False, True) == ("statement.zero-at-x", "statement.month-x", "statement.start-end")
    assert reading_order(True, True) == ("statement.x-context",)


def test_point_spans_point_at_the_numbers_in_the_normalised_text() -> None:
    text = "The loss peaks at ~3.5 at 300 steps."
    norm, _ = quantities(text)
    (point,) = read_statement(text).points
    assert isinstance(point, StatementPoint)
    assert (point.x, point.y, point.approx, point.rule) == (300, 3.5, True, "statement.value-at-x")
    assert point.x_start is not None and point.x_end is not None
    assert "3.5" in norm[point.y_start: point.y_end]
    assert norm[point.x_start: point.x_end] == "300"


def test_an_x_from_the_context_has_no_span() -> None:
    (point,) = read_statement("the score is about 0.52", x_context="Round 3").points
    assert point.x == "Round 3"
    assert (point.x_start, point.x_end) == (None, None)
    assert point.rule == "statement.x-context"


def test_a_month_x_spans_the_month_word() -> None:
    text = "Storage peaks at about 180 TB in June."
    norm, _ = quantities(text)
    (point,) = read_statement(text).points
    assert point.x == "June" and point.x_start is not None
    assert norm[point.x_start: point.x_end] == "June"


def test_summary_values_record_their_form_and_span() -> None:
    text = "The accuracy wobbles between 0.45 and 0.65."
    norm, _ = quantities(text)
    reading = read_statement(text)
    assert reading.summary == {"min": 0.45, "max": 0.65}
    rule, start, end = reading.summary_rules["max"]
    assert rule == "statement.range-summary"
    assert norm[start:end] == "0.65"


def test_a_point_that_is_also_the_start_records_both() -> None:
    reading = read_statement("The loss starts at ~5.1 at 100 steps.")
    assert [(p.x, p.y) for p in reading.points] == [(100, 5.1)]
    assert reading.summary == {"start": 5.1}
    assert reading.summary_rules["start"][0] == "statement.value-at-x"


def _rejected(text: str, x_context: int | None = None) -> list[tuple[str, str]]:
    norm, _ = quantities(text)
    reading = read_statement(text, x_context=x_context)
    return [(norm[start:end], reason) for start, end, reason in reading.rejected]


def test_a_number_in_a_name_is_rejected_with_its_reason() -> None:
    assert _rejected("In Round 3 the score is about 0.52.", x_context=3) == [("3", "number-in-name")]


def test_a_range_is_not_the_value_at_an_x_in_scope() -> None:
    reading = read_statement("Epoch 3: between 0.4 and 0.6", x_context=3)
    assert reading.points == []
    assert _rejected("Epoch 3: between 0.4 and 0.6", x_context=3) == [
        ("3", "number-in-name"), ("0.4", "range-not-a-value"), ("0.6", "range-not-a-value")]


def test_a_range_at_a_stated_x_is_rejected() -> None:
    assert read_statement("At step 100 loss in 0.4-0.6 overall.").points == []
    assert _rejected("At step 100 loss in 0.4-0.6 overall.") == [
        ("100", "range-at-x"), ("0.4", "range-at-x"), ("0.6", "range-at-x")]


def test_an_x_restated_in_parentheses_is_rejected() -> None:
    (point,) = read_statement("At step 100 (10%), the loss is 0.5.").points
    assert (point.x, point.y, point.rule) == (100, 0.5, "statement.at-x-then-value")
    assert _rejected("At step 100 (10%), the loss is 0.5.") == [("10%", "x-restated-in-parens")]


def test_a_second_start_is_rejected_not_read() -> None:
    text = "The loss begins at 3, later it starts at 5."
    assert read_statement(text).summary == {"start": 3}
    assert _rejected(text) == [("5", "start-already-read")]


@pytest.mark.parametrize("label", ["x/H", "Acc_test", "pass@k (%)", "√s (GeV)", "Temp. (°C)", "log10(N)"])
def test_a_label_and_a_sentence_naming_it_split_into_the_same_words(label: str) -> None:
    from chartparse.vocab import label_words

    words = label_words(label)
    assert words and label_words(f"At {label} = 3, the value is 0.5.") >= words


def test_form_preconditions_never_change_a_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form skipped by its ``needs`` would have read nothing: every corpus line reads the
    same with the preconditions as with every form run."""
    from pathlib import Path

    from chartparse.extract import narrative

    lines = [line for path in sorted((Path(__file__).parents[1] / "corpus").glob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if any(c.isdigit() for c in line)]
    lines += [form.example for form in STATEMENT_FORMS]
    contexts = [(frozenset(), None, frozenset()),
                (frozenset({"step", "x", "q"}), None, frozenset({"loss", "g"})),
                (frozenset({"epoch"}), 3, frozenset({"accuracy"}))]

    def read_all() -> list[Reading]:
        return [read_statement(line, xw, x_context=x, y_words=yw) for line in lines for xw, x, yw in contexts]

    with_needs = read_all()
    monkeypatch.setattr(narrative, "_has_needs", lambda low, needs: True)
    assert read_all() == with_needs


@pytest.mark.parametrize(("text", "named"), [
    ("Checkpoint 3 reaches 80%", True),      # a capitalised word and its number name a thing
    ("Occupies 11.2% of the pie", False),    # a share after the verb that opens the clause
    ("Top 10% 45%", True),                   # ... unless a number follows it: the share names the group
    ("Labeled 78", False),                   # a stating word
])
def test_a_number_after_a_capitalised_word_is_part_of_a_name(text: str, named: bool) -> None:
    first = scan(text)[0]
    assert number_in_name(text, first) is named
