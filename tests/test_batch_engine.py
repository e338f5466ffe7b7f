"""The local engine reads its inputs only a bounded window ahead (flat memory), in order."""

from __future__ import annotations

from collections.abc import Iterator

from chartparse.batch.engine import WINDOW, run_chunks
from chartparse.batch.tasks import TEXT, Task


def counted(n: int, seen: list[int]) -> Iterator[Task]:
    for i in range(n):
        seen[0] += 1
        yield (TEXT, f"t{i}", f"## Bar Chart: T{i}\n* A: {i}\n")


def test_pool_reads_a_bounded_window_ahead_and_keeps_order() -> None:
    seen = [0]
    jobs, chunk = 2, 2
    results = run_chunks(counted(10_000, seen), "jsonl", jobs=jobs, max_bytes=10_000,
                         chunk_size=chunk)
    first = next(results)
    assert [source for source, _, _ in first] == ["t0", "t1"]
    assert seen[0] <= (jobs * WINDOW + 1) * chunk  # not 10 000: the inputs stream
    second = next(results)
    assert [source for source, _, _ in second] == ["t2", "t3"]
    results.close()  # stopping early stops the workers and returns
    assert seen[0] < 100


def test_one_job_runs_in_process_one_chunk_at_a_time() -> None:
    seen = [0]
    results = run_chunks(counted(1000, seen), "jsonl", jobs=1, max_bytes=10_000, chunk_size=5)
    assert len(next(results)) == 5
    assert seen[0] == 5
