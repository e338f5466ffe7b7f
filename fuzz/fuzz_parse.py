"""Coverage-guided fuzzing of ``chartparse.parse`` with atheris (libFuzzer for Python).

Needs the ``fuzz`` extra (``pip install -e '.[fuzz]'``, Linux only). Run from the
repository root, seeding libFuzzer with the corpus::

    python fuzz/fuzz_parse.py -max_total_time=300 -timeout=5 -rss_limit_mb=4096 \\
        /tmp/chartparse-fuzz corpus

(the first directory collects the inputs that reach new code; later ones are read
only). libFuzzer writes a crashing input to ``crash-<sha1>``; copy it to
``tests/regressions/crash-<sha1>.md`` so that ``tests/test_regressions.py`` keeps it.

Checks per input: ``parse`` does not raise, its JSON loads, and it validates again as
a ``Chart``. Slowness is left to libFuzzer's ``-timeout`` (and to ``fuzz/mutate.py``,
which records inputs over one second).
"""

from __future__ import annotations

import json
import sys


def test_one_input(data: bytes) -> None:
    import chartparse
    from chartparse import Chart

    # Half the inputs as UTF-8 text (the library entry point), half as raw bytes
    # (what the CLI reads), so both decoding paths are covered.
    if data[:1] == b"\x00":
        chart = chartparse.parse_bytes(data[1:])
    else:
        chart = chartparse.parse(data.decode("utf-8", errors="replace"))
    payload = chart.to_json()
    json.loads(payload)
    Chart.model_validate_json(payload)


def main() -> None:
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: pip install 'chartparse[fuzz]' (Linux, CPython)")
    with atheris.instrument_imports(include=["chartparse"]):
        import chartparse  # noqa: F401

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
