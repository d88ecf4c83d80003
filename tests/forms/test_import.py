"""form import: a filled form applied through the write path, exactly; twice is a no-op; conflicts refused."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from guilin_campaign.forms.apply import plan_import
from guilin_campaign.forms.identity import sign
from guilin_campaign.loading import open_campaign
from guilin_campaign.problems import CampaignError
from guilin_campaign.write.apply import apply
from tests.conftest import SAMPLE, UNITS, run
from tests.forms.kit import KEY, fill, read

# A second campaign of the test's own, in block style with comments, as a clerk keeps it.
TASKS = """\
# 某市优化营商环境攻坚战 任务分解表
campaign: {name: 优化营商环境攻坚战, city: 某市, lead: scjgj, start: 2022-03-01, end: 2022-12-31}
actions:
  - id: A1
    name: 优化政务服务
    measures:
      - id: M01
        name: 压缩审批时限
        indicators:
          - id: I01
            name: 新增企业户数
            target: 5000
            unit: 户
            owners: [scjgj]
            readings: {2022-07: 3100}
          - id: I02
            name: 县区新增个体户
            target: 800
            unit: 户
            owners: [counties]
            by_unit:
              xiufeng: {target: 400, readings: {2022-07: 150}}
        tasks:
          - id: T001
            title: 企业开办压缩至1个工作日  # 重点
            owners: [scjgj]
            support: [rsj]
            due: 2022-09-30
            status: doing
          - id: T002
            title: 各县区设立帮办代办窗口
            owners: [counties]
            due: 2022-10-31
            status: doing
            progress:
              xiufeng: {status: doing}
          - id: T003
            title: 推行电子营业执照
            owners: [scjgj]
            due: 2022-12-31
            status: todo
