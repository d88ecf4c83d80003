"""merge_texts record by record: each case that merges cleanly, each real conflict, each fallback."""

from __future__ import annotations

import yaml

from guilin_campaign.catalogue import render
from guilin_campaign.merge.driver import merge_texts
from guilin_campaign.problems import Problem

BASE = """\
# 任务分解表（测试）
campaign: {name: 测试, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
indicators:
  - id: I01
    name: 新增户数
    readings: {2022-06: 30000, 2022-07: 39000}  # 全市
    by_unit:
      xiufeng: {readings: {2022-07: 100}}
tasks:
  # 第一项
  - id: T001
    title: 甲
    due: 2022-09-30
    status: doing
  - id: T002
    title: 乙
    status: doing
    progress:
      xiufeng: {status: done, done_on: 2022-06-20}
      diecai: {status: doing}
    log:
      - {date: 2022-05-01, status: doing, note: 开始}
"""


def merged(ours: str, theirs: str, base: str = BASE) -> str:
    result = merge_texts(base, ours, theirs)
    assert result.clean, result.text
    assert yaml.safe_load(result.text) is not None
    return result.text


def test_different_tasks_changed_and_added() -> None:
    ours = BASE.replace("    title: 甲\n", "    title: 甲（改）\n") + "  - id: T003\n    title: 丙  # 我方新增\n"
    theirs = BASE.replace("    title: 乙\n", "    title: 乙（改）\n") + "  - id: T004\n    title: 丁\n"
    text = merged(ours, theirs)
    assert "title: 甲（改）" in text and "title: 乙（改）" in text
    assert text.endswith("  - id: T003\n    title: 丙  # 我方新增\n  - id: T004\n    title: 丁\n")


def test_different_units_parts_of_one_shared_task() -> None:
    ours = BASE.replace("diecai: {status: doing}", "diecai: {status: done, done_on: 2022-08-01}")
    theirs = BASE.replace("      diecai: {status: doing}\n", "      diecai: {status: doing}\n      yongfu: {status: blocked}  # 缺资金\n")
    text = merged(ours, theirs)
    assert "      diecai: {status: done, done_on: 2022-08-01}\n      yongfu: {status: blocked}  # 缺资金\n" in text


def test_different_months_and_units_of_one_indicator() -> None:
    ours = BASE.replace("2022-07: 39000}", "2022-07: 39000, 2022-08: 46000}").replace("{2022-07: 100}", "{2022-07: 100, 2022-08: 150}")
    theirs = BASE.replace("2022-07: 39000}", "2022-07: 39000, 2022-09: 52000}").replace(
        "      xiufeng: {readings: {2022-07: 100}}\n", "      xiufeng: {readings: {2022-07: 100}}\n      diecai: {readings: {2022-08: 90}}\n")
    text = merged(ours, theirs)
    assert "    readings: {2022-06: 30000, 2022-07: 39000, 2022-08: 46000, 2022-09: 52000}  # 全市\n" in text
    assert "      xiufeng: {readings: {2022-07: 100, 2022-08: 150}}\n      diecai: {readings: {2022-08: 90}}\n" in text


def test_log_entries_added_on_both_sides_are_all_kept_in_date_order() -> None:
    entry = "      - {date: 2022-05-01, status: doing, note: 开始}\n"
    ours = BASE.replace(entry, entry + "      - {date: 2022-07-10, note: 我方 7月10日}\n      - {date: 2022-08-01, note: 我方 8月1日}\n")
    theirs = BASE.replace(entry, entry + "      - {date: 2022-07-20, note: 对方 7月20日}  # 对方注释\n")
    text = merged(ours, theirs)
    assert entry + ("      - {date: 2022-07-10, note: 我方 7月10日}\n      - {date: 2022-07-20, note: 对方 7月20日}  # 对方注释\n"
                    "      - {date: 2022-08-01, note: 我方 8月1日}\n") in text


def test_first_log_entries_on_both_sides_of_a_task_without_a_log() -> None:
    ours = BASE.replace("    status: doing\n  - id: T002", "    status: doing\n    log:\n      - {date: 2022-08-02, note: 我方}\n  - id: T002")
    theirs = BASE.replace("    status: doing\n  - id: T002", "    status: doing\n    log:\n      - {date: 2022-08-01, note: 对方}\n  - id: T002")
    text = merged(ours, theirs)
    assert "    log:\n      - {date: 2022-08-01, note: 对方}\n      - {date: 2022-08-02, note: 我方}\n  - id: T002" in text


