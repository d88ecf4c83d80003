"""Several requests as one change of the tasks file: applied in turn, written once or not at all.

A returned form (填报表) answers several tasks and indicators; its changes are one update, so that a
refused edit leaves the file as it was and a commit holds the whole form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guilin_campaign.campaign import Campaign
from guilin_campaign.write.apply import Change
from guilin_campaign.write.changes import Update
from guilin_campaign.write.requests import AddNote, RecordReading, SetStatus
from guilin_campaign.yamlsyntax.records import Session
from guilin_campaign.yamlsyntax.sourcemap import Path


@dataclass(frozen=True)
class Batch:
    """``requests`` applied in order (per record); ``guard``, if given, first checks the data as loaded
    under the lock (it raises CampaignError to refuse the whole batch)."""

    requests: tuple[Change, ...]
    message: str
    guard: Callable[[Campaign], None] | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        if self.guard is not None:
            self.guard(c)
        if session is None:  # each edit reads the whole text back
            for request in self.requests:
                text = request(c, text).new_text
            return Update(text, self.message)
        groups: dict[Path | None, list[Change]] = {}
        for request in self.requests:
            groups.setdefault(_record(c, request), []).append(request)
        # Records from the bottom of the file up: an edit never moves the lines of a record above it, so
        # each record is found, and edited on its own lines, by the loaded file's line map (a whole-file
        # read-back per edit took 0.7 s on the sample). The records edited are handed to the caller's
        # session, whose check compares everything outside them with the data before.
        for path in sorted((p for p in groups if p is not None), key=lambda p: session.source.line(p) or 0, reverse=True):
            own = Session(session.source, text)
            before = text
            for request in groups[path]:
                text = request(c, text, session=own).new_text
            if text != before and path not in session.touched:
                session.touched.append(path)
        for request in groups.get(None, []):
            text = request(c, text).new_text
        return Update(text, self.message)


def _record(c: Campaign, request: Change) -> Path | None:
    """The task or indicator a request edits (None: not known here, edited on the whole text)."""
    if isinstance(request, (SetStatus, AddNote)):
        ref = c.task(request.task_id)
        return ref.path if ref is not None else None
    if isinstance(request, RecordReading):
        found = c.indicator(request.indicator_id)
        return found.path if found is not None else None
    return None
