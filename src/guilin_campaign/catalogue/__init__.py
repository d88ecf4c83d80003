"""Every user-facing sentence, in Chinese and English: the one catalogue.

The core never picks a language. It says *what* to tell the user as a :class:`Msg` (a catalogue key
and its values); the edge (the CLI, a renderer) turns it into text with :func:`render` in the
language the user chose (:func:`choose_lang`). Each module of this package holds the entries of one
part of the program as ``ENTRIES: dict[key, (zh, en)]``; :data:`CATALOGUE` is their union, and a test
renders every entry in both languages with the same placeholders.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, Union

from guilin_campaign.catalogue import (
    cache,
    core,
    core_files,
    core_more,
    core_write,
    forms,
    help,
    help_cmds,
    help_opts,
    ledger,
    words,
    words_docs,
    words_report,
    workflow,
)

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"

Arg = Union[str, "Msg"]


@dataclass(frozen=True, order=True)
class Msg:
    """A sentence not yet in a language: a catalogue key and its values (text, or a message)."""

    key: str
    args: tuple[tuple[str, Arg], ...] = ()

    def __str__(self) -> str:  # for logs and repr-like uses only; the edge calls render()
        return render(self, DEFAULT_LANG)


def _merge(*parts: Mapping[str, tuple[str, str]]) -> Mapping[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for part in parts:
        clash = out.keys() & part.keys()
        if clash:
            raise ValueError(f"catalogue keys defined twice: {sorted(clash)}")
        out.update(part)
    return MappingProxyType(out)


CATALOGUE: Mapping[str, tuple[str, str]] = _merge(
    core.ENTRIES, core_files.ENTRIES, core_write.ENTRIES, core_more.ENTRIES, help.ENTRIES, help_cmds.ENTRIES, help_opts.ENTRIES,
    words.ENTRIES, words_report.ENTRIES, words_docs.ENTRIES, workflow.ENTRIES, ledger.ENTRIES, forms.ENTRIES, cache.ENTRIES,
)


def msg(key: str, /, **args: object) -> Msg:
    """A message; ``key`` must be in the catalogue (a typo fails at once, in any test that reaches it).

    Values are kept as text (numbers, paths and dates are written with ``str``) or as messages.
    """
    if key not in CATALOGUE:
        raise KeyError(f"not in the catalogue: {key!r}")
    return Msg(key, tuple((name, value if isinstance(value, Msg) else str(value)) for name, value in sorted(args.items())))


def render(message: Msg | str, lang: Lang) -> str:
    """The message in ``lang``; plain text (a value from the data, a library's own words) as it is."""
    if isinstance(message, str):
        return message
    zh, en = CATALOGUE[message.key]
    template = zh if lang == "zh" else en
    values = {name: render(value, lang) for name, value in message.args}
    return template.format(**values)


def text(key: str, lang: Lang, /, **args: object) -> str:
    """``render(msg(key, **args), lang)`` in one call, for the edge."""
    return render(msg(key, **args), lang)


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template uses (for the catalogue's own test)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def choose_lang(option: str | None, environ: Mapping[str, str]) -> Lang:
    """``--lang`` if given, else ``$GUILIN_CAMPAIGN_LANG``, else the locale (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``: the first one set decides; ``en*`` gives English), else Chinese.

    Raises ``ValueError`` for an option value other than zh/en (the CLI says so)."""
    if option is not None:
        value = option.strip().lower()
        if value not in LANGS:
            raise ValueError(option)
        return "en" if value == "en" else "zh"
    chosen = environ.get("GUILIN_CAMPAIGN_LANG", "").strip().lower()
    if chosen in LANGS:
        return "en" if chosen == "en" else "zh"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return DEFAULT_LANG
