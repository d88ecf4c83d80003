"""Git for tests: an identity (CI has none), no user or system config, no parent repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Set the environment so that every git run by the test (and by the commands) works alike."""
    for key, value in {
        "GIT_AUTHOR_NAME": "市场监管局", "GIT_AUTHOR_EMAIL": "scjgj@example.org",
        "GIT_COMMITTER_NAME": "市场监管局", "GIT_COMMITTER_EMAIL": "scjgj@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path.parent),
    }.items():
        monkeypatch.setenv(key, value)


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(folder), "-c", "init.defaultBranch=main", *args],
                          check=check, capture_output=True, text=True)
