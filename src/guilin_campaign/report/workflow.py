"""The report's 督办 sections: ad-hoc completion by batch, the period's extensions and returns.

All three read the campaign as it stood at the as-of date (``report.replay``): a return dated after
it is undone there, and an extension is known from its ``on`` date only, so a past period's sections
are not changed by later updates.
"""

from __future__ import annotations

from datetime import date

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Lang
from guilin_campaign.dates import done_at
from guilin_campaign.listing import Column, Listing, Row
from guilin_campaign.model import Extension
from guilin_campaign.render.blocks import Para
from guilin_campaign.report.periods import Period
from guilin_campaign.words import DOC_LANG, word

# Section key -> (columns, numeric columns, what its rows count: rep.counted.<what>)
SECTION_COLUMNS = {
    "adhoc_batches": ("batch assigned_on items done rate", "batch items done rate", "batches"),
    "extensions": ("id title unit_name was_due to reason on approved_by", "", "tasks"),
    "returns": ("date id title unit_name reason by", "", "times"),
}
# Columns headed by the sections' own words (label.wf.<key>), not the shared label of the key
_OWN_WORDS = frozenset(["items", "done", "rate", "was_due", "to", "reason", "on", "date", "unit_name", "by", "approved_by"])
_NUMERALS = "一二三四五六七八九"


def batch_rows(c: Campaign, as_of: date) -> list[Row]:
    """Each batch with an item assigned by the as-of date: its first day assigned, its items, those
    done at the as-of date and the share done (办结率)."""
    batches: dict[int, list[TaskRef]] = {}
    for ref in c.tasks:
        t = ref.adhoc
        if t is not None and (t.assigned_on is None or t.assigned_on <= as_of):
            batches.setdefault(t.batch, []).append(ref)
    rows: list[Row] = []
    for batch in sorted(batches):
        refs = batches[batch]
        days = [r.adhoc.assigned_on for r in refs if r.adhoc is not None and r.adhoc.assigned_on is not None]
        done = sum(done_at(r.task, as_of) for r in refs)
        rows.append({"batch": batch, "assigned_on": min(days) if days else None, "items": len(refs), "done": done,
                     "rate": done / len(refs)})
    return rows


def extension_rows(c: Campaign, period: Period, as_of: date) -> list[Row]:
    """Extensions recorded in the period up to the as-of date, with the deadline each replaced."""
    rows: list[Row] = []
    for ref in c.tasks:
        for i, ext in enumerate(ref.task.extensions):
            if ext.on in period and ext.on <= as_of:
                rows.append({"id": ref.id, "title": ref.task.title, "unit": ext.unit, "unit_name": _who(c, ext.unit),
                             "was_due": _replaced(ref.task.extensions[:i], ref.task.due, ext), "to": ext.to,
                             "reason": ext.reason, "on": ext.on, "approved_by": ext.approved_by})
    rows.sort(key=lambda r: r["on"])
    return rows


def return_rows(c: Campaign, period: Period, as_of: date) -> list[Row]:
    """Returns (退回) dated in the period up to the as-of date, earliest first."""
    rows: list[Row] = []
    for ref in c.tasks:
        for entry in ref.task.log:
            if entry.returned and entry.date in period and entry.date <= as_of:
                rows.append({"date": entry.date, "id": ref.id, "title": ref.task.title, "unit": entry.unit,
                             "unit_name": _who(c, entry.unit), "reason": entry.note, "by": entry.by})
    rows.sort(key=lambda r: r["date"])
    return rows


def workflow_listing(key: str, heading: str, rows: list[Row], lang: Lang) -> Listing:
    """One of the sections as a table in ``lang``, with its own column words."""
    keys, numeric, counted = SECTION_COLUMNS[key]
    nums = set(numeric.split())
    columns = [Column(k, k in nums, f"wf.{k}" if k in _OWN_WORDS else "") for k in keys.split()]
    rows = [row | {"unit_name": word("rep.all_units", lang)} if row.get("unit_name") is None and "unit_name" in row else row
            for row in rows]
    return Listing(word(f"rep.counted.{counted}", lang, heading=heading, n=len(rows)), columns, rows)


def workflow_paras(rows: dict[str, list[Row]], when: str) -> list[Para]:
    """The 通报's and the brief's sentence on the period's extensions and returns (``when``:
    doc.when.month or doc.when.quarter): none without any, so the documents of a period without them
    are what they were. Official documents are Chinese (:data:`~guilin_campaign.words.DOC_LANG`)."""
    ext, ret = rows["extensions"], rows["returns"]
    if not ext and not ret:
        return []
    parts = []
    if ext:
        parts.append(word("doc.workflow.extended", DOC_LANG, n=len(ext), ids=_ids(ext)))
    if ret:
        parts.append(word("doc.workflow.returned", DOC_LANG, n=len(ret), ids=_ids(ret)))
    joined = word("doc.workflow.clause_sep", DOC_LANG).join(parts)
    return [Para("body", word("doc.workflow.sentence", DOC_LANG, when=word(when, DOC_LANG), parts=joined))]


def _ids(rows: list[Row]) -> str:
    ids = list(dict.fromkeys(r["id"] for r in rows))
    shown = word("rep.list_sep", DOC_LANG).join(ids[:5])
    return word("doc.workflow.more", DOC_LANG, ids=shown) if len(ids) > 5 else shown


def numbered(heading: str, position: int, lang: Lang) -> str:
    """``heading`` with its place among the report's sections: 十六、… in Chinese, 16. … in English."""
    return word("rep.numbered", lang, n=chinese_number(position) if lang == "zh" else position, heading=heading)


def chinese_number(n: int) -> str:
    """1..99 as the office writes section numbers: 一, 十, 十一, 二十, 二十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")


def _who(c: Campaign, unit: str | None) -> str | None:
    """The unit's name; None for an extension or return of the whole task (its table says so in words)."""
    return c.unit_label(unit) if unit is not None else None


def _replaced(before: list[Extension], due: date | None, ext: Extension) -> date | None:
    """The deadline the extension replaced for its unit (the order ``check`` reads them in)."""
    in_force: dict[str | None, date | None] = {}
    for earlier in before:
        in_force[earlier.unit] = earlier.to
        if earlier.unit is None:
            in_force = {None: earlier.to}
    return in_force.get(ext.unit, in_force.get(None, due))
