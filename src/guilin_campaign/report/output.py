"""Choosing the report's format and writing it to a file atomically (temp file + ``os.replace``)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from guilin_campaign.problems import CampaignError
from guilin_campaign.report.build import Report

FORMATS = ("table", "md", "html", "json", "xlsx")
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".xlsx": "xlsx"}


def choose_format(fmt: str | None, output: Path | None) -> str:
    """``fmt`` if given, else the output file's suffix, else a table for the terminal."""
    if fmt == "table" and output is not None:
        raise CampaignError("a table is for the terminal; write a file as md, html, json or xlsx", exit_code=2)
    if fmt == "xlsx" and output is None:
        raise CampaignError("a workbook cannot be printed to the terminal; add -o FILE.xlsx", exit_code=2)
    if fmt is not None:
        return fmt
    if output is None:
        return "table"
    if output.suffix.lower() not in SUFFIXES:
        raise CampaignError(f"cannot tell the format from {output.name!r}; name it .md, .html, .json or .xlsx, or pass --format", exit_code=2)
    return SUFFIXES[output.suffix.lower()]


def render(report: Report, fmt: str) -> bytes:
    """The report as the bytes of a file (UTF-8 text, or a workbook)."""
    if fmt == "xlsx":
        from guilin_campaign.report.render_xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "html":
        from guilin_campaign.report.render_html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "json":
        from guilin_campaign.report.render_json import render_json

        return render_json(report).encode("utf-8")
    from guilin_campaign.report.render_md import render_md

    return render_md(report).encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then replace: never a half-written file."""
    folder = path.parent
    if not folder.exists():
        raise CampaignError(f"cannot write {path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise CampaignError(f"cannot write {path}: {folder} is not a folder")
    if path.is_dir():
        raise CampaignError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise CampaignError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CampaignError(f"cannot write {path}: {err.strerror or err}") from None


def _mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (mkstemp's are 0600)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
