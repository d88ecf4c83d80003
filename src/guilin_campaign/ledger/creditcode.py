"""The unified social credit code (统一社会信用代码, GB 32100-2015): its form and check character.

18 characters: the registering authority (1), the kind of entity (1), the administrative division
(6 digits), the organisation code (9) and a check character computed from the other 17.
"""

from __future__ import annotations

from guilin_campaign.catalogue import Msg, msg

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_char(first17: str) -> str:
    """The 18th character for the first 17 (each in :data:`CHARSET`)."""
    total = sum(CHARSET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def code_problem(code: str) -> Msg | None:
    """What is wrong with ``code``, as a message saying what to write; None when it is valid."""
    if len(code) != 18:
        return msg("ledger.code.length", code=repr(code), count=len(code))
    if code != code.upper() and code.upper() != code.lower():
        return msg("ledger.code.capitals", code=repr(code), upper=code.upper())
    for i, ch in enumerate(code, 1):
        if ch not in CHARSET:
            hint = msg("ledger.code.never_used") if ch in "IOSVZ" else ""
            return msg("ledger.code.character", code=repr(code), i=i, ch=repr(ch), hint=hint)
    if not code[2:8].isdigit():
        return msg("ledger.code.division", code=repr(code))
    expected = check_char(code[:17])
    if code[17] != expected:
        return msg("ledger.code.check", code=repr(code), expected=repr(expected), got=repr(code[17]))
    return None
