"""The office's own rules (``rules.yaml``, optional): lights, scoring, ranking and adjustments.

Every default is the behaviour the program had before the file existed, so a data folder without
one reads, reports and ranks exactly as before. docs/definitions.md gives each rule in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, model_validator

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.checkinputs import RULES_FILE as RULES_FILE  # re-exported: it was defined here
from guilin_campaign.dates import Pace
from guilin_campaign.loading import parse_file
from guilin_campaign.lookup import name_hint
from guilin_campaign.model import MONTH, Model, Number, Text
from guilin_campaign.problems import CampaignError, MessageError, Problem
from guilin_campaign.validation import describe_errors, suggestion
from guilin_campaign.yamlsyntax.sourcemap import SourceMap, friendly_path

Weight = Annotated[float, Field(allow_inf_nan=False)]
Band = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class Behind(Model):
    """How far behind what is required (序时进度 for a total, the target for a rate) an indicator
    may be and still be green, or yellow; beyond ``yellow`` it is red. In percentage points
    (``points``) or in percent of what is required (``share``)."""

    measure: Literal["points", "share"] = "points"
    green: Band = 0
    yellow: Band = 0

    @model_validator(mode="after")
    def _ordered(self) -> Behind:
        if self.yellow < self.green:
            raise MessageError(msg("rules.yellow_below_green", yellow=f"{self.yellow:g}", green=f"{self.green:g}"))
        return self


class Lights(Model):
    due_soon_days: Annotated[int, Field(ge=0)] = 7
    time_progress: Pace = "days"
    behind: Behind = Behind()
    # Months a reading may lag: at D the month D's month minus this should have a reading; an
    # older latest reading is shown as not reported (未报). None keeps today's rule (judged as is).
    reading_due_after_months: Annotated[int, Field(ge=0)] | None = None


class Weights(Model):
    """Each component's weight: score = the sum of weight x component."""

    base: Weight = 1
    on_time: Weight = 0
    late: Weight = 0
    returned: Weight = 0
    extended: Weight = 0
    adjustments: Weight = 1
    # Reports late or missing (迟报/漏报) join here once monthly forms are returned through the
    # program (issue 14, next session); until then no such weight is accepted.


class Scoring(Model):
    base: Literal["rate", "county"] = "rate"
    completion: Literal["lead", "all"] = "all"
    weights: Weights = Weights()


class Ranking(Model):
    groups: list[Text] = []  # named groups of units.yaml as categories; none: by unit kind
    exclude: list[Text] = []


class Adjustment(Model):
    """A bonus or deduction entered by the office (加分/扣分), counted in its month's score."""

    unit: Text
    month: Annotated[str, Field(pattern=MONTH.pattern + "$")]
    points: Number
    reason: Text
    by: str | None = None


class RulesFile(Model):
    lights: Lights = Lights()
    scoring: Scoring = Scoring()
    ranking: Ranking = Ranking()
    adjustments: list[Adjustment] = []


DEFAULT_RULES = RulesFile()


@dataclass
class RulesResult:
    rules: RulesFile
    problems: list[Problem] = field(default_factory=list)


def load_rules(folder: Path, c: Campaign | None = None, text: str | None = None) -> RulesResult:
    """``folder/rules.yaml`` read strictly, or the defaults when there is none; never raises.
    With the campaign, its unit and group references are checked too. ``text`` stands in for the
    file's content (``check`` passes the text of the very bytes it keys its cache entry by)."""
    path = folder / RULES_FILE
    if text is None and not path.exists() and not path.is_symlink():
        return RulesResult(DEFAULT_RULES)
    parsed, problems = parse_file(path, text)
    if parsed is None or problems:
        return RulesResult(DEFAULT_RULES, problems)
    data: Any = {} if parsed.data is None else parsed.data
    if not isinstance(data, dict):
        return RulesResult(DEFAULT_RULES, [Problem(str(path), 1, "", msg("rules.not_keys"))])
    try:
        rules = RulesFile.model_validate(data)
    except ValidationError as err:
        return RulesResult(DEFAULT_RULES, [_hinted(p) for p in describe_errors(err, parsed.source, str(path), parsed.refused)])
    out = check_rules(rules, c, parsed.source, str(path)) if c is not None else []
    return RulesResult(DEFAULT_RULES if out else rules, out)


def _hinted(problem: Problem) -> Problem:
    """An unknown key gets its "did you mean" from this file's keys, not the tasks file's."""
    if not isinstance(problem.message, Msg) or problem.message.key not in ("value.unknown_key", "value.unknown_key_adhoc"):
        return problem
    key = problem.path.rsplit(".", 1)[-1]
    hint = suggestion(key, sorted(_RULES_KEYS - {key}))
    return replace(problem, message=msg("rules.unknown_key", key=repr(key), hint=hint))


_RULES_KEYS = {name for m in (RulesFile, Lights, Behind, Scoring, Weights, Ranking, Adjustment) for name in m.model_fields}


def check_rules(rules: RulesFile, c: Campaign, src: SourceMap, file: str) -> list[Problem]:
    def at(path: tuple[str | int, ...], message: Msg) -> Problem:
        return Problem(file, src.line(path), friendly_path(src.data, path), message)

    exclude = rules.ranking.exclude
    out = [at(("ranking", "groups", i), msg("rules.unknown_group", group=repr(g), hint=suggestion(g, c.groups)))
           for i, g in enumerate(rules.ranking.groups) if g not in c.groups]
    out += [at(("ranking", "exclude", i), name_hint(c, u, _listed("exclude", exclude, i))
               or msg("rules.unknown_unit_listed", unit=repr(u), hint=suggestion(u, c.units)))
            for i, u in enumerate(exclude) if u not in c.units]
    out += [at(("adjustments", i, "unit"), name_hint(c, a.unit, lambda ident: f"unit: {ident}")
               or msg("rules.unknown_unit_one", unit=repr(a.unit), hint=suggestion(a.unit, c.units)))
            for i, a in enumerate(rules.adjustments) if a.unit not in c.units]
    return out


def _listed(key: str, items: list[str], i: int) -> Callable[[str], str]:
    """``exclude: [xiufeng, diecai]``: the list as it should read with item ``i`` replaced by an id."""
    return lambda ident: f"{key}: [{', '.join(ident if j == i else item for j, item in enumerate(items))}]"


def require_rules(folder: Path, c: Campaign) -> RulesFile:
    """The rules, or a :class:`CampaignError` carrying every problem in the file."""
    result = load_rules(folder, c)
    if result.problems:
        raise CampaignError(msg("rules.problems", count=len(result.problems), file=RULES_FILE), result.problems)
    return result.rules
