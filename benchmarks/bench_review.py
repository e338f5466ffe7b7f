"""Time ``chartparse review DIR -o site/`` against ``chartparse batch DIR -o out.jsonl``.

The inputs (default: the repository's corpus/*.md; ``--inputs DIR...`` for other folders of
*.md, read only) are copied ``--copies`` times into a temporary folder. Each command runs
as a subprocess with the same ``--jobs``; the figures are wall seconds (compare the ratios,
not the raw times, on a shared machine). A site is timed three ways: without the re-plot,
with the SVG re-plot chartparse draws itself (the default), and with ``--plot matplotlib``
on ``--matplotlib-copies`` copies only (it costs a few tenths of a second a page).

    python benchmarks/bench_review.py [--inputs DIR...] [--copies 12] [--jobs 2]
                                      [--matplotlib-copies 1]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(folder: Path, sources: list[Path], copies: int) -> int:
    folder.mkdir(parents=True)
    for copy in range(copies):
        for number, path in enumerate(sources):
            shutil.copyfile(path, folder / f"{path.stem}_{number}_{copy}.md")
    return copies * len(sources)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "chartparse.cli", *args], capture_output=True,
                          text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some input could not be read; the rest are done
        raise SystemExit(f"{' '.join(args[:2])} failed: {done.stderr.strip()[-400:]}")
    return took


def page_size(site: Path) -> float:
    pages = list((site / "pages").glob("*.html"))
    return sum(p.stat().st_size for p in pages) / max(len(pages), 1) / 1024


def compare(base: Path, name: str, count: int, jobs: list[str],
            variants: list[tuple[str, list[str]]]) -> None:
    folder = base / name
    batch = timed(["batch", str(folder), "-o", str(base / f"{name}.jsonl"), "-q", *jobs])
    print(f"{count} descriptions, {' '.join(jobs)}")
    print(f"  batch                    {batch:7.2f} s")
    for label, flags in variants:
        site = base / f"{name}-{label.replace(' ', '-')}"
        took = timed(["review", str(folder), "-o", str(site), *flags, *jobs])
        print(f"  review {label:<17} {took:7.2f} s  ratio {took / batch:5.2f}  "
              f"({page_size(site):.0f} KiB a page, {1000 * took / count:.1f} ms a page)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", nargs="+", type=Path, metavar="DIR",
                        help="folders of *.md descriptions [default: corpus/]")
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--matplotlib-copies", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    opts = parser.parse_args()
    folders = opts.inputs or [ROOT / "corpus"]
    sources = sorted(p for folder in folders for p in folder.glob("*.md"))
    jobs = ["--jobs", str(opts.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        many = make_corpus(base / "many", sources, opts.copies)
        compare(base, "many", many, jobs, [("--no-plot", ["--no-plot"]), ("(svg plot)", [])])
        if opts.matplotlib_copies > 0:
            few = make_corpus(base / "few", sources, opts.matplotlib_copies)
            compare(base, "few", few, jobs, [("--plot matplotlib", ["--plot", "matplotlib"])])


if __name__ == "__main__":
    main()
