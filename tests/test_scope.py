"""Scope, the walker's record of where a line stands, is copied and never changed."""

from __future__ import annotations

import pytest

from chartparse.extract.scope import Scope
from chartparse.extract.state import SeriesDraft


def test_but_changes_only_the_named_fields_of_a_copy() -> None:
    series = SeriesDraft("Loss", None)
    scope = Scope("data", panel="(a)", series=series, x=3, in_container=True, inherited=True)
    copy = scope.but(x=4, inherited=False)
    assert copy == Scope("data", panel="(a)", series=series, x=4, in_container=True, inherited=False)
    assert scope == Scope("data", panel="(a)", series=series, x=3, in_container=True, inherited=True)


@pytest.mark.parametrize(("field", "value"), [
    ("role", "legend"), ("panel", "(b)"), ("series", SeriesDraft("Acc", None)), ("x", "Q3"),
    ("in_container", False), ("inherited", False),
])
def test_but_changes_each_field_alone(field: str, value: object) -> None:
    scope = Scope("data", panel="(a)", series=SeriesDraft("Loss", None), x=3, in_container=True,
                  inherited=True)
    copy = scope.but(**{field: value})
    for name in ("role", "panel", "series", "x", "in_container", "inherited"):
        assert getattr(copy, name) == (value if name == field else getattr(scope, name)), name


def test_but_can_clear_a_field_to_none() -> None:
    scope = Scope("data", panel="(a)", series=SeriesDraft("Loss", None), x=3)
    assert scope.but(panel=None, series=None, x=None) == Scope("data")


def test_but_with_nothing_named_is_an_equal_copy() -> None:
    scope = Scope("legend", panel="left")
    assert scope.but() == scope
    assert scope.but() is not scope
