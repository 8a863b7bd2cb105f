"""Conditions: Python's meaning, decided once, in forms every engine renders as they are.

An `if` test means what it means in Python (DESIGN.md): a bare value is tested for
truthiness by its type, `in` takes any list, `not`/`and`/`or` nest freely. The three
engines' condition languages differ: KFP's `triggerPolicy` (CEL, evaluated with
Python by kfp.local) has no truthiness of its own (`x != null` is not `bool(x)`);
Flyte's `conditional()` compares scalars with `== != < <= > >=` joined by `&`/`|`,
with no `not`, no `in` and no truthiness of str, list or dict; Airflow's branch
callable could do anything. So after this pass a branch condition is only what all
three evaluate exactly as Python does (`NATIVE`):

- `BoolOp` (`and`/`or`) over `Compare`s with an operator in `NATIVE_OPS`,
- each `Compare` between two scalars that are not optional and not both literals:
  numbers (int, float) with numbers, str with str (any operator), bool with bool
  (`==`/`!=`).

A comparison with `None` is not native: flytekit's local execution hands a workflow
input left at its `None` default to the workflow as a plain `None`, not a promise,
so `x != None` is a Python bool there and `conditional()` refuses it.

Bare values become comparisons by type (`s` -> `s != ""`, `n` -> `n != 0`,
`flag` -> `flag == True`), `not` is pushed down where that is exact (De Morgan,
inverted operators; never an ordering of floats, which NaN would break), and `x in
[a, b]` against a non-empty literal list becomes `x == a or x == b`. Any other arm
(truthiness of a list, dict or `T | None`, `in` against a parameter or an output,
an optional compared with `<`, ...) is computed by one shared mechanism: a generated
predicate step, a tiny Python task that evaluates the arm as Python does (with the
earlier arms of an `elif` chain, so it never evaluates what Python would not) and
returns a bool; the arm becomes `<predicate> == True`. Backends render the result
without deciding anything.

>>> from flowc.ir.model import ConditionNode, Branch, Truthy, ParamBinding, Parameter, Pipeline
>>> from flowc.ir.types import STR, ListType
>>> cond = lambda i, v: ConditionNode(id=f"cond_{i}", branches=(Branch(condition=Truthy(value=ParamBinding(name=v)), body=()),))
>>> params = (Parameter(name="s", type=STR), Parameter(name="xs", type=ListType(item=STR)))
>>> p = Pipeline(name="p", params=params, returns=STR, body=(cond(1, "s"), cond(2, "xs")))
>>> out = lower_conditions(Program(pipelines=(p,)))
>>> out.pipelines[0].body[0].branches[0].condition == Compare(op="!=", left=ParamBinding(name="s"), right=ConstBinding(value=""))
True
>>> [n.id for n in out.pipelines[0].body]
['cond_1', 'cond_2_predicate', 'cond_2']
>>> print(out.tasks[0].code.function, end="")
def cond_2_predicate(xs: list[str]) -> bool:
    return bool(xs)
"""

from __future__ import annotations

import builtins
import dataclasses
import itertools
import keyword
import math
import re
from collections.abc import Iterator
from typing import Literal

from flowc.ir.base import JsonValue
from flowc.ir.bindings import BindingTypes, condition_bindings
from flowc.ir.model import (
    Binding,
    BoolOp,
    Branch,
    CleanupNode,
    Compare,
    CompareOp,
    Condition,
    ConditionNode,
    ConstBinding,
    Input,
    LoopItemBinding,
    LoopNode,
    Node,
    Not,
    OutputBinding,
    ParamBinding,
    Parameter,
    Pipeline,
    Program,
    PythonTask,
    RunStatusBinding,
    Task,
    TaskCode,
    TaskNode,
    Truthy,
    iter_nodes,
)
from flowc.ir.names import fresh_name
from flowc.ir.types import BOOL, FLOAT, INT, STR, ArtifactType, DictType, ListType, OptionalType, ScalarType, Type, render

