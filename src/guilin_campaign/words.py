"""The words of tables, reports and workbooks, in the language asked for.

The words themselves are in the catalogue (:mod:`guilin_campaign.catalogue.words` and
:mod:`~guilin_campaign.catalogue.words_report`); this module is how the rest of the code asks for
them. Every function takes the language: nothing here remembers one. JSON and CSV keep the English
keys (stable for scripts); tables, Markdown, HTML and spreadsheets show these words.
"""

from __future__ import annotations

from guilin_campaign.catalogue import CATALOGUE, Lang, text

# Domains of coded values (``value.<domain>.<code>`` in the catalogue), by the row key that holds them.
# A task status, an indicator status and a problem status share the key ``status``; their codes never overlap.
VALUE_DOMAINS: dict[str, tuple[str, ...]] = {
    "status": ("status", "indicator_status", "problem_status"), "indicator_status": ("indicator_status",),
    "level": ("level",), "light": ("light",), "role": ("role",), "scope": ("scope",), "part": ("part",),
}

# The official documents (the 通报, the quarterly brief in Word, the 催办单) follow GB/T 9704 and go
# to Chinese offices: they are written in Chinese whatever the interface's language (docs/commands/report.md).
DOC_LANG: Lang = "zh"

# The report's sections (JSON keys) in the order the report gives them; the ledger's (查访) only
# when the data folder has one (docs/data-format.md, "The ledger").
SECTION_KEYS = (
    "tasks", "completed", "late", "overdue", "units", "indicators", "negative", "adhoc", "not_reported", "wall_chart",
    "ledger_teams", "ledger_categories", "ledger_units", "ledger_key", "ledger_policies",
    "adhoc_batches", "extensions", "returns",
)
LEDGER_SECTIONS = ("ledger_teams", "ledger_categories", "ledger_units", "ledger_key", "ledger_policies")
# 督办 (issue 14): last, numbered where they fall (十一、… without a ledger, 十六、… with one), so the
# sections before them keep their numbers.
WORKFLOW_SECTIONS = ("adhoc_batches", "extensions", "returns")
HEADLINE_KEYS = ("total", "done", "doing", "todo", "blocked", "overdue", "done_in_period")
SUMMARY_KEYS = ("actions", "measures", "indicators", "key_indicators", "tasks", "adhoc", "units")


def word(key: str, lang: Lang, /, **values: object) -> str:
    """A catalogue entry in ``lang``, its placeholders filled."""
    return text(key, lang, **values)


def label(key: str, lang: Lang) -> str:
    """A column's heading; a key without one is shown as it is."""
    pair = CATALOGUE.get(f"label.{key}")
    return key if pair is None else pair[0] if lang == "zh" else pair[1]


def title(key: str, lang: Lang, /, **values: object) -> str:
    """A view's table title (``title("overdue", lang, late=2, as_of=...)``)."""
    return text(f"title.{key}", lang, **values)


def value_name(domain: str, code: str, lang: Lang) -> str:
    """A coded value (``value_name("status", "done", "en")``); an unknown code as it is."""
    pair = CATALOGUE.get(f"value.{domain}.{code}")
    return code if pair is None else pair[0] if lang == "zh" else pair[1]


def named_value(key: str, code: str, lang: Lang) -> str | None:
    """How a row's ``key`` shows ``code`` when the key holds coded values, else None."""
    for domain in VALUE_DOMAINS.get(key, ()):
        if f"value.{domain}.{code}" in CATALOGUE:
            return value_name(domain, code, lang)
    return None


def section(key: str, lang: Lang) -> str:
    """A report section's heading (``一、总体进展``)."""
    return text(f"section.{key}", lang)


def sheet(key: str, lang: Lang) -> str:
    """A report section's sheet name in the workbook."""
    return text(f"sheet.{key}", lang)


def none(lang: Lang) -> str:
    """What an empty table says: （无）."""
    return text("rep.none", lang)


def joined(items: list[str], lang: Lang) -> str:
    """Items in a cell or a sentence: 甲、乙 in Chinese, "a, b" in English."""
    return text("rep.list_sep", lang).join(items)
