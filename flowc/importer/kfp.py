"""The kfp SDK (v2) importer: components, pipelines and the module around them.

Components are read first (their result shapes decide how `.output` reads), then
pipelines are translated (recording the options their calls set), then components
are finished with those options. kfp imports become one `from flowc import ...`;
other top-level code that uses the kfp SDK (compiling, submitting) is commented out.
"""

from __future__ import annotations

import libcst as cst

from flowc.importer.emit import Notes
from flowc.importer.kfp_components import ComponentDraft, component_decorator, draft_component, finish_component
from flowc.importer.kfp_context import KFP_ALIASES, Component, KfpContext
from flowc.importer.kfp_pipeline import pipeline_decorator, translate_pipeline
from flowc.importer.module import assemble
from flowc.importer.names import ImportedNames


def translate(module: cst.Module, notes: Notes) -> cst.Module:
    """`module` (written with the kfp SDK) rewritten into the flowc DSL; problems go to `notes`."""
    ctx = KfpContext(names=ImportedNames(module, KFP_ALIASES), notes=notes, sdk="kfp", roots=("kfp",))
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
    pipelines: dict[int, list[cst.FunctionDef]] = {}
    for stmt in module.body:
        deco = pipeline_decorator(stmt, ctx) if isinstance(stmt, cst.FunctionDef) else None
        if isinstance(stmt, cst.FunctionDef) and deco is not None:
            pipelines[id(stmt)] = translate_pipeline(stmt, deco, ctx)
    return _assemble(module, ctx, drafts, pipelines)


def _assemble(
    module: cst.Module, ctx: KfpContext, drafts: dict[int, tuple[ComponentDraft, cst.Decorator]], pipelines: dict[int, list[cst.FunctionDef]]
) -> cst.Module:
    replaced: dict[int, list[cst.BaseStatement]] = {key: finish_component(*draft, ctx) for key, draft in drafts.items()}
    replaced.update({key: list(fns) for key, fns in pipelines.items()})
    return assemble(module, ctx, replaced)
