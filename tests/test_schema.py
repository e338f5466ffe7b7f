"""The JSON Schema of the output: committed, shipped, and what every JSON output obeys.

``src/chartparse/schema/chart.schema.json`` is generated from the models. When a model
changes, ``test_committed_schema_matches_the_models`` fails: regenerate the file with
``chartparse schema -o src/chartparse/schema/chart.schema.json``. A breaking change (a
CONTRACT.md field renamed, retyped or dropped) must also bump ``SCHEMA_VERSION`` in
``chartparse/models.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from chartparse import SCHEMA_VERSION, Chart, parse, parse_file
from chartparse.cli import main
from chartparse.schema import dumps, generate, load

COMMITTED = Path(__file__).resolve().parents[1] / "src" / "chartparse" / "schema" / "chart.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == dumps(generate()), (
        "the models changed: run `chartparse schema -o src/chartparse/schema/chart.schema.json`"
        " (and bump SCHEMA_VERSION in models.py if the change is breaking)")


def test_installed_package_ships_the_same_schema() -> None:
    assert load() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_schema_names_the_schema_version() -> None:
    schema = load()
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    assert schema["$comment"].endswith(f"schema_version {SCHEMA_VERSION}")


def test_every_corpus_output_validates(corpus_docs: list[tuple[Path, dict]],
                                       validator: jsonschema.Draft202012Validator) -> None:
    for path, _expected in corpus_docs:
        document = json.loads(parse_file(path).to_json())
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.name}: {errors[0].message}"


def test_outputs_of_odd_inputs_validate(validator: jsonschema.Draft202012Validator) -> None:
    for text in ["", "\x00", "# only a heading", "| a |\n|---|\n| 1 |", "* 1: 2\n" * 50]:
        validator.validate(json.loads(parse(text).to_json()))


def test_schema_rejects_what_the_contract_forbids(
        validator: jsonschema.Draft202012Validator) -> None:
    good = Chart.model_validate({"kind": "line", "series": [
        {"name": "s", "points": [{"x": 1, "y": 2}]}]}).to_dict()
    validator.validate(good)
    for path, bad in [
        (("kind",), "sankey"),
        (("series", 0, "points", 0, "y"), "high"),
        (("series", 0, "axis"), "y3"),
        (("unknown_field",), 1),
    ]:
        broken = json.loads(json.dumps(good))
        target = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = bad
        assert not validator.is_valid(broken), path


def test_cli_prints_the_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    printed = runner.invoke(main, ["schema"])
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == generate()
    out = tmp_path / "s.json"
    assert runner.invoke(main, ["schema", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == dumps(generate())
    failed = runner.invoke(main, ["schema", "-o", str(tmp_path / "no" / "s.json")])
    assert failed.exit_code == 1 and "cannot write" in failed.stderr
