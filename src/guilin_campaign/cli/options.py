"""Options with a fixed set of values, whose bad value reads as one plain sentence.

Typer checks an Enum option through Pydantic, and its message keeps Pydantic's prefix
(``Invalid value for '--format' / '-f': Value error, 'xml' is not one of ...``). A parser of our own
raises Click's ``BadParameter`` itself: the same exit code 2, the same choices in ``--help``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Annotated, TypeVar

import typer

from guilin_campaign.catalogue import text
from guilin_campaign.cli.common import Format, current_lang

E = TypeVar("E", bound=Enum)


def choice(kind: type[E]) -> Callable[[object], E]:
    """A parser for ``typer.Option(parser=...)`` that takes exactly one of ``kind``'s values."""
    values = ", ".join(repr(member.value) for member in kind)

    def parse(value: object) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            raise typer.BadParameter(text("cli.not_one_of", current_lang(), value=repr(value), values=values)) from None

    return parse


FormatOpt = Annotated[Format, typer.Option("--format", "-f", parser=choice(Format), help="opt.format")]
