"""Types for unannotated task parameters and results, inferred from the file itself.

Airflow TaskFlow code is often untyped; flowc needs boundary types. The importer reads
them off what the file states, never running it:
- a literal (a string, f-string included, an int, a float, a bool, a list literal whose
  items share one such type);
- the result of a task (annotated or inferred), `task.expand(...)` being a list of them;
- a name assigned once in its scope, or a parameter of the enclosing function;
- `+`, `-`, `*` of ints and floats (and `+` of strings), and a name assigned once then
  only grown with `+=`/`-=`/`*=` (the type of the arithmetic);
- `json.loads` of a string literal (the type of the JSON it holds: parsing data, not
  running code); a dict literal with string keys and values of one type (`dict[str, T]`);
- the loop variable of `for v in xs` / `d.values()` / `d.keys()` over a known list or dict.
A bare `dict` or `list` annotation counts as none.
A parameter gets the type every call of its task passes it (an `.expand(p=...)` passes
the items of a list); a result the type every `return` gives. Inference repeats until
nothing changes, so types flow along a chain of tasks: first from the uses known so far
(so `double(double(n))` resolves), then keeping only what every use confirms. Where any use is unknown or two
disagree, nothing is inferred and the importer reports FLC907 as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import cast

import json

import libcst as cst

from flowc.importer.emit import literal_value

_SCALARS: tuple[tuple[type[cst.BaseExpression], str], ...] = (
    (cst.SimpleString, "str"), (cst.ConcatenatedString, "str"), (cst.FormattedString, "str"),
    (cst.Integer, "int"), (cst.Float, "float"),
)
_ARITHMETIC = (cst.Add, cst.Subtract, cst.Multiply)
_AUGMENTED: dict[type[cst.BaseAugOp], cst.BaseBinaryOp] = {cst.AddAssign: cst.Add(), cst.SubtractAssign: cst.Subtract(), cst.MultiplyAssign: cst.Multiply()}
BARE_CONTAINERS = ("dict", "list")  # annotations without item types: inferred as if absent
_ROUNDS = 10  # chains of tasks longer than this keep their tail untyped


def literal_type(expr: cst.BaseExpression) -> str | None:
    """The boundary type of a literal expression, or None when it is not a literal of one."""
    for kind, name in _SCALARS:
        if isinstance(expr, kind):
            return name
    if isinstance(expr, cst.Name) and expr.value in ("True", "False"):
        return "bool"
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        inner = literal_type(expr.expression)
        return inner if inner in ("int", "float") else None
    if isinstance(expr, cst.List) and expr.elements:
        item = _one({literal_type(e.value) if isinstance(e, cst.Element) else None for e in expr.elements})
        return f"list[{item}]" if item and not item.startswith("list") else None
    return None


def returned_type(returns: Sequence[cst.Return]) -> cst.BaseExpression | None:
    """The annotation every return's literal value shares, or None."""
    found = _one({literal_type(r.value) if r.value is not None else None for r in returns})
    return cst.parse_expression(found) if found else None


def _one(types: set[str | None]) -> str | None:
    """The one type of a set of uses (an int where floats also flow counts as a float)."""
    if types == {"int", "float"}:
        return "float"
    return next(iter(types)) if len(types) == 1 else None


def _known(types: set[str | None], strict: bool) -> set[str | None]:
    """The uses to infer from: all (strict), or those whose type is known so far (a cycle of uses resolves)."""
    return types if strict else types - {None}


def _item(list_type: str | None) -> str | None:
    return list_type[5:-1] if list_type and list_type.startswith("list[") and list_type.endswith("]") else None


@dataclass
class _Scope:
    """A function body (or the module): its parameters and its names assigned exactly once."""

    fn: cst.FunctionDef | None
    parent: _Scope | None
    assigned: dict[str, list[_Binding] | None] = field(default_factory=lambda: {})  # None: assigned otherwise


@dataclass(frozen=True)
class _Binding:
    """How a name gets a value: `=` (value), a loop variable (`for`: the iterable), or `+=`-like (`op`)."""

    kind: str  # "=", "for", "aug"
    value: cst.BaseExpression
    op: cst.BaseBinaryOp | None = None


class _Collect(cst.CSTVisitor):
    """Scopes, step functions, and every call with the scope it is made in."""

    def __init__(self, is_step: Callable[[cst.FunctionDef], bool]) -> None:
        super().__init__()
        self.is_step = is_step
        self.scopes: list[_Scope] = [_Scope(None, None)]
        self.scope_of: dict[int, _Scope] = {}  # id(FunctionDef) -> its body's scope
        self.steps: dict[str, cst.FunctionDef | None] = {}  # None: the name is defined twice
        self.calls: list[tuple[cst.Call, _Scope]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes[-1].assigned[node.name.value] = None
        if self.is_step(node):
            self.steps[node.name.value] = None if node.name.value in self.steps else node
        scope = _Scope(node, self.scopes[-1])
        self.scope_of[id(node)] = scope
        self.scopes.append(scope)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            name = target.target.value if isinstance(target.target, cst.Name) else None
            if name is not None:
                self._bind(name, _Binding("=", node.value) if len(node.targets) == 1 else None)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name):
            op = _AUGMENTED.get(type(node.operator))
            grown = self.scopes[-1].assigned.get(node.target.value)
            if op is None or not grown:
                self._bind(node.target.value, None)
            else:
                grown.append(_Binding("aug", node.value, op))

    def visit_For(self, node: cst.For) -> None:
        if isinstance(node.target, cst.Name):
            self._bind(node.target.value, _Binding("for", node.iter))

    def visit_AsName(self, node: cst.AsName) -> None:
        if isinstance(node.name, cst.Name):
            self._bind(node.name.value, None)

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append((node, self.scopes[-1]))

    def _bind(self, name: str, value: _Binding | None) -> None:
        assigned = self.scopes[-1].assigned
        assigned[name] = None if name in assigned or value is None else [value]


