"""A progress line on stderr for a load that takes a while (a cold read of a large campaign).

The core only says which stage it has reached (a ``progress`` callback); this draws it. Nothing is
drawn unless both stderr and stdout are a terminal (never into a pipe, a file or JSON read by a
script), and nothing until the work has taken ``delay`` seconds: a quick command prints nothing.
The line is erased when the work ends, before the command prints its result.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

DELAY = 1.0  # seconds of work before the line shows
REFRESH = 0.5


class _Line:
    def __init__(self, stream: TextIO, delay: float, first: str) -> None:
        self.stream, self.delay = stream, delay
        self.stage, self.started = first, time.monotonic()
        self.stopped = threading.Event()

    def update(self, stage: str) -> None:
        self.stage = stage

    def run(self) -> None:
        if self.stopped.wait(self.delay):
            return
        while True:
            seconds = time.monotonic() - self.started
            self.stream.write(f"\r\x1b[K{self.stage} … {seconds:.0f} s")
            self.stream.flush()
            if self.stopped.wait(REFRESH):
                break
        self.stream.write("\r\x1b[K")
        self.stream.flush()


@contextmanager
def progress_line(stream: TextIO, stdout: TextIO, delay: float = DELAY, first: str = "loading") -> Iterator[Callable[[str], None]]:
    """A ``progress`` callback for the work inside the ``with``; draws on ``stream`` as above
    (``first``: the stage shown until the work names one, in the user's language)."""
    if not (_is_terminal(stream) and _is_terminal(stdout)):
        yield lambda stage: None
        return
    line = _Line(stream, delay, first)
    thread = threading.Thread(target=line.run, name="progress", daemon=True)
    thread.start()
    try:
        yield line.update
    finally:
        line.stopped.set()
        thread.join()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
