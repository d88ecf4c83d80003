"""``init DIR``: a new data folder ready for the office, made without ever overwriting anything.

Every file is created with ``O_EXCL`` (which refuses any existing name, a dangling symlink too) and
``DIR`` itself may not be a symlink, so nothing is ever written outside ``DIR``.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from guilin_campaign.catalogue import msg
from guilin_campaign.datadir import sample_folder
from guilin_campaign.ledger.load import LEDGER_DIR, ledger_files, load_ledger
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE, LoadResult, load_campaign
from guilin_campaign.merge import gitconfig
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.write.lock import WORK_DIR

# the work folder of the lock and of updates' temporary files; it ignores itself too (edit/lock.py),
# this line says so to a person reading .gitignore
GITIGNORE = f"{WORK_DIR}/\n"
FIRST_COMMIT = "任务分解表（guilin-campaign init）"

EMPTY_UNITS = """\
# 成员单位：每个单位一项。id 是代号（只用小写字母、数字和 -），tasks.yaml 里一律写代号；
# name 写全称，short 写简称（可省略）；kind 写 department（市直部门）或 county（县（市、区）人民政府）。
# 请把下面这个示例单位改成实际的牵头单位，再逐个添加其他成员单位。
units:
  - {id: qiantou, name: 牵头单位全称（请修改）, short: 牵头单位, kind: department}
# 分组（可省略）：一个组名代表一组单位，可以写在 owners 里，例如
# groups:
#   counties: [xiufeng, diecai]
"""

EMPTY_TASKS = """\
# 攻坚战任务分解表。格式说明见 docs/data-format.md；每次修改后运行 guilin-campaign check。
# 攻坚战概况：name 名称，city 城市，lead 牵头单位代号（见 units.yaml），start、end 起止日期（年-月-日）。
campaign: {name: 攻坚战名称（请修改）, city: 城市（请修改）, lead: qiantou, start: 2022-01-01, end: 2022-12-31}
# 专项行动 → 举措 → 指标（indicators）和具体工作任务（tasks），照下面的样子逐项填写。
actions:
  - id: A1
    name: 专项行动名称（请修改）
    measures:
      - id: M01
        name: 举措名称（请修改）
        tasks:
          # 具体工作任务：owners 责任单位代号，due 完成时限（不写则为常态化工作），
          # status 状态：todo 未开始、doing 推进中、done 已完成（须写 done_on 完成日期）、blocked 受阻。
          - id: T001
            title: 具体工作任务内容（请修改）
            owners: [qiantou]
            due: 2022-12-31
            status: todo
# 上级临时交办任务（格式同具体工作任务，另加 batch 批次号），没有时留空。
adhoc:
"""


@dataclass
class InitResult:
    created: list[Path] = field(default_factory=list)
    git: str = "skipped"  # "committed", "in-repository <top>", "no git", "skipped"


def init_folder(target: Path, source: Path | None = None, empty: bool = False, use_git: bool = True) -> InitResult:
    """Make ``target`` a data folder: the sample, ``source``'s files once they pass check, or the
    empty skeleton; ``.gitignore``, ``.gitattributes``; git init, driver config and a first commit."""
    files = {TASKS_FILE: b"", UNITS_FILE: b""}
    files.update(_data_files(source, empty))
    files[".gitignore"] = GITIGNORE.encode()
    files[".gitattributes"] = gitconfig.ATTRIBUTES.encode()
    folders = sorted({name.split("/")[0] for name in files if "/" in name})  # ledger/, when copied
    _prepare(target, list(files) + folders)
    result = InitResult()
    for name in folders:
        _make_folder(target / name)
    for name, data in files.items():
        result.created.append(_create(target / name, data))
    if use_git:
        result.git = _git_init(target)
    return result


def _data_files(source: Path | None, empty: bool) -> dict[str, bytes]:
    if empty:
        return {TASKS_FILE: EMPTY_TASKS.encode(), UNITS_FILE: EMPTY_UNITS.encode()}
    folder = sample_folder() if source is None else source
    if source is not None:
        loaded = load_campaign(source)
        if loaded.problems:
            raise CampaignError(
                msg("init.source_problems", source=source, count=len(loaded.problems)), loaded.problems)
        _require_clean_ledger(source, loaded)
    try:
        files = {name: (folder / name).read_bytes() for name in (TASKS_FILE, UNITS_FILE)}
        files.update({f"{LEDGER_DIR}/{path.name}": path.read_bytes() for path in ledger_files(folder)})
    except OSError as err:
        raise CampaignError(msg("init.cannot_read", file=err.filename, why=err.strerror or err)) from None
    return files


def _require_clean_ledger(source: Path, loaded: LoadResult) -> None:
    """The ledger (``ledger/``: its month files and ``lists.yaml``) is copied too, once it passes check."""
    if loaded.campaign is None:
        return
    _, problems = load_ledger(source, loaded.campaign)
    if problems:
        raise CampaignError(msg("init.source_problems", source=source / LEDGER_DIR, count=len(problems)), problems)


def _make_folder(path: Path) -> None:
    try:
        path.mkdir()  # _prepare made sure nothing has the name: not even a link
    except OSError as err:
        raise CampaignError(msg("init.cannot_create", path=path, why=err.strerror or err)) from None


def _prepare(target: Path, names: list[str]) -> None:
    """Refuse before anything is written: a symlink, a file, or any name that is already taken."""
    if target.is_symlink():
        raise CampaignError(msg("init.symlink", target=target), kind=ErrorKind.USAGE)
    if target.exists() and not target.is_dir():
        raise CampaignError(msg("init.not_folder", target=target), kind=ErrorKind.USAGE)
    taken = [target / n for n in names if os.path.lexists(target / n)]
    if taken:
        raise CampaignError(
            msg("init.taken", path=taken[0]))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CampaignError(msg("init.cannot_create_folder", target=target, why=err.strerror or err)) from None


def _create(path: Path, data: bytes) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as err:
        raise CampaignError(msg("init.cannot_create", path=path, why=err.strerror or err)) from None
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path


def _git_init(target: Path) -> str:
    """git init (unless already in a work tree), the driver config, and a first commit of the files."""
    if shutil.which("git") is None:
        return "no git"
    top = gitconfig.work_tree_top(target)
    if top is not None:
        gitconfig.configure(target)
        return f"in-repository {top}"
    gitconfig.git(target, ["init", "-q"])
    gitconfig.configure(target)
    gitconfig.git(target, ["add", "--", "."])
    done = gitconfig.git(target, ["commit", "-q", "-m", FIRST_COMMIT], check=False)
    if done.returncode != 0:
        raise CampaignError(
            msg("init.commit_failed", target=target, said=done.stderr.strip() or done.stdout.strip()))
    return "committed"
