"""``merge_texts(base, ours, theirs)``: the record-level merge of one data file, or git's conflict.

Whatever cannot be merged record by record (a side that is not valid YAML, the same id twice, a
change at the top level) is left as one conflict around the whole of both sides, so neither side's
text is ever lost; a clean merge must read back as the merged data and pass ``check``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.merge.compose import compose
from guilin_campaign.merge.nodes import Unmergeable, canon
from guilin_campaign.merge.tree import Merger, markers
from guilin_campaign.problems import Problem

Checker = Callable[[str], list[Problem]]


@dataclass(frozen=True)
class MergeResult:
    text: str
    conflicts: int  # regions left between conflict markers
    reason: Msg | str = ""  # why the whole file was left in conflict, if it was

    @property
    def clean(self) -> bool:
        return self.conflicts == 0


def merge_texts(base: str, ours: str, theirs: str, check: Checker | None = None) -> MergeResult:
    """Merge ``theirs``' changes since ``base`` into ``ours``; ``check`` lists the problems of a
    merged text (with the other data file), and a merge that has any is left as a conflict."""
    # every entry ends with a line break, so a file without a last one gets it here and back at the end
    eol = "\r\n" if "\r\n" in ours else "\n"
    bare = not ours.endswith("\n") and ours != ""
    sides = [s if s.endswith("\n") or s == "" else s + eol for s in (base, ours, theirs)]
    try:
        merger = Merger(*sides)
        merged = merger.document(*(compose(s) for s in sides))
    except (yaml.YAMLError, Unmergeable, RecursionError) as err:
        return whole_conflict(sides[1], sides[2], msg("merge.not_by_record", why=_why(err)))
    except Exception as err:  # noqa: BLE001 - git must get both sides' text even from a bug here
        return whole_conflict(sides[1], sides[2], msg("merge.not_by_record", why=msg("merge.internal", name=type(err).__name__)))
    text = merged.text[: -len(eol)] if bare and merged.text.endswith(eol) else merged.text
    if merger.conflicts:
        return MergeResult(text, merger.conflicts)
    if not _reads_as(merged.text, merged.data):
        return whole_conflict(sides[1], sides[2], msg("merge.not_read_back"))
    problems = check(text) if check is not None else []
    if problems:
        return whole_conflict(sides[1], sides[2], msg("merge.not_check", problem=_problem_text(problems[0])))
    return MergeResult(text, 0)


def _reads_as(text: str, data: object) -> bool:
    """The merged text, read back, holds exactly the merged records (the splicing lost nothing)."""
    try:
        return bool(canon(compose(text)) == data)
    except (yaml.YAMLError, RecursionError):
        return False


def whole_conflict(ours: str, theirs: str, reason: Msg | str) -> MergeResult:
    return MergeResult(markers(ours, theirs, "\r\n" if "\r\n" in ours else "\n"), 1, reason)


def _why(err: Exception) -> Msg | str:
    if isinstance(err, yaml.YAMLError):
        return msg("merge.side_invalid")
    if isinstance(err, RecursionError):
        return msg("merge.side_deep")
    assert isinstance(err, Unmergeable)
    return err.message


def _problem_text(problem: Problem) -> Msg:
    """A problem as one message, its ``file:line: path:`` prefix kept in every language."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return msg("merge.problem", where=where, path=f" {problem.path}:" if problem.path else "", said=problem.message)
