"""The built wheel works on its own: catches files (the .lark grammars) missing from it.

Builds the wheel both ways (pure Python, and compiled with mypyc by ``hatch_build.py``),
installs each with ``--no-deps`` into a fresh virtual environment that borrows its
dependencies from the running one, and runs the installed console script from a
directory outside the repository. The compiled build is skipped without a C compiler.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "example_line.md"


BUILD_ENV = {"pure": {"CHARTPARSE_PURE_BUILD": "1"}, "compiled": {"CHARTPARSE_REQUIRE_COMPILED": "1"}}


def _has_c_compiler() -> bool:
    compiler = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    return bool(compiler) and shutil.which(compiler[0]) is not None


def _run(cmd: list[str], cwd: Path, extra_env: dict[str, str] | None = None,
         **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "CHARTPARSE_PURE_BUILD", "CHARTPARSE_REQUIRE_COMPILED")}
    env.update(extra_env or {})
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env,
                            timeout=900, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(cmd)} exited {result.returncode}\n{result.stdout[-2000:]}\n"
        f"{result.stderr[-2000:]}"
    )
    return result


def _build_wheel(outdir: Path, extra_env: dict[str, str]) -> tuple[Path, str]:
    """The one wheel built into ``outdir``, and the build's output."""
    if importlib.util.find_spec("build") is not None:
        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir)]
        if importlib.util.find_spec("hatchling") is not None:
            cmd.append("--no-isolation")  # the backend is here: build offline
    else:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(outdir), str(ROOT)]
    result = _run(cmd, cwd=ROOT, extra_env=extra_env)
    wheels = sorted(outdir.glob("chartparse-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0], result.stdout + result.stderr


def _venv_python(env_dir: Path) -> Path:
    bindir = "Scripts" if os.name == "nt" else "bin"
    return env_dir / bindir / ("python.exe" if os.name == "nt" else "python")


@pytest.fixture(scope="module", params=["pure", "compiled"])
def build(request: pytest.FixtureRequest) -> str:
    if request.param == "compiled" and not _has_c_compiler():
        pytest.skip("no C compiler: the wheel can only be built as pure Python here")
    return request.param


@pytest.fixture(scope="module")
def installed(build: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built wheel installed; returns its directory."""
    wheel, _ = _build_wheel(tmp_path_factory.mktemp("dist"), BUILD_ENV[build])
    assert wheel.name.endswith("-py3-none-any.whl") == (build == "pure"), wheel.name
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=False, clear=True).create(env_dir)
    python = _venv_python(env_dir)
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "--disable-pip-version-check", str(wheel)], cwd=env_dir)
    # When the tests run inside a venv, --system-site-packages reaches the base interpreter,
    # not this venv: point the new one at our site-packages for lark/pydantic/click. A plain
    # path line does not run the .pth files there, so the editable install stays inactive,
    # and the venv's own site-packages (with the wheel) comes first on sys.path.
    if sys.prefix != sys.base_prefix:
        purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                        "['purelib'])"], cwd=env_dir).stdout.strip()
        ours = sysconfig.get_paths()["purelib"]
        Path(purelib, "_chartparse_test_deps.pth").write_text(ours + "\n", encoding="utf-8")
    return env_dir


def test_installed_package_is_the_wheel(installed: Path, tmp_path: Path) -> None:
    python = _venv_python(installed)
    out = _run([str(python), "-c", "import chartparse; print(chartparse.__file__)"],
               cwd=tmp_path).stdout.strip()
    assert Path(out).resolve().is_relative_to(installed.resolve()), out
    assert not Path(out).resolve().is_relative_to((ROOT / "src").resolve())


def test_wheel_ships_the_grammars(installed: Path, tmp_path: Path) -> None:
    python = _venv_python(installed)
    code = (
        "from importlib.resources import files\n"
        "g = files('chartparse').joinpath('grammar')\n"
        "print(g.joinpath('blocks.lark').is_file(), g.joinpath('values.lark').is_file())\n"
    )
    assert _run([str(python), "-c", code], cwd=tmp_path).stdout.split() == ["True", "True"]


def test_installed_console_script_converts_a_description(installed: Path, tmp_path: Path) -> None:
    bindir = "Scripts" if os.name == "nt" else "bin"
    script = installed / bindir / "chartparse"
    assert script.exists()
    result = _run([str(script), str(EXAMPLE), "--to", "json"], cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["kind"] == "line"
    assert len(data["series"]) == 3
    assert all(s["points"] for s in data["series"])
    assert "grammar-fallback" not in [d["code"] for d in data["diagnostics"]]


def test_version_names_the_build(build: str, installed: Path, tmp_path: Path) -> None:
    python = _venv_python(installed)
    script = installed / ("Scripts" if os.name == "nt" else "bin") / "chartparse"
    out = _run([str(script), "--version"], cwd=tmp_path).stdout
    assert ("mypyc-compiled" in out) == (build == "compiled"), out
    assert ("pure Python" in out) == (build == "pure"), out
    code = "import chartparse.extract.walker as w; print(w.__file__)"
    module_file = _run([str(python), "-c", code], cwd=tmp_path).stdout.strip()
    assert module_file.endswith(".py") == (build == "pure"), module_file


@pytest.mark.skipif(os.name == "nt", reason="MSVC does not read CC")
def test_a_failed_compile_builds_pure_python_and_says_why(tmp_path: Path) -> None:
    wheel, output = _build_wheel(tmp_path, {"CC": "false"})  # a compiler that always fails
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    assert "mypyc compilation failed, building pure Python" in output
    assert "\nfalse " in output  # the C compiler ran and failed: mypy and the tools were there
