"""``chartparse explain``: every line with the rule that read it, every number with its fate.

Each number in the text is *claimed* (a rule used it: a point, an axis range or tick,
a summary, a name), *rejected* with a named reason (it stands in a section that holds
no data, or restates a value claimed elsewhere), or *unclaimed*: a number nobody
accounted for, which is where a writing style the rules do not read yet shows itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .blocks import Line, parse_lines
from .explain_credit import consumed_numbers
from .extract import extract_lines, to_dict
from .extract.state import ChartDraft
from .lost_values import DATA_RULE_PREFIXES
from .models import Chart, Diagnostic
from .number_columns import raw_numbers
from .rejection_spans import rejected_spans, rejection_for
from .rejections import LINE_REASONS, LIST_NUMBERING, LOSS_NOT_EXCUSED
from .source import Source, from_text

ROLES = ("point", "axis", "tick", "summary", "legend", "panel", "meta")
_MAX_LINE = 4096  # longer lines are explained as one block of text, their numbers unscanned


@dataclass(slots=True)
class NumberMark:
    text: str
    start: int
    end: int
    value: float | None
    claimed_by: str | None = None
    role: str | None = None
    reason: str | None = None
    point: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "claimed_by": self.claimed_by, "role": self.role, "reason": self.reason,
                "point": list(self.point) if self.point else None}


@dataclass(slots=True)
class ExplainedLine:
    line: int
    text: str
    block: str
    rule: str | None
    produced: list[str] = field(default_factory=list)
    numbers: list[NumberMark] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "block": self.block, "rule": self.rule,
                "produced": self.produced, "numbers": [n.to_dict() for n in self.numbers]}


@dataclass(slots=True)
class Explanation:
    chart: Chart
    lines: list[ExplainedLine]
    claimed: int
    rejected: int
    unclaimed: int
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def numbers(self) -> int:
        return self.claimed + self.rejected + self.unclaimed

    def to_dict(self) -> dict[str, Any]:
        return {"lines": [ln.to_dict() for ln in self.lines], "claimed": self.claimed,
                "rejected": self.rejected, "unclaimed": self.unclaimed,
                "diagnostics": [d.model_dump() for d in self.diagnostics],
                "chart": self.chart.to_dict()}


@dataclass(slots=True)
class _Claim:
    value: float
    rule: str
    role: str
    point: tuple[int, int] | None = None


def explain_text(text: str, source: str | None = None) -> Explanation:
    """Read ``text`` and account for every line and number in it."""
    src = from_text(text)
    src.path = source
    return explain_source(src)


def explain_source(src: Source) -> Explanation:
    lines, _ = parse_lines(src.text)
    draft = extract_lines(lines, src.text)
    data = to_dict(draft)
    data["source"] = src.path
    chart = Chart.model_validate(data)
    raw_lines = src.text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    blocks = _block_kinds(lines, len(raw_lines))
    claims = _claims_by_line(draft, chart)
    names = _names_in(chart)
    produced = _produced_by_line(chart)
    texts = {ln.line: ln.text for ln in lines if ln.kind != "table"}
    out: list[ExplainedLine] = []
    for no, raw in enumerate(raw_lines, start=1):
        rule = draft.trace.lines.get(no)
        entry = ExplainedLine(no, raw, blocks.get(no, "blank" if not raw.strip() else "text"), rule,
                              produced.get(no, []))
        entry.numbers = _marks(raw, claims.get(no, []), rule)
        _mark_names(raw, entry.numbers, names)
        _mark_consumed(entry.numbers, texts.get(no, ""), rule)
        _mark_rejections(raw, entry.numbers)
        out.append(entry)
    _mark_restated(out, chart)
    counts = {"claimed": 0, "rejected": 0, "unclaimed": 0}
    for entry in out:
        for mark in entry.numbers:
            key = "claimed" if mark.claimed_by else "rejected" if mark.reason else "unclaimed"
            counts[key] += 1
    diagnostics = unclaimed_value_warnings(out)
    chart.diagnostics.extend(diagnostics)
    return Explanation(chart, out, counts["claimed"], counts["rejected"], counts["unclaimed"],
                       diagnostics)


def unclaimed_value_warnings(lines: list[ExplainedLine]) -> list[Diagnostic]:
    """An ``unclaimed-values`` warning for each line whose numbers no rule claimed or
    rejected: a loss nobody claims shows itself instead of vanishing."""
    out: list[Diagnostic] = []
    for ln in lines:
        if _lost_line(ln):
            shown = ", ".join(m.text.strip() for m in ln.numbers[:4])
            more = ", ..." if len(ln.numbers) > 4 else ""
            out.append(Diagnostic(severity="warning", code="unclaimed-values", line=ln.line,
                                  message=f"no rule read the numbers of this line ({shown}{more})"))
    return out


def _lost_line(ln: ExplainedLine) -> bool:
    """No number claimed and none rejected; or, on a line a data rule read, none rejected
    by a reason that excuses the loss (as ``parse`` judges it, see lost_values)."""
    if not ln.numbers or any(m.claimed_by for m in ln.numbers):
        return False
    if all(m.reason is None for m in ln.numbers):
        return True
    return (ln.rule or "").startswith(DATA_RULE_PREFIXES) and all(
        m.reason is None or m.reason in LOSS_NOT_EXCUSED for m in ln.numbers)


def _block_kinds(lines: list[Line], count: int) -> dict[int, str]:
    kinds: dict[int, str] = {}
    for line in lines:
        for no in range(line.line, min(line.end_line, count) + 1):
            kinds[no] = line.kind
    return kinds


def _claims_by_line(draft: ChartDraft, chart: Chart) -> dict[int, list[_Claim]]:
    claims: dict[int, list[_Claim]] = {}

    def add(line: int | None, value: float | int | str | None, rule: str | None, role: str,
            point: tuple[int, int] | None = None) -> None:
        if line is None or value is None or isinstance(value, str | bool):
            return
        claims.setdefault(line, []).append(_Claim(float(value), rule or role, role, point))

    for si, series in enumerate(chart.series):
        for pi, p in enumerate(series.points):
            add(p.line, p.x, p.rule, "point", (si, pi))
            add(p.line, p.y, p.rule, "point", (si, pi))
    for s in draft.series:
        for key, line in s.summary_lines.items():
            add(line, s.summary.get(key), f"summary.{key}", "summary")
    for line, repeats in draft.trace.repeats.items():  # points the series held already
        for x, y, rule in repeats:
            add(line, x, f"{rule} (repeat)", "point")
            add(line, y, f"{rule} (repeat)", "point")
    for line, xs in draft.trace.xs.items():  # x values read for points on other lines
        for x, rule in xs:
            add(line, x, rule, "x")
    for line, logged in draft.trace.summaries.items():  # summaries a series did not keep
        for logged_value, form in logged:
            add(line, logged_value, form, "summary")
    for axis in draft.axes:
        lines = range(axis.first_line or 0, (axis.last_line or axis.first_line or 0) + 1)
        for line in lines:
            for value, role in ((axis.min, "axis"), (axis.max, "axis")):
                add(line, value, axis.rule, role)
            for tick in axis.ticks:
                add(line, tick, axis.rule, "tick")
    return claims


def _names_in(chart: Chart) -> list[tuple[str, str]]:
    """Names that may hold digits, with the role a number inside them plays."""
    names: list[tuple[str, str]] = []
    if chart.title:
        names.append((chart.title, "meta"))
    names += [(e.label, "legend") for e in chart.legend.entries]
    names += [(p.title, "panel") for p in chart.panels]
    names += [(a.label, "meta") for a in chart.axes if a.label]
    names += [(a.unit, "meta") for a in chart.axes if a.unit]
    for s in chart.series:
        names.append((s.name, "legend"))
        names += [(p.x, "point") for p in s.points if isinstance(p.x, str)]
    return [(n, role) for n, role in names if n and any(ch.isdigit() for ch in n)]


def _marks(raw: str, claims: list[_Claim], rule: str | None) -> list[NumberMark]:
    if len(raw) > _MAX_LINE:
        return []
    marks = [NumberMark(raw[s:e], s, e, q.value if isinstance(q.value, int | float) else None)
             for s, e, q in raw_numbers(raw)]
    numbering = LIST_NUMBERING.match(raw)
    numeral = numbering.start(1) if numbering else -1  # ('1. Peak at 520 nm, 1.0': the '1' claims nothing)
    for claim in claims:
        for mark in marks:
            if mark.claimed_by is None and mark.value is not None and mark.start != numeral \
                    and _same(mark.value, claim.value):
                mark.claimed_by, mark.role, mark.point = claim.rule, claim.role, claim.point
                break
    reason = LINE_REASONS.get(rule or "")
    for mark in marks:
        if mark.claimed_by is not None:
            continue
        if numbering and mark.start == numbering.start(1):
            mark.reason = "list-numbering"
        elif reason:
            mark.reason = reason
    return marks


_DASHES = str.maketrans("–—−", "---")  # one character each: columns are kept


def _mark_names(raw: str, marks: list[NumberMark], names: list[tuple[str, str]]) -> None:
    """Digits inside a name the chart holds ('Llama-2-7B', 'Panel 3', a bin '70–80')
    belong to that name."""
    if not names or not marks:
        return
    lowered = raw.lower().translate(_DASHES)
    if len(lowered) != len(raw):  # a character whose lower case is longer: columns would shift
        return
    compact: tuple[str, list[int]] | None = None
    for name, role in names:
        folded = name.lower().translate(_DASHES)
        at = lowered.find(folded)
        if at < 0:  # the name as the chart holds it, its markup dropped ('λ<sup>*</sup> = 1.5')
            compact = compact or _compacted(lowered)
            _mark_span_of(marks, role, compact, _compacted(folded)[0])
        while at >= 0:
            end = at + len(folded)
            _mark_inside(marks, role, at, end)
            at = lowered.find(folded, end)


def _mark_inside(marks: list[NumberMark], role: str, at: int, end: int) -> None:
    for mark in marks:
        if mark.claimed_by is None and at <= mark.start and mark.end <= end:
            mark.claimed_by, mark.role, mark.reason = "name", role, None


_COMPACT_MIN = 4  # a shorter name would match by chance once its punctuation is gone
_MARKUP_TAG = re.compile(r"</?[a-z]{1,4}>")


def _compacted(text: str) -> tuple[str, list[int]]:
    """Only the letters, digits and dots of ``text`` (HTML tags dropped), with the column
    each came from."""
    chars: list[str] = []
    cols: list[int] = []
    tags = {i for m in _MARKUP_TAG.finditer(text) for i in range(m.start(), m.end())}
    for col, ch in enumerate(text):
        if col not in tags and (ch.isalnum() or ch == "."):
            chars.append(ch)
            cols.append(col)
    return "".join(chars), cols


def _mark_span_of(marks: list[NumberMark], role: str, compact: tuple[str, list[int]],
                  name: str) -> None:
    text, cols = compact
    if len(name) < _COMPACT_MIN:
        return
    at = text.find(name)
    while at >= 0:
        _mark_inside(marks, role, cols[at], cols[at + len(name) - 1] + 1)
        at = text.find(name, at + len(name))


def _same(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= max(abs(a), abs(b)) * 1e-9


def _mark_consumed(marks: list[NumberMark], text: str, rule: str | None) -> None:
    """Numbers a statement form consumed on purpose get its reason (see explain_credit)."""
    if not any(m.claimed_by is None and m.reason is None for m in marks):
        return
    for item in consumed_numbers(text, rule):
        for mark in marks:
            if mark.claimed_by is None and mark.reason is None and mark.value is not None \
                    and _same(mark.value, item.value):
                mark.reason = item.reason
                break


def _mark_rejections(raw: str, marks: list[NumberMark]) -> None:
    """The named rejections (rejections.REJECTIONS) on numbers nobody claimed."""
    open_marks = [m for m in marks if m.claimed_by is None and m.reason is None]
    if not open_marks:
        return
    spans = rejected_spans(raw)
    for mark in open_marks:
        mark.reason = rejection_for(mark.start, mark.end, spans)


def _mark_restated(lines: list[ExplainedLine], chart: Chart) -> None:
    """A number left over that states a value claimed on another line is a restatement,
    unless its whole line looks like lost data: a list item or table row of two or more
    numbers, none accounted for, no two of which form a point the chart holds
    ('- x=0.8: ~0.1' where 0.8 and 0.1 are values read elsewhere, but not as one point)."""
    claimed = {round(m.value, 9) for ln in lines for m in ln.numbers
               if m.claimed_by and m.value is not None}
    pairs = {(round(float(p.x), 9), round(float(p.y), 9)) for s in chart.series
             for p in s.points if isinstance(p.x, int | float)}
    for ln in lines:
        if _looks_like_lost_data(ln, pairs):
            continue
        for mark in ln.numbers:
            if mark.claimed_by is None and mark.reason is None and mark.value is not None and (
                    round(mark.value, 9) in claimed  # ('~0.73 (73%)': the share again, in percent)
                    or (mark.text.endswith("%") and round(mark.value / 100, 9) in claimed)):
                mark.reason = "restates-claimed-value"


_PAIR_SCAN = 8  # numbers of a line tried as (x, y) pairs of a known point
# Between the two numbers of a span ('between 8 and 10', 'from epoch 1 to epoch 2', '3–6'):
# a span of values the chart holds restates them; it is not a lost point.
_SPAN_JOIN = re.compile(r"[\s*`]{0,4}(?:and|to|through|until|-|–|—)[\s*`]{0,4}"
                        r"(?:[A-Za-z_]{1,12}\s?=?\s?)?")


def _looks_like_lost_data(ln: ExplainedLine, pairs: set[tuple[float, float]]) -> bool:
    if ln.block not in ("item", "table") or len(ln.numbers) < 2 or any(
            m.claimed_by is not None or m.reason is not None for m in ln.numbers):
        return False
    if len(ln.numbers) == 2 and _SPAN_JOIN.fullmatch(
            ln.text[ln.numbers[0].end:ln.numbers[1].start]):
        return False
    values = [round(m.value, 9) for m in ln.numbers[:_PAIR_SCAN] if m.value is not None]
    return not any((a, b) in pairs or (b, a) in pairs
                   for i, a in enumerate(values) for b in values[i + 1:])


def _produced_by_line(chart: Chart) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for s in chart.series:
        name = s.name or "(unnamed series)"
        for p in s.points:
            if p.line is not None:
                approx = "~" if p.approx else ""
                out.setdefault(p.line, []).append(f"point ({p.x}, {approx}{p.y}) -> {name}")
    for a in chart.axes:
        if a.span is not None:
            facts = [f"{k}={v}" for k, v in (("label", a.label), ("min", a.min), ("max", a.max),
                                              ("scale", a.scale)) if v is not None]
            out.setdefault(a.span.start, []).append(f"axis {a.role}: " + ", ".join(facts))
    for e in chart.legend.entries:
        if e.span is not None:
            out.setdefault(e.span.start, []).append(f"legend entry {e.label!r}")
    for panel in chart.panels:
        if panel.span is not None:
            out.setdefault(panel.span.start, []).append(f"panel {panel.title!r}")
    return out
