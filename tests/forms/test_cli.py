"""form import: --dry-run prints the changes or every problem and writes nothing; applying is refused for now."""

from __future__ import annotations

from pathlib import Path

from guilin_campaign.forms.key import office_key
from tests.conftest import run
from tests.forms.kit import fill, write_data


def _setup(tmp_path: Path) -> tuple[Path, dict[str, str], Path]:
    data, out = write_data(tmp_path / "data"), tmp_path / "out"
    out.mkdir()
    env = {"GUILIN_CAMPAIGN_FORM_KEY": str(tmp_path / "conf" / "form.key")}
    made = run("form", "export", "2022-08", "-u", "scjgj", "-o", str(out), "--data", str(data), env=env)
    assert made.exit_code == 0, made.stderr
    assert "2022-08-市场监管.xlsx (2 项任务, 3 项指标)" in made.stderr
    return data, env, out / "2022-08-市场监管.xlsx"


def test_dry_run_prints_what_would_change_and_writes_nothing(tmp_path: Path) -> None:
    data, env, form = _setup(tmp_path)
    returned = fill(form, {"任务进展": {"H4": "已完成", "I4": "2022/8/5", "J4": "已推广"}, "指标数据": {"F4": "1,200"}},
                    tmp_path / "改名了.xlsx")
    before = {p: p.read_bytes() for p in data.iterdir()}
    result = run("form", "import", str(returned), "--dry-run", "--data", str(data), env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"{returned}: 2022-08 市场监管: 1 status change(s), 1 log text(s), 1 reading(s) would be applied\n"
                             "  T001: 推进中 -> 已完成 2022-08-05\n  T001 进展情况: 已推广\n  I01 2022-08: none -> 1200\n")
    assert {p: p.read_bytes() for p in data.iterdir()} == before


def test_dry_run_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    data, env, form = _setup(tmp_path)
    returned = fill(form, {"任务进展": {"H4": "完成", "I5": "昨天"}}, tmp_path / "bad.xlsx")
    result = run("form", "import", str(returned), str(form), "--dry-run", "--data", str(data), env=env)
    assert result.exit_code == 1
    assert f"{returned}:任务进展!H4: '完成' is not a status" in result.stdout
    assert f"{returned}:任务进展!H5: a 完成日期 without a status" in result.stdout
    assert f"{form}: 2022-08 市场监管: nothing would change" in result.stdout  # several workbooks: independent
    assert "1 of 2 workbook(s) refused" in result.stderr


def test_import_without_the_office_key(tmp_path: Path) -> None:
    data, env, form = _setup(tmp_path)
    result = run("form", "import", str(form), "--dry-run", "--data", str(data),
                 env={"GUILIN_CAMPAIGN_FORM_KEY": str(tmp_path / "elsewhere" / "form.key")})
    assert result.exit_code == 1 and "no office key at" in result.stderr
    assert office_key(Path(env["GUILIN_CAMPAIGN_FORM_KEY"]), create=False)  # the office's key is untouched


def test_another_month_is_refused_with_month(tmp_path: Path) -> None:
    data, env, form = _setup(tmp_path)
    result = run("form", "import", str(form), "--dry-run", "--month", "2022-09", "--data", str(data), env=env)
    assert result.exit_code == 1 and f"{form}:表单信息!C1: a form of 2022-08, not of 2022-09" in result.stdout


def test_the_return_deadline_comes_from_documents_yaml(tmp_path: Path) -> None:
    import openpyxl

    data, out = write_data(tmp_path / "data"), tmp_path / "out"
    out.mkdir()
    (data / "documents.yaml").write_text("form_due_day: 20\n", encoding="utf-8")
    env = {"GUILIN_CAMPAIGN_FORM_KEY": str(tmp_path / "conf" / "form.key")}
    assert run("form", "export", "2022-12", "-u", "scjgj", "-o", str(out), "--data", str(data), env=env).exit_code == 0
    wb = openpyxl.load_workbook(out / "2022-12-市场监管.xlsx")
    assert wb["填报说明"]["A4"].value.startswith("报送截止：2023年1月20日前")
    assert "报送截止：2023-01-20" in wb["任务进展"]["A2"].value
