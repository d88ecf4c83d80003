"""``diff -u`` of two versions of a large file, fast: what ``--dry-run`` prints."""

from __future__ import annotations

import difflib
import re


def unified_diff(old: str, new: str, name: str) -> str:
    """``diff -u`` of the two texts, as :func:`difflib.unified_diff` gives it.

    difflib's matcher is slow on 100,000 tasks' lines (minutes), so the lines both texts share before
    the first and after the last change are left out of its work, and its line numbers shifted back.
    """
    if re.search(r"\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]", old + new):  # breaks other than \n for splitlines
        return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), name, name))
    start = _context_start(old, _common_prefix(old, new))
    same_tail = _common_suffix(old, new, start)
    end_old = _context_end(old, len(old) - same_tail)
    end_new = end_old + len(new) - len(old)
    shift = old.count("\n", 0, start)
    lines = difflib.unified_diff(
        old[start:end_old].splitlines(keepends=True), new[start:end_new].splitlines(keepends=True), name, name
    )
    header = re.compile(r"@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")
    moved = (
        header.sub(lambda m: f"@@ -{int(m[1]) + shift}{m[2] or ''} +{int(m[3]) + shift}{m[4] or ''} @@", line, count=1)
        if line.startswith("@@") else line
        for line in lines
    )
    return "".join(moved)


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix, compared a chunk at a time."""
    n, lo, step = min(len(a), len(b)), 0, 1 << 16
    while lo < n and a[lo : lo + step] == b[lo : lo + step]:
        lo += step
    hi = min(n, lo + step)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[lo : mid + 1] == b[lo : mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _common_suffix(a: str, b: str, floor: int) -> int:
    """Length of the longest common suffix that leaves at least ``floor`` characters of each."""
    n, lo, step = min(len(a), len(b)) - floor, 0, 1 << 16
    while lo < n and a[len(a) - min(n, lo + step) : len(a) - lo] == b[len(b) - min(n, lo + step) : len(b) - lo]:
        lo = min(n, lo + step)
    hi = min(n, lo + step)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[len(a) - mid - 1 : len(a) - lo] == b[len(b) - mid - 1 : len(b) - lo]:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _context_start(text: str, at: int, lines: int = 3) -> int:
    """The start of the line holding ``at``, moved back ``lines`` more lines (the diff's context)."""
    start = text.rfind("\n", 0, at) + 1
    for _ in range(lines):
        if start == 0:
            break
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def _context_end(text: str, at: int, lines: int = 3) -> int:
    """The end of the line holding offset ``at``, moved on ``lines`` more lines."""
    end = at
    for _ in range(lines + 1):
        found = text.find("\n", end)
        if found < 0:
            return len(text)
        end = found + 1
    return end
