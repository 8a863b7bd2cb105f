"""A Python task's code: its function without decorators, and the module-level
imports, constants, helpers and classes it uses (transitively), in source order,
after the module's `from __future__` imports."""

from __future__ import annotations

import ast
import copy
import os
import textwrap
from collections.abc import Callable, Sequence

import libcst as cst

from flowc.dsl.reader.files import printable_path
from flowc.dsl.reader.freenames import free_names
from flowc.dsl.reader.symbols import Definition, ModuleSymbols, TopStatement
from flowc.ir.code_origin import CodeOrigin
from flowc.ir.model import TaskCode
from flowc.ir.shipped import FlowcImport, ShippedModule
from flowc.ir.span import source_lines


# Given the code a task ships (syntax trees), the project modules it imports (`flowc.dsl.reader.shipping`).
Shipper = Callable[[Sequence[ast.AST]], tuple[ShippedModule, ...]]


def task_code(syms: ModuleSymbols, definition: Definition, ship: Shipper | None = None) -> TaskCode:
    """The self-contained code of a Python task, but for the flowc names the runner binds."""
    function = _code(syms, _undecorated(definition.node))
    needed = _function_uses(definition.tree)
    included = closure(syms, needed, definition.node)
    preamble, lines, flowc_imports = module_code(syms, included, needed)
    trees: list[ast.AST] = [definition.tree, *(s.tree for s in included)]
    return TaskCode(
        function_name=definition.name,
        function=function,
        preamble=preamble,
        flowc_imports=flowc_imports,
        origin=CodeOrigin(path=origin_path(syms.source.path), function_line=definition.tree.lineno, preamble_lines=lines),
        package=_package(syms) if _imports_relatively(trees) else "",
        modules=ship(trees) if ship is not None else (),
    )


def module_code(
    syms: ModuleSymbols, included: list[TopStatement], needed: set[str]
) -> tuple[str, tuple[tuple[int, int], ...], tuple[FlowcImport, ...]]:
    """The statements' code (after the module's `from __future__` imports), where its lines come from, its flowc names."""
    used = set(needed)
    for stmt in included:
        used |= stmt.uses
    # `from __future__` imports change how the code compiles (lazy annotations): they stay,
    # first, whether or not the task names anything they define.
    futures = [s for s in syms.statements if s.is_future]
    code, lines = _join(syms, futures + [s for s in included if not s.is_flowc_import and not s.is_future])
    return code, lines, _flowc_imports(syms, used)


def _package(syms: ModuleSymbols) -> str:
    return syms.name if syms.is_package else syms.name.rpartition(".")[0]


def _imports_relatively(trees: list[ast.AST]) -> bool:
    return any(isinstance(n, ast.ImportFrom) and n.level > 0 for tree in trees for n in ast.walk(tree))


def origin_path(path: str) -> str:
    """The file as the user named it, for tracebacks: `./a/../b.py` as `b.py` (no machine path is added)."""
    return os.path.normpath(printable_path(path))


def _function_uses(tree: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The module names the function reads: in its body, annotations and defaults (not decorators)."""
    undecorated = copy.copy(tree)
    undecorated.decorator_list = []
    return free_names(undecorated) - {tree.name}


def closure(syms: ModuleSymbols, needed: set[str], skip: cst.CSTNode | None = None) -> list[TopStatement]:
    """The module's statements that define `needed` and what they use, transitively, in file order (but `skip`)."""
    definers: dict[str, list[int]] = {}
    for index, stmt in enumerate(syms.statements):
        if stmt.node is skip:
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


def _join(syms: ModuleSymbols, stmts: list[TopStatement]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The statements' code as one text, and where its lines come from (see `CodeOrigin.preamble_lines`)."""
    out: list[str] = []
    lines: list[tuple[int, int]] = []
    at = 1  # the line of the text the next statement starts on
    previous_simple = True
    for stmt in stmts:
        simple = not isinstance(stmt.node, cst.BaseCompoundStatement)
        if out:
            out.append("" if simple and previous_simple else "\n\n")
            at += 0 if simple and previous_simple else 2
        code = _statement_code(syms, stmt)
        lines += [(at + offset, line) for offset, line in _file_lines(syms, code, stmt)]
        out.append(code)
        at += len(source_lines(code)) - 1
        previous_simple = simple
    return "".join(out), tuple(lines)


def _file_lines(syms: ModuleSymbols, code: str, stmt: TopStatement) -> list[tuple[int, int]]:
    """(line offset in `code`, file line) where a statement's code starts, and after each decorator dropped from it."""
    tree, node = stmt.tree, stmt.node
    decorators: list[ast.expr] = getattr(tree, "decorator_list", [])
    if not isinstance(node, cst.FunctionDef) or not decorators:
        return [(0, decorators[0].lineno if decorators else tree.lineno)]
    kept = [(d, len(c.leading_lines)) for d, c in zip(decorators, node.decorators) if not _is_flowc_decorator(syms, c)]
    if len(kept) == len(decorators):
        return [(0, decorators[0].lineno)]
    # A flowc decorator was dropped with its lines: each remaining decorator (from the comments
    # or blank lines above it), and the `def`, is placed by itself.
    written = ast.parse(code).body[0]
    assert isinstance(written, (ast.FunctionDef, ast.AsyncFunctionDef))
    pairs = [(w.lineno - 1 - above, d.lineno - above) for w, (d, above) in zip(written.decorator_list, kept)]
    return pairs + [(written.lineno - 1, tree.lineno)]
