"""Parts the 通报 and the quarterly brief share: the masthead, the findings (存在问题), the
closing and the attachment tables, all as blocks built from the report's own rows."""

from __future__ import annotations

from collections import Counter

from guilin_campaign.listing import Row
from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para, Table, chinese_date, share
from guilin_campaign.render.cells import display
from guilin_campaign.report.build import Report
from guilin_campaign.words import DOC_LANG, none

SERIAL = "一二三四五六七八九十"
# (section key, attachment title, columns, relative widths); units named, never by id.
ATTACHMENTS = (
    ("units", "成员单位任务完成情况排名", "rank unit_name tasks done overdue rate", (1, 4, 2, 2, 2, 2)),
    ("overdue", "逾期任务清单", "unit_name task title due days_overdue status", (8, 7, 16, 10, 7, 6)),
    ("indicators", "指标完成情况", "id name key target actual completion time_progress status", (5, 12, 5, 8, 8, 8, 8, 8)),
)
# Added when the data folder has a ledger (查访台账): a report without one keeps its three attachments.
LEDGER_ATTACHMENTS = (
    ("ledger_categories", "查访问题分类统计", "category raised solved raised_total solved_total open", (8, 6, 6, 6, 6, 6)),
    ("ledger_units", "未解决查访问题（按责任单位）", "unit_name open overdue overdue_ids", (8, 5, 5, 20)),
)


def attachment_list(report: Report) -> tuple[tuple[str, str, str, tuple[int, ...]], ...]:
    return ATTACHMENTS + (LEDGER_ATTACHMENTS if report.ledger is not None else ())


def masthead(report: Report, words: OfficeWords) -> list[Block]:
    return [
        Para("masthead", words.bulletin),
        Para("issue", f"第{words.issue_number(report.period.index)}期"),
        Para("office_line", f"{words.office}\t{chinese_date(report.as_of)}"),
    ]


def counts_sentence(report: Report) -> str:
    """The tasks' counts and shares at the as-of date (done, doing, todo, blocked, overdue)."""
    n = report.headline.current
    total = n["total"]
    return (f"截至{chinese_date(report.as_of)}，任务分解表{total}项具体工作任务中，已完成{n['done']}项，占{share(n['done'], total)}；"
            f"推进中{n['doing']}项，占{share(n['doing'], total)}；未开始{n['todo']}项，占{share(n['todo'], total)}；"
            f"受阻{n['blocked']}项；逾期未完成{n['overdue']}项。")


def completions_trend(report: Report) -> tuple[int, int, str]:
    """This period's and last period's completions, and the change in words (增加N项 / 减少N项 / 持平)."""
    now, before = report.headline.current["done_in_period"], report.headline.previous["done_in_period"]
    diff = now - before
    return now, before, f"增加{diff}项" if diff > 0 else f"减少{-diff}项" if diff < 0 else "持平"


def indicator_counts(report: Report) -> Counter[str]:
    return Counter(r["status"] for r in report.rows["indicators"])


def indicator_sentence(report: Report) -> str:
    n, total = indicator_counts(report), len(report.rows["indicators"])
    return (f"{total}项指标中，已完成全年目标{n['achieved']}项，达到序时进度{n['on_track']}项，"
            f"滞后于序时进度（{report.time_progress * 100:.1f}%）{n['behind']}项，暂无数据{n['no_data']}项。")


def leaders(report: Report) -> list[Row]:
    """The ranking's first three places among units with nothing overdue."""
    return [r for r in report.rows["units"] if r["rank"] <= 3 and not r["overdue"]]


def ahead(report: Report) -> list[Row]:
    return [r for r in report.rows["indicators"] if r["status"] in ("achieved", "on_track")]


