"""The module around translated tasks and pipelines, for every SDK.

`assemble` puts each translated statement in place of its original, replaces the
SDK's imports with one `from flowc import ...` (plus `typing` names the translation
needs), and comments out every other top-level statement that still uses the SDK
(compiling, submitting, a bare call of a DAG function), with a located note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.emit import Notes, comment_lines, commented_out, from_import, without_orphaned_imports
from flowc.importer.names import ImportedNames, bindings
from flowc.ir import codes


@dataclass
class ImportContext:
    """One file being imported: what its names mean, the notes, and the flowc names the output uses."""

    names: ImportedNames
    notes: Notes
    sdk: str  # as messages name it: "kfp"
    roots: tuple[str, ...]  # its packages: ("kfp",)
    flowc_names: set[str] = field(default_factory=lambda: set())
    sdk_calls: set[str] = field(default_factory=lambda: set())  # local functions whose calls are SDK code (a @dag function)
    typing_names: set[str] = field(default_factory=lambda: set())

    def sdk_name(self, expr: cst.BaseExpression) -> str | None:
        """The qualified name of an expression naming something of the SDK, else None."""
        for root in self.roots:
            found = self.names.of_root(expr, root)
            if found is not None:
                return found
        return None

    def is_sdk(self, qualified: str) -> bool:
        return any(qualified == r or qualified.startswith(r + ".") for r in self.roots)

    def use(self, name: str) -> cst.Name:
        """A name imported from flowc in the output."""
        self.flowc_names.add(name)
        return cst.Name(name)

    def uses_sdk(self, node: cst.CSTNode) -> bool:
        """Whether any name in `node` stands for something of the SDK."""
        found = False
        sdk_name, calls = self.sdk_name, self.sdk_calls

        class _Find(cst.CSTVisitor):
            def visit_Name(self, node: cst.Name) -> None:
                nonlocal found
                found = found or sdk_name(node) is not None or node.value in calls

        node.visit(_Find())
        return found


def assemble(module: cst.Module, ctx: ImportContext, replaced: Mapping[int, Sequence[cst.BaseStatement]]) -> cst.Module:
    """`module` with the statements in `replaced` (by id) swapped, SDK imports and SDK code handled."""
    body: list[cst.BaseStatement] = []
    pending: list[cst.EmptyLine] = []
    import_at: int | None = None
    import_lines: list[cst.EmptyLine] = []
    for stmt in module.body:
        new: list[cst.BaseStatement]
        if id(stmt) in replaced:
            new = list(replaced[id(stmt)])
            if len(new) == 1 and _is_comment_block(new[0]):  # only comments left: they go above what follows
                pending.extend(leading(new[0]))
                continue
        elif isinstance(stmt, cst.SimpleStatementLine) and _is_sdk_import(stmt, ctx):
            kept = _without_sdk(stmt, ctx)
            if import_at is None:
                import_at, import_lines = len(body), list(stmt.leading_lines)
            new = [kept] if kept is not None else []
        elif ctx.uses_sdk(stmt):
            note = ctx.notes.add(codes.IMPORT_SDK_CODE, stmt, ctx.sdk)
            bare = stmt.with_changes(leading_lines=[])
            pending.extend([*leading(stmt), *comment_lines([note, *commented_out(bare)])])
            continue
        else:
            new = [stmt]
        if new and pending:
            new[0] = new[0].with_changes(leading_lines=[*pending, *leading(new[0])])
            pending = []
        body.extend(new)
    header = _flowc_imports(ctx, import_lines)
    at = import_at if import_at is not None else 0
    out = module.with_changes(body=[*body[:at], *header, *body[at:]], footer=[*pending, *module.footer])
    return without_orphaned_imports(module, out)


def _is_comment_block(stmt: cst.BaseStatement) -> bool:
    """A bare `pass` under comments: what an importer leaves for a statement it turned into comments."""
    return isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Pass) and bool(stmt.leading_lines)


def leading(stmt: cst.BaseStatement) -> list[cst.EmptyLine]:
    return list(stmt.leading_lines) if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement) else []


def _flowc_imports(ctx: ImportContext, leading_lines: list[cst.EmptyLine]) -> list[cst.SimpleStatementLine]:
    lines: list[cst.SimpleStatementLine] = []
    typing_needed = sorted(n for n in ctx.typing_names if ctx.names.qualified(cst.Name(n)) != f"typing.{n}")
    if typing_needed:
        lines.append(from_import("typing", typing_needed))
    if ctx.flowc_names:
        lines.append(from_import("flowc", ctx.flowc_names))
    if lines:
        lines[0] = lines[0].with_changes(leading_lines=leading_lines)
    return lines


def _is_sdk_import(stmt: cst.SimpleStatementLine, ctx: ImportContext) -> bool:
    return any(isinstance(s, cst.Import | cst.ImportFrom) and any(ctx.is_sdk(q) for q in bindings(s).values()) for s in stmt.body)


def _without_sdk(stmt: cst.SimpleStatementLine, ctx: ImportContext) -> cst.SimpleStatementLine | None:
    """The import statement with the SDK's names removed; None when nothing else is left."""
    kept: list[cst.BaseSmallStatement] = []
    for small in stmt.body:
        if isinstance(small, cst.Import):
            names = [a for a in small.names if not any(ctx.is_sdk(q) for q in bindings(cst.Import(names=[a.with_changes(comma=cst.MaybeSentinel.DEFAULT)])).values())]
            if names:
                kept.append(small.with_changes(names=[*names[:-1], names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]))
        elif isinstance(small, cst.ImportFrom) and bindings(small) and all(ctx.is_sdk(q) for q in bindings(small).values()):
            continue
        else:
            kept.append(small)
    return stmt.with_changes(body=kept) if kept else None