NATIVE_OPS: tuple[CompareOp, ...] = ("==", "!=", "<", "<=", ">", ">=")
INVERSE: dict[CompareOp, CompareOp] = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_FALSY: dict[str, JsonValue] = {"int": 0, "float": 0.0, "str": ""}
_BUILTINS = frozenset(dir(builtins))


class NotLowered(TypeError):
    """A backend was given a condition this pass rewrites: an internal error, never a user's."""

    def __init__(self, condition: Condition) -> None:
        super().__init__(f"condition not lowered (run flowc.ir.passes.lower first): {condition!r}")


def lower_conditions(program: Program) -> Program:
    """Every branch condition of `program` in native form, with predicate steps where needed."""
    tasks: list[Task] = list(program.tasks)
    taken = {t.name for t in tasks} | {p.name for p in program.pipelines}
    pipelines = tuple(_Lowering(program, p, tasks, taken).run() for p in program.pipelines)
    return dataclasses.replace(program, tasks=tuple(tasks), pipelines=pipelines)


def is_native(condition: Condition, types: BindingTypes) -> bool:
    """Whether `condition` is already in the form every backend renders as it is."""
    return _native(condition, types, False) == condition


# ------------------------------------------------------------------ native forms


def _native(c: Condition, types: BindingTypes, negate: bool) -> Condition | None:
    """`c` (negated when `negate`) in native form, or None when no exact native form exists."""
    match c:
        case Compare(op="in" | "not in", left=left, right=right):
            return _membership(c.op == "in" if not negate else c.op == "not in", left, right, types, c)
        case Compare(op=op, left=left, right=right):
            if negate and op not in ("==", "!=") and FLOAT in (_kind(left, types), _kind(right, types)):
                return None  # `not (x < y)` is not `x >= y` when one of them is NaN
            lowered = Compare(op=INVERSE[op] if negate else op, left=left, right=right, span=c.span)
            return lowered if _scalar_compare(lowered, types) else None
        case BoolOp(op=op, operands=operands):
            parts = [_native(o, types, negate) for o in operands]
            if any(p is None for p in parts):
                return None
            flipped: Literal["and", "or"] = ("or" if op == "and" else "and") if negate else op
            flat = [x for p in parts if p is not None for x in (p.operands if isinstance(p, BoolOp) and p.op == flipped else (p,))]
            return BoolOp(op=flipped, operands=tuple(flat), span=c.span)
        case Not(operand=operand):
            return _native(operand, types, not negate)
        case Truthy(value=value):
            return _truthy(value, types, negate, c)


def _truthy(value: Binding, types: BindingTypes, negate: bool, c: Truthy) -> Condition | None:
    t = types.of(value)
    if t == BOOL:
        return Compare(op="!=" if negate else "==", left=value, right=ConstBinding(value=True), span=c.span)
    if isinstance(t, ScalarType) and t.name in _FALSY:
        return Compare(op="==" if negate else "!=", left=value, right=ConstBinding(value=_FALSY[t.name]), span=c.span)
    return None


def _membership(positive: bool, left: Binding, right: Binding, types: BindingTypes, c: Compare) -> Condition | None:
    """`x in [a, b]` as `x == a or x == b` (`not in`: `x != a and x != b`), for a non-empty literal list."""
    if not isinstance(right, ConstBinding) or not isinstance(right.value, list) or not right.value:
        return None
    op: CompareOp = "==" if positive else "!="
    parts = [Compare(op=op, left=left, right=ConstBinding(value=v, span=right.span)) for v in right.value]
    if not all(_scalar_compare(p, types) for p in parts):
        return None
    if len(parts) == 1:
        return dataclasses.replace(parts[0], span=c.span)
    return BoolOp(op="or" if positive else "and", operands=tuple(parts), span=c.span)


