"""加减分: an adjustment appended to ``rules.yaml``'s ``adjustments:``, through the same safe path
as an update of the tasks file (:mod:`guilin_campaign.write.apply`): the folder's lock, the data
and the rules checked before and after, a compare-and-swap atomic write, ``--dry-run``'s diff and a
commit of that file alone. A missing file, or one without the key, is made with it; nothing else in
the file changes.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.loading import load_campaign, require_campaign
from guilin_campaign.lookup import unit_id
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.rules import RULES_FILE, RulesFile, check_rules, load_rules
from guilin_campaign.validation import describe_errors
from guilin_campaign.write.apply import Outcome
from guilin_campaign.write.lock import Holder
from guilin_campaign.yamlsyntax import editor
from guilin_campaign.yamlsyntax.read import parse


@dataclass(frozen=True)
class AddAdjustment:
    """A bonus or deduction (加分/扣分) of ``points`` for ``unit`` in ``month``."""

    unit: str
    month: str
    points: float
    reason: str
    by: str | None = None

    def entry(self) -> dict[str, Any]:
        points: int | float = int(self.points) if float(self.points).is_integer() else self.points
        out: dict[str, Any] = {"unit": self.unit, "month": self.month, "points": points, "reason": self.reason}
        return out | ({"by": self.by} if self.by is not None else {})

    @property
    def message(self) -> str:
        return f"adjust {self.unit} {self.entry()['points']:+} ({self.month})"


def apply_adjustment(folder: Path, change: AddAdjustment, dry_run: bool = False, commit: bool = False,
                     holder: Holder = Holder(), on_wait: Callable[[Msg], None] | None = None) -> Outcome:
    """Write ``change`` into ``folder/rules.yaml``; made once more if the file changed meanwhile."""
    from guilin_campaign.write.fileio import FileChanged

    for attempt in (1, 2):
        try:
            return _apply_once(folder, change, dry_run, commit, holder, on_wait)
        except FileChanged:
            if attempt == 2:
                raise CampaignError(msg("workflow.changed_twice", path=folder / RULES_FILE)) from None
    raise AssertionError("unreachable")


def _apply_once(folder: Path, change: AddAdjustment, dry_run: bool, commit: bool,
                holder: Holder, on_wait: Callable[[Msg], None] | None) -> Outcome:
    from guilin_campaign.write.fileio import read_document, write_atomic, write_document
    from guilin_campaign.write.git import commit_change, require_clean
    from guilin_campaign.write.lock import data_lock, work_dir
    from guilin_campaign.write.textdiff import unified_diff

    with nullcontext() if dry_run else data_lock(folder, holder=holder, on_wait=on_wait):
        path = folder / RULES_FILE
        c = require_campaign(load_campaign(folder))
        if problems := load_rules(folder, c).problems:
            raise CampaignError(msg("workflow.rules_problems", path=path), problems)
        if change.unit not in c.units:  # a Chinese full or short name gives its id; an unknown or ambiguous one is refused
            change = replace(change, unit=unit_id(c, change.unit))
        exists = path.exists() or path.is_symlink()
        doc = read_document(path) if exists else None
        text = doc.text if doc is not None else ""
        if commit and not dry_run:
            require_clean(folder, [path] if exists else [])
        new_text = with_adjustment(text, change.entry())
        _require_valid(new_text, c, path, change.message)
        diff = unified_diff(text, new_text, str(path))
        if dry_run:
            return Outcome(change.message, diff, written=False)
        if doc is not None:
            write_document(path, doc, new_text, tmp_dir=work_dir(folder))
        else:
            write_atomic(path, new_text.encode("utf-8"), tmp_dir=work_dir(folder), verify=lambda: _still_absent(path))
        if not commit:
            return Outcome(change.message, diff, True)
        try:
            return Outcome(change.message, diff, True, commit_change(folder, [path], change.message))
        except CampaignError as err:
            raise CampaignError(msg("workflow.not_committed", path=path, what=change.message, error=err.message)) from None


def _still_absent(path: Path) -> None:
    """A file made meanwhile (an editor, another command) is never replaced by the new one."""
    from guilin_campaign.write.fileio import FileChanged

    if path.exists() or path.is_symlink():
        raise FileChanged(str(msg("workflow.changed_twice", path=path)))


def with_adjustment(text: str, entry: dict[str, Any]) -> str:
    """``text`` with ``entry`` appended to ``adjustments:`` (the key made when absent)."""
    if parse(text, "").data is None:  # an empty file, or comments only: the key goes at its end
        eol = "\r\n" if "\r\n" in text else "\n"
        lead = "" if not text or text.endswith("\n") else eol
        return text + lead + "adjustments:" + eol + "  - " + _flow(entry) + eol
    try:
        return editor.append_item(text, ("adjustments",), entry)
    except (editor.EditError, KeyError):
        raise CampaignError(msg("workflow.rules_not_editable", path=RULES_FILE), kind=ErrorKind.REFUSED) from None


def _flow(entry: dict[str, Any]) -> str:
    from guilin_campaign.yamlsyntax.scalar_write import flow_item

    return flow_item(entry)


def _require_valid(text: str, c: Any, path: Path, what: str) -> None:
    """The new file must read as valid rules, checked against the campaign."""
    parsed = parse(text, str(path))
    problems = list(parsed.problems)
    if not problems:
        try:
            rules = RulesFile.model_validate(parsed.data or {})
            problems = check_rules(rules, c, parsed.source, str(path))
        except ValidationError as err:
            problems = describe_errors(err, parsed.source, str(path), parsed.refused)
    if problems:
        raise CampaignError(msg("workflow.refused_invalid", what=what, path=path), problems, kind=ErrorKind.REFUSED)
