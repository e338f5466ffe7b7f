"""Score the installed chartparse on ../shared's gold in one process (informational).

Runs ../shared/tools/chartscore.py as it is, but hands it each description's JSON from
``chartparse.parse_file`` in this process instead of one ``chartparse FILE --to json``
subprocess per file: the same output the CLI prints, without a start-up per description.

    python .ci/score.py ../shared/corpus/seeds ../shared/corpus/dev
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "tools"))

import chartscore

import chartparse


def _run(cmd: list[str], **_: object) -> types.SimpleNamespace:
    try:
        return types.SimpleNamespace(returncode=0, stdout=chartparse.parse_file(cmd[1]).to_json(), stderr="")
    except Exception as error:
        return types.SimpleNamespace(returncode=1, stdout="", stderr=repr(error))


if __name__ == "__main__":
    chartscore.subprocess = types.SimpleNamespace(run=_run, TimeoutExpired=subprocess.TimeoutExpired)
    for directory in sys.argv[1:]:
        chartscore.main([directory])
