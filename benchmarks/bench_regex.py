"""Every compiled pattern of the package against runs of one character: how much longer a
search takes on a run four times as long. A linear pattern stays near 4; a pattern whose
adjacent ``\\s*`` (or other overlapping repeats) can split a run many ways grows faster
(16 for quadratic, 64 for cubic). Prints the patterns above ``--ratio``, worst first.

    python benchmarks/bench_regex.py [--ratio 8] [--short 400]

Runs of spaces rarely reach the statement patterns (normalised text collapses them), so a
high ratio is a risk to check, not a proven slow input; ``bench_hostile.py`` measures whole
descriptions.
"""

from __future__ import annotations

import argparse
import importlib
import re
import time
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chartparse"
UNITS = (" ", "a", "1", "*", "(", "~", ",", "-", "a ", "1 ", ", ", "\t", "=", ":", "1.", "x=1 ", "a-", "_")
SKIP = ("__main__", ".export", ".batch", "cli", "review")  # (modules that import heavy extras)
CAP_S = 0.05  # a search slower than this on the short run is reported at once


def patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).replace(".__init__", "")
        if any(s in name for s in SKIP):
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and (value.pattern, value.flags) not in seen:
                seen.add((value.pattern, value.flags))
                found[f"{name}.{attr}"] = value
    return found


def cost(pattern: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ratio", type=float, default=8.0, help="report growth above this (default 8)")
    ap.add_argument("--short", type=int, default=400, help="length of the short run (default 400)")
    args = ap.parse_args()
    found = patterns()
    rows = []
    for name, pattern in found.items():
        worst: tuple[float, str] | None = None
        for unit in UNITS:
            short = cost(pattern, unit * args.short + "!")
            if short > CAP_S:
                worst = (float("inf"), unit)
                break
            growth = cost(pattern, unit * (4 * args.short) + "!") / max(short, 1e-6)
            if growth > args.ratio and (worst is None or growth > worst[0]):
                worst = (growth, unit)
        if worst is not None:
            rows.append((worst[0], name, worst[1], pattern.pattern[:90]))
    print(f"{len(found)} patterns; {len(rows)} grow faster than x{args.ratio:g} on a run 4x as long")
    for growth, name, unit, text in sorted(rows, reverse=True):
        shown = "slow" if growth == float("inf") else f"x{growth:.0f}"
        print(f"{shown:>6}  {name}  run of {unit!r}\n        {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
