"""A bad ``--format`` reads as one plain sentence, without Pydantic's "Value error, ", and exits 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from guilin_campaign.cli.common import Format
from guilin_campaign.cli.options import choice
from tests.conftest import run


@pytest.mark.parametrize(("command", "choices"), [
    (["overdue"], "'table', 'json', 'csv', 'md', 'xlsx'"),
    (["tasks"], "'table', 'json', 'csv', 'md', 'xlsx'"),
    (["check"], "'text', 'json'"),
    (["report", "monthly", "2022-06"], "'table', 'md', 'html', 'json', 'xlsx', 'docx'"),
])
def test_a_bad_format_is_one_plain_sentence(make_data: Callable[..., Path], command: list[str], choices: str) -> None:
    result = run(*command, "--data", str(make_data()), "--format", "xml")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.endswith(f"\nError: Invalid value for '--format' / '-f': 'xml' is not one of {choices}.\n")
    assert "Value error" not in result.stderr


def test_a_good_format_is_taken(make_data: Callable[..., Path]) -> None:
    result = run("overdue", "--data", str(make_data()), "--as-of", "2022-07-31", "-f", "json")
    assert result.exit_code == 0 and result.stdout.startswith("[")


def test_choice_takes_exactly_one_of_the_values() -> None:
    parse = choice(Format)
    assert (parse("csv"), parse(Format.md)) == (Format.csv, Format.md)
    with pytest.raises(typer.BadParameter, match=r"^'CSV' is not one of 'table', 'json', 'csv', 'md', 'xlsx'\.$"):
        parse("CSV")