def _kind(b: Binding, types: BindingTypes) -> Type | None:
    """The scalar type of a side of a comparison (a literal's from its value), else None."""
    if isinstance(b, ConstBinding):
        v = b.value
        if isinstance(v, bool):
            return BOOL
        if isinstance(v, float):
            return FLOAT if math.isfinite(v) else None  # NaN and infinities have no literal in CEL
        return INT if isinstance(v, int) else STR if isinstance(v, str) else None
    t = types.of(b)
    return t if isinstance(t, ScalarType) else None


def _scalar_compare(c: Compare, types: BindingTypes) -> bool:
    """A comparison every engine evaluates as Python does."""
    if c.op not in NATIVE_OPS or (isinstance(c.left, ConstBinding) and isinstance(c.right, ConstBinding)):
        return False
    left, right = _kind(c.left, types), _kind(c.right, types)
    if left is None or right is None:
        return False
    if left in (INT, FLOAT) and right in (INT, FLOAT):
        return True
    if left == right == STR:
        return True
    return left == right == BOOL and c.op in ("==", "!=")


# -------------------------------------------------------------- predicate steps


@dataclasses.dataclass
class _Lowering:
    """Lowers the conditions of one pipeline; predicate tasks are added to `tasks`."""

    program: Program
    pipeline: Pipeline
    tasks: list[Task]
    taken: set[str]
    types: BindingTypes = dataclasses.field(init=False)
    ids: set[str] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.types = BindingTypes(self.program, self.pipeline)
        self.ids = {n.id for n in iter_nodes(self.pipeline.body)}

    def run(self) -> Pipeline:
        return dataclasses.replace(self.pipeline, body=self._body(self.pipeline.body))

    def _body(self, body: tuple[Node, ...]) -> tuple[Node, ...]:
        out: list[Node] = []
        for node in body:
            if isinstance(node, LoopNode):
                out.append(dataclasses.replace(node, body=self._body(node.body)))
            elif isinstance(node, ConditionNode):
                out.extend(self._condition(node))
            elif isinstance(node, CleanupNode):
                out.append(dataclasses.replace(node, body=self._body(node.body), cleanup=self._body(node.cleanup)))
            else:
                out.append(node)
        return tuple(out)

    def _condition(self, node: ConditionNode) -> Iterator[Node]:
        branches: list[Branch] = []
        for i, branch in enumerate(node.branches):
            condition = branch.condition
            if condition is not None:
                native = _native(condition, self.types, False)
                if native is None:
                    earlier = [b.condition for b in node.branches[:i] if b.condition is not None]
                    step = self._predicate(node, i, earlier, condition)
                    yield step
                    native = Compare(op="==", left=OutputBinding(node=step.id), right=ConstBinding(value=True), span=condition.span)
                condition = native
            branches.append(Branch(condition=condition, body=self._body(branch.body), span=branch.span))
        yield dataclasses.replace(node, branches=tuple(branches))

    def _predicate(self, node: ConditionNode, arm: int, earlier: list[Condition], own: Condition) -> TaskNode:
        """The step computing arm `arm` as Python would: no earlier arm holds, and its own test does."""
        step_id = self._fresh_id(f"{node.id}_predicate" if arm == 0 else f"{node.id}_arm_{arm + 1}_predicate")
        names = _Names()
        for b in [x for c in (*earlier, own) for x in condition_bindings(c)]:
            if not isinstance(b, ConstBinding):
                names.add(b, self._suggest(b))
        expr = _python(own, names)
        if earlier:
            expr = f"not ({' or '.join(_python(c, names) for c in earlier)}) and ({expr})"
        params = tuple(Parameter(name=n, type=self._type(b)) for b, n in names.items())
        task = self._task(step_id, params, expr, own)
        inputs = tuple(Input(name=n, binding=b) for b, n in names.items())
        return TaskNode(id=step_id, task=task.name, inputs=inputs, span=own.span)

    def _task(self, step_id: str, params: tuple[Parameter, ...], expr: str, own: Condition) -> PythonTask:
        """The predicate task, named after its step; after its pipeline too where that name is taken."""
        qualified = f"{re.sub(r'[^0-9A-Za-z_]', '_', self.pipeline.name)}_{step_id}"
        names = itertools.chain((step_id, qualified), (f"{qualified}_{n}" for n in itertools.count(2)))
        for name in names:
            task = _predicate_task(name, params, expr, self.pipeline.module, own)
            existing = next((t for t in self.tasks if t.name == name), None)
            if existing == task:
                return task
            if existing is None and name not in self.taken:
                self.tasks.append(task)
                self.taken.add(name)
                return task
        raise AssertionError("unreachable")

    def _fresh_id(self, base: str) -> str:
        return fresh_name(base, self.ids)

    def _type(self, b: Binding) -> Type:
        t = self.types.of(b)
        assert t is not None
        return t

    def _suggest(self, b: Binding) -> str:
        match b:
            case ParamBinding(name=name):
                return name
            case OutputBinding(node=node, field=field):
                return f"{node}_{field}" if field else node
            case LoopItemBinding(loop=loop):
                found = self.types.nodes.get(loop)
                return found.var if isinstance(found, LoopNode) else "item"
            case ConstBinding():
                return "value"
            case RunStatusBinding():
                return "status"


