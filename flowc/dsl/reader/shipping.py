"""The project modules a task's code imports, to ship with it (`flowc.ir.shipped`).

An import in the task's code (at the top of its module, or inside a function) that
names a module of the user's project (found as the reader finds imported tasks:
`Project.load_module`, under the import root) brings that module along: the statements
the code names there (`from lib import clean`: `clean`; `import lib` then `lib.clean`:
`clean`), and what those use, transitively, as for the task's own helpers; the imports
among them are followed in turn (`lib` importing `lib2`), and every package above a
shipped module is shipped too (its own statements only as far as they are used). A
module used other than by its attributes (`getattr(lib, name)`, `from lib import *`) is
shipped whole. Imports of anything else stay import lines. Nothing is run: modules are
only parsed.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flowc.dsl.reader.project import ModuleInfo, Project
from flowc.dsl.reader.symbols import ModuleSymbols, TopStatement
from flowc.dsl.reader.taskcode import closure, module_code, origin_path
from flowc.ir.shipped import ShippedModule

Chain = tuple[str, ...]  # attributes read from a name: `lib.a.b` is ("a", "b")


def shipped_modules(project: Project, importer: ModuleInfo, trees: Sequence[ast.AST]) -> tuple[ShippedModule, ...]:
    """The project modules `trees` (code of module `importer`) import, as much of each as it uses, by name."""
    shipping = _Shipping(project)
    shipping.scan(importer.syms, importer.root, trees)
    done: dict[Path, frozenset[str] | None] = {}
    while True:
        pending = [need for file, need in shipping.needs.items() if file not in done or done[file] != need.frozen()]
        if not pending:
            break
        for need in pending:
            done[need.info.file] = need.frozen()
            syms = project.symbols(need.info)
            shipping.scan(syms, need.info.root, [s.tree for s in _statements(syms, need.names)])
    return tuple(sorted((_shipped(project, need) for need in shipping.needs.values()), key=lambda m: m.name))


@dataclass
class _Need:
    """A module to ship and the names of it the shipped code uses (None: all of it)."""

    info: ModuleInfo
    names: set[str] | None = field(default_factory=lambda: set[str]())

    def frozen(self) -> frozenset[str] | None:
        return None if self.names is None else frozenset(self.names)


@dataclass
class _Shipping:
    project: Project
    needs: dict[Path, _Need] = field(default_factory=lambda: {})

    def scan(self, syms: ModuleSymbols, root: Path, trees: Sequence[ast.AST]) -> None:
        """Every import in `trees` (code of module `syms`) that names a project module: what the code uses of it."""
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):
                    self._from_import(syms, root, node, trees)
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        self._import(root, alias, trees)

    def _from_import(self, syms: ModuleSymbols, root: Path, node: ast.ImportFrom, trees: Sequence[ast.AST]) -> None:
        dotted = syms.absolute(node.level, node.module or "")
        module = self._module(dotted, root) if dotted is not None and dotted != "__future__" else None
        if module is None:
            return
        for alias in node.names:
            if alias.name == "*":
                self._need(module, None)
            elif _defines(self.project.symbols(module), alias.name):
                self._need(module, {alias.name})
            else:
                sub = self._module(f"{dotted}.{alias.name}", root)
                if sub is None:
                    self._need(module, None)  # not defined where it can be seen: the whole module
                else:
                    self._used(sub, _chains(trees, alias.asname or alias.name))

    def _import(self, root: Path, alias: ast.alias, trees: Sequence[ast.AST]) -> None:
        if alias.asname is not None:
            module = self._module(alias.name, root)
            if module is not None:
                self._used(module, _chains(trees, alias.asname))
            return
        parts = alias.name.split(".")
        top = self._module(parts[0], root)
        if top is None:
            return
        for depth in range(2, len(parts) + 1):  # `import a.b.c` imports a.b and a.b.c too
            inner = self._module(".".join(parts[:depth]), root)
            if inner is not None:
                self._need(inner, set())
        self._used(top, _chains(trees, parts[0]))

    def _used(self, module: ModuleInfo, chains: list[Chain] | None) -> None:
        """A module the code names: what it reads of it (None: the module itself, as a value)."""
        if chains is None:
            self._need(module, None)
            return
        self._need(module, set())
        for chain in chains:
            self._follow(module, chain)

    def _follow(self, module: ModuleInfo, chain: Chain) -> None:
        if not chain:
            self._need(module, None)
            return
        head = chain[0]
        if _defines(self.project.symbols(module), head):
            self._need(module, {head})
            return
        sub = self._module(f"{module.syms.name}.{head}", module.root)
        if sub is None:
            self._need(module, None)
        else:
            self._need(module, set())
            self._follow(sub, chain[1:])

    def _module(self, dotted: str, root: Path) -> ModuleInfo | None:
        return self.project.load_module(dotted, root)

    def _need(self, module: ModuleInfo, names: set[str] | None) -> None:
        need = self.needs.get(module.file)
        if need is None:
            need = self.needs[module.file] = _Need(module)
            parts = module.syms.name.split(".")
            for depth in range(1, len(parts)):  # the packages above it are imported first
                parent = self._module(".".join(parts[:depth]), module.root)
                if parent is not None:
                    self._need(parent, set())
        if need.names is not None:
            if names is None:
                need.names = None
            else:
                need.names |= names


def _defines(syms: ModuleSymbols, name: str) -> bool:
    return any(name in s.defines for s in syms.statements)


def _statements(syms: ModuleSymbols, names: set[str] | None) -> list[TopStatement]:
    return list(syms.statements) if names is None else closure(syms, names)


def _shipped(project: Project, need: _Need) -> ShippedModule:
    syms = project.symbols(need.info)
    names = need.names if need.names is not None else {n for s in syms.statements for n in s.defines}
    code, lines, flowc_imports = module_code(syms, closure(syms, names), names)
    return ShippedModule(
        name=syms.name, is_package=syms.is_package, code=code if code.strip() else "",
        path=origin_path(syms.source.path), lines=lines if code.strip() else (), flowc_imports=flowc_imports,
    )


def _chains(trees: Sequence[ast.AST], local: str) -> list[Chain] | None:
    """The attribute chains read from name `local` in `trees` (`local.a.b`), None when it is also used bare."""
    inner: set[int] = set()
    for tree in trees:
        inner.update(id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute))
    chains: list[Chain] = []
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == local and isinstance(node.ctx, ast.Load) and id(node) not in inner:
                return None
            if isinstance(node, ast.Attribute) and id(node) not in inner:
                chain = _chain(node, local)
                if chain is not None:
                    chains.append(chain)
    return sorted(set(chains))


def _chain(node: ast.Attribute, local: str) -> Chain | None:
    attrs: list[str] = []
    current: ast.expr = node
    while isinstance(current, ast.Attribute):
        attrs.append(current.attr)
        current = current.value
    return tuple(reversed(attrs)) if isinstance(current, ast.Name) and current.id == local else None
