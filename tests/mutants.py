"""A seeded mutator of the sample data files, for the fuzz test and ``bench/fuzz.py``.

Each mutant is one of the two files changed the way a hand edit, a bad copy or a wrong editor
setting changes a file: bytes flipped, the end cut off, lines deleted, duplicated or swapped,
indentation changed, the text saved in another encoding, control characters or YAML's special
characters inserted, a number made unreadable. The same seed gives the same mutants.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from guilin_campaign.cli.app import app

FILES = ("tasks.yaml", "units.yaml")
_CONTROL = ["\x00", "\x07", "\x08", "\x1b", "\x1b[31m", "\x7f", "\x85", "\x9b", "\u202e", "\ufeff", "\r", "\t", "\u2028"]
_SPECIAL = [": ", "- ", "&a ", "*a", "!!python/object:os.system ", "{", "}", "[", "]", "'", '"', "# ", "<<: ", "? ",
            "|", ">", "%", "@", "`", "：", "~", "!", "\\", "...", "---"]
_NUMBERS = ["true", "1_000", "0", "-0", "1e400", ".nan", "0x10", "010", "1:30", "9" * 5000, "123456789012345678901234567890",
            "1.2345678901234567", "'12'", "2022-02-30", "2022-13-01", "yes", "null", "[]", "{}", "-1.5"]


@dataclass(frozen=True)
class Mutant:
    file: str  # which of FILES it replaces
    kind: str
    data: bytes


def _lines(raw: bytes) -> list[bytes]:
    return raw.splitlines(keepends=True)


def _flip(rng: random.Random, raw: bytes) -> bytes:
    out = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw))]


def _delete_lines(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    i = rng.randrange(len(lines))
    del lines[i : i + rng.randint(1, 3)]
    return b"".join(lines)


def _duplicate_lines(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    i = rng.randrange(len(lines))
    n = rng.randint(1, 4)
    return b"".join(lines[: i + n] + lines[i : i + n] + lines[i + n :])


def _swap_lines(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def _indent(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    i = rng.randrange(len(lines))
    choice = rng.choice(["add", "remove", "tab", "block"])
    for k in range(i, min(len(lines), i + (rng.randint(2, 8) if choice == "block" else 1))):
        if choice == "remove":
            lines[k] = lines[k][rng.randint(1, 4):] if lines[k].startswith(b" ") else lines[k]
        elif choice == "tab":
            lines[k] = b"\t" + lines[k].lstrip(b" ")
        else:
            lines[k] = b" " * rng.choice([1, 2, 3, 4]) + lines[k]
    return b"".join(lines)


def _encode(rng: random.Random, raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    how = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gbk", "latin-1", "utf-8-sig", "crlf", "cr"])
    if how == "latin-1":  # UTF-8 bytes read as Latin-1 and saved as UTF-8: mojibake full of C1 characters
        return raw.decode("latin-1").encode("utf-8")
    if how == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if how == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    return text.encode(how, errors="replace")


def _insert(rng: random.Random, raw: bytes, pieces: list[str]) -> bytes:
    text = raw.decode("utf-8")
    i = rng.randrange(len(text) + 1)
    return (text[:i] + rng.choice(pieces) + text[i:]).encode("utf-8")


def _control(rng: random.Random, raw: bytes) -> bytes:
    return _insert(rng, raw, _CONTROL)


def _special(rng: random.Random, raw: bytes) -> bytes:
    return _insert(rng, raw, _SPECIAL)


def _number(rng: random.Random, raw: bytes) -> bytes:
    """A value after ``key: `` replaced by a number or a word that YAML reads its own way."""
    lines = _lines(raw)
    candidates = [i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]
    i = rng.choice(candidates)
    key, _, rest = lines[i].partition(b": ")
    end = b"\r\n" if rest.endswith(b"\r\n") else b"\n"
    if rest.lstrip().startswith(b"{") or rest.lstrip().startswith(b"["):  # inside a flow mapping: one value
        parts = rest.split(b", ")
        j = rng.randrange(len(parts))
        k, sep, _ = parts[j].partition(b": ")
        parts[j] = k + sep + rng.choice(_NUMBERS).encode() if sep else parts[j]
        lines[i] = key + b": " + b", ".join(parts)
        return b"".join(lines)
    lines[i] = key + b": " + rng.choice(_NUMBERS).encode() + end
    return b"".join(lines)


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": _flip, "truncate": _truncate, "delete": _delete_lines, "duplicate": _duplicate_lines,
    "swap": _swap_lines, "indent": _indent, "encoding": _encode, "control": _control, "special": _special,
    "number": _number,
}


def mutants(originals: dict[str, bytes], count: int, seed: int) -> Iterator[Mutant]:
    """``count`` mutants of ``originals`` (file name -> bytes); tasks.yaml three times in four."""
    rng = random.Random(seed)
    kinds = sorted(MUTATIONS)
    for n in range(count):
        file = "units.yaml" if rng.random() < 0.25 else "tasks.yaml"
        kind = kinds[n % len(kinds)] if n < len(kinds) else rng.choice(kinds)
        data = MUTATIONS[kind](rng, originals[file])
        if rng.random() < 0.15:  # now and then a second mutation on top of the first
            try:
                second = rng.choice(kinds)
                data = MUTATIONS[second](rng, data)
                kind = f"{kind}+{second}"
            except (UnicodeDecodeError, UnicodeEncodeError, ValueError, IndexError):
                pass
        yield Mutant(file, kind, data)


AS_OF = "2022-07-31"
COMMANDS = (
    ("check", "--format", "json"),
    ("overdue", "--as-of", AS_OF),
    ("report", "monthly", "2022-07", "--as-of", AS_OF, "--format", "json"),
)
# Problems about a whole file, which no line could place ("the file is empty", "the file is not
# UTF-8 text"); and a file saved in another encoding is wrong as a whole, not at a line.
_WHOLE_FILE = ("the file ",)


def write(folder: Path, originals: dict[str, bytes], mutant: Mutant) -> None:
    """The data folder with ``mutant`` in place of its file and the other file as it was."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in originals.items():
        (folder / name).write_bytes(mutant.data if name == mutant.file else data)


