"""The unified social credit code (统一社会信用代码, GB 32100-2015): its form and check character.

18 characters: the registering authority (1), the kind of entity (1), the administrative division
(6 digits), the organisation code (9) and a check character computed from the other 17.
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_char(first17: str) -> str:
    """The 18th character for the first 17 (each in :data:`CHARSET`)."""
    total = sum(CHARSET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def code_problem(code: str) -> str | None:
    """What is wrong with ``code``, as a sentence saying what to write; None when it is valid."""
    if len(code) != 18:
        return f"{code!r} has {len(code)} characters; a unified social credit code has 18 (copy it from the business licence)"
    if code != code.upper() and code.upper() != code.lower():
        return f"{code!r}: write the letters in capitals ({code.upper()})"
    for i, ch in enumerate(code, 1):
        if ch not in CHARSET:
            hint = " (the letters I, O, S, V and Z are never used: compare it with the business licence)" if ch in "IOSVZ" else ""
            return f"{code!r}: character {i} {ch!r} cannot appear in a credit code{hint}"
    if not code[2:8].isdigit():
        return f"{code!r}: characters 3 to 8 are the division code and must be digits"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"{code!r}: the check character (the 18th) should be {expected!r}, not {code[17]!r}: a character is mistyped; compare it with the business licence"
    return None
