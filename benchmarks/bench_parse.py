"""Throughput: ``chartparse.parse`` against markdown-it-py tokenising the same text.

The repo's ``corpus/*.md`` fixtures are repeated until they reach ``--mb`` megabytes
(default 1). Each contender parses every description, ``--repeat`` times, the two
interleaved; the best run is kept, by CPU time (robust on a shared machine) and by wall
time. Prints the ratio parse / markdown-it (lower is better; the goal of issue 10
is <= 0.5), descriptions/s and MB/s of each, and chartparse's time per stage so the
next bottleneck is visible. ``--profile N`` adds a cProfile of the top N functions.

    python benchmarks/bench_parse.py [--mb 1] [--repeat 5] [--profile 25] [--pure] [--ratio-only]

With lark-cython in use, it also runs the race again without it (in a fresh process) and
prints that ratio, so one run reports both figures. ``--pure`` runs only the latter.

Needs the ``bench`` extra (markdown-it-py, and lark-cython to measure both figures).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def load_texts(megabytes: float) -> list[str]:
    """The corpus fixtures, repeated in order until they hold ``megabytes`` of UTF-8."""
    fixtures = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    if not fixtures:
        sys.exit(f"bench_parse: no fixtures in {CORPUS}")
    target = int(megabytes * 1_000_000)
    texts: list[str] = []
    size = 0
    while size < target:
        for text in fixtures:
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return texts


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, cpu) seconds of one call of ``run``, with the garbage collector paused."""
    gc.collect()
    gc.disable()
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        gc.enable()


def race(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, list[tuple[float, float]]]:
    """Every contender once per round, interleaved, so load on a shared machine hits all alike."""
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            results[name].append(timed(run))
    return results


def stage_split(texts: list[str], repeat: int) -> dict[str, float]:
    """chartparse's stages timed separately (CPU seconds, best run per stage, summed over texts)."""
    from chartparse.blocks import parse_lines
    from chartparse.extract import extract, to_dict
    from chartparse.models import chart_from_data
    from chartparse.outline import build
    from chartparse.source import from_text

    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(repeat):
        totals = dict.fromkeys(("source", "grammar", "outline", "extract", "models"), 0.0)
        gc.collect()
        gc.disable()
        try:
            for text in texts:
                t0 = clock()
                src = from_text(text)
                t1 = clock()
                lines, _ = parse_lines(src.text)
                t2 = clock()
                root = build(lines)
                t3 = clock()
                draft = extract(root, src.text)
                t4 = clock()
                chart_from_data(to_dict(draft))
                t5 = clock()
                totals["source"] += t1 - t0
                totals["grammar"] += t2 - t1
                totals["outline"] += t3 - t2
                totals["extract"] += t4 - t3
                totals["models"] += t5 - t4
        finally:
            gc.enable()
        for name, value in totals.items():
            best[name] = min(best.get(name, value), value)
    return best


def print_pure_lark_ratio(mb: float, repeat: int) -> None:
    """Both figures of the optional accelerator: the same race without lark-cython, run in a
    fresh process (the block parser is built once per process)."""
    cmd = [sys.executable, __file__, "--pure", "--ratio-only", "--mb", str(mb), "--repeat", str(repeat)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    ratio = next((line for line in out.splitlines() if line.startswith("ratio")), "failed")
    print(f"without lark-cython (pure-Python lark, same build): {ratio}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per contender (default 5)")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="also print the top N functions of a cProfile run")
    ap.add_argument("--pure", action="store_true",
                    help="run lark without lark-cython even when it is installed")
    ap.add_argument("--ratio-only", action="store_true",
                    help="print only the ratio line (no per-stage split, no second run)")
    args = ap.parse_args(argv)
    if args.pure:
        os.environ["CHARTPARSE_PURE_LARK"] = "1"  # read when the block parser is built

    try:
        from markdown_it import MarkdownIt
    except ImportError:
        sys.exit("bench_parse: needs markdown-it-py (pip install 'chartparse[bench]')")
    import chartparse
    from chartparse.accel import compiled_modules, describe
    from chartparse.blocks import accelerated

    texts = load_texts(args.mb)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    md = MarkdownIt("commonmark")

    # Warm up both (grammar construction, imports) outside the timed runs.
    for text in texts[:50]:
        chartparse.parse(text)
        md.parse(text)

    def run_chartparse() -> None:
        for text in texts:
            chartparse.parse(text)

    def run_markdown_it() -> None:
        for text in texts:
            md.parse(text)

    results = race(args.repeat, {"chartparse.parse": run_chartparse,
                                 "markdown-it parse": run_markdown_it})
    mb = nbytes / 1e6
    print(f"corpus: {len(texts)} descriptions, {mb:.2f} MB, {args.repeat} interleaved runs "
          f"(build: {describe()})")
    if not compiled_modules():
        print("note: pure-Python sources (an editable install, or a build without a C compiler); "
              "`pip install .` builds the compiled package (README, 'Compiled build')")
    print(f"{'':20}{'best wall':>10}{'median':>8}{'best cpu':>10}{'desc/s':>8}{'MB/s':>7}")
    best: dict[str, tuple[float, float, float]] = {}
    for name, samples in results.items():
        walls = [w for w, _ in samples]
        cpu = min(c for _, c in samples)
        best[name] = (min(walls), statistics.median(walls), cpu)
        print(f"{name:20}{min(walls):10.3f}{statistics.median(walls):8.3f}{cpu:10.3f}"
              f"{len(texts) / cpu:8.0f}{mb / cpu:7.2f}")
    cp, md_ = best["chartparse.parse"], best["markdown-it parse"]
    md_min = md_[2]
    print(f"ratio parse / markdown-it: {cp[2] / md_[2]:.2f} (best cpu), {cp[0] / md_[0]:.2f} "
          f"(best wall), {cp[1] / md_[1]:.2f} (median wall); goal <= 0.50")
    if args.ratio_only:
        return 0

    stages = stage_split(texts, args.repeat)
    total = sum(stages.values())
    print("chartparse stages (best cpu run of each; x = multiple of markdown-it's cpu):")
    for name, value in stages.items():
        print(f"  {name:8}{value:8.3f} s {100 * value / total:5.1f}%  "
              f"{value / md_min:5.2f}x markdown-it")

    if not args.pure and accelerated():
        print_pure_lark_ratio(args.mb, args.repeat)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run_chartparse)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
