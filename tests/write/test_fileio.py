"""The clerk's file keeps its bytes: BOM, CRLF, permissions, and never half a write."""

from __future__ import annotations

import codecs
import errno
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from guilin_campaign.problems import CampaignError
from guilin_campaign.write import fileio
from guilin_campaign.write.fileio import Document, FileChanged, read_document, write_atomic, write_document
from guilin_campaign.yamlsyntax.editor import set_value

BOM_CRLF = codecs.BOM_UTF8 + "# 任务表\r\ntasks:\r\n  - title: 新增市场主体\r\n    status: doing  # 状态\r\n".encode()


def test_bom_and_crlf_survive_an_unchanged_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(BOM_CRLF)
    doc = read_document(path)
    assert doc == Document("# 任务表\r\ntasks:\r\n  - title: 新增市场主体\r\n    status: doing  # 状态\r\n", bom=True)
    write_document(path, doc, doc.text)
    assert path.read_bytes() == BOM_CRLF


def test_an_edit_keeps_the_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(BOM_CRLF)
    doc = read_document(path)
    write_document(path, doc, set_value(doc.text, ("tasks", 0, "note"), "已完成"))
    assert path.read_bytes() == BOM_CRLF + "    note: 已完成\r\n".encode()


def test_no_bom_is_added(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    doc = read_document(path)
    write_document(path, doc, "a: 2\n")
    assert (doc.bom, path.read_bytes()) == (False, b"a: 2\n")


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    path.chmod(0o640)
    write_document(path, read_document(path), "a: 2\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_original_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    doc = read_document(path)

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(CampaignError) as caught:
        write_document(path, doc, "a: 2\n")
    assert re.search("No space left on device", caught.value.text("en")), caught.value.text("en")
    assert path.read_bytes() == b"a: 1\n"
    assert os.listdir(tmp_path) == ["tasks.yaml"]


@pytest.mark.parametrize("mode", [0o444, 0o464, 0o400], ids=oct)
def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    path.chmod(mode)  # the owner's write bit, not os.access: as root that says yes to anything
    with pytest.raises(CampaignError) as err:
        write_document(path, read_document(path), "a: 2\n")
    assert err.value.text("en") == (
        f"{path} is read-only, so it was not changed; make it writable (`chmod u+w {path}`, "
        "or on Windows untick Read-only in the file's Properties) and run the command again"
    )
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == (b"a: 1\n", mode)
    assert os.listdir(tmp_path) == ["tasks.yaml"]


def test_a_file_we_may_not_write_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    monkeypatch.setattr(os, "access", lambda *_, **__: False)  # another user's file, or Windows' Read-only
    with pytest.raises(CampaignError) as caught:
        write_document(path, read_document(path), "a: 2\n")
    assert re.search("is read-only, so it was not changed", caught.value.text("en")), caught.value.text("en")
    assert path.read_bytes() == b"a: 1\n"


def test_a_link_to_a_read_only_file_is_refused(tmp_path: Path) -> None:
    target, link = tmp_path / "real.yaml", tmp_path / "tasks.yaml"
    target.write_bytes(b"a: 1\n")
    target.chmod(0o444)
    link.symlink_to(target)
    with pytest.raises(CampaignError) as caught:
        write_document(link, read_document(link), "a: 2\n")
    assert re.search("is read-only", caught.value.text("en")), caught.value.text("en")
    assert target.read_bytes() == b"a: 1\n" and link.is_symlink()


def test_a_new_file_is_not_read_only(tmp_path: Path) -> None:
    write_atomic(tmp_path / "r.md", b"# report\n")
    assert (tmp_path / "r.md").read_bytes() == b"# report\n"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CampaignError) as caught:
        read_document(tmp_path / "tasks.yaml")
    assert re.search("no such file", caught.value.text("en")), caught.value.text("en")


def test_gbk_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes("a: 1\ntitle: 新增市场主体\n".encode("gbk"))
    with pytest.raises(CampaignError) as err:
        read_document(path)
    assert re.search("GBK", err.value.text("en")), err.value.text("en")
    assert err.value.problems[0].line == 2


WRITER = """
import sys
from pathlib import Path
from guilin_campaign.write.fileio import read_document, write_document
path, old, new = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
print("ready", flush=True)
while True:
    for text in (new, old):
        write_document(path, read_document(path), text * 40000)
"""


def test_a_killed_writer_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    old, new = "- title: 旧内容\r\n", "- title: 新内容，更长一些\r\n"
    path.write_text(old * 40000, encoding="utf-8", newline="")
    for _ in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), old, new], stdout=subprocess.PIPE)
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
        time.sleep(random.uniform(0.0, 0.15))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        content = path.read_bytes()
        assert content in ((old * 40000).encode(), (new * 40000).encode())
    # a killed writer cannot clean up: at most its temporary files remain, named to be ignored
    assert all(p.name == "tasks.yaml" or p.name.startswith(".tasks.yaml.") for p in tmp_path.iterdir())


