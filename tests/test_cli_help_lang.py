"""Every command's help in both languages, from the catalogue: nothing missing, no English left in
the Chinese help; Click's own words in Chinese; --version and shell completion."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
import typer.main

from guilin_campaign.catalogue import CATALOGUE
from guilin_campaign.cli.app import app
from guilin_campaign.cli.localize import localize, walk
from tests.conftest import run


def _paths() -> list[tuple[str, ...]]:
    return [path for path, _ in walk(typer.main.get_command(app), ())]


PATHS = _paths()

# What may stay in Latin letters in the Chinese help: option names, metavars and types (<path>,
# {ID}, YYYY-MM, [x>=0]), file names (tasks.yaml), variables, `code`, ids and format names standing
# alone. Two English words in a row are a sentence left untranslated.
_ALLOWED = [
    r"`[^`]*`", r"(?<![\w-])--?[A-Za-z][\w-]*(=\S+)?", r"<[^>]*>", r"\{[^}]*\}", r"\[x[<>]=?\d+\]", r"\$\w+",
    r"[\w@~{}-]*\.[A-Za-z]\w*", r"\b[A-Z][A-Z0-9_-]*\b(\.\.\.)?",
]
_TWO_WORDS = re.compile(r"[A-Za-z]{2,}(?:'[a-z]+)?(?:[ ,;:()]+[A-Za-z]{2,})+")


def english_left(page: str, path: tuple[str, ...]) -> list[str]:
    page = page.replace("guilin-campaign " + " ".join(path), "guilin-campaign")
    for pattern in _ALLOWED:
        page = re.sub(pattern, " ", page)
    return _TWO_WORDS.findall(page)


def keys_shown(page: str) -> list[str]:
    return [token for token in re.findall(r"[A-Za-z_]+(?:\.[A-Za-z_-]+)+", page) if token in CATALOGUE]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "(program)")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_help_page_is_in_the_language(path: tuple[str, ...], lang: str) -> None:
    result = run(*path, "--help", "--lang", lang)
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert not keys_shown(page), page
    if lang == "zh":
        assert page.startswith("用法：") and "显示本帮助并退出。" in page
        assert not english_left(page, path), (english_left(page, path), page)
        assert re.search(r"[\u4e00-\u9fff]", page.split("\n\n")[1]), page  # the command's own help
    else:
        assert page.startswith("Usage: ") and "Show this message and exit." in page
        assert not re.search(r"[：，。]", page.split("\n\n")[1].split("(")[0]), page


def test_every_command_and_parameter_has_a_catalogue_entry() -> None:
    root = typer.main.get_command(app)
    localize(root, "zh")
    missing = []
    for path, command in walk(root, ()):
        key = f"cmd.{'.'.join(path)}" if path else "app.help"
        if key not in CATALOGUE:
            missing.append(key)
        missing += [f"{' '.join(path)} {param.name}" for param in command.params
                    if getattr(param, "help_key", None) not in CATALOGUE]
    assert not missing


def test_the_checker_would_see_english_and_keys() -> None:
    """The two checks above are not vacuous: an English sentence and a key are found."""
    assert english_left("  --unit <str>  Record one unit's part.", ("done",))
    assert not english_left("  --unit <str>  某单位，如 scjgj（见 units.yaml）。YYYY-MM-DD", ("done",))
    assert keys_shown("  --unit <str>  opt.update.unit") == ["opt.update.unit"]


def test_summary_is_the_first_sentence_in_the_command_list() -> None:
    page = run("--lang", "zh", "--help").stdout
    assert re.search(r"\n  tasks +列出任务分解表中的任务。\n", page)
    assert "可按单位" not in page  # the rest of the help is on the command's own page
    assert "可按单位、状态或专项行动筛选。" in re.sub(r"\s+", "", run("tasks", "--help", "--lang", "zh").stdout)


@pytest.mark.parametrize(("args", "zh", "en"), [
    (("show",), "错误：缺少参数 'ID'。", "Error: Missing argument 'ID'."),
    (("tasks", "--bogus"), "错误：没有这个选项：--bogus", "Error: No such option: --bogus"),
    (("bogus",), "错误：没有这个命令 'bogus'。", "Error: No such command 'bogus'."),
    (("overdue", "--soon", "x"), "错误：'--soon' 的值无效：请写一个整数。", "Error: Invalid value for '--soon':"),
    (("overdue", "--soon", "-3"), "错误：'--soon' 的值无效：不能小于 0。", "Error: Invalid value for '--soon':"),
    (("tasks", "--format", "xml"), "错误：'--format' / '-f' 的值无效：'xml' 不是可选值之一：", "Error: Invalid value for '--format' / '-f': 'xml' is not one of"),
    (("block", "T001"), "错误：缺少选项 '--note' / '-n'。", "Error: Missing option '--note' / '-n'."),
    (("reading", "I01", "5", "--month"), "错误：选项 '--month' 后面要写一个值。", "Error: Option '--month' requires an argument."),
    (("summary", "extra"), "错误：多余的参数（extra）", "Error: Got unexpected extra argument(s) (extra)"),
])
def test_click_usage_errors_in_both_languages(args: tuple[str, ...], zh: str, en: str) -> None:
    chinese, english = run("--lang", "zh", *args), run("--lang", "en", *args)
    assert chinese.exit_code == english.exit_code == 2
    assert zh in chinese.stderr and en in english.stderr
    # the usage line and the hint where Click gives them (not for an option's missing value)
    assert chinese.stderr.startswith("用法：guilin-campaign") == english.stderr.startswith("Usage: guilin-campaign")
    assert (f"查看帮助：guilin-campaign {args[0]} --help" in chinese.stderr) == (f"Try 'guilin-campaign {args[0]} --help'" in english.stderr)


def test_a_group_without_a_command_shows_its_help_in_the_language() -> None:
    result = run("report", env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert result.exit_code == 2 and "月度汇总和季度小结" in re.sub(r"\s+", "", result.output) and "命令：" in result.output
    missing = run("report", "--lang", "zh")  # an option given: Click asks for the command
    assert missing.exit_code == 2 and missing.stderr.endswith("错误：缺少命令。\n")


def test_version_is_the_package_version() -> None:
    for args in (("--version",), ("--lang", "zh", "--version")):
        result = run(*args)
        assert result.exit_code == 0 and result.stdout == f"guilin-campaign {version('guilin-campaign')}\n"


def test_shell_completion_is_offered_in_both_languages() -> None:
    english, chinese = run("--help", "--lang", "en").stdout, run("--help", "--lang", "zh").stdout
    for page in (english, chinese):
        assert "--install-completion" in page and "--show-completion" in page
    assert "Install completion for the current shell." in english and "安装命令补全" in re.sub(r"\s+", "", chinese)


@pytest.mark.parametrize("shell", ["bash", "zsh", "powershell"])
def test_show_completion_prints_a_script_for_each_documented_shell(shell: str) -> None:
    result = run("--show-completion", shell)
    assert result.exit_code == 0 and "_GUILIN_CAMPAIGN_COMPLETE" in result.stdout


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "(program)")
def test_chinese_help_fits_an_80_column_terminal(path: tuple[str, ...]) -> None:
    from guilin_campaign.cli.cjkwrap import width

    page = run(*path, "--help", env={"GUILIN_CAMPAIGN_LANG": "zh", "COLUMNS": "80"}).stdout
    assert [line for line in page.splitlines() if width(line) > 80] == []
