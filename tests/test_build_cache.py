"""The mypyc build hook's cache of compiled extensions: keyed by the sources, off with 0."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


_HATCHLING = ("hatchling", "hatchling.builders", "hatchling.builders.hooks",
              "hatchling.builders.hooks.plugin", "hatchling.builders.hooks.plugin.interface")


@pytest.fixture(scope="module")
def hook() -> types.ModuleType:
    stubbed = []
    if importlib.util.find_spec("hatchling") is None:  # the hook needs only its base class here
        for name in _HATCHLING:
            stub = types.ModuleType(name)
            stub.BuildHookInterface = object  # type: ignore[attr-defined]
            sys.modules[name] = stub
            stubbed.append(name)
    try:
        spec = importlib.util.spec_from_file_location("chartparse_hatch_build", ROOT / "hatch_build.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        for name in stubbed:  # (a stub left behind would confuse find_spec in other tests)
            del sys.modules[name]
    return module


def _project(tmp: Path, source: str) -> Path:
    (tmp / "src" / "pkg").mkdir(parents=True)
    (tmp / "src" / "pkg" / "mod.py").write_text(source, encoding="utf-8")
    (tmp / "pyproject.toml").write_text("[project]\nname = 'pkg'\n", encoding="utf-8")
    return tmp


def test_same_sources_share_a_cache_entry_and_a_change_makes_a_new_one(
        hook: types.ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTPARSE_BUILD_CACHE", str(tmp_path / "cache"))
    one = hook._cache_dir(_project(tmp_path / "a", "x = 1\n"))
    same = hook._cache_dir(_project(tmp_path / "b", "x = 1\n"))
    changed = hook._cache_dir(_project(tmp_path / "c", "x = 2\n"))
    assert one == same
    assert one != changed
    assert one.parent == tmp_path / "cache"


def test_the_cache_is_off_with_0(hook: types.ModuleType, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTPARSE_BUILD_CACHE", "0")
    assert hook._cache_dir(_project(tmp_path, "x = 1\n")) is None


def test_kept_extensions_are_stored_whole(hook: types.ModuleType, tmp_path: Path) -> None:
    lib = tmp_path / "lib" / "pkg"
    lib.mkdir(parents=True)
    (lib / "mod.so").write_bytes(b"\x7fELF")
    cached = tmp_path / "cache" / "abc"
    hook._keep(tmp_path / "lib", cached)
    assert (cached / "lib" / "pkg" / "mod.so").read_bytes() == b"\x7fELF"
    hook._keep(tmp_path / "lib", cached)  # a second store of the same entry is harmless
    assert (cached / "lib" / "pkg" / "mod.so").is_file()


def test_another_compiler_is_another_entry(hook: types.ModuleType, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTPARSE_BUILD_CACHE", str(tmp_path / "cache"))
    project = _project(tmp_path / "p", "x = 1\n")
    monkeypatch.delenv("CC", raising=False)
    default = hook._cache_dir(project)
    monkeypatch.setenv("CC", "false")  # (a compiler that fails must not be served the cache)
    assert hook._cache_dir(project) != default
