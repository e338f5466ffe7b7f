"""Time ``chartparse review DIR -o site/`` against ``chartparse batch DIR -o out.jsonl``.

The corpus is corpus/*.md copied ``--copies`` times into a temporary folder. Each command runs
as a subprocess with the same ``--jobs``; the figures are wall seconds (compare the ratios,
not the raw times, on a shared machine). The re-plot (matplotlib) dominates a site's build,
so it is timed on its own, on ``--plot-copies`` copies only.

    python benchmarks/bench_review.py [--copies 12] [--plot-copies 1] [--jobs 2]
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


def make_corpus(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True)
    sources = sorted((ROOT / "corpus").glob("*.md"))
    for copy in range(copies):
        for path in sources:
            shutil.copyfile(path, folder / f"{path.stem}_{copy}.md")
    return copies * len(sources)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "chartparse.cli", *args], capture_output=True,
                          text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed: {done.stderr.strip()[-400:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--plot-copies", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    opts = parser.parse_args()
    jobs = ["--jobs", str(opts.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        many = make_corpus(base / "many", opts.copies)
        few = make_corpus(base / "few", opts.plot_copies)
        batch = timed(["batch", str(base / "many"), "-o", str(base / "out.jsonl"), "-q", *jobs])
        site = timed(["review", str(base / "many"), "-o", str(base / "site"), "--no-plot", *jobs])
        batch_few = timed(["batch", str(base / "few"), "-o", str(base / "few.jsonl"), "-q", *jobs])
        plotted = timed(["review", str(base / "few"), "-o", str(base / "plotted"), *jobs])
        pages = list((base / "site" / "pages").glob("*.html"))
        size = sum(p.stat().st_size for p in pages) / max(len(pages), 1)
        plotted_pages = list((base / "plotted" / "pages").glob("*.html"))
        plotted_size = sum(p.stat().st_size for p in plotted_pages) / max(len(plotted_pages), 1)
    print(f"{many} descriptions, --jobs {opts.jobs}")
    print(f"batch            {batch:7.2f} s")
    print(f"review --no-plot {site:7.2f} s  ratio {site / batch:5.2f}  "
          f"({size / 1024:.0f} KiB a page)")
    print(f"{few} descriptions with the re-plot")
    print(f"batch            {batch_few:7.2f} s")
    print(f"review           {plotted:7.2f} s  ratio {plotted / batch_few:5.2f}  "
          f"({plotted_size / 1024:.0f} KiB a page, {plotted / few:.2f} s a page)")


if __name__ == "__main__":
    main()
