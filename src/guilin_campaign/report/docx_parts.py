"""Parts the 通报 and the quarterly brief share: the masthead, the findings (存在问题), the
closing and the attachment tables, all as blocks built from the report's own rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from guilin_campaign.listing import Row
from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para, Table, chinese_date, share
from guilin_campaign.render.cells import display
from guilin_campaign.report.build import Report
from guilin_campaign.words import DOC_LANG, none, word

SERIAL = "一二三四五六七八九十"
# (section key, attachment title, columns, relative widths); units named, never by id.
ATTACHMENTS = (
    ("units", word("doc.att.units", DOC_LANG), "rank unit_name tasks done overdue rate", (1, 4, 2, 2, 2, 2)),
    ("overdue", word("doc.att.overdue", DOC_LANG), "unit_name task title due days_overdue status", (8, 7, 16, 10, 7, 6)),
    ("indicators", word("doc.att.indicators", DOC_LANG), "id name key target actual completion time_progress status", (5, 12, 5, 8, 8, 8, 8, 8)),
)
# Added when the data folder has a ledger (查访台账): a report without one keeps its three attachments.
LEDGER_ATTACHMENTS = (
    ("ledger_categories", word("doc.att.ledger_categories", DOC_LANG), "category raised solved raised_total solved_total open", (8, 6, 6, 6, 6, 6)),
    ("ledger_units", word("doc.att.ledger_units", DOC_LANG), "unit_name open overdue overdue_ids", (8, 5, 5, 20)),
)


def attachment_list(report: Report) -> tuple[tuple[str, str, str, tuple[int, ...]], ...]:
    return ATTACHMENTS + (LEDGER_ATTACHMENTS if report.ledger is not None else ())


def masthead(report: Report, words: OfficeWords) -> list[Block]:
    return [
        Para("masthead", words.bulletin),
        Para("issue", word("doc.issue", DOC_LANG, n=words.issue_number(report.period.index))),
        Para("office_line", f"{words.office}\t{chinese_date(report.as_of)}"),
    ]


def counts_sentence(report: Report) -> str:
    """The tasks' counts and shares at the as-of date (done, doing, todo, blocked, overdue)."""
    n = report.headline.current
    total = n["total"]
    return word("doc.counts", DOC_LANG, date=chinese_date(report.as_of), total=total, done=n["done"],
                done_share=share(n["done"], total), doing=n["doing"], doing_share=share(n["doing"], total), todo=n["todo"],
                todo_share=share(n["todo"], total), blocked=n["blocked"], overdue=n["overdue"])


def completions_trend(report: Report) -> tuple[int, int, str]:
    """This period's and last period's completions, and the change in words (增加N项 / 减少N项 / 持平)."""
    now, before = report.headline.current["done_in_period"], report.headline.previous["done_in_period"]
    diff = now - before
    trend = word("doc.trend.up", DOC_LANG, n=diff) if diff > 0 else word("doc.trend.down", DOC_LANG, n=-diff) if diff < 0 \
        else word("doc.trend.same", DOC_LANG)
    return now, before, trend


def indicator_counts(report: Report) -> Counter[str]:
    return Counter(r["status"] for r in report.rows["indicators"])


def indicator_sentence(report: Report) -> str:
    n, total = indicator_counts(report), len(report.rows["indicators"])
    return word("doc.indicators", DOC_LANG, total=total, achieved=n["achieved"], on_track=n["on_track"],
                progress=f"{report.time_progress * 100:.1f}%", behind=n["behind"], no_data=n["no_data"])


def leaders(report: Report) -> list[Row]:
    """The ranking's first three places among units with nothing overdue."""
    return [r for r in report.rows["units"] if r["rank"] <= 3 and not r["overdue"]]


def joined(items: Iterable[str]) -> str:
    return word("doc.list_sep", DOC_LANG).join(items)


def leaders_sentence(leaders: list[Row], when: str) -> str:
    """从任务完成率看，…等N个单位排名前列, or that none is (``when``: 本月, 本季度)."""
    if not leaders:
        return word("doc.no_leaders", DOC_LANG, when=when)
    named = joined(word("doc.leader", DOC_LANG, name=r["unit_name"], rate=display("rate", r["rate"], DOC_LANG)) for r in leaders)
    return word("doc.leaders", DOC_LANG, named=named, n=len(leaders))


