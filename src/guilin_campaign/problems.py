"""Problems found in the data, and the one error type that crosses into the command line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from guilin_campaign.catalogue import DEFAULT_LANG, Lang, Msg, render


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, printed like a compiler: ``file:line: path: message``.

    ``message`` is a catalogue message (:class:`guilin_campaign.catalogue.Msg`), rendered in the
    user's language at the edge; the ``file:line: path:`` prefix is the same in every language.
    """

    file: str
    line: int | None
    path: str
    message: Msg | str

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        said = render(self.message, lang)
        return f"{where}: {self.path}: {said}" if self.path else f"{where}: {said}"

    def __str__(self) -> str:
        return self.text()

    def as_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, object]:
        """The stable JSON form: ``file``, ``line``, ``path``, ``message`` (in ``lang``) and
        ``code`` (the catalogue key, the same in every language; empty for a message not yet keyed)."""
        code = self.message.key if isinstance(self.message, Msg) else ""
        return {"file": self.file, "line": self.line, "path": self.path, "message": render(self.message, lang), "code": code}


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
        self, message: Msg | str, problems: list[Problem] | None = None, kind: ErrorKind | None = None, option: str | None = None
    ) -> None:
        super().__init__(render(message, DEFAULT_LANG))
        self.message = message
        self.problems = problems or []
        self.kind = kind or (ErrorKind.DATA if self.problems else ErrorKind.ENVIRONMENT)
        self.option = option

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message in ``lang`` (the CLI adds the option and the problems)."""
        return render(self.message, lang)


class MessageError(ValueError):
    """A ``ValueError`` whose message is a catalogue message: raised inside a validator or a parser,
    it reaches the one who renders it with its key (``str()`` gives the default language, for logs)."""

    def __init__(self, message: Msg | str) -> None:
        super().__init__(render(message, DEFAULT_LANG))
        self.message = message

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        return render(self.message, lang)
