"""The read path of warm ``overdue`` without the CLI: what a command costs above Python's start-up.

``python bench/readpath.py DATA AS_OF [overdue|summary|tasks]`` does what ``guilin-campaign overdue
--data DATA --as-of AS_OF`` does on a cache hit, table to stdout, but with no option parsing and no
CLI framework: the floor the command itself can reach (``bench/pairs.py --readpath`` times it).
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import date
from pathlib import Path


def main() -> None:
    gc.disable()
    folder, day, command = Path(sys.argv[1]), date.fromisoformat(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "overdue"
    from guilin_campaign import cache
    from guilin_campaign.render.plain import plain_listings

    store = os.environ.get("GUILIN_CAMPAIGN_CACHE")
    c = cache.load(folder, Path(store) if store else None, plain=True).campaign
    assert c is not None
    if command == "overdue":
        from guilin_campaign.queries.overdue import overdue, overdue_listing

        listing = overdue_listing(overdue(c, day), day, "zh")
    elif command == "summary":
        from guilin_campaign.queries.summary import summary, summary_listing

        listing = summary_listing(summary(c), "zh")
    else:
        from guilin_campaign.queries.tasks import select_tasks, tasks_listing

        listing = tasks_listing(c, select_tasks(c), "zh")
    text = plain_listings([listing], "zh")
    assert text is not None
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
