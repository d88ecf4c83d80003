"""Click's own words in the user's language: the help's headings and notes, and its usage errors.

Typer vendors Click without translations (its strings are plain English), so the words are
replaced where they are written: a help formatter of our own for the help and the usage line, and
:func:`show_error` for the errors Click raises, whose message is matched against the few sentences
Click and Typer write. A message of ours (a ``BadParameter`` raised by the CLI) is already in the
language; a sentence not known here is shown as Click wrote it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter

from guilin_campaign.catalogue import CATALOGUE, Lang, text
from guilin_campaign.cli.cjkwrap import width, wrap


class LocalFormatter(HelpFormatter):
    """Click's help formatter, writing its headings and notes in ``lang``."""

    lang: Lang = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, text("click.usage", self.lang) if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        if self.lang == "en":
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = f"click.section.{name}"
        with super().section(text(key, self.lang) if key in CATALOGUE else name):
            yield

    def write_text(self, text: str) -> None:
        if self.lang == "en":
            return super().write_text(text)
        indent = " " * self.current_indent
        paragraphs = [wrap(part, max(self.width - self.current_indent, 20)) for part in text.split("\n\n")]
        self.write("\n\n".join("\n".join(indent + line for line in lines) for lines in paragraphs) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, help_words(about, self.lang)) for term, about in rows]
        if self.lang == "en" or not rows:
            return super().write_dl(rows, col_max, col_spacing)
        # Click's layout (terms in the first column, help beside them), wrapped by display width
        first_col = min(max(width(term) for term, _ in rows), col_max) + col_spacing
        for term, about in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not about:
                self.write("\n")
                continue
            if width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(about, max(self.width - first_col - 2 - self.current_indent, 10))
            self.write("\n".join(lines[:1] + [" " * (first_col + self.current_indent) + line for line in lines[1:]]) + "\n")


_EXTRA = re.compile(r"\[([^\[\]]*)\]$")


def help_words(about: str, lang: Lang) -> str:
    """An option's help as Click completes it: its help option's sentence and the ``[default: ...;
    required]`` note at the end."""
    if lang == "en":
        return about
    about = about.replace("Show this message and exit.", text("click.help_option", lang))
    return _EXTRA.sub(lambda m: "[" + "; ".join(_extra_item(item, lang) for item in m.group(1).split("; ")) + "]", about)


def _extra_item(item: str, lang: Lang) -> str:
    if item == "required":
        return text("click.required", lang)
    if item.startswith("default: "):
        return text("click.default", lang, value=item[len("default: "):])
    return item


def show_error(err: ClickException, lang: Lang) -> None:
    """What Click's ``err.show()`` prints, in ``lang`` (exactly Click's text in English)."""
    if lang == "en" or isinstance(err, NoArgsIsHelpError):
        err.show()
        return
    ctx = err.ctx if isinstance(err, UsageError) else None
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = text("click.try_help", lang, command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
        print(f"{ctx.get_usage()}\n{hint}", file=sys.stderr)
    print(text("click.error", lang, text=message(err.format_message(), lang)), file=sys.stderr)


def _missing(m: re.Match[str], lang: Lang) -> str:
    return text("click.missing", lang, what=text(f"click.missing.{m[1]}", lang), name=m[2])


def _no_such_option(m: re.Match[str], lang: Lang) -> str:
    said = text("click.no_such_option", lang, name=m[1])
    return text("click.possible_options", lang, text=said, options=m[2]) if m[2] else said


def _no_such_command(m: re.Match[str], lang: Lang) -> str:
    said = text("click.no_such_command", lang, name=m[1])
    return text("click.did_you_mean", lang, text=said.rstrip("。."), names=m[2]) if m[2] else said


def _invalid_for(m: re.Match[str], lang: Lang) -> str:
    return text("click.invalid_for", lang, hint=m[1], text=message(m[2], lang))


_SENTENCES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Lang], str]], ...] = (
    (re.compile(r"Missing (argument|option|parameter) (.+)\.", re.S), _missing),
    (re.compile(r"No such option: (\S+)(?: \(Possible options: (.*)\))?", re.S), _no_such_option),
    (re.compile(r"No such command (.+?)\.(?: Did you mean (.+)\?)?", re.S), _no_such_command),
    (re.compile(r"Missing command\."), lambda m, lang: text("click.missing_command", lang)),
    (re.compile(r"Got unexpected extra argument\(s\) \((.*)\)", re.S), lambda m, lang: text("click.extra_args", lang, args=m[1])),
    (re.compile(r"Option (.+) requires an argument\."), lambda m, lang: text("click.needs_value", lang, name=m[1])),
    (re.compile(r"Invalid value for (.+?): (.*)", re.S), _invalid_for),
    (re.compile(r"Invalid value: (.*)", re.S), lambda m, lang: text("click.invalid", lang, text=message(m[1], lang))),
    (re.compile(r"Input should be a valid integer.*"), lambda m, lang: text("click.not_integer", lang)),
    (re.compile(r"Input should be greater than or equal to (\S+)"), lambda m, lang: text("click.at_least", lang, min=m[1])),
    # Click's own number checks (Typer below 0.28 leaves option values to Click)
    (re.compile(r".+ is not a valid (?:int|integer)(?: range)?\.", re.S), lambda m, lang: text("click.not_integer", lang)),
    (re.compile(r".+ is not in the range x>=(\S+)\.", re.S), lambda m, lang: text("click.at_least", lang, min=m[1])),
)


def message(said: str, lang: Lang) -> str:
    """One of Click's (or Typer's) error sentences in ``lang``; any other text as it is."""
    if lang == "en":
        return said
    for pattern, say in _SENTENCES:
        if (m := pattern.fullmatch(said)) is not None:
            return say(m, lang)
    return said
