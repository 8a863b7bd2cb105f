"""`@task` and `@container_task` functions to IR tasks."""

from __future__ import annotations

import re

import libcst as cst

from flowc.dsl.reader.context import Reporter
from flowc.dsl.reader.options import task_options
from flowc.dsl.reader.positions import statements
from flowc.dsl.reader.signatures import Signature
from flowc.dsl.reader.taskcode import task_code
from flowc.ir import codes
from flowc.ir.model import ContainerTask, PythonTask, outputs_of

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def build_task(sig: Signature, report: Reporter) -> PythonTask | ContainerTask:
    options = task_options(sig.options, sig.kind)
    common = dict(
        name=sig.name, params=sig.params, returns=sig.returns, options=options,
        doc=sig.doc, module=sig.syms.name, span=sig.span,
    )
    if sig.kind == "container_task":
        command, args = _container(sig, report)
        return ContainerTask(command=command, args=args, **common)  # type: ignore[arg-type]
    return PythonTask(code=task_code(sig.syms, sig.definition), **common)  # type: ignore[arg-type]


def _container(sig: Signature, report: Reporter) -> tuple[tuple[str, ...], tuple[str, ...]]:
    _check_body(sig, report)
    values = sig.options.values  # a missing `command` is reported by the option reader
    names = {p.name for p in sig.params} | {o.name for o in outputs_of(sig.returns)}
    parts: list[tuple[str, ...]] = []
    for option in ("command", "args"):
        items = values.get(option)
        strings = tuple(str(x) for x in items) if isinstance(items, list) else ()
        _check_placeholders(sig, option, strings, names, report)
        parts.append(strings)
    return parts[0], parts[1]


def _check_placeholders(sig: Signature, option: str, strings: tuple[str, ...], names: set[str], report: Reporter) -> None:
    node = sig.options.nodes.get(option)
    elements = node.elements if isinstance(node, cst.List) and len(node.elements) == len(strings) else None
    positions = sig.syms.source.positions
    for index, text in enumerate(strings):
        for name in _PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")):
            if name not in names:
                where = elements[index].value if elements is not None else node
                span = (positions.span(where) if where is not None else None) or sig.span
                report(codes.BAD_PLACEHOLDER, span, name, sig.name)


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
