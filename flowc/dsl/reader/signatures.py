"""The outside of a task or pipeline: name, parameters, result type, options, docs."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

import libcst as cst
from flowc.ir.base import JsonValue

from flowc.dsl.reader.annotations import TypeReader
from flowc.dsl.reader.context import Reporter
from flowc.dsl.reader.docstrings import arg_descriptions
from flowc.dsl.reader.literals import ConstantLookup, NotLiteral, fits, literal_value
from flowc.dsl.reader.options import OptionReader, OptionValues
from flowc.dsl.reader.symbols import DefKind, Definition, ModuleSymbols
from flowc.ir import codes
from flowc.ir.model import Parameter
from flowc.ir.span import Span
from flowc.ir.types import NONE, Type, render

_DEF = re.compile(r"(async\s+)?def\s+")


@dataclass
class Signature:
    """What callers of a task or pipeline need, and where it was defined."""

    name: str
    kind: DefKind
    params: tuple[Parameter, ...]
    returns: Type
    doc: str | None
    span: Span | None
    syms: ModuleSymbols
    definition: Definition
    options: OptionValues
    keyword_only: frozenset[str] = field(default_factory=frozenset)
    ok: bool = True
    _by_name: dict[str, Parameter] | None = None

    @property
    def is_pipeline(self) -> bool:
        return self.kind == "pipeline"

    def param(self, name: str) -> Parameter | None:
        if self._by_name is None:
            self._by_name = {p.name: p for p in self.params}
        return self._by_name.get(name)


def name_span(syms: ModuleSymbols, definition: Definition) -> Span | None:
    """The span of the function's name in `def name(`."""
    tree = definition.tree
    positions = syms.source.positions
    text = positions.line_text(tree.lineno)
    start = positions.of_ast(tree)
    if start is None:
        return None
    m = _DEF.match(text, start.col - 1)
    col = (m.end() if m else start.col - 1) + 1
    return positions.at(tree.lineno, col, len(definition.name))


def read_signature(
    syms: ModuleSymbols, definition: Definition, types: TypeReader, constants: ConstantLookup, report: Reporter
) -> Signature:
    node = definition.node
    span = name_span(syms, definition)
    errors = _Counter(report)
    type_failures = types.failures
    if node.asynchronous is not None:
        errors(codes.UNSUPPORTED_STATEMENT, span, f"async @{definition.kind}")
    if definition.kind == "task":
        _python_task_shape(syms, definition, errors)
    options = OptionReader(syms, definition.kind, constants, errors).read(definition.decorator)
    doc = node.get_docstring(clean=True)
    described = arg_descriptions(doc)
    params = _params(syms, node.params, types, constants, errors, described)
    returns = _returns(syms, definition, types, errors, span)
    name = options.values.get("name")
    return Signature(
        name=name if isinstance(name, str) else definition.name,
        kind=definition.kind,
        params=tuple(params),
        returns=returns,
        doc=doc,
        span=span,
        syms=syms,
        definition=definition,
        options=options,
        keyword_only=frozenset(p.name.value for p in node.params.kwonly_params),
        ok=errors.count == 0 and types.failures == type_failures,
    )


@dataclass
class _Counter:
    """A reporter that remembers whether anything was reported."""

    report: Reporter
    count: int = 0

    def __call__(self, code: codes.Code, span: Span | None, *args: object, hint: str | None = None) -> None:
        self.count += 1
        self.report(code, span, *args, hint=hint)


def _python_task_shape(syms: ModuleSymbols, definition: Definition, report: Reporter) -> None:
    """What a Python task's function must be so every engine can call it: inputs by name, one return."""
    positions = syms.source.positions
    for param in definition.node.params.posonly_params:
        report(codes.POSITIONAL_ONLY, positions.span(param), param.name.value, definition.name)
    found = first_yield(definition.tree)
    if found is not None:
        report(codes.GENERATOR_TASK, positions.of_ast(found), definition.name)


def first_yield(function: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.Yield | ast.YieldFrom | None:
    """The first `yield` of the function itself (not of functions, lambdas or classes inside it)."""
    pending: list[ast.AST] = list(reversed(function.body))
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            pending.extend(reversed(list(ast.iter_child_nodes(node))))
    return None


def _returns(syms: ModuleSymbols, definition: Definition, types: TypeReader, report: Reporter, span: Span | None) -> Type:
    annotation = definition.node.returns
    if annotation is None:
        report(codes.MISSING_ANNOTATION, span, "the result of", definition.name)
        return NONE
    found = types.read(syms, annotation.annotation, top=True, pipeline=definition.kind == "pipeline")
    return found if found is not None else NONE


def _params(
    syms: ModuleSymbols,
    params: cst.Parameters,
    types: TypeReader,
    constants: ConstantLookup,
    report: Reporter,
    described: dict[str, str],
) -> list[Parameter]:
    positions = syms.source.positions
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            report(codes.UNSUPPORTED_EXPRESSION, positions.span(star), f"variadic parameter {star.name.value!r}")
    out: list[Parameter] = []
    for param in [*params.posonly_params, *params.params, *params.kwonly_params]:
        name = param.name.value
        span = positions.span(param)
        if param.annotation is None:
            report(codes.MISSING_ANNOTATION, span, "parameter", name)
            continue
        t = types.read(syms, param.annotation.annotation)
        if t is None:
            continue
        has_default, default = _default(syms, param, t, constants, report)
        out.append(Parameter(name=name, type=t, has_default=has_default, default=default, description=described.get(name), span=span))
    return out


def _default(
    syms: ModuleSymbols, param: cst.Param, t: Type, constants: ConstantLookup, report: Reporter
) -> tuple[bool, JsonValue]:
    if param.default is None:
        return False, None
    span = syms.source.positions.span(param.default)
    try:
        value = literal_value(param.default, constants)
    except NotLiteral:
        report(codes.BAD_DEFAULT, span, param.name.value, render(t))
        return False, None
    if not fits(value, t):
        report(codes.BAD_DEFAULT, span, param.name.value, render(t))
        return False, None
    return True, value
