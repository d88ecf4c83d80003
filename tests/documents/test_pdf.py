"""What a person sees: the built-in data's monthly workbook and 通报 converted to PDF by LibreOffice.

Skipped, with a message, where LibreOffice (``soffice``) or poppler (``pdftotext``) is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SAMPLE, run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT),
    reason="LibreOffice (soffice) or poppler-utils (pdftotext) is not installed: the PDF page checks are skipped",
)


def _pdf_pages(source: Path, tmp_path: Path) -> list[str]:
    """The text of each page of ``source`` converted to PDF, laid out as printed."""
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=240)
    text = subprocess.run([str(PDFTOTEXT), "-layout", str(out / f"{source.stem}.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def _write(tmp_path: Path, *args: str) -> Path:
    target = Path(args[-1])
    result = run(*args[:-1], "--data", str(SAMPLE), "-o", str(target), env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert result.exit_code == 0, result.stderr
    return target


def test_the_monthly_workbook_prints_every_column_on_every_page(tmp_path: Path) -> None:
    book = _write(tmp_path, "report", "monthly", "2022-06", str(tmp_path / "monthly.xlsx"))
    pages = _pdf_pages(book, tmp_path)
    wb = openpyxl.load_workbook(book)
    headers = [[c.value for c in ws[4]] for ws in wb.worksheets]
    # a page per sheet; only the 34-unit ranking and the wall chart might run onto a second page
    assert len(wb.worksheets) <= len(pages) <= len(wb.worksheets) + 2
    for i, page in enumerate(pages, start=1):
        assert f"第 {i} 页 共 {len(pages)} 页" in page, f"page {i}"
        lines = page.splitlines()
        # the header row of the page's sheet, every column of it, on one printed line
        assert any(all(h in line for h in heads) for heads in headers for line in lines), f"page {i}: a column is cut off"
        assert "稳主体激活力攻坚战 月度汇总 2022年6月" in page or "排名" in page


def test_the_monthly_bulletin_prints_as_expected(tmp_path: Path) -> None:
    doc = _write(tmp_path, "report", "monthly", "2022-06", str(tmp_path / "monthly.docx"))
    pages = _pdf_pages(doc, tmp_path)
    pages = [re.sub(r"\s", "", page) for page in pages]  # pdftotext spaces out digits among Chinese
    firsts = [page[:3] for page in pages]
    starts = [i for i, first in enumerate(firsts) if re.fullmatch(r"附件\d", first)]
    # each attachment on a new page; 附件4 and 附件5 are the sample's ledger (查访台账)
    assert [firsts[i] for i in starts] == ["附件1", "附件2", "附件3", "附件4", "附件5"]
    assert 3 <= starts[0] <= 6, "the 通报 itself takes three to six pages"
    assert len(pages) <= 14
    assert "稳主体激活力攻坚战督查通报" in pages[0] and "关于2022年6月稳主体激活力攻坚战推进情况的通报" in pages[0]
    for i, page in enumerate(pages, start=1):
        assert page.endswith(f"—{i}—"), f"page {i} has no page number"
