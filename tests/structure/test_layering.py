"""Layering: the core never reaches the interface, and no two modules import each other."""

from __future__ import annotations

import subprocess
import sys

from tests.structure.modules import PACKAGE, UI_LIBRARIES, Module, imported, modules


def _interface_imports(module: Module) -> set[str]:
    return {
        name for name in imported(module)
        if name.split(".")[0] in UI_LIBRARIES or name == f"{PACKAGE}.cli" or name.startswith(f"{PACKAGE}.cli.")
    }


def test_every_module_is_found() -> None:
    names = {m.name for m in modules()}
    # a few known modules from each layer: if the walk found nothing, the tests below would pass
    assert {f"{PACKAGE}.model", f"{PACKAGE}.cli.app", f"{PACKAGE}.report.build", f"{PACKAGE}.queries.overdue"} <= names
    assert len(names) > 60


def test_no_core_module_imports_typer_rich_or_cli() -> None:
    offenders = {m.name: sorted(_interface_imports(m)) for m in modules() if not m.is_interface and _interface_imports(m)}
    assert offenders == {}


def test_the_check_sees_an_offending_import() -> None:
    import ast
    from pathlib import Path

    bad = Module(f"{PACKAGE}.queries.bad", Path("bad.py"), ast.parse("def f():\n    from guilin_campaign.cli import common\n    import rich\n"))
    assert not bad.is_interface
    assert _interface_imports(bad) == {f"{PACKAGE}.cli", f"{PACKAGE}.cli.common", "rich"}


def test_importing_the_whole_core_loads_no_interface_library() -> None:
    core = [m.name for m in modules() if not m.is_interface]
    code = ("import sys\n" + "".join(f"import {name}\n" for name in core)
            + f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(UI_LIBRARIES)!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected set of more than one module (Tarjan, iterative enough for ~150 nodes)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    """Counted with the imports inside functions too: a deferred import hides a cycle, it does not end it."""
    everything = modules()
    names = {m.name for m in everything}
    packages = {m.name for m in everything if m.path.name == "__init__.py"}
    graph = {m.name: {n for n in imported(m) if n in names and n not in packages and n != m.name} for m in everything}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# What each layer may not reach (see docs/architecture.md): queries return data, never a rendering
# or a write; the YAML package knows nothing of the campaign.
FORBIDDEN = {
    f"{PACKAGE}.queries": ("render", "report", "write", "cli", "tableimport", "merge"),
    f"{PACKAGE}.yamlsyntax": ("model", "campaign", "checks", "loading", "queries", "report", "render", "write", "cli"),
    f"{PACKAGE}.write": ("queries", "report", "render", "cli"),
}


# The report's periods and its replay of a past day are figures, not outputs: a query may use them.
ALLOWED = (f"{PACKAGE}.report.periods", f"{PACKAGE}.report.replay")


def _forbidden(module: Module) -> list[str]:
    out = []
    for layer, banned in FORBIDDEN.items():
        if module.name.startswith(layer + "."):
            names = [n for n in imported(module) if not any(n == a or n.startswith(a + ".") for a in ALLOWED)]
            out += sorted(n for n in names for b in banned if n == f"{PACKAGE}.{b}" or n.startswith(f"{PACKAGE}.{b}."))
    return out


def test_each_layer_keeps_to_its_own() -> None:
    assert {m.name: _forbidden(m) for m in modules() if _forbidden(m)} == {}


def test_the_layer_check_sees_a_query_that_renders() -> None:
    import ast
    from pathlib import Path

    bad = Module(f"{PACKAGE}.queries.bad", Path("bad.py"), ast.parse("from guilin_campaign.render.cells import display\n"))
    assert _forbidden(bad) == [f"{PACKAGE}.render.cells", f"{PACKAGE}.render.cells.display"]
