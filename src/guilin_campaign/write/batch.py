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
from guilin_campaign.yamlsyntax.records import Session


@dataclass(frozen=True)
class Batch:
    """``requests`` applied in order; ``guard``, if given, first checks the data as loaded under the
    lock (it raises CampaignError to refuse the whole batch)."""

    requests: tuple[Change, ...]
    message: str
    guard: Callable[[Campaign], None] | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        if self.guard is not None:
            self.guard(c)
        # No session: it keeps one record's lines, and a batch edits several records. Each edit
        # then reads the whole text back, so the check after the batch need not know the records.
        for request in self.requests:
            text = request(c, text, session=None).new_text
        return Update(text, self.message)
