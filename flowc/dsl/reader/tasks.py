"""`@task` and `@container_task` functions to IR tasks."""

from __future__ import annotations

from typing import cast

import libcst as cst

from flowc.dsl.reader.commands import parse_argument, placeholder_targets
from flowc.dsl.reader.context import Reporter
from flowc.dsl.reader.options import task_options
from flowc.dsl.reader.positions import statements
from flowc.dsl.reader.signatures import Signature
from flowc.dsl.reader.taskcode import Shipper, task_code
from flowc.ir import codes
from flowc.ir.command import Argument, CommandPart
from flowc.ir.model import ContainerTask, PythonTask, outputs_of
from flowc.ir.task_options import ProjectDefaults

def build_task(
    sig: Signature, report: Reporter, project: ProjectDefaults = ProjectDefaults(), ship: Shipper | None = None
) -> PythonTask | ContainerTask:
    options = task_options(sig.options, sig.kind, project)
    common = dict(
        name=sig.name, params=sig.params, returns=sig.returns, options=options,
        doc=sig.doc, module=sig.syms.name, span=sig.span,
    )
    if sig.kind == "container_task":
        command, args = _container(sig, report)
        return ContainerTask(command=command, args=args, **common)  # type: ignore[arg-type]
    return PythonTask(code=task_code(sig.syms, sig.definition, ship), **common)  # type: ignore[arg-type]


def _container(sig: Signature, report: Reporter) -> tuple[tuple[Argument, ...], tuple[Argument, ...]]:
    _check_body(sig, report)
    # a missing `command` is reported by the option reader
    targets = placeholder_targets(sig.params, outputs_of(sig.returns))
    command = _arguments(sig, "command", targets, report)
    return command, _arguments(sig, "args", targets, report)


def _arguments(sig: Signature, option: str, targets: dict[str, CommandPart], report: Reporter) -> tuple[Argument, ...]:
    """Each string of `command=` or `args=` parsed once; every problem reported at its element."""
    items = sig.options.values.get(option)
    strings = tuple(str(x) for x in cast("list[object]", items)) if isinstance(items, list) else ()
    node = sig.options.nodes.get(option)
    elements = node.elements if isinstance(node, cst.List) and len(node.elements) == len(strings) else None
    positions = sig.syms.source.positions
    out: list[Argument] = []
    for index, text in enumerate(strings):
        parsed = parse_argument(text, targets)
        where = elements[index].value if elements is not None else node
        span = (positions.span(where) if where is not None else None) or sig.span
        for name in parsed.unknown:
            report(codes.BAD_PLACEHOLDER, span, name, sig.name)
        if parsed.unbalanced is not None:
            report(codes.BAD_BRACE, span, parsed.unbalanced)
        out.append(parsed.parts)
    return tuple(out)


def _check_body(sig: Signature, report: Reporter) -> None:
    node, tree = sig.definition.node, sig.definition.tree
    body = statements(node.body)
    positions = sig.syms.source.positions
    positions.pair_statements(body, tree.body, deep=False)
    if body and _is_doc(body[0]):
        body = body[1:]
    if len(body) == 1 and isinstance(body[0], cst.Expr) and isinstance(body[0].value, cst.Ellipsis):
        return
    first = body[0] if body else None
    report(codes.CONTAINER_BODY, (positions.span(first) if first is not None else None) or sig.span)


def _is_doc(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.Expr) and isinstance(stmt.value, (cst.SimpleString, cst.ConcatenatedString))
