"""Every extraction fixture under tests/fixtures/extract/, one test per case."""

from __future__ import annotations

import pytest

import chartparse
from fixture_cases import Case, all_cases, field_mismatches, point_mismatches

CASES = all_cases()


def _param(case: Case):  # type: ignore[no-untyped-def]
    marks = [pytest.mark.xfail(strict=True, reason=case.fields["xfail"])] if "xfail" in case.fields else []
    return pytest.param(case, id=f"{case.id} {case.title}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_fixture(case: Case) -> None:
    chart = chartparse.parse(case.text)
    problems = point_mismatches(case, chart) + field_mismatches(case, chart)
    assert not problems, f"{case.id} {case.title}:\n  " + "\n  ".join(problems)


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 10


def test_a_malformed_fixture_names_its_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fixture_cases import read_cases

    path = tmp_path / "bad.txt"
    path.write_text("A title\n.\n## Line Chart: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:\d+: a block is not closed"):
        read_cases(path)
    path.write_text("A title\n.\ntext\n.\nnot an expectation\n.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an expectation"):
        read_cases(path)
