"""Strict reading of hand-edited files: the data, the line of everything, and what was refused.

YAML 1.1 guesses a lot (``no`` is a boolean, ``010`` is eight, ``2022-02-30`` is an error deep in a
constructor). A clerk's file must be read exactly or refused with the line, so we let libyaml compose
its events and build the Python values ourselves (:mod:`.events`, :mod:`.scalar_read`), refusing what
would be a guess:

- duplicate keys in one mapping, aliases (``*name``, ``<<: *name``) and any tag beyond the plain ones;
- impossible dates, dates with a time, numbers in octal/hex/sexagesimal, ``.inf``/``.nan``;
- ``yes/no/on/off`` become :class:`~.scalar_read.BoolWord`, which no model field accepts, so a ``status: no`` is
  reported with a hint instead of being read as ``False``.

Every mapping key and sequence item keeps its line in a :class:`~.sourcemap.SourceMap`, so that a problem found
later (by the models or the checks) is reported at its line.
"""

from __future__ import annotations

import yaml

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import Problem
from guilin_campaign.yamlsyntax.conflicts import MARKER, conflict_problems
from guilin_campaign.yamlsyntax.events import EventReader
from guilin_campaign.yamlsyntax.loader import counts_bytes, make_loader
from guilin_campaign.yamlsyntax.sourcemap import Parsed, SourceMap, friendly_path


def parse(text: str, file: str) -> Parsed:
    """Read one YAML document strictly; problems carry ``file`` and the line."""
    # `in` is a fast substring scan (the regex alone took 0.5 s on 12 MB); lines only when it hits
    if ("<<<<<<<" in text or ">>>>>>>" in text) and MARKER.search(text) and (conflicts := conflict_problems(text, file)):
        return Parsed(None, SourceMap(None), conflicts)
    try:
        return _read_events(text, file)
    except RecursionError:  # pragma: no cover - the reader keeps its own stack
        return Parsed(None, SourceMap(None), [Problem(file, None, "", msg("yaml.too_deep"))])


def _read_events(text: str, file: str) -> Parsed:
    loader = make_loader(text)
    reader = EventReader(loader)
    try:
        data = reader.read()
    except yaml.MarkedYAMLError as err:
        return Parsed(None, SourceMap(None), [_syntax_problem(err, text, file)])
    except yaml.reader.ReaderError as err:
        return Parsed(None, SourceMap(None), [_reader_problem(err, text, file)])
    except yaml.YAMLError as err:
        return Parsed(None, SourceMap(None), [Problem(file, None, "", msg("yaml.invalid", what=str(err)))])
    finally:
        loader.dispose()
    found = reader.scalars.found
    problems = [Problem(file, line, friendly_path(data, path), said) for line, path, said in found]
    return Parsed(data, SourceMap(data, reader.lines), problems, [path for _, path, _ in found])


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    what = " ".join(p for p in (err.context, err.problem) if p)  # libyaml's own words, as they are
    lines = text.splitlines()
    near = lines[max(0, line - 2) : line] if line else []
    if near and "\t" in near[-1]:
        return Problem(file, line, "", msg("yaml.invalid_tab", what=what))
    if any("：" in part for part in near):
        return Problem(file, line, "", msg("yaml.invalid_colon", what=what))
    return Problem(file, line, "", msg("yaml.invalid", what=what))


def _reader_problem(err: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """libyaml refuses a control character by its offset in the text; say the line and column.
    libyaml counts the offset in UTF-8 bytes (it reads the text encoded), PyYAML in characters."""
    before = text[: err.position]
    if counts_bytes():
        before = text.encode("utf-8")[: err.position].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
    return Problem(file, line, "", msg("yaml.control_character", column=column, char=char))
