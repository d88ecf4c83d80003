"""The office's own wording for the documents it sends: masthead, addressees, requirements, signature.

Defaults live here; a data folder may override any of them in an optional ``documents.yaml``, read
as strictly as the data files (unknown keys and wrong types are problems with file and line). The
command line may override the office and the issue number again (``--office``, ``--issue``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, Field, ValidationError

from guilin_campaign.catalogue import msg
from guilin_campaign.loading import parse_file
from guilin_campaign.model import CampaignInfo, Model, Text
from guilin_campaign.problems import CampaignError, Problem
from guilin_campaign.validation import describe_errors

DOCUMENTS_FILE = "documents.yaml"

REQUIREMENTS = (
    "一是压实工作责任。各成员单位要对照任务分解表逐项检视本单位任务，对逾期任务明确整改措施和完成时限，确保按期完成。",
    "二是加快指标进度。对滞后于序时进度的指标，责任单位要认真分析原因，采取有力措施，确保全年目标如期实现。",
    "三是按时报送情况。各成员单位要按月报送工作进展和指标数据，未按时报送的将在下期通报中点名。",
    "四是强化督查问效。指挥部办公室将持续跟踪督办，对推进不力、进度严重滞后的单位开展约谈督办。",
)
PLANS = (
    "一是紧盯目标任务。对照任务分解表和指标序时进度，逐月调度、逐项销号，确保各项任务按期完成。",
    "二是强化督促指导。对逾期任务和滞后指标实行清单管理，加强对重点县（市、区）的督导，推动问题整改。",
    "三是抓好服务保障。持续开展查访市场主体活动，协调解决企业反映的困难和问题，巩固市场主体增长态势。",
)


class DocumentsFile(Model):
    """``documents.yaml``: every key optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    office: Text | None = None
    bulletin: Text | None = None
    addressees: Text | None = None
    signature: Text | None = None
    requirements: Annotated[list[Text], Field(min_length=1)] | None = None
    plans: Annotated[list[Text], Field(min_length=1)] | None = None
    issue_offset: Annotated[int, Field(ge=-1000, le=1000)] = 0
    reply_days: Annotated[int, Field(ge=0, le=365)] = 5
    form_due_day: Annotated[int, Field(ge=1, le=31)] = 25


@dataclass(frozen=True)
class OfficeWords:
    office: str  # 发文机关: 桂林市稳主体激活力攻坚战指挥部办公室
    bulletin: str  # 刊头: 稳主体激活力攻坚战督查通报
    addressees: str  # 主送: 指挥部各成员单位：
    signature: str  # 落款
    requirements: tuple[str, ...]
    plans: tuple[str, ...]
    issue_offset: int = 0  # added to the period's number in the year (第N期)
    reply_days: int = 5  # a notice asks for an answer this many days after its date
    issue: int | None = None  # an issue number given on the command line
    form_due_day: int = 25  # a unit's 填报表 is due back on this day of the following month

    def issue_number(self, index: int) -> int:
        """第N期: the option's number, else the month's (quarter's) number in the year plus the offset."""
        return self.issue if self.issue is not None else index + self.issue_offset

    def with_options(self, office: str | None, issue: int | None) -> OfficeWords:
        """``--office`` replaces the office and, unless documents.yaml set one, the signature."""
        words = replace(self, issue=issue if issue is not None else self.issue)
        if office:
            keep = self.signature != self.office
            words = replace(words, office=office, signature=self.signature if keep else office)
        return words


def default_words(campaign: str, city: str | None = None) -> OfficeWords:
    office = f"{city or ''}{campaign}指挥部办公室"
    return OfficeWords(office, f"{campaign}督查通报", "指挥部各成员单位：", office, REQUIREMENTS, PLANS)


def load_words(folder: Path, info: CampaignInfo) -> OfficeWords:
    """The defaults, overridden by ``documents.yaml`` in ``folder`` when there is one."""
    words, path = default_words(info.name, info.city), folder / DOCUMENTS_FILE
    if not path.exists():
        return words
    parsed, problems = parse_file(path)
    if parsed is None or problems:
        raise CampaignError(msg("office.problems", file=DOCUMENTS_FILE), problems)
    if parsed.data is None:
        return words
    if not isinstance(parsed.data, dict):
        raise CampaignError(msg("office.problems", file=DOCUMENTS_FILE), [Problem(str(path), 1, "", msg("office.not_keys"))])
    try:
        given = DocumentsFile.model_validate(parsed.data)
    except ValidationError as err:
        raise CampaignError(msg("office.problems", file=DOCUMENTS_FILE), describe_errors(err, parsed.source, str(path))) from None
    return _merge(words, given)


def _merge(words: OfficeWords, given: DocumentsFile) -> OfficeWords:
    office = given.office or words.office
    return OfficeWords(
        office, given.bulletin or words.bulletin, given.addressees or words.addressees,
        given.signature or office, tuple(given.requirements or words.requirements),
        tuple(given.plans or words.plans), given.issue_offset, given.reply_days, form_due_day=given.form_due_day,
    )
