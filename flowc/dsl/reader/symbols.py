"""A module's symbol table: how it names flowc and typing, its imports, constants,
NamedTuple classes, top-level statements and its decorated tasks and pipelines."""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import libcst as cst

from flowc.dsl.reader.freenames import free_names
from flowc.dsl.reader.positions import pair_class_fields, statements
from flowc.dsl.reader.source import SourceFile

DefKind = Literal["task", "container_task", "pipeline"]
DECORATORS: tuple[DefKind, ...] = ("task", "container_task", "pipeline")
# What `from flowc import *` binds (flowc.__all__, without importing flowc).
FLOWC_PUBLIC = (
    "Artifact", "Dataset", "Metrics", "Model", "Resources", "RunStatus",
    "after", "container_task", "pipeline", "run_status", "task",
)


@dataclass(frozen=True)
class ImportRef:
    """`local` names `attr` of module `module` (absolute), or the module itself when attr is None."""

    module: str
    attr: str | None
    node: cst.CSTNode


@dataclass
class TopStatement:
    """A module-level statement with the names it binds and the names it mentions."""

    node: cst.CSTNode
    tree: ast.stmt
    defines: frozenset[str]
    is_flowc_import: bool = False
    is_future: bool = False
    _uses: frozenset[str] | None = None

    @property
    def uses(self) -> frozenset[str]:
        """Names the statement mentions (computed on demand: only task code needs them)."""
        if self._uses is None:
            self._uses = _uses(self.tree)
        return self._uses


@dataclass
class Definition:
    """A function decorated with a flowc decorator."""

    name: str
    kind: DefKind
    node: cst.FunctionDef
    tree: ast.FunctionDef | ast.AsyncFunctionDef
    decorator: cst.BaseExpression


@dataclass
class ModuleSymbols:
    """What the reader needs to know about one module's top level."""

    name: str
    is_package: bool
    source: SourceFile
    flowc_modules: set[str] = field(default_factory=lambda: set())
    flowc_names: dict[str, str] = field(default_factory=lambda: {})
    typing_modules: set[str] = field(default_factory=lambda: set())
    typing_names: dict[str, str] = field(default_factory=lambda: {})
    imports: dict[str, ImportRef] = field(default_factory=lambda: {})
    constants: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})
    namedtuples: dict[str, cst.ClassDef] = field(default_factory=lambda: {})
    definitions: dict[str, Definition] = field(default_factory=lambda: {})
    statements: list[TopStatement] = field(default_factory=lambda: [])

    @property
    def uses_flowc(self) -> bool:
        return bool(self.flowc_modules or self.flowc_names)

    def flowc_attr(self, expr: cst.BaseExpression) -> str | None:
        """The flowc name `expr` refers to (`task`, `fc.Dataset`, `flowc.after`), if any."""
        if isinstance(expr, cst.Name):
            return self.flowc_names.get(expr.value)
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            if expr.value.value in self.flowc_modules:
                return expr.attr.value
        return None

    def typing_attr(self, expr: cst.BaseExpression) -> str | None:
        """The `typing` name `expr` refers to (`NamedTuple`, `t.Optional`), if any."""
        if isinstance(expr, cst.Name):
            return self.typing_names.get(expr.value)
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            if expr.value.value in self.typing_modules:
                return expr.attr.value
        return None

    def absolute(self, level: int, module: str) -> str | None:
        """The absolute name of a (possibly relative) import, None when it climbs out."""
        if level == 0:
            return module
        parts = self.name.split(".") if self.name else []
        if not self.is_package:
            parts = parts[:-1]
        if level > len(parts):
            return None
        base = parts[: len(parts) - (level - 1)]
        return ".".join([*base, module] if module else base) or None


def build_symbols(name: str, is_package: bool, source: SourceFile) -> ModuleSymbols:
    """Index a module's top level (cheap: `ast` for names, libcst nodes kept for reading)."""
    syms = ModuleSymbols(name, is_package, source)
    block = statements(source.module)
    trees = source.tree.body
    if len(block) != len(trees):  # the two parsers disagree; use what pairs
        return syms
    source.positions.pair_statements(block, trees, deep=False)
    for node, tree in zip(block, trees):
        syms.statements.append(_top_statement(syms, node, tree))
    counts = Counter(n for s in syms.statements for n in s.defines)
    for stmt in syms.statements:
        _collect_definitions(syms, stmt, counts)
    return syms


