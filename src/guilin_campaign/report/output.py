"""Choosing the report's format and writing it to a file atomically (temp file + ``os.replace``)."""

from __future__ import annotations

import os
from pathlib import Path

from guilin_campaign.catalogue import Lang, msg
from guilin_campaign.office import OfficeWords, default_words
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.report.build import Report
from guilin_campaign.write.fileio import write_atomic

SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".xlsx": "xlsx", ".docx": "docx"}
_BINARY = {"xlsx": "report.workbook", "docx": "report.word_document"}


def choose_format(fmt: str | None, output: Path | None) -> str:
    """``fmt`` if given, else the output file's suffix, else a table for the terminal."""
    if fmt == "table" and output is not None:
        raise CampaignError(msg("report.table_to_file"), kind=ErrorKind.USAGE)
    if fmt in ("xlsx", "docx") and output is None:
        raise CampaignError(msg("report.binary_to_terminal", what=msg(_BINARY[fmt]), fmt=fmt), kind=ErrorKind.USAGE, option="output")
    if fmt is not None:
        return fmt
    if output is None:
        return "table"
    if output.suffix.lower() not in SUFFIXES:
        raise CampaignError(msg("report.unknown_suffix", name=repr(output.name)), kind=ErrorKind.USAGE, option="output")
    return SUFFIXES[output.suffix.lower()]


def render(report: Report, fmt: str, lang: Lang, words: OfficeWords | None = None) -> bytes:
    """The report as the bytes of a file (UTF-8 text, a workbook or a Word document) in ``lang``
    (a Word document, an official one, is always Chinese); ``words`` (the office's wording,
    :mod:`guilin_campaign.office`) are the defaults unless given."""
    words = words or default_words(report.campaign)
    if fmt == "xlsx":
        from guilin_campaign.report.render_xlsx import render_xlsx

        return render_xlsx(report, words.office, lang)
    if fmt == "docx":
        from guilin_campaign.report.render_docx import render_docx

        return render_docx(report, words)
    if fmt == "html":
        from guilin_campaign.report.render_html import render_html

        return render_html(report, lang).encode("utf-8")
    if fmt == "json":
        from guilin_campaign.report.render_json import render_json

        return render_json(report, lang).encode("utf-8")
    from guilin_campaign.report.render_md import render_md

    return render_md(report, lang).encode("utf-8")


def write_report(path: Path, data: bytes, data_files: list[Path]) -> None:
    """Write a report file atomically (see :func:`~guilin_campaign.write.fileio.write_atomic`): an
    existing regular file is replaced; a symbolic link, or a data file of the campaign (by its
    resolved path, or by its inode: a hard link), is refused."""
    if is_data_file(path, data_files):
        raise CampaignError(msg("report.data_file", path=path), kind=ErrorKind.USAGE)
    write_atomic(path, data)


def is_data_file(path: Path, data_files: list[Path]) -> bool:
    """Whether ``path`` names one of ``data_files``, by another name or through a link."""
    if any(path.resolve() == f.resolve() for f in data_files):
        return True
    try:
        target = os.stat(path)
    except OSError:  # nothing there yet (or not reachable): not a data file
        return False
    for f in data_files:
        try:
            st = os.stat(f)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False