def findings(folder: Path, mutant: Mutant, exits: list[int] | None = None) -> list[str]:
    """What went wrong running the three commands on ``folder``: a traceback, an exit code other
    than 0 or 1, a refusal that names no data file, a problem without a line (none expected).
    Each command's exit code is appended to ``exits``."""
    runner = CliRunner()
    out = []
    for args in COMMANDS:
        result = runner.invoke(app, [*args, "--data", str(folder)])
        if exits is not None:
            exits.append(result.exit_code)
        name = f"{mutant.kind} of {mutant.file}, {args[0]}"
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            out.append(f"{name}: {type(result.exception).__name__}: {result.exception}")
            continue
        text = result.stdout + result.stderr
        if result.exit_code not in (0, 1) or "Traceback" in text or "internal error" in text:
            out.append(f"{name}: exit {result.exit_code}: {text[-300:]}")
        elif result.exit_code == 1 and not any(f in text for f in FILES):
            out.append(f"{name}: refused without naming a data file: {text[-300:]}")
        if args[0] == "check" and result.exit_code in (0, 1):
            out += _unplaced(name, json.loads(result.stdout), whole_file=mutant.kind.startswith("encoding"))
    return out


def _unplaced(name: str, problems: list[dict[str, object]], whole_file: bool) -> list[str]:
    """Problems that name no data file, or no line though they are about one place in the file."""
    out = []
    for p in problems:
        if not str(p["file"]).endswith(FILES):
            out.append(f"{name}: a problem names no data file: {p}")
        elif p["line"] is None and not whole_file and not str(p["message"]).startswith(_WHOLE_FILE):
            out.append(f"{name}: a problem without a line: {p}")
    return out
