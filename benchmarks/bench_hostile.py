"""Hostile inputs: ``chartparse.parse`` must stay linear on text no model should write.

Each input is built at 1 MB and at 2 MB; the doubling ratio t(2 MB) / t(1 MB) shows
super-linear cost (about 2 is linear; the target is <= 2.3, and each 1 MB input under
2 s). Times are CPU seconds, best of ``--repeat``. A parse still running after
``--timeout`` seconds is stopped and reported as TIMED OUT.

    python benchmarks/bench_hostile.py [--repeat 3] [--only NAME ...] [--mb 1] [--timeout 60]

The same builders feed tests/test_linear_inputs.py (at a small size, no timing).
"""

from __future__ import annotations

import argparse
import gc
import signal
import time
from collections.abc import Callable

MB = 1_000_000


def _fill(unit: Callable[[int], str], size: int) -> str:
    """Repeat ``unit(i)`` for i = 0, 1, ... until the text holds ``size`` characters."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)[:size]


def one_long_line(size: int) -> str:
    """A single line of prose with numbers, no newline at all."""
    return "## Line Chart: " + _fill(lambda i: f"the loss is about 0.{i % 97} at epoch {i}, ", size)


def one_long_word(size: int) -> str:
    return "x" * size


def bullet_lines(size: int) -> str:
    """About 50k bullets per MB, each a data point."""
    head = "## Line Chart: Loss\n### Detailed Analysis\n* **Train:**\n"
    return head + _fill(lambda i: f"  * Epoch {i}: ~0.{i % 89:02d}\n", size)


def deep_indentation(size: int) -> str:
    """Nested bullets 400 levels deep, the block repeated."""
    block = "".join(f"{'  ' * level}- level {level}: {level}\n" for level in range(400))
    return "## Bar Chart: Depth\n" + _fill(lambda i: block, size)


def unclosed_bold_parens(size: int) -> str:
    """Thousands of ``**(`` markers that never close, on many lines and on one."""
    return _fill(lambda i: "* **(" * 40 + f" value {i}\n" + "**(" * 200 + "\n", size)


def unclosed_bold_key_line(size: int) -> str:
    return "**(" * (size // 3)


def digit_run(size: int) -> str:
    return "- x: " + "7" * size


def comma_number_run(size: int) -> str:
    return "- y: " + _fill(lambda i: "1,000,", size)


def tilde_run(size: int) -> str:
    return "- y: " + "~" * size


def paren_run(size: int) -> str:
    return "- (" + "(" * size


def mixed_symbol_run(size: int) -> str:
    return "- " + _fill(lambda i: "~(1,2" if i % 2 else "~~((,,", size)


def deep_table(size: int) -> str:
    """One table, tens of thousands of rows deep."""
    head = "## Bar Chart: Scores\n| Model | A | B | C |\n|---|---|---|---|\n"
    return head + _fill(lambda i: f"| m{i} | {i % 100} | ~{i % 7}.5 | {i}% |\n", size)


def wide_table_row(size: int) -> str:
    return "| " + _fill(lambda i: f"c{i} | ", size // 2) + "\n|" + "---|" * 1000 + "\n"


def wide_table_columns(size: int) -> str:
    """One table with a column per series (about 44k columns per MB), two data rows."""
    columns = size // 21 + 1  # each column takes at least 21 characters
    head = "## Line Chart: Wide\n| Step | " + " | ".join(f"S{i}" for i in range(columns)) + " |\n"
    rule = "|" + "---|" * (columns + 1) + "\n"
    rows = "".join(f"| {r} | " + " | ".join(f"0.{(i + r) % 9}" for i in range(columns)) + " |\n"
                   for r in range(2))
    return head + rule + rows


def long_heatmap(size: int) -> str:
    """A heatmap table with a row per series (about 36k rows per MB)."""
    head = "## Heatmap: Attention\n| Layer | H1 | H2 | H3 |\n|---|---|---|---|\n"
    return head + _fill(lambda i: f"| L{i} | 0.{i % 9} | 0.{i % 7} | 0.{i % 5} |\n", size)


def flattened_list(size: int) -> str:
    """The layout models write most: one bold group header, then unindented point bullets."""
    head = "## Line Chart: Loss\n### Detailed Analysis\n* **Loss (blue):**\n"
    return head + _fill(lambda i: f"* Step {i}: ~0.{i % 89:02d}\n", size)


def colon_keys(size: int) -> str:
    """Lines that nearly look like ``Key:`` leads, and bold keys with no end."""
    return _fill(lambda i: "a" * 59 + ":" + " " * 3 + "**" + "b" * 170 + "\n", size)


def spaced_declaration(size: int) -> str:
    """A series declaration whose look is padded with a run of spaces (one line)."""
    padding = " " * size
    return "## Line Chart: Loss\n* **Data Series:** A" + padding + "green line representing the loss\n"


def spaced_subject_pair(size: int) -> str:
    """Two legend names in one sentence, a run of spaces between them: the gap is tested as a
    joiner of two subjects ('A (red) and B (blue) reach ...')."""
    return ("## Line Chart: Loss\n* **Legend:** Adam (red), Lion (blue).\n### Detailed Analysis\n"
            "* Adam" + " " * size + "x Lion reaches 5 at step 9.\n")


def quoted_axis_labels(size: int) -> str:
    """An x axis listing its labels one quoted label per line, one an interval: the axis is
    judged categorical label by label, never by rescanning the labels read so far."""
    return ("## Bar Chart: Bins\n### Components/Axes\n* **X-axis Labels:**\n* \"(0,5]\"\n"
            + _fill(lambda i: f'* "{i}"\n', size))


def colon_chain_legend(size: int) -> str:
    """A legend value of 'a: ' repeated on one line: every colon looks like a lead-in."""
    return "## Line Chart: Loss\n* **Legend:** " + "a: " * (size // 3) + "\n"


def categories_and_keys(size: int) -> str:
    """Thousands of declared categories (a radar's spoke lines), then as many keyed lines,
    each read against the categories (indexed, and bounded by limits.MAX_TICKS)."""
    half = size // 2
    spokes = _fill(lambda i: f"  * Name{i} x\n", half)
    keys = _fill(lambda i: f"* **Q{i} y:** 5\n", size - half)
    return "## Radar Chart: X\n* **Axes:**\n" + spokes + "\n### Data\n" + keys


def panels_and_keys(size: int) -> str:
    """A new panel every few lines, each with its own axis and a point: each title is read
    against the panels before it (bounded by limits.MAX_PANELS)."""
    return "## Line Chart: X\n" + _fill(lambda i: f"### Panel {i}: Loss {i}\n* **X-Axis:** Epoch\n"
                                        f"* Series A: ~{i % 9} at 3\n", size)


def quoted_panel_titles(size: int) -> str:
    """Panels titled in quotes after their place ('Left Chart: "T7"'): each quoted title is
    declared as well as registered (both bounded by limits.MAX_PANELS)."""
    return "## Line Chart: X\n" + _fill(lambda i: f'### Left Chart: "T{i}"\n* Series A: ~1 at 3\n', size)


def legend_and_named_lines(size: int) -> str:
    """A legend of thousands of names, each line naming two of them: lines are read against the
    legend and the known names (bounded by limits.MAX_LEGEND_ENTRIES and MAX_MENTIONED_NAMES)."""
    count = max(2, size // 60)
    legend = "* **Legend:** " + ", ".join(f"M{i:06d}" for i in range(count)) + ".\n"
    return "## Bar Chart: Scores\n" + legend + "### Detailed Analysis\n" + _fill(
        lambda i: f"* **S{i}:** M{i % count:06d} and M{(i + 1) % count:06d} are near 0.{i % 9 + 1}.\n", size)


def every_series_trends(size: int) -> str:
    """'All lines ...' trend keys under a long legend: the sentence is read once, for at most
    eight series (entry_values.read_for_every_series)."""
    legend = "* **Legend:** " + ", ".join(f"Run{i:05d}" for i in range(2000)) + "\n"
    return "## Line Chart: Runs\n" + legend + "### Detailed Analysis\n" + _fill(
        lambda i: f"* **Trend:** All lines start at ({i % 50}, 0.{i % 9}).\n", size)


def labelled_points(size: int) -> str:
    """'Data Point k (Variant k):' lines, each naming a new series by its label: a key is read
    against the first MAX_MENTIONED_NAMES known names only (names.longest_known_inside)."""
    return "## Scatter Plot: Variants\n### Detailed Analysis\n" + _fill(
        lambda i: f"* **Data Point {i % 900} (Variant {i}):** at about x=0.{i % 9}, y=0.{i % 7}.\n", size)


def slash_rows(size: int) -> str:
    """Rows of '/'-split values after bracketed orders: each finds its order by bisection."""
    legend = "* **Legend:** Make (grey), Ninja (blue), Bazel (green).\n"
    return "## Bar Chart: Builds\n" + legend + "### Detailed Analysis\n" + _fill(
        lambda i: f"**Minutes (Make / Ninja / Bazel):**\n* **P{i}:** 1{i % 9}.2 / 9.8 / 7.5\n", size)


def axis_sentences_and_keys(size: int) -> str:
    """Section keys stating the axes in sentences, each looked up by every keyed line after it."""
    return "## Line Chart: Depth\n" + _fill(
        lambda i: f"* **Axes:** The x-axis shows depth from 0 to {i + 1}, and the y-axis shows load.\n"
                  f"* **Depth {i}:** {i % 7}.5\n", size)


def spaced_colon_pairs(size: int) -> str:
    """Numbers around a colon padded by long runs of spaces, ending on no value: every split of
    a run must not be tried."""
    return "## Line Chart: Gaps\n" + _fill(
        lambda i: f"{i % 9}" + " " * 300 + ":" + " " * 300 + "* **Model:** Price ~60\n", size)


def spaced_units_and_notes(size: int) -> str:
    """Axis labels, panel axis lines, listed x's and legend labels padded by long runs of spaces
    before a unit, a bracket or a full stop: a pattern may not try the run from each space."""
    pad = " " * 2000
    return "## Line Chart: Units\n" + _fill(
        lambda i: f"- **X-axis:** E{pad}, GeV\n- **Y-axis:** Rain (mm)\n"
        f"- Chart (a): Scale from 0 to{pad}200 mm\n* At x = 10{pad}, 30 and 50 it is 74, 71 and 63.\n"
        f"**Legend:**\n- Blue line: Run A{pad}.\n", size)


def hash_and_rules(size: int) -> str:
    return _fill(lambda i: "####### x\n- - - - - - - - - x\n" + "-" * 300 + "\n", size)


HOSTILE: dict[str, Callable[[int], str]] = {
    "one 1 MB line": one_long_line,
    "one long word": one_long_word,
    "50k bullet lines": bullet_lines,
    "400-level indentation": deep_indentation,
    "unclosed **( markers": unclosed_bold_parens,
    "**( on one line": unclosed_bold_key_line,
    "digit run": digit_run,
    "1,000, run": comma_number_run,
    "tilde run": tilde_run,
    "( run": paren_run,
    "~((,, run": mixed_symbol_run,
    "deep table rows": deep_table,
    "wide table row": wide_table_row,
    "wide table (columns)": wide_table_columns,
    "long heatmap rows": long_heatmap,
    "flattened list": flattened_list,
    "near-keys": colon_keys,
    "hashes and rules": hash_and_rules,
    "spaced series declaration": spaced_declaration,
    "spaced subject pair": spaced_subject_pair,
    "quoted axis labels": quoted_axis_labels,
    "colon-chain legend": colon_chain_legend,
    "categories and keys": categories_and_keys,
    "panels and keys": panels_and_keys,
    "quoted panel titles": quoted_panel_titles,
    "legend and named lines": legend_and_named_lines,
    "every-series trends": every_series_trends,
    "labelled points": labelled_points,
    "slash-order rows": slash_rows,
    "axis sentences and keys": axis_sentences_and_keys,
    "spaced colon pairs": spaced_colon_pairs,
    "spaced units and notes": spaced_units_and_notes,
}


class TimedOut(BaseException):
    """Raised by the alarm; a BaseException, so parse()'s own error handling lets it through."""


def _alarm(signum: int, frame: object) -> None:
    raise TimedOut


def cpu_time(text: str, timeout: float) -> float:
    """CPU seconds of one parse; ``inf`` when it runs past ``timeout`` (wall)."""
    import chartparse

    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        gc.collect()
        start = time.process_time()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            chart = chartparse.parse(text)
        except TimedOut:
            return float("inf")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.process_time() - start
    finally:
        signal.signal(signal.SIGALRM, previous)
    failed = [d.message for d in chart.diagnostics if d.code == "internal-error"]
    if failed:
        print(f"    internal error: {failed[0]}", flush=True)
    return elapsed


def best_pair(small_text: str, large_text: str, repeat: int, timeout: float) -> tuple[float, float]:
    """Best CPU seconds of each size, the two sizes run alternately so that a slow spell of
    a shared machine falls on both rather than on one (which would fake a bad ratio)."""
    small = large = float("inf")
    for _ in range(repeat):
        small = min(small, cpu_time(small_text, timeout))
        if small == float("inf"):
            break
        large = min(large, cpu_time(large_text, timeout))
        if large == float("inf"):
            break
    return small, large


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per size, the two sizes alternating (default 3; the best counts)")
    ap.add_argument("--mb", type=float, default=1.0, help="the smaller size in MB (default 1)")
    ap.add_argument("--only", nargs="*", default=None, metavar="NAME",
                    help="run only inputs whose name contains one of these")
    ap.add_argument("--timeout", type=float, default=60.0, metavar="S",
                    help="stop one parse after S seconds of wall time (default 60)")
    args = ap.parse_args(argv)

    import chartparse

    chartparse.parse("# warm-up\n- a: 1\n")
    size = int(args.mb * MB)
    print(f"{'input':24}{'t(1x) s':>9}{'t(2x) s':>9}{'ratio':>7}  verdict")
    worst = 0.0
    for name, build in HOSTILE.items():
        if args.only and not any(word in name for word in args.only):
            continue
        print(f"{name:24}", end="", flush=True)
        small, large = best_pair(build(size), build(2 * size), args.repeat, args.timeout)
        if small == float("inf"):
            print(f"{'> ' + str(int(args.timeout)):>9}{'-':>9}{'-':>7}  TIMED OUT at 1x")
            continue
        if large == float("inf"):
            print(f"{small:9.3f}{'> ' + str(int(args.timeout)):>9}{'-':>7}  TIMED OUT at 2x")
            continue
        ratio = large / small if small > 0 else float("nan")
        worst = max(worst, ratio)
        verdict = "ok"
        if small > 2.0:
            verdict = "SLOW (> 2 s at 1x)"
        if ratio > 2.3:
            verdict = "SUPER-LINEAR" if verdict == "ok" else verdict + ", SUPER-LINEAR"
        print(f"{small:9.3f}{large:9.3f}{ratio:7.2f}  {verdict}")
    print(f"worst doubling ratio: {worst:.2f} (target <= 2.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