def indicator_done(row: Row) -> str:
    return word("doc.indicator_done", DOC_LANG, name=row["name"], completion=display("completion", row["completion"], DOC_LANG))


def ahead(report: Report) -> list[Row]:
    return [r for r in report.rows["indicators"] if r["status"] in ("achieved", "on_track")]


def problems(report: Report, when: str) -> list[Block]:
    """（一）逾期 （二）指标滞后 （三）负增长 （四）未报送, each only when there is something to say."""
    found = [(head, text) for head, text in (
        (word("doc.problem.overdue", DOC_LANG), _overdue_text(report)), (word("doc.problem.behind", DOC_LANG), _behind_text(report)),
        (word("doc.problem.negative", DOC_LANG), _negative_text(report)),
        (word("doc.problem.silent", DOC_LANG, when=when), _silent_text(report)),
    ) if text]
    if not found:
        return [Para("body", word("doc.problem.none", DOC_LANG, when=when))]
    out: list[Block] = []
    for i, (head, text) in enumerate(found):
        out += [Para("h2", word("doc.h2", DOC_LANG, serial=SERIAL[i], head=head)), Para("body", text)]
    return out


def _overdue_text(report: Report) -> str:
    """Each overdue task once, with the units that owe it."""
    rows = report.rows["overdue"]
    if not rows:
        return ""
    by_task: dict[str, list[Row]] = {}
    for r in rows:
        by_task.setdefault(r["task"], []).append(r)
    named = word("doc.group_sep", DOC_LANG).join(
        word("doc.overdue.item", DOC_LANG, task=task, title=mine[0]["title"], days=max(r["days_overdue"] for r in mine),
             units=joined(r["unit_name"] for r in mine))
        for task, mine in by_task.items()
    )
    units = len({r["unit"] for r in rows})
    return word("doc.overdue", DOC_LANG, date=chinese_date(report.as_of), n=len(by_task), units=units, named=named)


def _behind_text(report: Report) -> str:
    rows = report.behind
    if not rows:
        return ""
    named = joined(indicator_done(r) for r in rows)
    return word("doc.behind", DOC_LANG, n=len(rows), progress=f"{report.time_progress * 100:.1f}%", named=named)


def _negative_text(report: Report) -> str:
    rows = report.section_rows("negative", DOC_LANG)
    if not rows:
        return ""
    by_ind: dict[str, list[str]] = {}
    for r in rows:
        reading = display("reading", r["reading"], DOC_LANG)
        by_ind.setdefault(r["indicator_name"], []).append(word("doc.negative.item", DOC_LANG, unit=r["unit_name"], month=r["month"], reading=reading))
    named = word("doc.group_sep", DOC_LANG).join(
        word("doc.negative.group", DOC_LANG, name=name, items=joined(items)) for name, items in by_ind.items())
    return word("doc.negative", DOC_LANG, n=len(rows), named=named)


def _silent_text(report: Report) -> str:
    rows = report.rows["not_reported"]
    if not rows:
        return ""
    return word("doc.silent", DOC_LANG, names=joined(r["unit_name"] for r in rows), n=len(rows))


def closing(report: Report, words: OfficeWords) -> list[Block]:
    """The attachment list, the signature and the date."""
    names = [title for _, title, _, _ in attachment_list(report)]
    lines = [Para("attachments", word("doc.attachments.first", DOC_LANG, i=1, name=names[0]))]
    lines += [Para("attachments", word("doc.attachments.next", DOC_LANG, i=i, name=name)) for i, name in enumerate(names[1:], start=2)]
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
        out += [Para("attachment", word("doc.attachment", DOC_LANG, i=i)),
                Para("table_title", word("doc.attachment.title", DOC_LANG, period=report.period.name(DOC_LANG), title=title)),
                Table([c.heading(DOC_LANG) for c in listing.columns], rows or [[none(DOC_LANG)] + [""] * (len(listing.columns) - 1)],
                      numeric, list(widths))]
    return out