class _Names:
    """A distinct Python parameter name per binding (literals stay inline)."""

    def __init__(self) -> None:
        self._by_key: dict[Binding, str] = {}
        self._used: set[str] = set()

    def add(self, b: Binding, suggestion: str) -> None:
        key = _key(b)
        if key in self._by_key:
            return
        base = suggestion if suggestion.isidentifier() and not keyword.iskeyword(suggestion) else "value"
        if base in _BUILTINS:
            base += "_"
        self._by_key[key] = fresh_name(base, self._used)

    def name(self, b: Binding) -> str:
        return self._by_key[_key(b)]

    def items(self) -> list[tuple[Binding, str]]:
        return list(self._by_key.items())


def _key(b: Binding) -> Binding:
    return dataclasses.replace(b, span=None)


def _python(c: Condition, names: _Names) -> str:
    """The condition as a Python expression over the predicate's parameters."""
    match c:
        case Compare(op=op, left=left, right=right):
            return f"{_operand(left, names)} {op} {_operand(right, names)}"
        case BoolOp(op=op, operands=operands):
            return f" {op} ".join(f"({_python(o, names)})" for o in operands)
        case Not(operand=operand):
            return f"not ({_python(operand, names)})"
        case Truthy(value=value):
            return _operand(value, names)


def _operand(b: Binding, names: _Names) -> str:
    return _literal(b.value) if isinstance(b, ConstBinding) else names.name(b)


def _literal(value: JsonValue) -> str:
    """A Python literal for a JSON value (non-finite floats spelled as `float(...)`)."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _annotation(t: Type) -> str:
    """`t` as a Python annotation, or `object` for what no plain annotation names (a NamedTuple)."""
    match t:
        case ScalarType() | ListType() | DictType() | OptionalType():
            return render(t) if all(_plain(x) for x in _walk(t)) else "object"
        case _:
            return "object"


def _walk(t: Type) -> Iterator[Type]:
    yield t
    match t:
        case ListType(item=inner) | OptionalType(inner=inner):
            yield from _walk(inner)
        case DictType(value=inner):
            yield from _walk(inner)
        case _:
            pass


def _plain(t: Type) -> bool:
    return isinstance(t, ScalarType | ListType | DictType | OptionalType) and not isinstance(t, ArtifactType)


def _predicate_task(name: str, params: tuple[Parameter, ...], expr: str, module: str, own: Condition) -> PythonTask:
    signature = ", ".join(f"{p.name}: {_annotation(p.type)}" for p in params)
    source = f"def {name}({signature}) -> bool:\n    return bool({expr})\n"
    doc = "A condition computed the Python way (generated by flowc)."
    return PythonTask(
        name=name,
        params=params,
        returns=BOOL,
        code=TaskCode(function_name=name, function=source),
        doc=doc,
        module=module,
        span=own.span,
    )
