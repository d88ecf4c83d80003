"""Ship the repository's data/ inside the wheel as the built-in sample (not in editable installs,
which read data/ directly, see guilin_campaign.datadir.sample_folder)."""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SampleDataHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "standard":
            for name in ("tasks.yaml", "units.yaml"):
                build_data["force_include"][f"data/{name}"] = f"guilin_campaign/sample/{name}"
