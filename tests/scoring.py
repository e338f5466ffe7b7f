"""Points precision/recall/F1 of chartparse's output against the corpus gold files.

A small re-implementation of the project's scoring rules, so the test suite can
measure the parser on ``corpus/*.md`` without anything outside the repository:

* series are paired with gold series by name (folded: case, quotes, emphasis and
  spacing ignored), within the gold series' panel when it names one;
* a predicted point equals a gold point when both x and y are equal: numbers within
  1e-6 relative, or equal up to a unit factor (1e3, 1e6, 1e9, 1e12, 100 and their
  inverses); strings equal after folding;
* gold ``optional`` points are neither required nor penalised when predicted;
* points of predicted series that pair with no gold series are false positives.

Run ``python tests/scoring.py`` for a per-fixture table (lowest F1 first).
"""

from __future__ import annotations

import difflib
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

UNIT_FACTORS = (1.0, 1e3, 1e6, 1e9, 1e12, 100.0, 1e-3, 1e-6, 1e-9, 1e-12, 0.01)
NAME_THRESHOLD = 0.8

_FOLD_DROP = re.compile(r"[\"'`*_]")
_SPACES = re.compile(r"\s+")


def fold(value: Any) -> str:
    """Lower case, no quotes or emphasis, single spaces, no edge dots or colons."""
    if value is None:
        return ""
    text = _FOLD_DROP.sub("", str(value).lower())
    return _SPACES.sub(" ", text).strip(" .:")


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same_value(pred: Any, gold: Any) -> bool:
    """Whether a predicted x or y equals the gold one (``None`` in gold matches anything)."""
    if gold is None:
        return True
    if isinstance(pred, str) or isinstance(gold, str):
        return fold(pred) == fold(gold)
    if pred is None or isinstance(pred, bool):
        return False
    try:
        p, g = float(pred), float(gold)
    except (TypeError, ValueError):
        return False
    if math.isnan(p):
        return False
    return any(_near(p, g * factor) for factor in UNIT_FACTORS)


def name_similarity(a: str | None, b: str | None) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    if fa in fb or fb in fa:
        return 0.9
    return difflib.SequenceMatcher(None, fa, fb).ratio()


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _points(series: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [(p.get("x"), p.get("y")) for p in series.get("points") or []]


def match_points(
    pred: Sequence[tuple[Any, Any]],
    gold: Sequence[Sequence[Any]],
    optional: Sequence[Sequence[Any]] = (),
) -> Counts:
    """Greedy one-to-one matching of predicted points to gold points."""
    taken = [False] * len(pred)
    counts = Counts()
    for gx, gy in gold:
        for i, (px, py) in enumerate(pred):
            if not taken[i] and same_value(px, gx) and same_value(py, gy):
                taken[i] = True
                counts.tp += 1
                break
    counts.fn = len(gold) - counts.tp
    for i, (px, py) in enumerate(pred):
        if taken[i]:
            continue
        if not any(same_value(px, ox) and same_value(py, oy) for ox, oy in optional):
            counts.fp += 1
    return counts


def pair_series(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[dict[str, Any]]]:
    """Pair each gold series with the best-named unused predicted series."""
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for g in gold:
        best, best_score = None, 0.0
        for i, p in enumerate(pred):
            if i in used:
                continue
            score = name_similarity(p.get("name"), g.get("name"))
            if g.get("panel"):
                score = min(score, name_similarity(p.get("panel"), g["panel"]))
            if score > best_score:
                best, best_score = i, score
        if best is not None and best_score >= NAME_THRESHOLD:
            used.add(best)
            pairs.append((g, pred[best]))
        else:
            pairs.append((g, None))
    extra = [p for i, p in enumerate(pred) if i not in used]
    return pairs, extra


def score_chart(pred: dict[str, Any], gold: dict[str, Any]) -> Counts:
    """Point counts of one predicted chart (CONTRACT.md JSON) against one gold file."""
    pairs, extra = pair_series(pred.get("series") or [], gold.get("series") or [])
    counts = Counts()
    for g, p in pairs:
        gold_points = [tuple(x) for x in g.get("points", [])]
        if p is None:
            counts.fn += len(gold_points)
            continue
        optional = [tuple(x) for x in g.get("optional", [])]
        counts += match_points(_points(p), gold_points, optional)
    for p in extra:
        counts.fp += len(_points(p))
    return counts


def corpus_documents(directory: Path = CORPUS) -> list[tuple[Path, dict[str, Any]]]:
    docs = []
    for expected in sorted(directory.glob("*.expected.json")):
        source = expected.with_name(expected.name[: -len(".expected.json")] + ".md")
        if source.exists():
            docs.append((source, json.loads(expected.read_text(encoding="utf-8"))))
    return docs


def score_corpus(
    docs: Iterable[tuple[Path, dict[str, Any]]],
) -> tuple[Counts, list[tuple[str, Counts]]]:
    """Total counts and per-fixture counts of the parser over the documents."""
    import chartparse

    total = Counts()
    rows = []
    for source, gold in docs:
        pred = chartparse.parse_file(source).to_dict()
        counts = score_chart(pred, gold)
        total += counts
        rows.append((source.stem, counts))
    return total, rows


def format_table(rows: list[tuple[str, Counts]], limit: int | None = None) -> str:
    ordered = sorted(rows, key=lambda r: (r[1].f1, r[0]))[:limit]
    lines = [f"{'fixture':32} {'F1':>6} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, c in ordered:
        lines.append(f"{name:32} {c.f1:6.3f} {c.precision:6.3f} {c.recall:6.3f} "
                     f"{c.tp:4d} {c.fp:4d} {c.fn:4d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else CORPUS
    total, rows = score_corpus(corpus_documents(directory))
    print(format_table(rows))
    print(f"TOTAL points F1 {total.f1:.3f} precision {total.precision:.3f} "
          f"recall {total.recall:.3f} (tp={total.tp} fp={total.fp} fn={total.fn}, "
          f"{len(rows)} fixtures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
