"""The README's monthly script, as written, inside a folder made by ``init --from``.

Only its ``date`` call is replaced by a fixed day (2022-06-30, a quarter's end), its folder by the
test's, and ``guilin-campaign`` by this Python running the package. No GUILIN_CAMPAIGN_DATA is set:
the script must find the data from the folder it runs in, never the built-in sample.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, TASKS, run
from tests.gitenv import git, git_env

OTHER = TASKS.replace("name: 稳主体激活力攻坚战, city: 桂林市", "name: 临川优化营商环境攻坚战, city: 临川市")


def readme_script(folder: Path) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The monthly script"):]
    script = section[section.index("```bash\n") + 8 : section.index("\n```", section.index("```bash\n"))]
    script = re.sub(r"^last_day=\$\(date .*$", "last_day=2022-06-30", script, flags=re.M)
    assert "date " not in script and "GUILIN_CAMPAIGN_DATA" not in script
    script = script.replace("cd ~/campaign-data", f"cd {shlex.quote(str(folder))}")
    command = f"{shlex.quote(sys.executable)} -m guilin_campaign"
    return re.sub(r"(?m)^(\s*)guilin-campaign ", lambda m: f"{m.group(1)}{command} ", script)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_the_monthly_script_reports_on_the_folders_own_campaign(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_data: Callable[..., Path]
) -> None:
    git_env(tmp_path, monkeypatch)
    own = make_data(tasks=OTHER, folder="own")
    office = tmp_path / "office"
    assert run("init", str(office), "--from", str(own)).exit_code == 0
    env = {k: v for k, v in os.environ.items() if k != "GUILIN_CAMPAIGN_DATA"}

    done = subprocess.run(["bash", "-c", readme_script(office)], cwd=tmp_path, env=env, capture_output=True, text=True)

    assert done.returncode == 0, done.stderr
    assert "built-in sample" not in done.stderr
    report = json.loads((office / "reports" / "2022-06.json").read_text(encoding="utf-8"))
    assert "临川优化营商环境攻坚战" in json.dumps(report, ensure_ascii=False)
    assert "稳主体激活力攻坚战" not in json.dumps(report, ensure_ascii=False)
    assert "临川优化营商环境攻坚战" in (office / "reports" / "2022-06.md").read_text(encoding="utf-8")
    for name in ("2022-06.md", "2022-06.html", "2022-06.xlsx", "2022-06.json", "2022-Q2.xlsx"):
        assert (office / "reports" / name).is_file(), name
    assert git(office, "log", "-1", "--format=%s").stdout == "月度汇总 2022-06\n"
    assert git(office, "status", "--porcelain").stdout == ""
