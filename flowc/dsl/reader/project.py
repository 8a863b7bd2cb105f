"""The user's project: the modules read so far, and what names in them refer to.

Given files are read first; modules of the project they import (absolute or relative
imports under the import root) are read when a task, pipeline, NamedTuple or
constant is looked up in them. Modules outside the project are never followed.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from flowc.dsl.reader.annotations import TypeReader
from flowc.dsl.reader.context import Diagnostics
from flowc.dsl.reader.files import InputFile, auto_root, module_file, module_name, shown_path
from flowc.dsl.reader.literals import ConstantLookup
from flowc.dsl.reader.signatures import Signature, read_signature
from flowc.dsl.reader.source import SourceFile, parse, read_text
from flowc.dsl.reader.surrogates import lone_surrogates
from flowc.dsl.reader.symbols import ImportRef, ModuleSymbols, build_symbols
from flowc.ir import codes

MAX_REEXPORT_DEPTH = 16


@dataclass
class ModuleInfo:
    """One module of the project, read: symbols and the signatures of its definitions."""

    syms: ModuleSymbols
    file: Path
    root: Path
    given: bool
    signatures: dict[str, Signature] = field(default_factory=lambda: {})
    released: bool = False  # its trees were dropped (`Project.release`); `Project.symbols` parses it again


@dataclass
class Project:
    """Every module of one read, keyed by file, in the order they were loaded."""

    report: Diagnostics
    root: Path | None
    relative: bool
    sources: dict[str, str] = field(default_factory=lambda: {})
    inputs: dict[Path, InputFile] = field(default_factory=lambda: {})
    overlays: Mapping[Path, str] = field(default_factory=lambda: {})  # unsaved editor text, read instead of the file
    order: list[ModuleInfo] = field(default_factory=lambda: [])
    _by_file: dict[Path, ModuleInfo | None] = field(default_factory=lambda: {})
    _reparsed: dict[Path, ModuleSymbols] = field(default_factory=lambda: {})
    types: TypeReader = field(init=False)

    def __post_init__(self) -> None:
        self.types = TypeReader(self.report, self.find_namedtuple)

    @property
    def files(self) -> tuple[Path, ...]:
        """Every module file this read loaded or tried to, in the order it did."""
        return tuple(self._by_file)

    # ----------------------------------------------------------------- loading

    def load_given(self, item: InputFile) -> ModuleInfo | None:
        root = self.root if self.root is not None and _under(item.file, self.root) else auto_root(item.file)
        return self._load(item.path, item.file, root, given=True)

    def load_module(self, dotted: str, root: Path) -> ModuleInfo | None:
        file = module_file(root, dotted)
        if file is None:
            return None
        if file in self.inputs:  # imported before its turn: still shown and treated as given
            return self.load_given(self.inputs[file])
        return self._load(shown_path(file, self.relative), file, root, given=False)

    def _load(self, path: str, file: Path, root: Path, given: bool) -> ModuleInfo | None:
        """Read one module once, the same way whether it was named, found in a folder or imported."""
        if file in self._by_file:
            info = self._by_file[file]
            if info is not None and given:
                info.given = True
            return info
        self._by_file[file] = None
        source = self._parse(path, file)
        if source is None:
            return None
        name = module_name(file, root) or file.stem
        syms = build_symbols(name, file.name == "__init__.py", source)
        for literal, char in lone_surrogates(syms):
            self.report(codes.LONE_SURROGATE, source.positions.of_ast(literal), char)
        info = ModuleInfo(syms, file, root, given)
        self._by_file[file] = info
        self.order.append(info)
        self._check_imports(info)
        for fn_name, definition in syms.definitions.items():
            info.signatures[fn_name] = read_signature(syms, definition, self.types, self.constants(info), self.report)
        return info

    @staticmethod
    def release(info: ModuleInfo) -> None:
        """Drop a read module's trees: its signatures, symbols and paired spans stay."""
        source = info.syms.source
        source.module = source.module.with_changes(body=[], header=[], footer=[])
        source.tree = ast.Module(body=[], type_ignores=[])
        info.syms.statements = []
        info.released = True

    def symbols(self, info: ModuleInfo) -> ModuleSymbols:
        """A module's symbols with its statements: parsed again (once) when it was released.

        A task's code may need statements of a module read earlier (a helper it imports).
        """
        if not info.released:
            return info.syms
        if info.file not in self._reparsed:
            path = info.syms.source.path
            source, _ = parse(path, self.sources.get(path, ""))
            self._reparsed[info.file] = info.syms if source is None else build_symbols(info.syms.name, info.syms.is_package, source)
        return self._reparsed[info.file]

    def _parse(self, path: str, file: Path) -> SourceFile | None:
        text, problem = (self.overlays[file], None) if file in self.overlays else read_text(path, file)
        if text is None:
            if problem is not None:
                self.report.items.append(problem)
            return None
        self.sources[path] = text
        source, problem = parse(path, text)
        if problem is not None:
            self.report.items.append(problem)
        return source

    def _check_imports(self, info: ModuleInfo) -> None:
        """Relative imports, and imports into the project's own packages, must resolve."""
        reported: set[int] = set()
        for ref in info.syms.imports.values():
            if id(ref.node) in reported or self._resolves(info, ref):
                continue
            reported.add(id(ref.node))
            shown = ref.module + (ref.attr or "") if ref.module.endswith(".") else ref.module
            self.report(codes.IMPORT_NOT_FOUND, info.syms.source.positions.span(ref.node), shown)

    def _resolves(self, info: ModuleInfo, ref: ImportRef) -> bool:
        if ref.module.startswith("."):
            return False
        top = ref.module.split(".")[0]
        if module_file(info.root, top) is None:
            return True  # not part of the project: not followed
        if module_file(info.root, ref.module) is not None:
            return True
        return False

    # -------------------------------------------------------------- resolution

    def module_of(self, info: ModuleInfo, dotted: str) -> ModuleInfo | None:
        return self.load_module(dotted, info.root)

    def lookup(self, info: ModuleInfo, expr: cst.BaseExpression) -> Signature | None:
        """The task or pipeline a callee expression names, if any."""
        found = self._resolve(info, expr, 0)
        return found if isinstance(found, Signature) else None

    def _resolve(self, info: ModuleInfo, expr: cst.BaseExpression, depth: int) -> Signature | ModuleInfo | None:
        if depth > MAX_REEXPORT_DEPTH:
            return None
        if isinstance(expr, cst.Name):
            return self._resolve_name(info, expr.value, depth)
        if isinstance(expr, cst.Attribute):
            base = self._resolve(info, expr.value, depth)
            if isinstance(base, ModuleInfo):
                return self._member(base, expr.attr.value, depth)
        return None

    def _resolve_name(self, info: ModuleInfo, name: str, depth: int) -> Signature | ModuleInfo | None:
        if depth > MAX_REEXPORT_DEPTH:  # a cycle of re-exports
            return None
        if name in info.signatures:
            return info.signatures[name]
        ref = info.syms.imports.get(name)
        if ref is None or ref.module.startswith("."):
            return None
        if ref.attr is None:
            return self.module_of(info, ref.module)
        module = self.module_of(info, ref.module)
        if module is None:
            return self.module_of(info, f"{ref.module}.{ref.attr}")
        return self._member(module, ref.attr, depth + 1)

    def _member(self, module: ModuleInfo, attr: str, depth: int) -> Signature | ModuleInfo | None:
        found = self._resolve_name(module, attr, depth + 1)
        if found is None:
            return self.module_of(module, f"{module.syms.name}.{attr}")
        return found

    def import_cycle(self, info: ModuleInfo, expr: cst.BaseExpression) -> str | None:
        """The module where re-exports of the name `expr` go round in a circle, if they do."""
        if not isinstance(expr, cst.Name):
            return None
        seen: set[tuple[Path, str]] = set()
        current, name = info, expr.value
        while (current.file, name) not in seen:
            seen.add((current.file, name))
            ref = current.syms.imports.get(name)
            if name in current.signatures or ref is None or ref.attr is None or ref.module.startswith("."):
                return None
            module = self.module_of(current, ref.module)
            if module is None:
                return None
            current, name = module, ref.attr
        return current.syms.name

    def missing_member(self, info: ModuleInfo, expr: cst.BaseExpression) -> tuple[str, str] | None:
        """(module, name) when `expr` names something a project module does not define as a step."""
        if isinstance(expr, cst.Attribute):
            base = self._resolve(info, expr.value, 0)
            if isinstance(base, ModuleInfo):
                return base.syms.name, expr.attr.value
            return None
        if not isinstance(expr, cst.Name):
            return None
        ref = info.syms.imports.get(expr.value)
        if ref is None or ref.attr is None or ref.module.startswith("."):
            return None
        module = self.module_of(info, ref.module)
        return (module.syms.name, ref.attr) if module is not None else None

    def info_of(self, syms: ModuleSymbols) -> ModuleInfo | None:
        return next((i for i in self.order if i.syms is syms), None)

    def find_namedtuple(self, syms: ModuleSymbols, expr: cst.BaseExpression) -> tuple[ModuleSymbols, cst.ClassDef] | None:
        if isinstance(expr, cst.Name) and expr.value in syms.namedtuples:
            return syms, syms.namedtuples[expr.value]
        info = self.info_of(syms)
        if info is None or not isinstance(expr, cst.Name):
            return None
        ref = syms.imports.get(expr.value)
        if ref is None or ref.attr is None or ref.module.startswith("."):
            return None
        module = self.module_of(info, ref.module)
        if module is None or ref.attr not in module.syms.namedtuples:
            return None
        return module.syms, module.syms.namedtuples[ref.attr]

    def constants(self, info: ModuleInfo) -> ConstantLookup:
        """Module-level literal constants, including ones imported from project modules."""

        def lookup(name: str) -> cst.BaseExpression | None:
            found = info.syms.constants.get(name)
            if found is not None:
                return found
            ref = info.syms.imports.get(name)
            if ref is None or ref.attr is None or ref.module.startswith("."):
                return None
            module = self.module_of(info, ref.module)
            return module.syms.constants.get(ref.attr) if module is not None else None

        return lookup


def _under(file: Path, root: Path) -> bool:
    try:
        file.relative_to(root)
        return True
    except ValueError:
        return False
