"""Start-up costs nothing it does not need (issue 19): the command line's options are parsed
without pydantic, and a read from the cache builds no model.

Each check runs in a fresh interpreter, since this test process has imported everything already.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# A tiny app with every shared option type, each given a value: Typer 0.28 and later coerce each
# such value through a pydantic TypeAdapter built at that moment (0.1 s and pydantic's import).
_OPTIONS_ONLY = """
import sys, typer
from guilin_campaign.cli.common import AsOfOpt, DataOpt, Format, OutputOpt, SoonOpt
from guilin_campaign.cli.options import FormatOpt
app = typer.Typer()
@app.command()
def one(data: DataOpt = None, fmt: FormatOpt = Format.table, as_of: AsOfOpt = None,
        soon: SoonOpt = None, output: OutputOpt = None) -> None:
    print(repr((str(data), fmt, as_of, soon, str(output))))
@app.command()
def two() -> None: pass
app(["one", "--data", "d", "-f", "json", "--as-of", "2022-07-31", "--soon", "3", "-o", "x"], standalone_mode=False)
print(sorted(m for m in ("pydantic", "pydantic_core") if m in sys.modules))
"""


def _python(code: str, env: dict[str, str] | None = None) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_options_are_parsed_without_pydantic() -> None:
    parsed, imported = _python(_OPTIONS_ONLY)
    assert parsed == "('d', <Format.json: 'json'>, '2022-07-31', 3, 'x')"
    assert imported == "[]"


_HEAVY = ("pydantic", "pydantic_core", "rich.console", "guilin_campaign.model", "guilin_campaign.loading", "yaml")
_RUN = """
import sys
sys.argv = ["guilin-campaign", *{args!r}]
from guilin_campaign.cli.app import main
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
print("\\n" + " ".join(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def _heavy_modules(args: list[str], cache: Path) -> tuple[str, str]:
    """The output of one whole command in a fresh interpreter, and the heavy modules it imported."""
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(cache), "GUILIN_CAMPAIGN_LANG": "en"}
    done = subprocess.run([sys.executable, "-c", _RUN.format(args=args, heavy=_HEAVY)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr.splitlines()[-1]


def test_a_cache_hit_of_a_read_command_imports_no_model_and_no_pydantic(tmp_path: Path) -> None:
    """Issue 19: on a hit ``overdue``, ``summary`` and ``tasks`` build no pydantic model (nor import
    pydantic, the models, the loader, PyYAML or Rich's console) and print what a miss prints."""
    store = tmp_path / "cache"
    for n, args in enumerate((["overdue", "--data", "sample", "--as-of", "2022-07-31", "-f", "json"],
                              ["overdue", "--data", "sample", "--as-of", "2022-07-31", "--support"],
                              ["summary", "--data", "sample"],
                              ["tasks", "--data", "sample", "-f", "csv"])):
        first, first_heavy = _heavy_modules(args, store)
        again, again_heavy = _heavy_modules(args, store)
        assert ("pydantic" in first_heavy.split()) == (n == 0)  # only the very first run read the files
        assert (again_heavy, again) == ("", first), args
        assert first == _heavy_modules(args, tmp_path / f"cold{n}")[0]  # the same as a miss prints


def test_check_reads_its_own_entry_and_no_model(tmp_path: Path) -> None:
    """A warm ``check`` reads its stored problems and counts (rules.yaml and the ledger too), not
    the campaign: none of the heavy modules (tests/test_checking.py tests it further)."""
    cold, _ = _heavy_modules(["check", "--data", "sample"], tmp_path / "cache")
    warm, heavy = _heavy_modules(["check", "--data", "sample"], tmp_path / "cache")
    assert warm == cold and warm.startswith("ok: ")
    assert heavy == ""
