"""The JSON Schema of chartparse's output, generated from the models and shipped as a file.

``chart.schema.json`` beside this module is the committed copy (it ships in the wheel);
``tests/test_schema.py`` fails when the models drift from it. After a model change,
regenerate it with ``chartparse schema -o src/chartparse/schema/chart.schema.json``;
when the change is breaking (a docs/CONTRACT.md field renamed, retyped or dropped), bump
``SCHEMA_VERSION`` in ``chartparse/models.py`` first.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "chart.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def generate() -> dict[str, Any]:
    """The schema as the current models describe it."""
    from ..models import SCHEMA_VERSION, Chart

    schema = Chart.model_json_schema()
    return {
        "$schema": DIALECT,
        "$comment": f"chartparse output, schema_version {SCHEMA_VERSION}",
        **schema,
    }


def dumps(schema: dict[str, Any]) -> str:
    """The schema as the committed file spells it (2-space indent, trailing newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def load() -> dict[str, Any]:
    """The shipped copy (``chart.schema.json``)."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)