class InferredTypes:
    """The types a file's unannotated step (task or task group) parameters and results have."""

    def __init__(
        self, module: cst.Module, is_step: Callable[[cst.FunctionDef], bool], skip_params: Sequence[str] = (),
        wires: Sequence[tuple[str, str, str]] = (),
    ) -> None:
        """`wires`: (step, parameter, step whose result it receives) links the file makes other than by calls."""
        found = _Collect(is_step)
        module.visit(found)
        self._found = found
        self._steps = {name: fn for name, fn in found.steps.items() if fn is not None}
        self._skip = set(skip_params)
        self._wires = list(wires)
        self._params: dict[tuple[str, str], str] = {}
        self._results: dict[str, str] = {}
        for strict in (False, True):  # first from the uses known so far, then only where every use is known
            for _ in range(_ROUNDS):
                params, results = self._infer_params(strict), self._infer_results(strict)
                if params == self._params and results == self._results:
                    break
                self._params, self._results = params, results

    def param(self, step: str, name: str) -> cst.BaseExpression | None:
        found = self._params.get((step, name))
        return cst.parse_expression(found) if found else None

    def result(self, step: str) -> cst.BaseExpression | None:
        found = self._results.get(step)
        return cst.parse_expression(found) if found and found != "None" else None

    def _infer_params(self, strict: bool) -> dict[tuple[str, str], str]:
        uses: dict[tuple[str, str], set[str | None]] = {}
        for call, scope in self._found.calls:
            for key, passed in self._arguments(call, scope):
                uses.setdefault(key, set()).add(passed or None)
        for step, param, source in self._wires:
            result = self._results.get(source)
            uses.setdefault((step, param), set()).add(result if result and result != "None" else None)
        return {key: t for key, types in uses.items() if (t := _one(_known(types, strict)))}

    def _arguments(self, call: cst.Call, scope: _Scope) -> list[tuple[tuple[str, str], str | None]]:
        """((step, parameter), type passed) for each argument of a call of a step."""
        step, mapped = self._callee(call.func)
        fn = self._steps.get(step or "")
        if fn is None:
            return []
        names = [p.name.value for p in fn.params.params]
        out: list[tuple[tuple[str, str], str | None]] = []
        for i, arg in enumerate(call.args):
            name = arg.keyword.value if arg.keyword is not None else (names[i] if i < len(names) and not arg.star and not mapped else None)
            if name is None or name not in names or name in self._skip or _annotation(fn, name) is not None:
                continue
            passed = self.type_of(arg.value, scope)
            out.append(((fn.name.value, name), _item(passed) if mapped else passed))
        return out

    def _callee(self, func: cst.BaseExpression) -> tuple[str | None, bool]:
        """(step name, whether the call maps it) of `step(...)`, `step.partial(...)`, `step[.partial(...)].expand(...)`."""
        if isinstance(func, cst.Name):
            return func.value, False
        if isinstance(func, cst.Attribute) and func.attr.value in ("expand", "partial"):
            base = func.value.func if isinstance(func.value, cst.Call) and func.attr.value == "expand" else func.value
            if isinstance(base, cst.Attribute) and base.attr.value == "partial":
                base = base.value
            return (base.value if isinstance(base, cst.Name) else None), func.attr.value == "expand"
        return None, False

    def _infer_results(self, strict: bool) -> dict[str, str]:
        results: dict[str, str] = {}
        for name, fn in self._steps.items():
            written = _annotation(fn, None)
            if written is not None:
                results[name] = written
                continue
            returns = value_returns(fn)
            scope = self._found.scope_of[id(fn)]
            found = _one(_known({self.type_of(r.value, scope) if r.value is not None else None for r in returns}, strict)) if returns else "None"
            if found:
                results[name] = found
        return results

    def type_of(self, expr: cst.BaseExpression, scope: _Scope, depth: int = 0) -> str | None:
        """The type of an expression in a scope, from what is known so far."""
        if depth > 20:
            return None
        literal = literal_type(expr)
        if literal is not None:
            return literal
        if isinstance(expr, cst.Name):
            return self._name_type(expr.value, scope, depth)
        if isinstance(expr, cst.Call) and _is_json(expr.func, "dumps"):
            return "str"
        if isinstance(expr, cst.Call) and (loaded := self._json_loads(expr, scope, depth)) is not None:
            return loaded
        if isinstance(expr, cst.Dict):
            values = _one({self.type_of(e.value, scope, depth + 1) if _string_key(e) else None for e in expr.elements}) if expr.elements else None
            return f"dict[str, {values}]" if values else None
        if isinstance(expr, cst.Call):
            step, mapped = self._callee(expr.func)
            if step in self._steps and (mapped or isinstance(expr.func, cst.Name)):
                result = self._results.get(step or "")
                return (f"list[{result}]" if mapped else result) if result and result != "None" else None
            return None
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, _ARITHMETIC):
            return _arithmetic(self.type_of(expr.left, scope, depth + 1), self.type_of(expr.right, scope, depth + 1), expr.operator)
        return None

    def _name_type(self, name: str, scope: _Scope, depth: int) -> str | None:
        here: _Scope | None = scope
        while here is not None:
            if name in here.assigned:
                bindings = here.assigned[name]
                return self._bound_type(bindings, here, depth + 1) if bindings else None
            if here.fn is not None and any(p.name.value == name for p in here.fn.params.params):
                return _annotation(here.fn, name) or self._params.get((here.fn.name.value, name))
            here = here.parent
        return None


    def _bound_type(self, bindings: list[_Binding], scope: _Scope, depth: int) -> str | None:
        """`x = e` or `for x in e`, then `x += e2`...: the type of the arithmetic over them all."""
        first, *grown = bindings
        found = self.type_of(first.value, scope, depth) if first.kind == "=" else self._item_type(first.value, scope, depth)
        for binding in grown:
            assert binding.op is not None
            found = _arithmetic(found, self.type_of(binding.value, scope, depth), binding.op)
        return found

    def _item_type(self, iterable: cst.BaseExpression, scope: _Scope, depth: int) -> str | None:
        """The items of `xs`, `d.values()` or `d.keys()` where the list or dict has a known type."""
        if isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Attribute) and not iterable.args:
            method, owner = iterable.func.attr.value, self.type_of(iterable.func.value, scope, depth)
            values = owner[len("dict[str, "):-1] if owner and owner.startswith("dict[str, ") else None
            return values if method == "values" else "str" if method == "keys" and values else None
        return _item(self.type_of(iterable, scope, depth))

    def _json_loads(self, call: cst.Call, scope: _Scope, depth: int) -> str | None:
        """`json.loads(s)` where `s` is (a name assigned once to) a string literal: the JSON's type."""
        if not _is_json(call.func, "loads"):
            return None
        if len(call.args) != 1 or call.args[0].keyword is not None:
            return None
        text = self._string_value(call.args[0].value, scope, depth)
        try:
            return json_type(json.loads(text)) if text is not None else None
        except ValueError:
            return None

    def _string_value(self, expr: cst.BaseExpression, scope: _Scope, depth: int) -> str | None:
        here: _Scope | None = scope
        while isinstance(expr, cst.Name) and here is not None and depth < 20:
            if expr.value in here.assigned:
                bindings = here.assigned[expr.value]
                if not bindings or len(bindings) != 1 or bindings[0].kind != "=":
                    return None
                expr, depth = bindings[0].value, depth + 1
            else:
                here = here.parent
        ok, value = literal_value(expr) if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)) else (False, None)
        return value if ok and isinstance(value, str) else None


