"""Start-up: ``chartparse FILE --to json`` against the floor of its stack.

The floor is a Python program that imports lark and click, defines one pydantic model
and prints one instance of it as JSON: no CLI can start faster on this stack. Both run
as subprocesses of the same interpreter, ``--repeat`` times each, interleaved, after a
warm-up; bytecode is cached in a private temporary folder for both (as an installed
package has its .pyc files), whatever PYTHONDONTWRITEBYTECODE says. Prints the min and
median wall time of each and the ratio chartparse / floor (target <= 1.5).

    python benchmarks/bench_startup.py [--repeat 30] [--file corpus/example_line.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = '''\
import click
import lark
from pydantic import BaseModel


class Point(BaseModel):
    x: float
    y: float
    label: str | None = None


print(Point(x=1, y=2, label="floor").model_dump_json(indent=2))
'''


def chartparse_command(path: Path) -> list[str]:
    script = Path(sys.executable).with_name("chartparse")
    if script.exists():
        return [str(script), str(path), "--to", "json"]
    return [sys.executable, "-m", "chartparse.cli", str(path), "--to", "json"]


def run_once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench_startup: {' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30, help="runs of each (default 30)")
    ap.add_argument("--file", type=Path, default=ROOT / "corpus" / "example_line.md",
                    help="the description to convert")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="chartparse-bench-") as tmp:
        floor = Path(tmp) / "floor.py"
        floor.write_text(FLOOR, encoding="utf-8")
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        commands = {
            "chartparse --to json": chartparse_command(args.file),
            "floor (lark+click+pydantic)": [sys.executable, str(floor)],
        }
        for command in commands.values():  # warm-up: fills the bytecode cache
            run_once(command, env)
            run_once(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(run_once(command, env))

    print(f"{args.repeat} interleaved runs each, wall seconds")
    print(f"{'':30}{'min':>8}{'median':>9}")
    for name, samples in times.items():
        print(f"{name:30}{min(samples):8.3f}{statistics.median(samples):9.3f}")
    cli, base = times["chartparse --to json"], times["floor (lark+click+pydantic)"]
    print(f"ratio chartparse / floor: {min(cli) / min(base):.2f} (min), "
          f"{statistics.median(cli) / statistics.median(base):.2f} (median); target <= 1.5")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
