"""Start-up stays light: ``chartparse FILE --to json`` imports no heavy optional library,
and the parsers come pre-built from ``grammar/parsers.pickle`` (see grammar_files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lark import Lark

from chartparse import blocks, grammar_files, values

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "example_line.md"
HEAVY = ("pandas", "pyarrow", "matplotlib", "dask", "distributed", "rich", "numpy")

PROBE = """
import json, sys
from chartparse.cli import main
file, report = sys.argv[1], sys.argv[2]
try:
    main([file, "--to", "json"], prog_name="chartparse")
except SystemExit as stop:
    code = stop.code
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[3])))
with open(report, "w") as fh:
    json.dump({"code": code, "heavy": heavy}, fh)
"""


@pytest.mark.slow
def test_convert_to_json_imports_no_heavy_library(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(EXAMPLE), str(report), json.dumps(HEAVY)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert report.exists(), done.stderr
    result = json.loads(report.read_text())
    assert result["code"] in (0, None), done.stderr
    assert json.loads(done.stdout)["series"], "the probe should have converted the file"
    assert result["heavy"] == []


def test_shipped_parsers_match_the_grammar_files() -> None:
    for name in grammar_files.GRAMMARS:
        assert grammar_files.stored_sha256(name) == grammar_files.grammar_sha256(name), (
            f"grammar/parsers.pickle is missing or was written from another grammar/{name}: "
            "run `python -m chartparse.grammar_files` to rewrite it (and commit it)"
        )


def _stored_for_this_lark(name: str) -> dict:
    stored = grammar_files.prebuilt(name)
    if stored is None:
        pytest.skip("parsers.pickle was written with another lark version: built at start-up")
    return stored


def test_start_up_loads_the_pre_built_block_parser() -> None:
    _stored_for_this_lark("blocks.lark")
    blocks.block_parser.cache_clear()
    try:
        assert blocks.block_parser().source_path == "<deserialized>"
    finally:
        blocks.block_parser.cache_clear()


def _plugin_options() -> list[dict]:
    try:
        import lark_cython
    except ImportError:
        return [{}]
    return [{}, {"_plugins": lark_cython.plugins}]


@pytest.mark.parametrize("accel", _plugin_options(), ids=lambda o: "lark-cython" if o else "pure")
def test_pre_built_block_parser_reads_like_one_built_from_the_grammar(accel: dict) -> None:
    stored = _stored_for_this_lark("blocks.lark")
    builder = blocks.LineBuilder(grammar_files.terminal_patterns("blocks.lark"))
    loaded = grammar_files.load_parser(stored["parser"], transformer=builder, **accel)
    built = Lark(grammar_files.grammar_text("blocks.lark"), **grammar_files.LALR_OPTIONS["blocks.lark"],
                 transformer=builder)
    texts = [p.read_text(encoding="utf-8") + "\n" for p in sorted((ROOT / "corpus").glob("*.md"))]
    texts.append("# T\n  - a: b\n| x | y |\n|---|---|\n  | 1 | 2 |\n\n---\n**K:** v\n")
    for text in texts:
        assert loaded.parse(text) == built.parse(text)


def test_pre_built_terminals_are_the_grammar_terminals() -> None:
    for name in grammar_files.GRAMMARS:
        stored = _stored_for_this_lark(name)
        lexer_only = Lark(grammar_files.grammar_text(name), parser=None, lexer="basic")
        assert stored["terminals"] == {t.name: t.pattern.to_regexp() for t in lexer_only.terminals}


def test_pre_built_value_parser_reads_values() -> None:
    _stored_for_this_lark("values.lark")
    values._value_parser.cache_clear()
    try:
        assert values._value_parser().source_path == "<deserialized>"
        pair = values.read_value("(100, ~0.294)")
        assert isinstance(pair, tuple)
        assert (pair[0].value, pair[1].value, pair[1].approx) == (100, 0.294, True)
    finally:
        values._value_parser.cache_clear()


def test_a_damaged_parsers_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in grammar_files.GRAMMARS:
        (tmp_path / name).write_text(grammar_files.grammar_text(name), encoding="utf-8")
    (tmp_path / grammar_files.PREBUILT).write_bytes(b"\x80\x04not a pickle")
    monkeypatch.setattr(grammar_files, "grammar_dir", lambda: tmp_path)
    grammar_files._prebuilt_file.cache_clear()
    try:
        assert grammar_files.prebuilt("blocks.lark") is None
        assert "REST" in grammar_files.terminal_patterns("blocks.lark")
    finally:
        grammar_files._prebuilt_file.cache_clear()


def test_a_parsers_file_holding_objects_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    (tmp_path / grammar_files.PREBUILT).write_bytes(pickle.dumps({"blocks.lark": Path("x")}))
    monkeypatch.setattr(grammar_files, "grammar_dir", lambda: tmp_path)
    grammar_files._prebuilt_file.cache_clear()
    try:
        assert grammar_files._prebuilt_file() == {}
    finally:
        grammar_files._prebuilt_file.cache_clear()