def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    doc = read_document(path)
    path.write_bytes(b"a: 1\nb: 2\n")  # another clerk's change, after our read
    with pytest.raises(FileChanged) as caught:
        write_document(path, doc, "a: 3\n")
    assert re.search("changed while the update ran", caught.value.text("en")), caught.value.text("en")
    assert path.read_bytes() == b"a: 1\nb: 2\n"
    assert os.listdir(tmp_path) == ["tasks.yaml"]


def test_the_same_bytes_rewritten_are_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    doc = read_document(path)
    path.write_bytes(b"a: 1\n")  # touched (an editor saved it unchanged): the content is what counts
    write_document(path, doc, "a: 3\n")
    assert path.read_bytes() == b"a: 3\n"


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file", "to nowhere"])
def test_write_atomic_refuses_a_symlink(tmp_path: Path, dangling: bool) -> None:
    target, link = tmp_path / "elsewhere.txt", tmp_path / "report.md"
    if not dangling:
        target.write_bytes(b"keep")
    link.symlink_to(target)
    with pytest.raises(CampaignError) as caught:
        write_atomic(link, b"# report\n")
    assert re.search("is a symbolic link", caught.value.text("en")), caught.value.text("en")
    assert link.is_symlink() and (target.exists() != dangling)
    assert dangling or target.read_bytes() == b"keep"


def test_cr_only_line_endings_are_read_as_lines_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"# old Mac\rtasks:\r  - title: a\r")
    doc = read_document(path)
    assert (doc.text, doc.cr_only) == ("# old Mac\ntasks:\n  - title: a\n", True)
    write_document(path, doc, set_value(doc.text, ("tasks", 0, "note"), "已完成"))
    assert path.read_bytes() == "# old Mac\rtasks:\r  - title: a\r    note: 已完成\r".encode()


def _read_only_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def statvfs(_: object) -> object:
        return types.SimpleNamespace(f_flag=os.ST_RDONLY)

    monkeypatch.setattr(os, "statvfs", statvfs)


def test_a_read_only_disk_is_named_and_chmod_is_not_advised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"a: 1\n")
    doc = read_document(path)
    _read_only_disk(monkeypatch)
    with pytest.raises(CampaignError) as err:
        write_document(path, doc, "a: 2\n")
    assert "is read-only (mounted so), which no change of permissions can help" in err.value.text("en")
    assert "chmod" not in err.value.text("en") and path.read_bytes() == b"a: 1\n"


def test_erofs_while_writing_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def erofs(*_: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(fileio, "mkstemp", erofs)
    with pytest.raises(CampaignError) as err:
        write_atomic(tmp_path / "r.md", b"x")
    assert err.value.text("en").startswith(f"{tmp_path / 'r.md'}: cannot write (Read-only file system), it is unchanged. The disk")
    assert "chmod" not in err.value.text("en")


@pytest.mark.parametrize("ours", [True, False], ids=["our folder", "another user's folder"])
def test_an_unwritable_folder_gets_advice_that_can_help(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ours: bool) -> None:
    def denied(*_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileio, "mkstemp", denied)
    if not ours:
        monkeypatch.setattr(os, "geteuid", lambda: tmp_path.stat().st_uid + 1)
    with pytest.raises(CampaignError) as err:
        write_atomic(tmp_path / "r.md", b"x")
    assert ("chmod u+w" in err.value.text("en")) == ours
    assert ours or f"The folder {tmp_path} belongs to another user" in err.value.text("en")