def problems(report: Report, period_word: str) -> list[Block]:
    """（一）逾期 （二）指标滞后 （三）负增长 （四）未报送, each only when there is something to say."""
    found = [(head, text) for head, text in (
        ("部分任务逾期未完成。", _overdue_text(report)), ("部分指标滞后于序时进度。", _behind_text(report)),
        ("部分地区指标出现负增长。", _negative_text(report)), (f"部分单位{period_word}未报送工作进展。", _silent_text(report)),
    ) if text]
    if not found:
        return [Para("body", f"{period_word}未发现逾期任务、滞后指标、负增长和未报送情况。")]
    out: list[Block] = []
    for i, (head, text) in enumerate(found):
        out += [Para("h2", f"（{SERIAL[i]}）{head}"), Para("body", text)]
    return out


def _overdue_text(report: Report) -> str:
    """Each overdue task once, with the units that owe it."""
    rows = report.rows["overdue"]
    if not rows:
        return ""
    by_task: dict[str, list[Row]] = {}
    for r in rows:
        by_task.setdefault(r["task"], []).append(r)
    named = "；".join(
        f"{task}“{mine[0]['title']}”逾期{max(r['days_overdue'] for r in mine)}天，涉及{'、'.join(r['unit_name'] for r in mine)}"
        for task, mine in by_task.items()
    )
    units = len({r["unit"] for r in rows})
    return f"截至{chinese_date(report.as_of)}，有{len(by_task)}项任务逾期未完成，涉及{units}个单位：{named}。"


def _behind_text(report: Report) -> str:
    rows = report.behind
    if not rows:
        return ""
    named = "、".join(f"{r['name']}（完成{display('completion', r['completion'], DOC_LANG)}）" for r in rows)
    return f"有{len(rows)}项指标滞后于序时进度（{report.time_progress * 100:.1f}%）：{named}。"


def _negative_text(report: Report) -> str:
    rows = report.section_rows("negative", DOC_LANG)
    if not rows:
        return ""
    by_ind: dict[str, list[str]] = {}
    for r in rows:
        by_ind.setdefault(r["indicator_name"], []).append(f"{r['unit_name']}（{r['month']}，{display('reading', r['reading'], DOC_LANG)}）")
    named = "；".join(f"{name}：{'、'.join(items)}" for name, items in by_ind.items())
    return f"共{len(rows)}个读数为负：{named}。"


def _silent_text(report: Report) -> str:
    rows = report.rows["not_reported"]
    if not rows:
        return ""
    return f"{'、'.join(r['unit_name'] for r in rows)}等{len(rows)}个单位未报送。"


def closing(report: Report, words: OfficeWords) -> list[Block]:
    """The attachment list, the signature and the date."""
    names = [title for _, title, _, _ in attachment_list(report)]
    lines = [Para("attachments", f"附件：{1}．{names[0]}")]
    lines += [Para("attachments", f"　　　{i}．{name}") for i, name in enumerate(names[1:], start=2)]
    return [*lines, Para("signature", words.signature), Para("date", chinese_date(report.as_of))]


def attachments(report: Report) -> list[Block]:
    """附件1 … each on a new page: a title and the table of the report's rows."""
    from guilin_campaign.listing import Listing

    out: list[Block] = []
    for i, (key, title, keys, widths) in enumerate(attachment_list(report), start=1):
        listing = Listing.of(title, keys, report.section_rows(key, DOC_LANG))
        rows = [[display(c.key, row.get(c.key), DOC_LANG) for c in listing.columns] for row in listing.rows]
        numeric = [c.key in {"rank", "tasks", "done", "overdue", "rate", "days_overdue", "target", "actual",
                             "completion", "time_progress", "raised", "solved", "raised_total", "solved_total",
                             "open"} for c in listing.columns]
        out += [Para("attachment", f"附件{i}"), Para("table_title", f"{report.period.label}{title}"),
                Table([c.heading(DOC_LANG) for c in listing.columns], rows or [[none(DOC_LANG)] + [""] * (len(listing.columns) - 1)],
                      numeric, list(widths))]
    return out
