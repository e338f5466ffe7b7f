"""Wheel build hook: compile the parsing hot path with mypyc, or ship pure Python.

The modules listed under ``compile`` in ``[tool.hatch.build.targets.wheel.hooks.custom]``
are compiled to C extensions next to their ``.py`` sources (Python imports the extension
first). The build never fails for want of a compiler: when compiling fails, the wheel is
built as pure Python and a warning says why.

Environment (a value of 1, true or yes turns a switch on):
  CHARTPARSE_PURE_BUILD=1        build pure Python and fetch no mypy (offline installs).
  CHARTPARSE_REQUIRE_COMPILED=1  fail the build instead of falling back to pure Python.
  CHARTPARSE_BUILD_CACHE=DIR     where compiled extensions are kept, keyed by a hash of every
                                 source, the build settings, the compiler's environment
                                 (CC, CFLAGS, ...), Python and mypy (default
                                 ~/.cache/chartparse-mypyc; 0 turns the cache off). A second
                                 build of unchanged sources (``pip install ".[test]"`` after
                                 ``pip install .``) reuses them instead of compiling again.

Editable installs are never compiled: a stale extension would shadow edited sources.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "CHARTPARSE_PURE_BUILD"
REQUIRE_ENV = "CHARTPARSE_REQUIRE_COMPILED"
CACHE_ENV = "CHARTPARSE_BUILD_CACHE"
_TOOLCHAIN_ENV = ("CC", "CXX", "CFLAGS", "CPPFLAGS", "LDFLAGS", "LDSHARED", "ARCHFLAGS", "MYPYC_OPT_LEVEL")
# mypyc puts the shared library of a group beside the top package (it derives each
# module's __file__ from there): chartparse_compiled__mypyc.*.so in site-packages.
GROUP = "chartparse_compiled"

# Run in a subprocess so setuptools and mypy never touch the build backend's own state.
_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify

config, cache_dir, target_dir, *paths = sys.argv[1:]
sys.argv = [sys.argv[0], "build_ext", "--build-lib", "lib", "--build-temp", "tmp",
            "--parallel", "{jobs}"]
setup(name="chartparse-compiled", script_args=sys.argv[1:], ext_modules=mypycify(
    ["--config-file", config, "--cache-dir", cache_dir, *paths],
    opt_level="3", debug_level="0", group_name="{group}", target_dir=target_dir, multi_file=True))
"""
# multi_file: one C file per module rather than one for all. The C compiler's time grows
# faster than the file, so this compiles about 2.5x sooner (2 min rather than 6 on 2 cores),
# and build_ext --parallel can spread the files over the cores; the extension runs alike.


class CompileError(Exception):
    """mypyc or the C compiler failed; the message holds the end of their output."""


def _switch(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _wanted() -> bool:
    return not _switch(PURE_ENV)


class CompileHook(BuildHookInterface):
    PLUGIN_NAME = "custom"
    _work: Path | None = None  # the temporary build folder, removed once the wheel is written

    def dependencies(self) -> list[str]:
        # mypy reads the types of lark and pydantic, so the runtime dependencies come too.
        if not _wanted():
            return []
        # mypy's upper bound: a new major release may report new errors, which would quietly
        # turn default builds pure; raise it after checking the code against that release.
        return ["mypy>=1.10,<3", "setuptools>=65", *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable" or not _wanted():
            return
        work = self._work = Path(tempfile.mkdtemp(prefix="chartparse-mypyc-"))
        try:
            built = self._compile(work)
        except Exception as err:  # any failure to compile means: ship pure Python
            self._remove_work()
            if _switch(REQUIRE_ENV):
                raise RuntimeError(f"mypyc compilation failed: {err}") from err
            print(f"chartparse: mypyc compilation failed, building pure Python ({err})",
                  file=sys.stderr)
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        lib = work / "src" / "lib"
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(lib).as_posix()

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        self._remove_work()  # the wheel holds the extensions now

    def _remove_work(self) -> None:
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

    def _compile(self, work: Path) -> list[Path]:
        """Compile a copy of the sources (so nothing is written into the tree); returns the extensions."""
        src = work / "src"
        paths = [str(Path(p).relative_to("src")) for p in self.config.get("compile", [])]
        if not paths:
            raise OSError("no modules listed under 'compile'")
        cached = _cache_dir(Path(self.root))
        if cached is not None and (cached / "lib").is_dir():
            shutil.copytree(cached / "lib", src / "lib")  # the same sources were compiled before
            return self._extensions(src)
        shutil.copytree(Path(self.root) / "src", src)  # (only a compile needs the sources)
        script = work / "setup_mypyc.py"
        script.write_text(_SETUP.format(jobs=os.cpu_count() or 1, group=GROUP), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(script), str(Path(self.root) / "pyproject.toml"),
             str(work / "mypy-cache"), str(work / "c"), *paths],
            cwd=src, capture_output=True, text=True, errors="replace", timeout=3600, check=False)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
            raise CompileError(f"mypyc exited {result.returncode}:\n{tail}")
        built = self._extensions(src)
        if cached is not None:
            _keep(src / "lib", cached)
        return built

    @staticmethod
    def _extensions(src: Path) -> list[Path]:
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        built = sorted((src / "lib").rglob(f"*{suffix}"))
        if not built:
            raise OSError("mypyc produced no extension modules")
        return built


def _cache_dir(root: Path) -> Path | None:
    """The cache folder for these exact sources and build settings; None when turned off."""
    value = os.environ.get(CACHE_ENV, "").strip()
    if value.lower() in ("0", "false", "no", "off"):
        return None
    base = Path(value) if value else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") \
        / "chartparse-mypyc"
    digest = hashlib.sha256()
    for path in sorted((root / "src").rglob("*")):  # every module: types flow between them
        if path.is_file() and path.suffix in (".py", ".pyi", ".lark", ".typed"):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for path in (root / "pyproject.toml", Path(__file__)):
        digest.update(path.read_bytes())
    try:
        from mypy.version import __version__ as mypy_version
    except ImportError:  # pragma: no cover - mypy is a build dependency of the compiled build
        mypy_version = "?"
    digest.update(f"{sys.version}|{sysconfig.get_config_var('EXT_SUFFIX')}|{mypy_version}".encode())
    for name in _TOOLCHAIN_ENV:  # another compiler or flags build other extensions (or none)
        digest.update(f"|{name}={os.environ.get(name, '')}".encode())
    return base / digest.hexdigest()[:32]


def _keep(lib: Path, cached: Path) -> None:
    """Store the built extensions for the next build of the same sources (best effort)."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=cached.name + ".", dir=cached.parent))
        shutil.copytree(lib, staging / "lib")
        staging.rename(cached)  # atomic: a reader sees all of it or nothing
    except OSError:
        pass  # (another build stored it first, or the cache is not writable)
