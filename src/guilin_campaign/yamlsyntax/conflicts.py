"""Left-over git conflict markers, found before YAML reads the file."""

from __future__ import annotations

import re

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import Problem

MARKER = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: |\r?$)", re.MULTILINE)


def conflict_problems(text: str, file: str) -> list[Problem]:
    """Left-over git conflict markers, one problem per conflict (or stray marker), by line.

    Said before YAML reads the file: the markers are never valid YAML and the parser's message
    ("could not find expected ':'") would hide what happened. A ``=======`` alone (it can be text in
    a block scalar) counts only inside a ``<<<<<<<`` ... ``>>>>>>>`` block.
    """
    out, start = [], None
    for number, line in enumerate(text.splitlines(), 1):
        mark = line[:7]
        if mark == "<" * 7 and MARKER.match(line):
            if start is not None:
                out.append(Problem(file, start, "", msg("yaml.conflict_unclosed", file=file)))
            start = number
        elif mark == ">" * 7 and MARKER.match(line):
            where = msg("yaml.conflict_lines", start=start, end=number) if start is not None else msg("yaml.conflict_stray")
            out.append(Problem(file, start or number, "", msg("yaml.conflict", where=where, file=file)))
            start = None
    if start is not None:
        out.append(Problem(file, start, "", msg("yaml.conflict_unclosed", file=file)))
    return out
