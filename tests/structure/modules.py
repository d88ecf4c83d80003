"""The package's modules and their imports, read from the source (nothing is imported)."""

from __future__ import annotations

import ast
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import guilin_campaign

ROOT = Path(guilin_campaign.__file__).parent
PACKAGE = "guilin_campaign"
# The interface: the only modules that may use Typer, Rich or cli/ (the terminal table renderers
# and the entry point); every other module is the core, usable as a library.
INTERFACE_PREFIXES = (f"{PACKAGE}.cli", f"{PACKAGE}.__main__", f"{PACKAGE}.render.table", f"{PACKAGE}.render.plain",
                      f"{PACKAGE}.render.fit", f"{PACKAGE}.render.width")
UI_LIBRARIES = frozenset({"typer", "rich", "click"})


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    tree: ast.Module

    @property
    def is_interface(self) -> bool:
        return any(self.name == p or self.name.startswith(p + ".") for p in INTERFACE_PREFIXES)


def modules() -> list[Module]:
    """Every module of the package, found by walking it (a new module is covered without a list)."""
    out = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix=PACKAGE + "."):
        relative = info.name.removeprefix(PACKAGE + ".").replace(".", "/")
        path = ROOT / relative / "__init__.py" if info.ispkg else ROOT / f"{relative}.py"
        out.append(Module(info.name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return out


def imported(module: Module, top_level_only: bool = False) -> set[str]:
    """The modules ``module`` imports (absolute names), anywhere in it or only at its top level."""
    nodes = module.tree.body if top_level_only else list(ast.walk(module.tree))
    names: set[str] = set()
    package = module.name if module.path.name == "__init__.py" else module.name.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return names
