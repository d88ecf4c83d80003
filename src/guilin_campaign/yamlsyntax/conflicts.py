"""Left-over git conflict markers, found before YAML reads the file."""

from __future__ import annotations

import re

from guilin_campaign.problems import Problem

MARKER = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: |\r?$)", re.MULTILINE)
_CONFLICT_HELP = (
    "keep the lines that are right, delete the marker lines (<<<<<<<, =======, >>>>>>>), then `git add` the file; "
    "or take one whole side with `git checkout --ours -- FILE` (your version) or `git checkout --theirs -- FILE`"
)


def conflict_problems(text: str, file: str) -> list[Problem]:
    """Left-over git conflict markers, one problem per conflict (or stray marker), by line.

    Said before YAML reads the file: the markers are never valid YAML and the parser's message
    ("could not find expected ':'") would hide what happened. A ``=======`` alone (it can be text in
    a block scalar) counts only inside a ``<<<<<<<`` ... ``>>>>>>>`` block.
    """
    out, start = [], None
    help_text = _CONFLICT_HELP.replace("FILE", file)
    for number, line in enumerate(text.splitlines(), 1):
        mark = line[:7]
        if mark == "<" * 7 and MARKER.match(line):
            if start is not None:
                out.append(Problem(file, start, "", f"unresolved merge conflict from git (its >>>>>>> line is missing): {help_text}"))
            start = number
        elif mark == ">" * 7 and MARKER.match(line):
            where = f"lines {start}-{number}" if start is not None else "a >>>>>>> line without its <<<<<<< line"
            out.append(Problem(file, start or number, "", f"unresolved merge conflict from git ({where}): {help_text}"))
            start = None
    if start is not None:
        out.append(Problem(file, start, "", f"unresolved merge conflict from git (its >>>>>>> line is missing): {help_text}"))
    return out
