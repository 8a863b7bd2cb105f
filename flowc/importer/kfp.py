"""The kfp SDK (v2) importer: components, pipelines and the module around them.

Components are read first (their result shapes decide how `.output` reads), then
pipelines are translated (recording the options their calls set), then components
are finished with those options. kfp imports become one `from flowc import ...`;
other top-level code that uses the kfp SDK (compiling, submitting) is commented out.
"""

from __future__ import annotations

import libcst as cst

from flowc.importer.emit import Notes, comment_lines, commented_out, from_import, without_unused_imports
from flowc.importer.kfp_components import ComponentDraft, component_decorator, draft_component, finish_component
from flowc.importer.kfp_context import KFP_ALIASES, Component, KfpContext
from flowc.importer.kfp_pipeline import pipeline_decorator, translate_pipeline
from flowc.importer.names import ImportedNames, bindings
from flowc.ir import codes


def translate(module: cst.Module, notes: Notes) -> cst.Module:
    """`module` (written with the kfp SDK) rewritten into the flowc DSL; problems go to `notes`."""
    ctx = KfpContext(names=ImportedNames(module, KFP_ALIASES), notes=notes)
    drafts: dict[int, tuple[ComponentDraft, cst.Decorator]] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            deco = component_decorator(stmt, ctx)
            if deco is not None:
                draft = draft_component(stmt, deco, ctx)
                ctx.components[stmt.name.value] = draft.component
                drafts[id(stmt)] = (draft, deco)
            elif pipeline_decorator(stmt, ctx) is not None:
                ctx.components[stmt.name.value] = Component(name=stmt.name.value, is_pipeline=True)
    pipelines: dict[int, cst.FunctionDef] = {}
    for stmt in module.body:
        deco = pipeline_decorator(stmt, ctx) if isinstance(stmt, cst.FunctionDef) else None
        if isinstance(stmt, cst.FunctionDef) and deco is not None:
            pipelines[id(stmt)] = translate_pipeline(stmt, deco, ctx)
    return _assemble(module, ctx, drafts, pipelines)


def _assemble(
    module: cst.Module, ctx: KfpContext, drafts: dict[int, tuple[ComponentDraft, cst.Decorator]], pipelines: dict[int, cst.FunctionDef]
) -> cst.Module:
    body: list[cst.BaseStatement] = []
    pending: list[cst.EmptyLine] = []
    import_at: int | None = None
    import_lines: list[cst.EmptyLine] = []
    for stmt in module.body:
        new: list[cst.BaseStatement]
        if id(stmt) in drafts:
            new = finish_component(*drafts[id(stmt)], ctx)
        elif id(stmt) in pipelines:
            new = [pipelines[id(stmt)]]
        elif isinstance(stmt, cst.SimpleStatementLine) and _is_kfp_import(stmt, ctx):
            kept = _without_kfp(stmt, ctx)
            if import_at is None:
                import_at, import_lines = len(body), list(stmt.leading_lines)
            new = [kept] if kept is not None else []
        elif _uses_kfp(stmt, ctx):
            note = ctx.notes.add(codes.IMPORT_SDK_CODE, stmt, "kfp")
            bare = stmt.with_changes(leading_lines=[])
            pending.extend([*_leading(stmt), *comment_lines([note, *commented_out(bare)])])
            continue
        else:
            new = [stmt]
        if new and pending:
            new[0] = new[0].with_changes(leading_lines=[*pending, *_leading(new[0])])
            pending = []
        body.extend(new)
    header = _flowc_imports(ctx, import_lines)
    at = import_at if import_at is not None else 0
    out = module.with_changes(body=[*body[:at], *header, *body[at:]], footer=[*pending, *module.footer])
    return without_unused_imports(out, "typing")


def _leading(stmt: cst.BaseStatement) -> list[cst.EmptyLine]:
    return list(stmt.leading_lines) if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement) else []


def _flowc_imports(ctx: KfpContext, leading: list[cst.EmptyLine]) -> list[cst.SimpleStatementLine]:
    lines: list[cst.SimpleStatementLine] = []
    typing_needed = sorted(n for n in ctx.typing_names if ctx.names.qualified(cst.Name(n)) != f"typing.{n}")
    if typing_needed:
        lines.append(from_import("typing", typing_needed))
    if ctx.flowc_names:
        lines.append(from_import("flowc", ctx.flowc_names))
    if lines:
        lines[0] = lines[0].with_changes(leading_lines=leading)
    return lines


def _is_kfp_import(stmt: cst.SimpleStatementLine, ctx: KfpContext) -> bool:
    return any(isinstance(s, cst.Import | cst.ImportFrom) and any(_is_kfp(q) for q in bindings(s).values()) for s in stmt.body)


def _is_kfp(qualified: str) -> bool:
    return qualified == "kfp" or qualified.startswith("kfp.")


def _without_kfp(stmt: cst.SimpleStatementLine, ctx: KfpContext) -> cst.SimpleStatementLine | None:
    """The import statement with its kfp names removed; None when nothing else is left."""
    kept: list[cst.BaseSmallStatement] = []
    for small in stmt.body:
        if isinstance(small, cst.Import):
            names = [a for a in small.names if not _is_kfp(next(iter(bindings(cst.Import(names=[a.with_changes(comma=cst.MaybeSentinel.DEFAULT)])).values())))]
            if names:
                kept.append(small.with_changes(names=[*names[:-1], names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]))
        elif isinstance(small, cst.ImportFrom) and all(_is_kfp(q) for q in bindings(small).values()) and bindings(small):
            continue
        else:
            kept.append(small)
    return stmt.with_changes(body=kept) if kept else None


def _uses_kfp(stmt: cst.BaseStatement, ctx: KfpContext) -> bool:
    found = False

    class _Find(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            nonlocal found
            found = found or ctx.kfp(node) is not None

    stmt.visit(_Find())
    return found
