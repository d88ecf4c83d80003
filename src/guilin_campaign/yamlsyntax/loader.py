"""The one configured YAML loader: libyaml's C loader when it is there (the pure-Python one else)."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as Loader  # type: ignore[assignment]


def make_loader(text: str | bytes) -> Any:
    """A configured loader over ``text`` (or UTF-8 bytes), for a reader that walks its events."""
    return Loader(text)


def compose(text: str) -> Node | None:
    """The node tree of ``text`` (raises ``yaml.YAMLError``); used by the reader and the editor."""
    return yaml.compose(text, Loader=Loader)


def counts_bytes() -> bool:
    """Whether the loader counts offsets in UTF-8 bytes (libyaml reads the text encoded) rather than
    in characters (PyYAML)."""
    return Loader.__name__.startswith("C")
