"""The README's way to put ``guilin-campaign`` on PATH works as written: ``uv tool install .`` from a
clone (into this test's own tool folders), then ``--version`` and the clerk's first commands in a
folder made by ``init``; and ``uv run guilin-campaign`` inside the project.

``uv tool install`` runs offline (from uv's cache, which ``uv sync`` filled); where that cache cannot
serve it, the same wheel is built with ``uv build --offline`` and installed into a fresh virtual
environment instead, its dependencies taken from the project's own environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv")


def _uv(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["uv", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _install(tmp_path: Path) -> Path:
    """The installed ``guilin-campaign`` executable."""
    env = os.environ | {"UV_TOOL_DIR": str(tmp_path / "tools"), "UV_TOOL_BIN_DIR": str(tmp_path / "bin")}
    done = _uv("tool", "install", ".", "--offline", env=env)
    if done.returncode == 0:
        return tmp_path / "bin" / "guilin-campaign"
    assert "network" in done.stderr, done.stderr  # only a missing download may send us the other way
    built = _uv("build", "--wheel", "--offline", "-o", str(tmp_path / "dist"))
    assert built.returncode == 0, built.stderr
    venv = tmp_path / "venv"
    assert _uv("venv", "--offline", "--python", sys.executable, str(venv)).returncode == 0
    site = Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))
    (site / "_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")  # the dependencies
    wheel = next((tmp_path / "dist").glob("*.whl"))
    installed = _uv("pip", "install", "--offline", "--no-deps", "--python", str(venv / "bin" / "python"), str(wheel))
    assert installed.returncode == 0, installed.stderr
    return venv / "bin" / "guilin-campaign"


def test_uv_tool_install_puts_a_working_guilin_campaign_on_path(tmp_path: Path) -> None:
    program = _install(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("GUILIN_CAMPAIGN_DATA", "GUILIN_CAMPAIGN_LANG")}
    env |= {"PATH": f"{program.parent}{os.pathsep}{env.get('PATH', '')}", "LANG": "C.UTF-8"}

    def run(*args: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["guilin-campaign", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)

    assert run("--version").stdout == f"guilin-campaign {version('guilin-campaign')}\n"
    made = run("init", "campaign-data", "--no-git")
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "campaign-data"
    check = run("check", cwd=folder)
    assert check.returncode == 0 and check.stdout.startswith("正常：tasks.yaml 和 units.yaml：98 项任务"), check.stdout
    assert run("check", "--lang", "en", cwd=folder).stdout.startswith("ok: tasks.yaml and units.yaml: 98 tasks")
    overdue = run("overdue", "--as-of", "2022-07-31", "-f", "json", cwd=folder)
    assert overdue.returncode == 0 and overdue.stdout.lstrip().startswith("[")
    done = run("done", "T031", "--on", "2022-07-30", "--note", "已印发指引", cwd=folder)
    assert done.returncode == 0, done.stderr


def test_uv_run_inside_the_project() -> None:
    done = _uv("run", "--offline", "--frozen", "guilin-campaign", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"guilin-campaign {version('guilin-campaign')}\n"
