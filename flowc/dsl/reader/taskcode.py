"""A Python task's code: its function without decorators, and the module-level
imports, constants, helpers and classes it uses (transitively), in source order,
after the module's `from __future__` imports."""

from __future__ import annotations

import ast
import copy
import textwrap

import libcst as cst

from flowc.dsl.reader.freenames import free_names
from flowc.dsl.reader.symbols import Definition, ModuleSymbols, TopStatement
from flowc.ir.model import FlowcImport, TaskCode


def task_code(syms: ModuleSymbols, definition: Definition) -> TaskCode:
    """The self-contained code of a Python task, but for the flowc names the runner binds."""
    function = _code(syms, _undecorated(definition.node))
    needed = _function_uses(definition.tree)
    included = _closure(syms, needed, definition)
    used = set(needed)
    for stmt in included:
        used |= stmt.uses
    # `from __future__` imports change how the code compiles (lazy annotations): they stay,
    # first, whether or not the task names anything they define.
    futures = [s for s in syms.statements if s.is_future]
    preamble = _join(syms, futures + [s for s in included if not s.is_flowc_import and not s.is_future])
    return TaskCode(
        function_name=definition.name,
        function=function,
        preamble=preamble,
        flowc_imports=_flowc_imports(syms, used),
    )


def _function_uses(tree: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The module names the function reads: in its body, annotations and defaults (not decorators)."""
    undecorated = copy.copy(tree)
    undecorated.decorator_list = []
    return free_names(undecorated) - {tree.name}


def _closure(syms: ModuleSymbols, needed: set[str], definition: Definition) -> list[TopStatement]:
    definers: dict[str, list[int]] = {}
    for index, stmt in enumerate(syms.statements):
        if stmt.node is definition.node:
            continue
        for name in stmt.defines:
            definers.setdefault(name, []).append(index)
    chosen: set[int] = set()
    work = sorted(needed)
    while work:
        name = work.pop()
        for index in definers.get(name, ()):
            if index not in chosen:
                chosen.add(index)
                work.extend(sorted(syms.statements[index].uses))
    return [syms.statements[i] for i in sorted(chosen)]


def _flowc_imports(syms: ModuleSymbols, used: set[str]) -> tuple[FlowcImport, ...]:
    out = [FlowcImport(local=name) for name in sorted(syms.flowc_modules) if name in used]
    out += [FlowcImport(local=local, attr=attr) for local, attr in sorted(syms.flowc_names.items()) if local in used]
    return tuple(out)


def _undecorated(node: cst.FunctionDef) -> cst.FunctionDef:
    return node.with_changes(decorators=[], leading_lines=[], lines_after_decorators=[])


def _statement_code(syms: ModuleSymbols, stmt: TopStatement) -> str:
    node = stmt.node
    if isinstance(node, cst.FunctionDef):
        flowc = [d for d in node.decorators if _is_flowc_decorator(syms, d)]
        if flowc:
            node = node.with_changes(decorators=[d for d in node.decorators if d not in flowc])
    if hasattr(node, "leading_lines"):
        node = node.with_changes(leading_lines=[])
    return _code(syms, node)


def _is_flowc_decorator(syms: ModuleSymbols, decorator: cst.Decorator) -> bool:
    expr = decorator.decorator
    return syms.flowc_attr(expr.func if isinstance(expr, cst.Call) else expr) is not None


def _code(syms: ModuleSymbols, node: cst.CSTNode) -> str:
    return textwrap.dedent(syms.source.module.code_for_node(node)).strip("\n") + "\n"


def _join(syms: ModuleSymbols, stmts: list[TopStatement]) -> str:
    out: list[str] = []
    previous_simple = True
    for stmt in stmts:
        simple = not isinstance(stmt.node, cst.BaseCompoundStatement)
        if out:
            out.append("" if simple and previous_simple else "\n\n")
        out.append(_statement_code(syms, stmt))
        previous_simple = simple
    return "".join(out)
