"""The unified social credit code's form and check character (GB 32100-2015)."""

from __future__ import annotations

import pytest

from guilin_campaign.catalogue import render
from guilin_campaign.ledger.creditcode import CHARSET, check_char, code_problem


def test_a_valid_code_passes() -> None:
    assert code_problem("91350100M000100Y43") is None


@pytest.mark.parametrize(("code", "said"), [
    ("91350100M000100Y44", "the check character (the 18th) should be '3', not '4'"),
    ("91350100M000100Y4", "has 17 characters; a unified social credit code has 18"),
    ("91350100m000100y43", "write the letters in capitals (91350100M000100Y43)"),
    ("913501O0M000100Y43", "character 7 'O' cannot appear in a credit code (the letters I, O, S, V and Z are never used"),
    ("91350A00M000100Y43", "characters 3 to 8 are the division code and must be digits"),
    ("91350100M000100Y4-", "character 18 '-' cannot appear in a credit code"),
])
def test_each_fault_is_named(code: str, said: str) -> None:
    problem = code_problem(code)
    assert problem is not None and said in render(problem, "en")


def test_every_single_character_typo_is_caught() -> None:
    """The check character catches any one mistyped character (the weights are never 0 mod 31)."""
    code = "91350100M000100Y43"
    for i in range(17):
        for ch in CHARSET:
            if ch != code[i]:
                wrong = code[:i] + ch + code[i + 1:]
                assert code_problem(wrong) is not None, wrong
    assert check_char(code[:17]) == "3"