def _top_statement(syms: ModuleSymbols, node: cst.CSTNode, tree: ast.stmt) -> TopStatement:
    is_flowc = False
    is_future = False
    if isinstance(tree, ast.Import):
        for alias in tree.names:
            _note_import(syms, alias.name, alias.asname, node)
        is_flowc = all(a.name == "flowc" for a in tree.names)
    elif isinstance(tree, ast.ImportFrom):
        is_future = tree.module == "__future__"
        is_flowc = tree.level == 0 and tree.module == "flowc"
        _note_from_import(syms, tree, node)
    return TopStatement(node, tree, _defines(tree), is_flowc, is_future)


def _note_import(syms: ModuleSymbols, name: str, asname: str | None, node: cst.CSTNode) -> None:
    local = asname or name.split(".")[0]
    if name == "flowc":
        syms.flowc_modules.add(local)
    elif name == "typing" or name == "typing_extensions":
        syms.typing_modules.add(local)
    else:
        syms.imports[local] = ImportRef(name if asname else local, None, node)


def _note_from_import(syms: ModuleSymbols, tree: ast.ImportFrom, node: cst.CSTNode) -> None:
    module = syms.absolute(tree.level, tree.module or "")
    for alias in tree.names:
        local = alias.asname or alias.name
        if tree.level == 0 and tree.module == "flowc" and alias.name == "*":
            syms.flowc_names.update({name: name for name in FLOWC_PUBLIC})
        elif tree.level == 0 and tree.module == "flowc":
            syms.flowc_names[local] = alias.name
        elif tree.level == 0 and tree.module in ("typing", "typing_extensions"):
            syms.typing_names[local] = alias.name
        elif alias.name != "*":
            target = module if module is not None else "." * tree.level + (tree.module or "")
            syms.imports[local] = ImportRef(target, alias.name, node)


def _defines(tree: ast.stmt) -> frozenset[str]:
    if isinstance(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return frozenset({tree.name})
    names: set[str] = set()
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.add(sub.id)
        elif isinstance(sub, (ast.Import, ast.ImportFrom)):
            for alias in sub.names:
                if alias.name != "*":
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(sub.name)
    return frozenset(names)


def _uses(tree: ast.stmt) -> frozenset[str]:
    if isinstance(tree, (ast.Import, ast.ImportFrom)):
        return frozenset()
    return frozenset(free_names(tree))


def _collect_definitions(syms: ModuleSymbols, stmt: TopStatement, counts: Counter[str]) -> None:
    node, tree = stmt.node, stmt.tree
    if isinstance(node, cst.Assign) and len(node.targets) == 1:
        target = node.targets[0].target
        if isinstance(target, cst.Name) and counts[target.value] == 1:
            syms.constants[target.value] = node.value
    elif isinstance(node, cst.AnnAssign) and isinstance(node.target, cst.Name) and node.value is not None:
        if counts[node.target.value] == 1:
            syms.constants[node.target.value] = node.value
    elif isinstance(node, cst.ClassDef) and _is_namedtuple(syms, node) and isinstance(tree, ast.ClassDef):
        pair_class_fields(syms.source.positions, node, tree)
        syms.namedtuples[node.name.value] = node
    elif isinstance(node, cst.FunctionDef) and isinstance(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for decorator in node.decorators:
            kind = _flowc_decorator(syms, decorator.decorator)
            if kind is not None:
                syms.source.positions.pair_function(node, tree)
                syms.definitions[node.name.value] = Definition(node.name.value, kind, node, tree, decorator.decorator)
                break


def _is_namedtuple(syms: ModuleSymbols, node: cst.ClassDef) -> bool:
    return any(syms.typing_attr(base.value) == "NamedTuple" for base in node.bases)


def _flowc_decorator(syms: ModuleSymbols, expr: cst.BaseExpression) -> DefKind | None:
    target = expr.func if isinstance(expr, cst.Call) else expr
    attr = syms.flowc_attr(target)
    for kind in DECORATORS:
        if attr == kind:
            return kind
    return None