"""

ENV_KEY = "GUILIN_CAMPAIGN_FORM_KEY"


@pytest.fixture
def key_env(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "conf" / "form.key"
    path.parent.mkdir(mode=0o700)
    path.write_bytes(KEY)
    path.chmod(0o600)
    return {ENV_KEY: str(path)}


def _data(tmp_path: Path, tasks: str = TASKS, units: str = UNITS) -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True)
    (data / "tasks.yaml").write_text(tasks, encoding="utf-8")
    (data / "units.yaml").write_text(units, encoding="utf-8")
    return data


def _export(data: Path, tmp_path: Path, env: dict[str, str], *units: str) -> dict[str, Path]:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    args = [a for u in units for a in ("-u", u)]
    made = run("form", "export", "2022-08", *args, "-o", str(out), "--data", str(data), env=env)
    assert made.exit_code == 0, made.stderr
    return {p.name: p for p in out.iterdir()}


def _import(data: Path, env: dict[str, str], *files: Path | str) -> tuple[int, str, str]:
    result = run("form", "import", *map(str, files), "--data", str(data), env=env)
    return result.exit_code, result.stdout, result.stderr


def _replaced(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_round_trip_on_a_campaign_of_the_test(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    forms = _export(data, tmp_path, key_env, "scjgj", "xiufeng")
    city = fill(forms["2022-08-市场监管.xlsx"], {
        "任务进展": {"H4": "已完成", "I4": datetime(2022, 8, 12), "J4": "已实现1个工作日办结",  # a date cell
                  "H5": " 推进中 ", "J5": "已完成系统对接, 待上线"},  # T003: todo -> doing, a note
        "指标数据": {"F4": "3,650"}},  # a number with a comma
        tmp_path / "市场监管局8月.xlsx")
    county = fill(forms["2022-08-秀峰区.xlsx"], {
        "任务进展": {"H4": "受阻", "K4": "场地未落实"},
        "指标数据": {"F4": "２１０"}},  # full-width digits; blanks elsewhere: unchanged
        tmp_path / "秀峰区.xlsx")
    before = (data / "tasks.yaml").read_text(encoding="utf-8")
    code, out, err = _import(data, key_env, city, county)
    assert code == 0, out + err
    assert (data / "tasks.yaml").read_text(encoding="utf-8") == _replaced(
        before,
        ("readings: {2022-07: 3100}", "readings: {2022-07: 3100, 2022-08: 3650}"),
        ("readings: {2022-07: 150}}", "readings: {2022-07: 150, 2022-08: 210}}"),
        ("            support: [rsj]\n            due: 2022-09-30\n            status: doing\n",
         "            support: [rsj]\n            due: 2022-09-30\n            status: done\n            done_on: 2022-08-12\n"
         "            log:\n              - {date: 2022-08-12, status: done, note: 已实现1个工作日办结, by: scjgj, "
         "source: form 2022-08 scjgj, was: doing}\n"),
        ("              xiufeng: {status: doing}\n",
         "              xiufeng: {status: blocked}\n            log:\n              - {date: 2022-08-31, status: blocked, "
         "unit: xiufeng, note: 存在问题：场地未落实, by: xiufeng, source: form 2022-08 xiufeng, was: doing, unit_was: doing}\n"),
        ("            due: 2022-12-31\n            status: todo\n",
         "            due: 2022-12-31\n            status: doing\n            log:\n              - {date: 2022-08-31, "
         "status: doing, note: \"已完成系统对接, 待上线\", by: scjgj, source: form 2022-08 scjgj, was: todo}\n"),
    )
    assert "市场监管局8月.xlsx: 2022-08 市场监管 imported (2 task(s), 1 indicator(s), 3 row(s) answered)" in out
    assert "秀峰区.xlsx: 2022-08 秀峰区 imported (1 task(s), 1 indicator(s), 2 row(s) answered)" in out
    assert run("check", "--data", str(data)).exit_code == 0


def test_round_trip_on_the_built_in_data(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("tasks.yaml", "units.yaml"):
        shutil.copyfile(SAMPLE / name, data / name)
    form = _export(data, tmp_path, key_env, "rsj")["2022-08-市人社局.xlsx"]
    returned = fill(form, {
        "任务进展": {"J4": "本月新增创业担保贷款3,200万元",  # T011: a note only
                  "H5": "已完成", "I5": "2022年8月26日", "J5": "缓缴政策惠及企业1,286户",  # T060
                  "H6": "受阻", "K6": "典型案例材料待县区报送"},  # AH05, shared with scjgj: rsj's part
        "指标数据": {"F4": "10,150", "F5": 28900}},
        tmp_path / "市人社局（已填）.xlsx")
    before = (data / "tasks.yaml").read_text(encoding="utf-8")
    code, out, err = _import(data, key_env, returned)
    assert code == 0, out + err
    after = (data / "tasks.yaml").read_text(encoding="utf-8")
    assert after == _replaced(
        before,
        ("2022-06: 8400, 2022-07: 9800}", "2022-06: 8400, 2022-07: 9800, 2022-08: 10150}"),
        ("2022-06: 22100, 2022-07: 25600}", "2022-06: 22100, 2022-07: 25600, 2022-08: 28900}"),
        ("              - {date: 2022-06-30, status: doing, note: 上半年发放创业担保贷款2.3亿元, by: rsj}\n",
         "              - {date: 2022-06-30, status: doing, note: 上半年发放创业担保贷款2.3亿元, by: rsj}\n"
         "              - {date: 2022-08-31, note: \"本月新增创业担保贷款3,200万元\", by: rsj, source: form 2022-08 rsj}\n"),
        ("工伤保险费政策\n            owners: [rsj]\n            support: [sws]\n            due: 2022-12-31\n            status: doing\n",
         "工伤保险费政策\n            owners: [rsj]\n            support: [sws]\n            due: 2022-12-31\n"
         "            status: done\n            done_on: 2022-08-26\n"
         "            log:\n              - {date: 2022-08-26, status: done, note: \"缓缴政策惠及企业1,286户\", by: rsj, "
         "source: form 2022-08 rsj, was: doing}\n"),
        ("    due: 2022-08-10\n    status: doing\n",
         "    due: 2022-08-10\n    status: doing\n    progress: {rsj: {status: blocked}}\n    log:\n"
         "      - {date: 2022-08-31, status: blocked, unit: rsj, note: 存在问题：典型案例材料待县区报送, by: rsj, "
         "source: form 2022-08 rsj, was: doing}\n"),
    )
    assert run("check", "--data", str(data)).exit_code == 0
    # the same workbook again: nothing changes, and it says so
    code, out, _ = _import(data, key_env, returned)
    assert code == 0 and (data / "tasks.yaml").read_text(encoding="utf-8") == after
    assert out == f"{returned}: 2022-08 市人社局's form was imported on {date.today().isoformat()} already; nothing changed this time\n"


def test_dry_run_writes_nothing(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    form = _export(data, tmp_path, key_env, "scjgj")["2022-08-市场监管.xlsx"]
    returned = fill(form, {"任务进展": {"H4": "已完成", "I4": "2022/8/5"}}, tmp_path / "r.xlsx")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    result = run("form", "import", str(returned), "--dry-run", "--commit", "--data", str(data), env=key_env)
    assert result.exit_code == 0 and "T001: 推进中 -> 已完成 2022-08-05" in result.stdout
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # no imports record either


def test_a_blank_form_is_recorded_once(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    form = _export(data, tmp_path, key_env, "scjgj")["2022-08-市场监管.xlsx"]
    before = (data / "tasks.yaml").read_bytes()
    code, out, _ = _import(data, key_env, form)
    assert code == 0 and "nothing to change in the data; recorded as reported" in out
    assert (data / "tasks.yaml").read_bytes() == before
    record = (data / "forms" / "imports.yaml").read_text(encoding="utf-8")
    assert record.endswith(f"imports:\n  - {{month: 2022-08, unit: scjgj, imported: {date.today().isoformat()}, "
                           "rows: 0, tasks: 0, indicators: 0, file: 2022-08-市场监管.xlsx}\n")
    assert _import(data, key_env, form)[1].endswith("nothing changed this time\n")
    assert (data / "forms" / "imports.yaml").read_text(encoding="utf-8") == record


def test_conflict_is_refused_with_both_values_and_nothing_written(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    form = _export(data, tmp_path, key_env, "scjgj")["2022-08-市场监管.xlsx"]
    returned = fill(form, {"任务进展": {"H4": "已完成", "I4": "2022/8/5"}, "指标数据": {"F4": 3600}}, tmp_path / "r.xlsx")
    tasks = data / "tasks.yaml"
    # meanwhile the office marked T001 done and entered August's figure
    tasks.write_text(_replaced(tasks.read_text(encoding="utf-8"),
                               ("due: 2022-09-30\n            status: doing\n", "due: 2022-09-30\n            status: done\n"
                                "            done_on: 2022-08-03\n"),
                               ("readings: {2022-07: 3100}", "readings: {2022-07: 3100, 2022-08: 3500}")), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    code, out, err = _import(data, key_env, returned)
    assert code == 1
    assert f"{returned}:任务进展!H4: conflict: when the form was made T001 was 推进中; the data now says 已完成 (2022-08-03)" in out
    assert f"{returned}:指标数据!F4: conflict: when the form was made I01 for 2022-08 was None; the data now says 3500" in out
    assert "1 of 1 workbook(s) refused" in err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_data_changed_between_reading_and_writing_is_refused(tmp_path: Path) -> None:
    """The guard runs under the lock on the data as it is then: a change made after the form was read
    (by a clerk, another import) refuses the whole form, with both values."""
    data = _data(tmp_path)
    from tests.forms.kit import export

    form = export(data, tmp_path / "out", ["scjgj"])[0]
    reading = read(fill(form, {"任务进展": {"H4": "已完成", "I4": "2022/8/5", "J4": "已办结"}, "指标数据": {"F4": 3600}},
                        tmp_path / "r.xlsx"), data)
    plan = plan_import(reading, open_campaign(data), date(2022, 9, 2))
    tasks = data / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("readings: {2022-07: 3100}", "readings: {2022-07: 3100, 2022-08: 3500}"),
                     encoding="utf-8")
    before = tasks.read_bytes()
    with pytest.raises(CampaignError) as err:
        apply(data, plan.change)
    assert "the data changed while the form was read (I01 2022-08: none -> 3500)" in str(err.value.text("en"))
    assert tasks.read_bytes() == before


def test_several_workbooks_are_independent(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    forms = _export(data, tmp_path, key_env, "scjgj", "xiufeng")
    bad = fill(forms["2022-08-市场监管.xlsx"], {"任务进展": {"H4": "已完成", "I4": "昨天", "H5": "推进中"}}, tmp_path / "bad.xlsx")
    good = fill(forms["2022-08-秀峰区.xlsx"], {"指标数据": {"F4": 200}}, tmp_path / "good.xlsx")
    code, out, err = _import(data, key_env, bad, good)
    assert code == 1 and "1 of 2 workbook(s) refused" in err
    assert f"{bad}:任务进展!I4: not a date: '昨天'" in out
    text = (data / "tasks.yaml").read_text(encoding="utf-8")
    assert "2022-08: 200" in text and "status: todo" in text  # the good one applied, nothing of the bad one (T003 stays todo)


@pytest.mark.parametrize("change", [("scjgj", "xiufeng"), ("2022-08", "2022-07")])
def test_a_forged_unit_or_month_is_refused_on_import(tmp_path: Path, key_env: dict[str, str], change: tuple[str, str]) -> None:
    data = _data(tmp_path)
    form = _export(data, tmp_path, key_env, "scjgj")["2022-08-市场监管.xlsx"]
    wb = openpyxl.load_workbook(form)
    hidden = wb["表单信息"]
    hidden["C1"] = hidden["C1"].value.replace(f'"{change[0]}"', f'"{change[1]}"')
    hidden["B1"] = sign(hidden["C1"].value, b"\x00" * 32)  # the checksum recomputed without the office key
    wb["指标数据"]["F4"] = 3600
    wb.save(tmp_path / "forged.xlsx")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    code, out, _ = _import(data, key_env, tmp_path / "forged.xlsx")
    assert code == 1 and f"{tmp_path / 'forged.xlsx'}:表单信息!B1: the form's signature does not match" in out
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: not tested")
def test_a_workbook_saved_by_libreoffice_imports(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    form = _export(data, tmp_path, key_env, "xiufeng")["2022-08-秀峰区.xlsx"]
    filled = fill(form, {"任务进展": {"H4": "已完成", "I4": datetime(2022, 8, 20), "J4": "窗口已设立"},
                         "指标数据": {"F4": "1,210"}}, tmp_path / "filled.xlsx")
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(filled)], check=True, capture_output=True, timeout=300)
    code, stdout, err = _import(data, key_env, out / "filled.xlsx")
    assert code == 0, stdout + err
    text = (data / "tasks.yaml").read_text(encoding="utf-8")
    assert "xiufeng: {status: done, done_on: 2022-08-20}" in text and "2022-08: 1210" in text
    assert run("check", "--data", str(data)).exit_code == 0


def test_the_clerk_reads_it_in_chinese(tmp_path: Path, key_env: dict[str, str]) -> None:
    data = _data(tmp_path)
    forms = _export(data, tmp_path, key_env, "scjgj", "rsj")
    bad = fill(forms["2022-08-市场监管.xlsx"], {"任务进展": {"H5": "受阻"}, "指标数据": {"F4": "约3千"}}, tmp_path / "市场监管.xlsx")
    good = fill(forms["2022-08-市人社局.xlsx"], {"任务进展": {"J4": "已配合开展培训"}}, tmp_path / "人社.xlsx")
    result = run("form", "import", str(bad), str(good), "--data", str(data), env={**key_env, "GUILIN_CAMPAIGN_LANG": "zh"})
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bad}：退回（2022-08 市场监管）：2 处问题，本表任何内容均不导入\n"
        f"  {bad}:任务进展!K5: “受阻”须说明原因：请在“存在问题”中填写\n"
        f"  {bad}:指标数据!F4: 不是数字：'约3千'；请填写如 12000、12,000 或 3.5 的数字\n"
        f"{good}：2022-08 市人社局：更新 0 项状态、1 条情况说明、0 项指标数据\n"
        "  T001 进展情况: 已配合开展培训\n"
        f"{good}：2022-08 市人社局 已导入（1 项任务、0 项指标，填报 1 行），已写入 {data / 'tasks.yaml'}\n")
    assert result.stderr == "错误：2 份填报表中 1 份被退回或未导入；其余各份已分别处理\n"


def test_the_built_in_sample_is_never_changed(tmp_path: Path, key_env: dict[str, str]) -> None:
    form = _export(SAMPLE, tmp_path, key_env, "rsj")["2022-08-市人社局.xlsx"]
    result = run("form", "import", str(form), "--data", "sample", env=key_env)
    assert result.exit_code == 2 and "updates never change the built-in sample" in result.stderr


def test_free_text_is_kept_as_written(tmp_path: Path) -> None:
    """Status words and numbers are read through NFKC (full-width digits); the unit's sentences are not:
    their full-width punctuation stays (，：（）)."""
    from guilin_campaign.forms.changes import LogText
    from tests.forms.kit import export

    data = _data(tmp_path)
    form = export(data, tmp_path / "out", ["scjgj"])[0]
    said = "  已召开推进会，明确分工（共3项）：见附件  "
    reading = read(fill(form, {"任务进展": {"H4": "推进中", "J4": said}}, tmp_path / "r.xlsx"), data)
    assert reading.notes == [LogText("T001", None, "progress", said.strip())]
