"""Shared fixtures: the project's own corpus of descriptions (corpus/*.md + expected JSON)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

# CI draws the same examples on every run (a red CI then means a regression, not a lucky
# draw); the dev profile explores new ones, and what it finds is pinned as a fixture.
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def corpus_documents() -> list[tuple[Path, dict]]:
    docs = []
    for expected in sorted(CORPUS.glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        source = CORPUS / f"{stem}.md"
        if source.exists():
            docs.append((source, json.loads(expected.read_text(encoding="utf-8"))))
    return docs


@pytest.fixture(scope="session")
def corpus_docs() -> list[tuple[Path, dict]]:
    return corpus_documents()
