"""No module-level mutable state: a module holds constants, never a list, a session or a cache.

A module-level list or a ``global`` is state that one caller leaves for another (the edit session
once lived in such a stack). Constants are tuples, frozensets, strings, compiled patterns; a dict or
set literal is allowed only under an UPPER_CASE constant name that nothing in the package mutates.
"""

from __future__ import annotations

import ast
import re

from tests.structure.modules import Module, modules

MUTABLE_CALLS = frozenset({"list", "dict", "set", "bytearray", "defaultdict", "deque", "OrderedDict", "Counter", "array"})
MUTATING_METHODS = frozenset({
    "append", "extend", "insert", "add", "update", "pop", "popitem", "clear", "setdefault", "remove", "discard",
    "sort", "reverse", "__setitem__", "__delitem__",
})
CONSTANT_NAME = re.compile(r"_?[A-Z][A-Z0-9_]*")


def _module_bindings(module: Module) -> list[tuple[str, ast.expr, int]]:
    """(name, value, line) of each assignment at module level, also inside a top-level if/try."""
    out: list[tuple[str, ast.expr, int]] = []
    pending: list[ast.stmt] = list(module.tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.Assign):
            out += [(t.id, node.value, node.lineno) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
            out.append((node.target.id, node.value, node.lineno))
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            pending += node.body + getattr(node, "orelse", []) + getattr(node, "finalbody", [])
            pending += [stmt for handler in getattr(node, "handlers", []) for stmt in handler.body]
    return out


def _kind(value: ast.expr) -> str | None:
    """'list' for a list-like value, 'mapping' for a dict or set one, None for anything else."""
    if isinstance(value, (ast.List, ast.ListComp)):
        return "list"
    if isinstance(value, (ast.Dict, ast.Set, ast.DictComp, ast.SetComp)):
        return "mapping"
    if isinstance(value, ast.BinOp):  # {...} | {...}
        kinds = {_kind(value.left), _kind(value.right)}
        return "mapping" if "mapping" in kinds else ("list" if "list" in kinds else None)
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return "list" if name in MUTABLE_CALLS else None  # a set() or dict() call counts as a list: use frozenset
    return None


def _mutated_names(everything: list[Module]) -> set[str]:
    """Names that some code mutates: ``NAME[k] = v``, ``del NAME[k]``, ``NAME += ...``, ``NAME.append(...)``."""
    found: set[str] = set()

    def base(node: ast.expr) -> str | None:
        while isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            node = node.value
        if isinstance(node, ast.Attribute):
            return node.attr
        return node.id if isinstance(node, ast.Name) else None

    for module in everything:
        for node in ast.walk(module.tree):
            targets: list[ast.expr] = []
            if isinstance(node, (ast.Assign, ast.Delete)):
                targets = [t.value for t in node.targets if isinstance(t, ast.Subscript)]
            elif isinstance(node, ast.AugAssign):
                targets = [node.target.value if isinstance(node.target, ast.Subscript) else node.target]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING_METHODS:
                targets = [node.func.value]
            found.update(name for t in targets if (name := base(t)))
    return found


def offences(everything: list[Module]) -> list[str]:
    mutated = _mutated_names(everything)
    out = []
    for module in everything:
        out += [f"{module.name}:{n.lineno}: global {', '.join(n.names)}" for n in ast.walk(module.tree) if isinstance(n, ast.Global)]
        for name, value, line in _module_bindings(module):
            kind = _kind(value)
            if kind == "list":
                out.append(f"{module.name}:{line}: {name} is a module-level list (use a tuple)")
            elif kind == "mapping" and not CONSTANT_NAME.fullmatch(name):
                out.append(f"{module.name}:{line}: {name} is a module-level dict or set under a name that is not a constant")
            elif kind == "mapping" and name in mutated:
                out.append(f"{module.name}:{line}: {name} is a module-level dict or set that the package mutates")
    return out


def test_no_module_level_mutable_state() -> None:
    assert offences(modules()) == []


def test_the_rule_sees_state() -> None:
    source = (
        "_SESSIONS: list[int] = []\ncache = {}\nLABELS = {'a': 1}\nFIXED = {'b': 2}\nKEPT = frozenset({1})\n"
        "def f():\n    global cache\n    LABELS['c'] = 3\n"
    )
    found = offences([Module("pkg.bad", None, ast.parse(source))])  # type: ignore[arg-type]
    assert found == [
        "pkg.bad:7: global cache",
        "pkg.bad:1: _SESSIONS is a module-level list (use a tuple)",
        "pkg.bad:2: cache is a module-level dict or set under a name that is not a constant",
        "pkg.bad:3: LABELS is a module-level dict or set that the package mutates",
    ]