def test_different_fields_of_one_task() -> None:
    ours = BASE.replace("    due: 2022-09-30\n", "    due: 2022-10-31  # 延期\n")
    theirs = BASE.replace("    title: 甲\n", "    title: '甲: 修订'\n").replace("    due: 2022-09-30\n    status: doing\n", "    due: 2022-09-30\n    status: doing\n    owners: [scjgj]\n")
    text = merged(ours, theirs)
    assert "    title: '甲: 修订'\n    due: 2022-10-31  # 延期\n    status: doing\n    owners: [scjgj]\n  - id: T002" in text


def test_comments_added_on_each_side_are_kept() -> None:
    ours = BASE.replace("  # 第一项\n", "  # 第一项\n  # 我方补充的说明\n").replace("status: doing\n  - id: T002", "status: doing\n  - id: T002")
    theirs = BASE.replace("    title: 乙\n", "    title: 乙  # 对方注释\n")
    text = merged(ours, theirs)
    assert "  # 第一项\n  # 我方补充的说明\n  - id: T001" in text and "    title: 乙  # 对方注释\n" in text
    assert text.startswith("# 任务分解表（测试）\n")


def test_the_same_field_changed_differently_is_marked_on_its_own_line() -> None:
    ours = BASE.replace("    title: 甲\n    due: 2022-09-30\n", "    title: 甲（我方）\n    due: 2022-09-30\n")
    theirs = BASE.replace("    title: 甲\n    due: 2022-09-30\n", "    title: 甲（对方）\n    due: 2022-10-31\n")
    result = merge_texts(BASE, ours, theirs)
    assert not result.clean and result.conflicts == 1
    assert ("  - id: T001\n<<<<<<< ours\n    title: 甲（我方）\n=======\n    title: 甲（对方）\n>>>>>>> theirs\n"
            "    due: 2022-10-31\n    status: doing\n") in result.text


def test_a_status_conflict_keeps_each_sides_done_on_with_its_status() -> None:
    ours = BASE.replace("    due: 2022-09-30\n    status: doing\n", "    due: 2022-09-30\n    status: blocked\n")
    theirs = BASE.replace("    due: 2022-09-30\n    status: doing\n", "    due: 2022-09-30\n    status: done\n    done_on: 2022-08-01\n")
    result = merge_texts(BASE, ours, theirs)
    assert not result.clean and result.conflicts == 1
    assert ("    due: 2022-09-30\n<<<<<<< ours\n    status: blocked\n=======\n    status: done\n    done_on: 2022-08-01\n"
            ">>>>>>> theirs\n  - id: T002\n") in result.text


def test_one_units_part_changed_differently_marks_that_line() -> None:
    ours = BASE.replace("diecai: {status: doing}", "diecai: {status: blocked}")
    theirs = BASE.replace("diecai: {status: doing}", "diecai: {status: done, done_on: 2022-08-01}")
    result = merge_texts(BASE, ours, theirs)
    assert result.conflicts == 1
    assert "<<<<<<< ours\n      diecai: {status: blocked}\n=======\n      diecai: {status: done, done_on: 2022-08-01}\n>>>>>>> theirs\n" in result.text


def test_the_same_month_read_differently_is_a_conflict() -> None:
    ours = BASE.replace("2022-07: 39000}", "2022-07: 39000, 2022-08: 1}")
    theirs = BASE.replace("2022-07: 39000}", "2022-07: 39000, 2022-08: 2}")
    result = merge_texts(BASE, ours, theirs)
    assert result.conflicts == 1 and "2022-08: 1}  # 全市\n=======\n" in result.text and "2022-08: 2}  # 全市\n>>>>>>> theirs\n" in result.text


def test_a_task_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    t001 = "  - id: T001\n    title: 甲\n    due: 2022-09-30\n    status: doing\n"
    ours = BASE.replace(t001, "")
    theirs = BASE.replace("    title: 甲\n", "    title: 甲（改）\n")
    result = merge_texts(BASE, ours, theirs)
    assert result.conflicts == 1 and "<<<<<<< ours\n=======\n" + t001.replace("甲", "甲（改）") + ">>>>>>> theirs\n" in result.text


def test_a_task_deleted_on_one_side_only_is_deleted() -> None:
    t001 = "  - id: T001\n    title: 甲\n    due: 2022-09-30\n    status: doing\n"
    theirs = BASE.replace("    title: 乙\n", "    title: 乙（改）\n")
    text = merged(BASE.replace(t001, ""), theirs)
    assert "id: T001" not in text and "title: 乙（改）" in text


