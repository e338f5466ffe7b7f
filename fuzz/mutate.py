"""A dependency-free mutation fuzzer for ``chartparse.parse``.

Takes the repository's ``corpus/*.md`` descriptions, applies random mutations
(Markdown markers, truncation, shuffled or duplicated lines, unicode and control
characters, huge numbers, deep indentation, ...) for a number of seconds and checks
that for every input

* ``chartparse.parse`` does not raise,
* the result serialises (``json.loads(chart.to_json())``) and validates again as a
  ``Chart`` (``Chart.model_validate_json``),
* one parse takes at most ``--slow`` seconds (1 s by default).

Failing inputs are written to ``tests/regressions/`` as ``crash-<sha1>.md`` or
``slow-<sha1>.md`` (a few per distinct failure, so one bug does not flood the
folder). Run from the repository root::

    python fuzz/mutate.py                 # 40 s, seed from the clock
    python fuzz/mutate.py --seconds 300 --seed 7 --out /tmp/found
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MARKERS = ("# ", "## ", "### ", "#### ", "* ", "- ", "+ ", "1. ", "a) ", "**", "__", "`", "```",
           "| ", " |", "|---|---|", "> ", "---", "***", ":", "**Key:** ", "* **X-Axis:** ",
           "* **Legend:** ", "**Chart 2: Panel**", "(", ")", "[", "]", "~", "≈", "%", "<sup>",
           "</sup>", "$", "\\times", "^{", "}", "×10^", " to ", " between ", " and ", " at ")
UNICODE = ("\u200b", "\u202e", "\ufeff", "\u2028", "\u2029", "\ufffd", "\x00", "\x1b[31m", "\x0c",
           "\x0b", "\r", "\r\n", "\t", "é", "漢字", "🙂", "\U0010ffff", "⁻⁹⁹⁹", "¹²³", "−", "–", "—",
           "\u0301", "\x85", "\ud7ff")
HUGE = ("1e400", "-1e400", "10^999", "10⁹⁹⁹", "2.5×10^400", "9" * 400, "1e-400", "1e308",
        "1,000,000,000,000,000,000,000", "0." + "0" * 400 + "1", "NaN", "inf", "10^-999",
        "(1e400, ~1e400)", "between 1e400 and -1e400", "~" * 50 + "5")


class Hang(BaseException):
    """Raised by the alarm when one parse runs far too long (BaseException: parse's own
    ``except Exception`` must not swallow it)."""


def _pos(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def insert_marker(rng: random.Random, text: str) -> str:
    i = _pos(rng, text)
    return text[:i] + rng.choice(MARKERS) + text[i:]


def truncate(rng: random.Random, text: str) -> str:
    return text[: _pos(rng, text)]


def shuffle_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    if len(lines) > 2:
        a = rng.randrange(len(lines))
        b = min(len(lines), a + rng.randint(2, 12))
        chunk = lines[a:b]
        rng.shuffle(chunk)
        lines[a:b] = chunk
    return "\n".join(lines)


def duplicate_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    a = rng.randrange(len(lines))
    b = min(len(lines), a + rng.randint(1, 8))
    times = rng.choice((1, 2, 5, 20, 200))
    lines[b:b] = lines[a:b] * times
    return "\n".join(lines)


def delete_chunk(rng: random.Random, text: str) -> str:
    i = _pos(rng, text)
    return text[:i] + text[i + rng.randint(1, 200):]


def inject_unicode(rng: random.Random, text: str) -> str:
    i = _pos(rng, text)
    return text[:i] + rng.choice(UNICODE) * rng.choice((1, 1, 3, 50)) + text[i:]


def inject_huge_number(rng: random.Random, text: str) -> str:
    digits = [m.span() for m in re.finditer(r"\d+(?:\.\d+)?", text)]
    if digits and rng.random() < 0.7:
        a, b = rng.choice(digits)
        return text[:a] + rng.choice(HUGE) + text[b:]
    i = _pos(rng, text)
    return text[:i] + rng.choice(HUGE) + text[i:]


def deep_indentation(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    a = rng.randrange(len(lines))
    depth = rng.choice((10, 50, 200, 500))
    unit = rng.choice(("  ", "\t", "> ", "- ", "    "))
    nested = [unit * k + (lines[a].lstrip() or "- x: 1") for k in range(depth)]
    lines[a:a + 1] = nested
    return "\n".join(lines)


def splice_corpus(rng: random.Random, text: str, docs: list[str]) -> str:
    other = _lines(rng.choice(docs))
    lines = _lines(text)
    a = rng.randrange(len(other))
    lines[_pos(rng, lines[:-1] or [""]):0] = other[a:a + rng.randint(1, 15)]
    return "\n".join(lines)


def flip_chars(rng: random.Random, text: str) -> str:
    if not text:
        return text
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        chars[rng.randrange(len(chars))] = chr(rng.choice((rng.randrange(32, 127),
                                                           rng.randrange(0, 0x3000))))
    return "".join(chars)


MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    insert_marker, truncate, shuffle_lines, duplicate_lines, delete_chunk, inject_unicode,
    inject_huge_number, deep_indentation, flip_chars,
)


def mutate(rng: random.Random, text: str, docs: list[str], max_chars: int = 65536) -> str:
    for _ in range(rng.choice((1, 1, 2, 3, 5, 8))):
        splice = rng.random() < 0.1
        text = splice_corpus(rng, text, docs) if splice else rng.choice(MUTATIONS)(rng, text)
        text = text[:max_chars]
    return text


def check(text: str, hard_limit: float) -> tuple[str | None, float]:
    """(failure signature or None, seconds) for one input."""
    import chartparse
    from chartparse import Chart

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, hard_limit)
    start = time.perf_counter()
    try:
        chart = chartparse.parse(text)
        elapsed = time.perf_counter() - start
        signal.setitimer(signal.ITIMER_REAL, 0)
        payload = chart.to_json()
        json.loads(payload)
        Chart.model_validate_json(payload)
        internal = [d for d in chart.diagnostics if d.code == "internal-error"]
        if internal:
            return f"internal-error: {_shape(internal[0].message)}", elapsed
        return None, elapsed
    except Hang:
        return "hang", time.perf_counter() - start
    except Exception as err:  # the whole point: record anything that escapes
        return f"{type(err).__name__}: {_shape(str(err).splitlines()[0] if str(err) else '')}", (
            time.perf_counter() - start)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _shape(message: str) -> str:
    """A failure message with its numbers and quoted parts blanked, to group failures."""
    message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", message)
    return re.sub(r"\d+", "N", message)[:120]


def save(out: Path, prefix: str, text: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    path = out / f"{prefix}-{digest}.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def run(seconds: float, seed: int, out: Path, slow: float, keep: int,
        corpus: Path, max_chars: int = 65536) -> dict[str, object]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))]
    if not docs:
        raise SystemExit(f"no *.md files in {corpus}")
    rng = random.Random(seed)
    import chartparse

    chartparse.parse(docs[0])  # build the grammars before timing anything
    tried = 0
    failures: Counter[str] = Counter()
    saved: list[str] = []
    slowest = 0.0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = mutate(rng, rng.choice(docs), docs, max_chars)
        tried += 1
        signature, elapsed = check(text, hard_limit=max(10.0, 10 * slow))
        slowest = max(slowest, elapsed)
        if signature is None and elapsed > slow:
            signature = "slow"
        if signature is None:
            continue
        failures[signature] += 1
        if failures[signature] <= keep:
            prefix = "slow" if signature in ("slow", "hang") else "crash"
            path = save(out, prefix, text)
            saved.append(str(path))
            print(f"{prefix}: {signature} ({elapsed:.2f} s, {len(text)} chars) -> {path}",
                  file=sys.stderr)
    return {
        "seconds": seconds, "seed": seed, "inputs": tried, "failures": sum(failures.values()),
        "by_signature": dict(failures), "saved": saved, "slowest_s": round(slowest, 3),
        "inputs_per_s": round(tried / seconds, 1) if seconds else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=40.0, help="how long to run (40)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: clock)")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "regressions",
                        help="where failing inputs go (tests/regressions)")
    parser.add_argument("--slow", type=float, default=1.0,
                        help="seconds one parse may take before the input counts as slow (1)")
    parser.add_argument("--keep", type=int, default=3,
                        help="inputs saved per distinct failure (3)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus",
                        help="seed descriptions (corpus/)")
    parser.add_argument("--max-chars", type=int, default=65536,
                        help="cut mutated inputs to this many characters (65536)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    summary = run(args.seconds, seed, args.out, args.slow, args.keep, args.corpus,
                  args.max_chars)
    print(json.dumps(summary, indent=2))
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
