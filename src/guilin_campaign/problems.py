"""Problems found in the data, and the one error type that crosses into the command line."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file, printed like a compiler: ``file:line: path: message``."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class ErrorKind(Enum):
    """What went wrong, in the library's terms; only ``cli/`` turns a kind into an exit code."""

    DATA = "data"  # problems in the data files (the error's ``problems`` say where)
    REFUSED = "refused"  # an update or a write refused: it would lose or damage something
    ENVIRONMENT = "environment"  # the machine: a file that cannot be read or written, git missing
    USAGE = "usage"  # the request itself: an unknown id, a bad period, a wrong file name


class CampaignError(Exception):
    """Raised by the library when it cannot go on; the CLI turns it into a message and exit code.

    ``kind`` says what went wrong (by default DATA when there are problems, else ENVIRONMENT);
    ``option`` names the argument a USAGE error is about (``"rev"``), for the CLI to show as it
    spells it (``--rev``); the library never names a command-line flag itself.
    """

    def __init__(
        self, message: str, problems: list[Problem] | None = None, kind: ErrorKind | None = None, option: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []
        self.kind = kind or (ErrorKind.DATA if self.problems else ErrorKind.ENVIRONMENT)
        self.option = option
