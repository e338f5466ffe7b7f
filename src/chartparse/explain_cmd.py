"""``chartparse explain`` and ``chartparse rules``: how each line and number was read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import ChartParseError
from .source import DEFAULT_MAX_BYTES, read_path

_TEXT_WIDTH = 60


def _files(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
        else:
            out.append(path)
    return out


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: the same account as data (one object per file).")
@click.option("--unclaimed-only", is_flag=True, help="Show only lines with unclaimed numbers.")
def explain(paths: tuple[str, ...], fmt: str, unclaimed_only: bool) -> None:
    """Show, line by line, which rule read each line and what became of every number.

    With one file: every line, its block kind and rule, what it produced, and each
    number marked claimed (by which rule, as what), rejected (with a reason) or
    UNCLAIMED. With several files or a folder: one summary line per file and the
    total unclaimed rate.
    """
    from .explain import explain_source

    files = _files(paths)
    single = len(files) == 1 and not Path(paths[0]).is_dir()
    totals = {"numbers": 0, "unclaimed": 0}
    failed = 0
    for path in files:
        try:
            result = explain_source(read_path(path, max_bytes=DEFAULT_MAX_BYTES))
        except ChartParseError as err:
            click.echo(f"chartparse explain: {err}", err=True)
            failed += 1
            continue
        totals["numbers"] += result.numbers
        totals["unclaimed"] += result.unclaimed
        if fmt == "json":
            data = result.to_dict() if single else {
                "source": str(path), "numbers": result.numbers, "claimed": result.claimed,
                "rejected": result.rejected, "unclaimed": result.unclaimed}
            click.echo(json.dumps(data, ensure_ascii=False))
        elif single:
            _print_lines(result, unclaimed_only)
        else:
            click.echo(f"{path}: {result.numbers} numbers, {result.claimed} claimed, "
                       f"{result.rejected} rejected, {result.unclaimed} unclaimed")
    if fmt == "text" and not single:
        rate = totals["unclaimed"] / totals["numbers"] if totals["numbers"] else 0.0
        click.echo(f"total: {len(files) - failed} files, {totals['numbers']} numbers, "
                   f"{totals['unclaimed']} unclaimed ({rate:.1%})")
    if failed:
        sys.exit(1)


def _print_lines(result: object, unclaimed_only: bool) -> None:
    from .explain import Explanation

    assert isinstance(result, Explanation)
    for ln in result.lines:
        if unclaimed_only and not any(not m.claimed_by and not m.reason for m in ln.numbers):
            continue
        if not ln.text.strip() and not ln.numbers:
            continue
        text = ln.text if len(ln.text) <= _TEXT_WIDTH else ln.text[: _TEXT_WIDTH - 1] + "…"
        click.echo(f"{ln.line:4d} {ln.block:<8} {ln.rule or '-':<28} {text}")
        for item in ln.produced:
            click.echo(f"{'':14}-> {item}")
        if ln.numbers:
            click.echo(f"{'':14}numbers: " + ", ".join(_mark_text(m) for m in ln.numbers))
    for diag in result.diagnostics:
        click.echo(f"warning {diag.code} (line {diag.line}): {diag.message}")
    click.echo(f"{result.numbers} numbers: {result.claimed} claimed, {result.rejected} rejected, "
               f"{result.unclaimed} unclaimed")


def _mark_text(mark: object) -> str:
    from .explain import NumberMark

    assert isinstance(mark, NumberMark)
    if mark.claimed_by:
        return f"{mark.text} ({mark.role}, {mark.claimed_by})"
    if mark.reason:
        return f"{mark.text} (rejected: {mark.reason})"
    return f"{mark.text} UNCLAIMED"


@click.command()
def rules() -> None:
    """List the extractor's rule chains in the order they are tried."""
    from .extract.rules.chains import CHAINS
    from .extract.statement_table import STATEMENT_FORMS
    from .rejections import CONTEXT_REJECTIONS, REJECTIONS

    for name, ruler in CHAINS.items():
        click.echo(f"[{name}]")
        for row in ruler.listing():
            click.echo(row)
    click.echo("[statement forms]")
    for i, form in enumerate(STATEMENT_FORMS, start=1):
        click.echo(f"{i:3d}. {form.name}: {form.doc}")
    click.echo("[rejections of unclaimed numbers (explain)]")
    for i, rejection in enumerate(REJECTIONS, start=1):
        click.echo(f"{i:3d}. {rejection.name}: {rejection.doc}")
    for name, doc in CONTEXT_REJECTIONS:
        click.echo(f"   - {name}: {doc}")
