"""``done``/``note`` without the CLI framework: what a Typer-free dispatcher would run (issue 19).

``python bench/update_direct.py done T --on D --note TEXT --data FOLDER`` (or ``note T TEXT --on D
--data FOLDER``) parses just these arguments and calls :func:`guilin_campaign.write.apply.apply`
as ``cli/update.py`` does, printing the same line. ``bench/updates.py --direct`` times it, to tell
the update's own cost from the CLI framework's start-up.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path


def main(argv: list[str]) -> int:
    from guilin_campaign.write.apply import apply
    from guilin_campaign.write.requests import AddNote, SetStatus

    what, task, rest = argv[0], argv[1], argv[2:]
    text = rest.pop(0) if what == "note" else None
    options = dict(zip(rest[::2], rest[1::2], strict=True))
    on = date.fromisoformat(options["--on"])
    change = AddNote(task, text or "", on) if what == "note" else SetStatus(task, "done", on, options.get("--note"))
    folder = Path(options["--data"])
    outcome = apply(folder, change, cache_folder=Path(os.environ["GUILIN_CAMPAIGN_CACHE"]))
    print(f"{outcome.message}: {folder / 'tasks.yaml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