def test_a_side_that_is_not_yaml_leaves_both_whole_texts() -> None:
    ours = BASE.replace("    title: 甲\n", "    title： 甲\n  - [\n")
    theirs = BASE.replace("    title: 乙\n", "    title: 乙（改）\n")
    result = merge_texts(BASE, ours, theirs)
    assert result.conflicts == 1 and "not valid YAML" in render(result.reason, "en")
    assert result.text == "<<<<<<< ours\n" + ours + "=======\n" + theirs + ">>>>>>> theirs\n"


def test_a_merge_that_would_not_pass_check_is_a_conflict() -> None:
    ours = BASE.replace("    title: 甲\n", "    title: 甲（改）\n")
    theirs = BASE.replace("    title: 乙\n", "    title: 乙（改）\n")
    problem = Problem("tasks.yaml", 3, "T001", "a problem the check found")
    result = merge_texts(BASE, ours, theirs, check=lambda text: [problem] if "甲（改）" in text and "乙（改）" in text else [])
    assert result.conflicts == 1 and "would not pass check: tasks.yaml:3: T001: a problem the check found" in render(result.reason, "en")
    assert result.text == "<<<<<<< ours\n" + ours + "=======\n" + theirs + ">>>>>>> theirs\n"


def test_the_same_id_twice_is_not_merged_by_guess() -> None:
    theirs = BASE + "  - id: T002\n    title: 重复\n"
    result = merge_texts(BASE, BASE.replace("title: 甲", "title: 甲（改）"), theirs)
    assert result.conflicts == 1 and "same key or id twice" in render(result.reason, "en")


def test_crlf_lines_and_a_missing_last_line_break_are_kept() -> None:
    crlf = BASE.replace("\n", "\r\n")
    ours = crlf.replace("title: 甲", "title: 甲（改）").rstrip("\r\n")
    theirs = crlf.replace("diecai: {status: doing}", "diecai: {status: blocked}")
    result = merge_texts(crlf, ours, theirs)
    assert result.clean and result.text == crlf.replace("title: 甲", "title: 甲（改）").replace("diecai: {status: doing}", "diecai: {status: blocked}").rstrip("\r\n")


def test_one_side_unchanged_takes_the_other_byte_for_byte() -> None:
    theirs = BASE.replace("readings: {2022-06: 30000", "readings: {2022-05: 1, 2022-06: 30000")
    assert merged(BASE, theirs) == theirs and merged(theirs, BASE) == theirs


def test_the_same_log_entry_added_on_both_sides_is_kept_once() -> None:
    entry = "      - {date: 2022-05-01, status: doing, note: 开始}\n"
    same = BASE.replace(entry, entry + "      - {date: 2022-07-10, note: 同一条}\n")
    assert merged(same, same) == same


def test_a_comment_before_a_task_deleted_on_one_side_and_changed_on_the_other_is_kept() -> None:
    base = BASE.replace("  - id: T002\n", "  # 第二项\n  - id: T002\n")
    t002 = base[base.index("  # 第二项\n"):]
    ours = base.replace(t002, "")
    theirs = base.replace("  # 第二项\n", "  # 第二项（对方改）\n").replace("    title: 乙\n", "    title: 乙（改）\n")
    result = merge_texts(base, ours, theirs)
    assert result.conflicts == 1
    assert result.text.endswith("    status: doing\n  # 第二项（对方改）\n<<<<<<< ours\n=======\n  - id: T002\n    title: 乙（改）\n"
                                + t002[t002.index("    status: doing"):] + ">>>>>>> theirs\n")


def test_a_non_text_key_is_left_whole_not_a_crash() -> None:
    ours = BASE.replace("readings: {2022-06: 30000", "readings: {[a, b]: 1, 2022-06: 30000")
    theirs = BASE.replace("readings: {2022-06: 30000", "readings: {2022-05: 1, 2022-06: 30000")
    result = merge_texts(BASE, ours, theirs)
    assert not result.clean and "<<<<<<< ours\n" in result.text
    assert ours in result.text and theirs in result.text


def test_conflict_lines_end_like_the_files_lines() -> None:
    crlf = BASE.replace("\n", "\r\n")
    result = merge_texts(crlf, crlf.replace("title: 甲", "title: 甲一"), crlf.replace("title: 甲", "title: 甲二"))
    assert "\r\n<<<<<<< ours\r\n    title: 甲一\r\n=======\r\n    title: 甲二\r\n>>>>>>> theirs\r\n" in result.text
    assert "\n" not in result.text.replace("\r\n", "")
