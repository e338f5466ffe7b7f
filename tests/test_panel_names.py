"""Panel titles read by their own words."""

from __future__ import annotations

import pytest

from chartparse.extract.names import names_a_panel, panel_name


@pytest.mark.parametrize(("title", "name"), [
    ("Left Panel Charts", "Left Panel"),  # a key over the charts of one side names that side's panel
    ("Right Panel Plots:", "Right Panel"),
    ("Panel Charts of Growth", "Panel Charts of Growth"),  # 'Charts' inside a title stays
    ("Top-Left: ARC", "ARC"),
])
def test_panel_name(title: str, name: str) -> None:
    assert panel_name(title) == name


@pytest.mark.parametrize(("title", "is_panel"), [
    ("a.1: Y(ε)", True),  # a sub-panel label, then the panel's title
    ("b.3) Drift", True),
    ("a.1 is the first", False),  # no colon or bracket after the label
    ("(a) Loss", True),
    ("Model Results", False),
])
def test_sub_panel_labels(title: str, is_panel: bool) -> None:
    assert names_a_panel(title) is is_panel


def test_diagram_label_names_a_panel() -> None:
    assert names_a_panel("Diagram (b)")