def json_type(value: object) -> str | None:
    """The boundary type of a parsed JSON value (a dict's values, a list's items of one type), or None."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float, str)):
        return type(value).__name__
    if isinstance(value, list) and value:
        items = _one({json_type(v) for v in cast(list[object], value)})
        return f"list[{items}]" if items else None
    if isinstance(value, dict) and value:
        values = _one({json_type(v) for v in cast(dict[str, object], value).values()})
        return f"dict[str, {values}]" if values else None
    return None


def _is_json(func: cst.BaseExpression, name: str) -> bool:
    return isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "json" and func.attr.value == name


def _string_key(element: cst.BaseDictElement) -> bool:
    return isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString)


def _arithmetic(left: str | None, right: str | None, operator: cst.BaseBinaryOp) -> str | None:
    if left in ("int", "float") and right in ("int", "float"):
        return "int" if left == right == "int" else "float"
    return "str" if left == right == "str" and isinstance(operator, cst.Add) else None


def _annotation(fn: cst.FunctionDef, param: str | None) -> str | None:
    """The written annotation of a parameter (None: the result) as source text, if any."""
    if param is None:
        ann = fn.returns
    else:
        ann = next((p.annotation for p in fn.params.params if p.name.value == param), None)
    written = cst.Module([]).code_for_node(ann.annotation) if ann is not None else None
    return None if written in BARE_CONTAINERS else written


def value_returns(fn: cst.FunctionDef) -> list[cst.Return]:
    """The `return <value>` statements of a function's own body (not of functions inside it)."""
    found: list[cst.Return] = []

    class _Find(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is fn

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_Return(self, node: cst.Return) -> None:
            if node.value is not None:
                found.append(node)

    fn.visit(_Find())
    return found
