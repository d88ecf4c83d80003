"""Strict reading of hand-edited files: the data, the line of everything, and what was refused.

YAML 1.1 guesses a lot (``no`` is a boolean, ``010`` is eight, ``2022-02-30`` is an error deep in a
constructor). A clerk's file must be read exactly or refused with the line, so we let libyaml compose
its events and build the Python values ourselves (:mod:`.events`, :mod:`.scalar_read`), refusing what
would be a guess:

- duplicate keys in one mapping, aliases (``*name``, ``<<: *name``) and any tag beyond the plain ones;
- impossible dates, dates with a time, numbers in octal/hex/sexagesimal, ``.inf``/``.nan``;
- ``yes/no/on/off`` become :class:`~.scalar_read.BoolWord`, which no model field accepts, so a ``status: no`` is
  reported with a hint instead of being read as ``False``.

Every mapping key and sequence item keeps its line in a :class:`~.sourcemap.LineIndex`, so that a problem found
later (by the models or the checks) is reported at its line.
"""

from __future__ import annotations

import yaml

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import Problem
from guilin_campaign.yamlsyntax.conflicts import MARKER, conflict_problems
from guilin_campaign.yamlsyntax.events import EventReader, Finish
from guilin_campaign.yamlsyntax.loader import counts_bytes, make_loader
from guilin_campaign.yamlsyntax.sourcemap import Parsed, SourceMap, friendly_path


def parse(source: str | bytes, file: str, finish: dict[int, Finish] | None = None, keep_data: bool = True) -> Parsed:
    """Read one YAML document strictly; problems carry ``file`` and the line.

    ``source`` is the text, or a file's bytes once :func:`~guilin_campaign.yamlsyntax.decode.decode`
    has found them good UTF-8 (libyaml reads them as they are: no copy of a large file as text).
    With ``finish`` (see :class:`~guilin_campaign.yamlsyntax.events.EventReader`), the data is
    whatever ``finish`` made of its mappings. Without ``keep_data`` the source map holds the line
    index in place of the data (:func:`~.sourcemap.friendly_path` reads either).
    """
    # `in` is a fast substring scan (the regex alone took 0.5 s on 12 MB); lines only when it hits
    if _may_have_markers(source) and (conflicts := conflict_problems(_text(source), file)):
        return Parsed(None, SourceMap(None), conflicts)
    try:
        return _read_events(source, file, finish, keep_data)
    except RecursionError:  # pragma: no cover - the reader keeps its own stack
        return Parsed(None, SourceMap(None), [Problem(file, None, "", msg("yaml.too_deep"))])


def _may_have_markers(source: str | bytes) -> bool:
    if isinstance(source, bytes):
        return (b"<<<<<<<" in source or b">>>>>>>" in source) and MARKER.search(_text(source)) is not None
    return ("<<<<<<<" in source or ">>>>>>>" in source) and MARKER.search(source) is not None


def _text(source: str | bytes) -> str:
    return source.decode("utf-8-sig") if isinstance(source, bytes) else source


def _read_events(source: str | bytes, file: str, finish: dict[int, Finish] | None, keep_data: bool) -> Parsed:
    loader = make_loader(source)
    reader = EventReader(loader, finish)
    try:
        data = reader.read()
    except yaml.MarkedYAMLError as err:
        return Parsed(None, SourceMap(None), [_syntax_problem(err, _text(source), file)])
    except yaml.reader.ReaderError as err:
        return Parsed(None, SourceMap(None), [_reader_problem(err, source, file)])
    except yaml.YAMLError as err:
        return Parsed(None, SourceMap(None), [Problem(file, None, "", msg("yaml.invalid", what=str(err)))])
    finally:
        loader.dispose()
    index, found = reader.index, reader.found
    problems = [Problem(file, line, friendly_path(index, path), said) for line, path, said in found]
    return Parsed(data, SourceMap(data if keep_data else index, index), problems, [path for _, path, _ in found])


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


def _reader_problem(err: yaml.reader.ReaderError, source: str | bytes, file: str) -> Problem:
    """libyaml refuses a control character by its offset in the text; say the line and column.
    libyaml counts the offset in UTF-8 bytes (it reads the text encoded; a file's bytes with their
    BOM, which the text has not), PyYAML in characters."""
    if isinstance(source, str):
        before = source.encode("utf-8")[: err.position].decode("utf-8", "replace") if counts_bytes() else source[: err.position]
    elif counts_bytes():
        before = source[: err.position].decode("utf-8-sig", "replace")
    else:  # pragma: no cover - libyaml missing
        before = source.decode("utf-8")[: err.position].removeprefix("\ufeff")
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
    return Problem(file, line, "", msg("yaml.control_character", column=column, char=char))
