"""Loading the ledger: the sample, no ledger at all, and every refusal with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.ledger.load import load_ledger
from guilin_campaign.loading import open_campaign
from tests.conftest import SAMPLE, run
from tests.ledger.ledgerdata import JULY, LISTS, write_ledger

MakeData = Callable[..., Path]


def _problems(folder: Path) -> list[str]:
    return [p.text("en") for p in load_ledger(folder, open_campaign(folder))[1]]


def test_the_sample_ledger_loads_without_problems() -> None:
    ledger, problems = load_ledger(SAMPLE, open_campaign(SAMPLE))
    assert problems == [] and ledger is not None
    assert len(ledger.visits) >= 200 and len(ledger.policies) == 18
    assert {ref.problem.category for ref in ledger.problems} == set(ledger.categories)


def test_a_folder_without_a_ledger_has_none(make_data: MakeData) -> None:
    folder = make_data()
    assert load_ledger(folder, open_campaign(folder)) == (None, [])
    assert run("check", "--data", str(folder)).exit_code == 0


def test_the_small_ledger_loads(make_data: MakeData) -> None:
    folder = write_ledger(make_data())
    ledger, problems = load_ledger(folder, open_campaign(folder))
    assert problems == [] and ledger is not None
    assert [r.visit.id for r in ledger.visits] == ["V1", "V2"] and [r.problem.id for r in ledger.problems] == ["P1", "P2", "P3"]
    assert ledger.visits[0].where.line == 4 and ledger.problems[1].where.line == 17


def test_an_empty_month_file_is_no_records(make_data: MakeData) -> None:
    folder = write_ledger(make_data(), {"2022-08.yaml": "# 8月暂无查访\n"})
    assert _problems(folder) == []


def test_a_code_of_digits_only_is_written_in_quotes(make_data: MakeData) -> None:
    code = "914503259390859783"
    folder = write_ledger(make_data(), {"2022-07.yaml": f"visits:\n  - {{id: V1, date: 2022-07-01, team: scjgj, entity: 某公司, credit_code: '{code}'}}\n"})
    ledger, problems = load_ledger(folder, open_campaign(folder))
    assert problems == [] and ledger is not None and ledger.visits[0].visit.credit_code == code
    (folder / "ledger" / "2022-07.yaml").write_text(f"visits:\n  - {{id: V1, date: 2022-07-01, team: scjgj, entity: 某公司, credit_code: {code}}}\n", encoding="utf-8")
    assert [p.split("ledger/")[1] for p in _problems(folder)] == [
        f"2022-07.yaml:2: V1.credit_code: a code of digits only must be written in quotes: credit_code: '{code}'"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("team: xiufeng", "team: xiufen", "2022-07.yaml:4: V1.team: unknown unit 'xiufen' (did you mean 'xiufeng'?); units are listed in units.yaml"),
    ("team: xiufeng", "team: 秀峰区", "2022-07.yaml:4: V1.team: unknown unit '秀峰区': write its id 'xiufeng'"),
    ("team: xiufeng", "team: counties", "2022-07.yaml:4: V1.team: 'counties' is a group; write a single unit id here"),
    ("Y43", "Y44", "2022-07.yaml:4: V1.credit_code: '91350100M000100Y44': the check character (the 18th) should be '3', not '4'"),
    ("Y43", "Y4", "2022-07.yaml:4: V1.credit_code: '91350100M000100Y4' has 17 characters"),
    ("date: 2022-07-04, team: scjgj", "date: 2022-08-04, team: scjgj", "2022-07.yaml:5: V2.date: 2022-08-04 is not in 2022-07: move the visit to ledger/2022-08.yaml"),
    ("key: true", "key: yes", "2022-07.yaml:4: V1.key: write true or false, not 'yes'"),
    ("found: 招工难", "foundd: 招工难", "2022-07.yaml:5: V2.foundd: unknown key 'foundd' here"),
    ("    visit: V1\n", "    visit: V9\n", "2022-07.yaml:9: P1.visit: unknown visit 'V9'; write the id of a visit in ledger/, or leave visit out"),
    ("    category: 招工\n", "    category: 招聘\n", "2022-07.yaml:20: P2.category: '招聘' is not a category: write one of 资金缺口、"),
    ("    unit: diecai\n", "    unit: nobody\n", "2022-07.yaml:29: P3.unit: unknown unit 'nobody'; units are listed in units.yaml"),
    ("    due: 2022-07-15\n", "    due: 2022-07-01\n", "2022-07.yaml:23: P2.due: the deadline 2022-07-01 is before the problem was raised (2022-07-04)"),
    ("    due: 2022-07-15\n", "    due: 2022-13-01\n", "2022-07.yaml:23: P2.due: not a date: '2022-13-01'"),
    ("    status: open\n", "    status: open\n    solved_on: 2022-07-10\n", "2022-07.yaml:25: P2.solved_on: an open problem has no solved_on"),
    ("    solved_on: 2022-07-20\n", "", "2022-07.yaml:14: P1.status: a solved problem needs solved_on"),
    ("    status: open\n", "    status: closed\n", "2022-07.yaml:24: P2.status: 'closed' is not allowed: input should be 'open' or 'solved'"),
    ("- id: P2\n", "- id: P1\n", "2022-07.yaml:17: P1.id: duplicate problem id 'P1' (first at "),
    ("was_solved_on: 2022-07-10", "was_solved_on: 2022-07-20", "2022-07.yaml:34: P3.reopened: reopening 1: was_solved_on 2022-07-20 must fall between"),
    ("    solved_on: 2022-07-28\n", "    solved_on: 2022-07-12\n", "2022-07.yaml:32: P3.solved_on: solved on 2022-07-12, before it was raised or last reopened (2022-07-18)"),
])
def test_each_refusal_says_file_line_and_what_to_write(make_data: MakeData, old: str, new: str, expected: str) -> None:
    assert old in JULY
    folder = write_ledger(make_data(), {"2022-07.yaml": JULY.replace(old, new, 1), "lists.yaml": LISTS})
    problems = _problems(folder)
    assert any(p.split("ledger/", 1)[1].startswith(expected) for p in problems), problems


def test_ids_are_unique_across_month_files(make_data: MakeData) -> None:
    june = "visits:\n  - {id: V1, date: 2022-06-30, team: scjgj, entity: 某公司}\n"
    folder = write_ledger(make_data(), {"2022-06.yaml": june, "2022-07.yaml": JULY, "lists.yaml": LISTS})
    problems = _problems(folder)
    assert any(p.endswith("2022-07.yaml:4: V1.id: duplicate visit id 'V1' (first at " + str(folder / "ledger" / "2022-06.yaml") + ":2); give it a new id")
               for p in problems), problems


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("units: [rsj]", "units: [nobody]", "lists.yaml:4: R02.units: unknown unit 'nobody'"),
    ("status: done, done_on: 2022-05-10", "status: done", "lists.yaml:3: R01.status: an implemented policy needs done_on"),
    ("level: city", "level: county", "lists.yaml:6: C01.level: 'county' is not allowed"),
    ("其他]", "其他, 供电]", "lists.yaml:1: categories: category '供电' is listed twice"),
])
def test_the_lists_file_is_checked(make_data: MakeData, old: str, new: str, expected: str) -> None:
    folder = write_ledger(make_data(), {"2022-07.yaml": JULY, "lists.yaml": LISTS.replace(old, new, 1)})
    problems = _problems(folder)
    assert any(p.split("ledger/", 1)[1].startswith(expected) for p in problems), problems


def test_a_file_not_named_by_its_month_is_refused(make_data: MakeData) -> None:
    folder = write_ledger(make_data(), {"july.yaml": JULY})
    assert _problems(folder) == [f"{folder / 'ledger' / 'july.yaml'}: not a ledger file: name a month's file YYYY-MM.yaml (e.g. 2022-07.yaml), the lists lists.yaml"]


def test_a_yaml_syntax_error_has_its_line(make_data: MakeData) -> None:
    folder = write_ledger(make_data(), {"2022-07.yaml": "visits:\n  - {id: V1, date: 2022-07-01\n"})
    problems = _problems(folder)
    assert len(problems) == 1 and "2022-07.yaml:" in problems[0]


def test_check_prints_the_ledger_problems_and_exits_1(make_data: MakeData) -> None:
    folder = write_ledger(make_data(), {"2022-07.yaml": JULY.replace("team: xiufeng", "team: xiufen"), "lists.yaml": LISTS})
    result = run("check", "--data", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'ledger' / '2022-07.yaml'}:4: V1.team: unknown unit 'xiufen'" in result.stdout


def test_a_ledger_that_is_a_file_is_refused(make_data: MakeData) -> None:
    folder = make_data()
    (folder / "ledger").write_text("visits: []\n", encoding="utf-8")
    assert _problems(folder) == [f"{folder / 'ledger'}: is not a folder: the ledger is a folder of YAML files (see docs/data-format.md)"]


def test_check_says_what_it_read_in_the_ledger(make_data: MakeData) -> None:
    folder = write_ledger(make_data())
    result = run("check", "--data", str(folder))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == f"ok: {folder / 'ledger'}: 2 visits, 3 problems, 4 policies, no problems"
