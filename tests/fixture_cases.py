"""Extraction fixtures as data, in markdown-it-py's fixture style (see tests/fixtures/README.md).

A case is a title line, ``.``, the description, ``.``, the expectations, ``.``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from chartparse import Chart

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
_FIELD = re.compile(r"^(kind|title|legend|series|panels|truncated|warns|xfail|axis [a-z0-9]+)\s*:\s*(.*)$")


@dataclass
class Case:
    file: str
    line: int
    title: str
    text: str
    points: list[tuple[str, str | None, str, str]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}"


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if i + 1 >= len(lines) or lines[i + 1] != ".":
            raise ValueError(f"{path.name}:{i + 1}: a case title must be followed by a '.' line")
        title_line = i + 1
        body, i = _block(lines, i + 2, path)
        expect, i = _block(lines, i, path)
        case = Case(path.name, title_line, lines[title_line - 1], "\n".join(body) + "\n")
        for row in expect:
            _expectation(case, row, path)
        if case.fields.get("truncated") == "yes":
            case.text = case.text[:-1]  # a cut-off description ends without a newline
        cases.append(case)
    return cases


def _block(lines: list[str], start: int, path: Path) -> tuple[list[str], int]:
    out: list[str] = []
    i = start
    while i < len(lines) and lines[i] != ".":
        out.append(lines[i])
        i += 1
    if i >= len(lines):
        raise ValueError(f"{path.name}:{start}: a block is not closed by a '.' line")
    return out, i + 1


def _expectation(case: Case, row: str, path: Path) -> None:
    if not row.strip():
        return
    m = _FIELD.match(row)
    if m:
        case.fields[m.group(1)] = m.group(2).strip()
        return
    parts = [p.strip() for p in row.split("|")]
    if len(parts) != 4:
        raise ValueError(f"{path.name} ({case.title}): not an expectation: {row!r}")
    series, panel, x, y = parts
    case.points.append((series, None if panel == "-" else panel, x, y))


def all_cases() -> list[Case]:
    return [case for path in sorted(FIXTURES.glob("*.txt")) for case in read_cases(path)]


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _same_x(expected: str, got: object) -> bool:
    number = _number(expected)
    if number is not None and isinstance(got, int | float) and not isinstance(got, bool):
        return math.isclose(number, float(got), rel_tol=1e-9, abs_tol=1e-12)
    return " ".join(expected.lower().split()) == " ".join(str(got).lower().split())


def _fold(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def point_mismatches(case: Case, chart: Chart) -> list[str]:
    """What differs between the case's point rows and the chart's points (empty: none)."""
    got = [(s.name, s.panel, p.x, p.y, p.approx) for s in chart.series for p in s.points]
    unmatched = list(got)
    problems: list[str] = []
    for series, panel, x, y in case.points:
        approx = y.startswith("~")
        y_value = float(y.lstrip("~").replace(",", ""))
        hit = next((g for g in unmatched if (series == "*" or _fold(series) == _fold(g[0]))
                    and _fold(panel) == _fold(g[1]) and _same_x(x, g[2])
                    and math.isclose(y_value, float(g[3]), rel_tol=1e-9, abs_tol=1e-12)
                    and approx == g[4]), None)
        if hit is None:
            problems.append(f"missing {series} | {panel or '-'} | {x} | {y}")
        else:
            unmatched.remove(hit)
    problems += [f"unexpected {g[0]} | {g[1] or '-'} | {g[2]} | {'~' if g[4] else ''}{g[3]}"
                 for g in unmatched]
    return problems


def field_mismatches(case: Case, chart: Chart) -> list[str]:
    problems: list[str] = []
    f = case.fields
    if "kind" in f and chart.kind != f["kind"]:
        problems.append(f"kind {chart.kind!r} != {f['kind']!r}")
    if "title" in f and _fold(chart.title) != _fold(f["title"]):
        problems.append(f"title {chart.title!r} != {f['title']!r}")
    if "legend" in f:
        want = [s.strip() for s in f["legend"].split(";") if s.strip() and s.strip() != "-"]  # '-': none
        have = [e.label for e in chart.legend.entries]
        if [_fold(w) for w in want] != [_fold(h) for h in have]:
            problems.append(f"legend {have} != {want}")
    if "series" in f:  # every series, empty ones too, by name in order
        want = [s.strip() for s in f["series"].split(";") if s.strip()]
        have = [s.name for s in chart.series]
        if [_fold(w) for w in want] != [_fold(h) for h in have]:
            problems.append(f"series {have} != {want}")
    if "panels" in f and len(chart.panels) != int(f["panels"]):
        problems.append(f"panels {len(chart.panels)} != {f['panels']}")
    if "truncated" in f and chart.truncated != (f["truncated"] == "yes"):
        problems.append(f"truncated {chart.truncated} != {f['truncated']}")
    if "warns" in f:  # 'warns: short-row; truncated': each code is among the diagnostics
        codes = {d.code for d in chart.diagnostics}
        problems += [f"no {code!r} diagnostic" for code in (c.strip() for c in f["warns"].split(";"))
                     if code and code not in codes]
    for key, value in f.items():
        if key.startswith("axis "):
            problems += _axis_mismatches(chart, key.split()[1], value)
    return problems


def _axis_mismatches(chart: Chart, role: str, spec: str) -> list[str]:
    axis = next((a for a in chart.axes if a.role == role and a.panel is None), None)
    if axis is None:
        return [f"no {role} axis"]
    problems = []
    for item in spec.split(";"):
        if "=" not in item:
            continue
        name, want = (s.strip() for s in item.split("=", 1))
        have = getattr(axis, name, None)
        if want == "-":
            ok = have is None
        elif name in ("min", "max"):
            ok = have is not None and _number(want) is not None and math.isclose(
                float(have), float(_number(want) or 0), rel_tol=1e-9, abs_tol=1e-12)
        else:
            ok = _fold(str(have) if have is not None else None) == _fold(want)
        if not ok:
            problems.append(f"axis {role} {name} {have!r} != {want!r}")
    return problems
