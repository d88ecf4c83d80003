"""The updates a command can ask for, as values: what to change, not yet how.

Each is a :class:`guilin_campaign.write.apply.Change`: called with the loaded campaign, the tasks
file's text and the edit session, it returns the new text through :mod:`.changes`. Being frozen
dataclasses they compare, print and can be kept (a queue of changes, a test's expectation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.vocab import Status
from guilin_campaign.write.changes import Update, add_note, record_reading, set_status
from guilin_campaign.yamlsyntax.records import Session


@dataclass(frozen=True)
class SetStatus:
    """A task's status (or one unit's part of it), logged."""

    task_id: str
    status: Status
    on: date
    note: str | None = None
    by: str | None = None
    unit: str | None = None
    source: str | None = None  # where it came from (an imported form), kept in the log entry

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        return set_status(c, text, self.task_id, self.status, self.on, self.note, self.by, self.unit, session=session,
                          source=self.source)


@dataclass(frozen=True)
class AddNote:
    """A progress note in a task's log."""

    task_id: str
    note: str
    on: date
    by: str | None = None
    source: str | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        return add_note(c, text, self.task_id, self.note, self.on, self.by, session=session, source=self.source)


@dataclass(frozen=True)
class RecordReading:
    """An indicator's value at a month's end: the city's, or one unit's."""

    indicator_id: str
    value: float
    month: str
    unit: str | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        return record_reading(c, text, self.indicator_id, self.value, self.month, self.unit, session=session)
