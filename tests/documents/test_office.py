"""The office's wording: defaults, documents.yaml in the data folder, and the options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import TASKS, UNITS, run
from tests.documents.docx_read import open_docx, text_dump

MakeData = Callable[..., Path]
DOCUMENTS = """\
# 本办的通报用语
office: 桂林市攻坚战指挥部办公室
bulletin: 攻坚战工作简报
addressees: 市攻坚战指挥部各成员单位，各县（市、区）人民政府：
requirements:
  - 一是抓落实。
  - 二是抓报送。
issue_offset: 10
reply_days: 3
"""


def _monthly_text(folder: Path, tmp_path: Path, *options: str) -> str:
    out = tmp_path / "m.docx"
    result = run("report", "monthly", "2022-06", "--data", str(folder), "-o", str(out), *options)
    assert result.exit_code == 0, result.stderr
    return text_dump(open_docx(out.read_bytes()))


def test_defaults_name_the_campaigns_office(make_data: MakeData, tmp_path: Path) -> None:
    text = _monthly_text(make_data(), tmp_path)
    assert text.startswith("稳主体激活力攻坚战督查通报\n第6期\n桂林市稳主体激活力攻坚战指挥部办公室\t2022年6月30日\n")
    assert "\n指挥部各成员单位：\n" in text and "\n一是压实工作责任。" in text


def test_documents_yaml_overrides_the_wording(make_data: MakeData, tmp_path: Path) -> None:
    folder = make_data()
    (folder / "documents.yaml").write_text(DOCUMENTS, encoding="utf-8")
    text = _monthly_text(folder, tmp_path)
    assert text.startswith("攻坚战工作简报\n第16期\n桂林市攻坚战指挥部办公室\t2022年6月30日\n")
    assert "\n市攻坚战指挥部各成员单位，各县（市、区）人民政府：\n" in text
    assert "\n四、下一步要求\n一是抓落实。\n二是抓报送。\n" in text and "压实工作责任" not in text
    assert "\n桂林市攻坚战指挥部办公室\n2022年6月30日\n" in text  # the signature follows the office


def test_options_override_documents_yaml(make_data: MakeData, tmp_path: Path) -> None:
    folder = make_data()
    (folder / "documents.yaml").write_text(DOCUMENTS, encoding="utf-8")
    text = _monthly_text(folder, tmp_path, "--issue", "3", "--office", "某某办公室")
    assert text.startswith("攻坚战工作简报\n第3期\n某某办公室\t2022年6月30日\n")


def test_a_bad_documents_yaml_is_answered_with_file_and_line(make_data: MakeData, tmp_path: Path) -> None:
    folder = make_data(tasks=TASKS, units=UNITS)
    (folder / "documents.yaml").write_text("office: 某办\nrequirments: [一是]\nreply_days: 五\n", encoding="utf-8")
    result = run("report", "monthly", "2022-06", "--data", str(folder), "-o", str(tmp_path / "m.docx"))
    assert result.exit_code == 1 and not (tmp_path / "m.docx").exists()
    assert f"{folder / 'documents.yaml'}:2: requirments: unknown key 'requirments' here" in result.stderr
    assert f"{folder / 'documents.yaml'}:3: reply_days:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_word_report_needs_a_file(make_data: MakeData) -> None:
    result = run("report", "quarterly", "2022-Q2", "--data", str(make_data()), "--format", "docx")
    assert result.exit_code == 2 and "a Word document cannot be printed to the terminal; name an output file, FILE.docx" in result.stderr
