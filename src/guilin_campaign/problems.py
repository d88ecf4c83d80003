"""Problems found in the data, and the one error type that crosses into the command line."""

from __future__ import annotations

from dataclasses import asdict, dataclass


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


class CampaignError(Exception):
    """Raised by the library when it cannot go on; the CLI turns it into a message and exit code.

    ``problems`` holds the data problems (exit 1); a plain message with no problems is a usage or
    environment error (``exit_code`` says which).
    """

    def __init__(self, message: str, problems: list[Problem] | None = None, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []
        self.exit_code = exit_code
