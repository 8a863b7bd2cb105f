"""Flatten an IR pipeline into the Airflow tasks of one DAG.

Sub-pipelines are inlined into `TaskGroup`s (their task ids get the group prefix),
fan-outs become an items task plus steps mapped over it, conditions a branch task,
one gate per arm and, when something uses the condition's values or waits for it,
a join with a trigger rule that tolerates the skipped arms. Every binding becomes a
small JSON-able spec the generated runtime resolves at run time (see
`runtime/dag_runtime.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import (
    Binding,
    BoolOp,
    Compare,
    ConditionNode,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    Not,
    OutputBinding,
    ParamBinding,
    Pipeline,
    PipelineNode,
    Program,
    TaskNode,
    Truthy,
)
from flowc.ir.model import Condition as IRCondition
from flowc.ir.passes.conditions import NotLowered
from flowc.ir.span import Span

Spec = tuple[Any, ...]
RESULTS_ID = "flowc-results"


@dataclass
class Step:
    """One Airflow task of the DAG."""

    task_id: str
    local_id: str
    group: tuple[str, ...]
    kind: str  # task | loop | branch | gate | join | results
    task: str | None = None
    inputs: list[tuple[str, Spec]] = field(default_factory=lambda: [])
    loop: str | None = None
    upstream: set[str] = field(default_factory=lambda: set())
    trigger_rule: str | None = None
    extra: dict[str, Any] = field(default_factory=lambda: {})


@dataclass
class LoopPlan:
    parent: str | None
    depth: int
    items: Spec
    guards: list[list[Any]] = field(default_factory=lambda: [])


@dataclass
class DagPlan:
    """The flattened DAG: steps in source order, loops, and the groups' tooltips."""

    pipeline: Pipeline
    steps: list[Step] = field(default_factory=lambda: [])
    loops: dict[str, LoopPlan] = field(default_factory=lambda: {})
    groups: dict[tuple[str, ...], str | None] = field(default_factory=lambda: {})
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])


@dataclass(frozen=True)
class _Scope:
    prefix: str
    group: tuple[str, ...]
    loop: str | None
    params: dict[str, Spec]
    upstream: frozenset[str]
    values: dict[str, Any]
    created: dict[str, list[str]]
    collectors: tuple[list[str], ...] = ()
    guards: tuple[tuple[str, int, str | None], ...] = ()  # (condition, arm, its loop) inside fan-outs
    in_arm: bool = False


def producers(spec: Spec) -> set[str]:
    """Task ids whose results a binding spec reads."""
    kind = spec[0]
    if kind == "out":
        return {spec[1]}
    if kind == "item":
        return {spec[1]}
    if kind == "fanin":
        return {spec[1]} | producers(spec[2])
    return set()


def cond_producers(cond: Spec | None) -> set[str]:
    if cond is None:
        return set()
    if cond[0] in ("and", "or"):
        return set().union(*(cond_producers(c) for c in cond[1]))
    return producers(cond[2]) | producers(cond[3])


class Planner:
    """Builds a DagPlan for one entry pipeline."""

    def __init__(self, program: Program, pipeline: Pipeline, max_map_length: int) -> None:
        self.program = program
        self.plan = DagPlan(pipeline)
        self.max_map_length = max_map_length
        self._mapped: dict[str, bool] = {}

    def build(self) -> DagPlan:
        p = self.plan.pipeline
        scope = _Scope("", (), None, {x.name: ("param", x.name) for x in p.params}, frozenset(), {}, {})
        self._body(p.body, scope)
        if p.results:
            inputs = [(r.name, self._spec(r.binding, scope)) for r in p.results]
            ups = set().union(*(producers(s) for _, s in inputs))
            self._add(Step(RESULTS_ID, RESULTS_ID, (), "results", inputs=inputs, upstream=ups), scope)
        return self.plan

    # ------------------------------------------------------------------ helpers

    def _add(self, step: Step, scope: _Scope) -> Step:
        step.upstream |= scope.upstream
        step.upstream.discard(step.task_id)
        if scope.guards:
            # Inside a fan-out an arm is chosen per instance: the step skips itself
            # (pre_execute) where its arm was not taken, so siblings' skipped map
            # indexes must not skip it wholesale as `all_success` would.
            step.extra["guards"] = [list(g) for g in scope.guards]
            step.trigger_rule = step.trigger_rule or "none_failed"
        elif not scope.in_arm and step.loop is None and step.kind in ("task", "results", "loop", "branch"):
            if any(self._mapped.get(u) for u in step.upstream):
                # A fan-out over an empty list skips its mapped steps; the fan-in is
                # then [] and its consumer must still run. Outside every arm nothing
                # else can be skipped upstream, so this rule changes nothing else.
                step.trigger_rule = "none_failed_min_one_success"
        self._mapped[step.task_id] = step.loop is not None
        self.plan.steps.append(step)
        for collector in scope.collectors:
            collector.append(step.task_id)
        return step

    def _after(self, after: tuple[str, ...], scope: _Scope) -> set[str]:
        out: set[str] = set()
        for node_id in after:
            value = scope.values.get(node_id)
            if isinstance(value, tuple) and value and value[0] == "cond":
                out.add(value[1])
            else:
                out.update(scope.created.get(node_id, ()))
        return out

    def _spec(self, b: Binding, scope: _Scope) -> Spec:
        match b:
            case ConstBinding(value=value):
                return ("const", value)
            case ParamBinding(name=name):
                return scope.params[name]
            case LoopItemBinding(loop=loop):
                return ("item", scope.prefix + loop)
            case OutputBinding(node=node, field=fld):
                return self._output_spec(scope.values[node], fld)

    def _output_spec(self, value: Any, fld: str | None) -> Spec:
        if isinstance(value, dict):  # a sub-pipeline's results by name
            return value[fld or "output"]  # pyright: ignore[reportUnknownVariableType]
        kind = value[0]
        if kind == "loop":
            return ("fanin", value[1], value[2])
        return ("out", value[1], fld or "output", value[2])

    def _cond(self, c: IRCondition, scope: _Scope) -> Spec:
        """A lowered condition (`flowc.ir.passes.conditions`) as the runtime's nested spec."""
        match c:
            case Compare(op=op, left=left, right=right):
                return ("cmp", op, self._spec(left, scope), self._spec(right, scope))
            case BoolOp(op=op, operands=operands):
                return (op, [self._cond(x, scope) for x in operands])
            case Not() | Truthy():
                raise NotLowered(c)

    # -------------------------------------------------------------------- nodes

    def _body(self, body: tuple[Node, ...], scope: _Scope) -> None:
        for node in body:
            mine: list[str] = []
            scope.created[node.id] = mine
            upstream = scope.upstream | self._after(node.after, scope)
            inner = replace(scope, upstream=upstream, collectors=(*scope.collectors, mine))
            match node:
                case TaskNode():
                    self._task(node, inner)
                case PipelineNode():
                    self._pipeline(node, inner)
                case LoopNode():
                    self._loop(node, inner)
                case ConditionNode():
                    self._condition(node, inner)

    def _task(self, node: TaskNode, scope: _Scope) -> None:
        inputs = [(i.name, self._spec(i.binding, scope)) for i in node.inputs]
        ups = set().union(set(), *(producers(s) for _, s in inputs))
        if scope.loop is not None:
            ups.add(scope.loop)
        step = Step(scope.prefix + node.id, node.id, scope.group, "task", node.task, inputs, scope.loop, ups)
        step.extra["span"] = node.span
        self._add(step, scope)
        scope.values[node.id] = ("task", step.task_id, scope.loop)

    def _pipeline(self, node: PipelineNode, scope: _Scope) -> None:
        sub = self.program.pipeline(node.pipeline)
        given = {i.name: self._spec(i.binding, scope) for i in node.inputs}
        params = {p.name: given.get(p.name, ("const", p.default)) for p in sub.params}
        group = (*scope.group, node.id)
        self.plan.groups[group] = sub.doc
        inner = replace(scope, prefix=f"{scope.prefix}{node.id}.", group=group, params=params, values={}, created={})
        self._body(sub.body, inner)
        scope.values[node.id] = {r.name: self._spec(r.binding, inner) for r in sub.results}

    def _loop(self, node: LoopNode, scope: _Scope) -> None:
        loop_id = scope.prefix + node.id
        if isinstance(node.items, ConstBinding) and isinstance(node.items.value, list):
            width = len(node.items.value)
            if width > self.max_map_length:
                self._diag(codes.AIRFLOW_MAP_TOO_WIDE, node.span, width, self.max_map_length)
        items = self._spec(node.items, scope)
        parent = scope.loop
        depth = 1 if parent is None else self.plan.loops[parent].depth + 1
        self.plan.loops[loop_id] = LoopPlan(parent, depth, items, [list(g) for g in scope.guards])
        ups = producers(items) | ({parent} if parent else set())
        step = Step(loop_id, node.id, scope.group, "loop", inputs=[], loop=None, upstream=ups)
        step.extra["span"] = node.span
        self._add(step, scope)
        inner = replace(scope, loop=loop_id)
        self._body(node.body, inner)
        result = self._spec(node.result, inner) if node.result is not None else ("const", None)
        scope.values[node.id] = ("loop", loop_id, result)

    def _condition(self, node: ConditionNode, scope: _Scope) -> None:
        if scope.loop is not None:
            self._mapped_condition(node, scope)
            return
        cond_id = scope.prefix + node.id
        arms = [self._cond(b.condition, scope) if b.condition is not None else None for b in node.branches]
        ups = set().union(set(), *(cond_producers(a) for a in arms))
        gates = [f"{cond_id}-{_arm_label(i, b.condition is None)}" for i, b in enumerate(node.branches)]
        branch = Step(cond_id, node.id, scope.group, "branch", upstream=ups, extra={"arms": arms, "gates": gates})
        branch.extra["span"] = node.span
        # A branch operator skips every direct downstream task it does not follow, so
        # only its gates may depend on it; steps that may be skipped (gates, arms) are
        # collected for the join only. Whoever waits for an enclosing node waits for the
        # join instead.
        self._add(branch, replace(scope, collectors=()))
        arm_steps: list[str] = []
        for gate, arm in zip(gates, node.branches):
            local = gate[len(scope.prefix):]
            self._add(Step(gate, local, scope.group, "gate", upstream={cond_id}), replace(scope, collectors=()))
            inner = replace(scope, upstream=scope.upstream | {gate}, collectors=(arm_steps,), in_arm=True)
            self._body(arm.body, inner)
        self._join(node, scope, cond_id, gates, arm_steps)

    def _mapped_condition(self, node: ConditionNode, scope: _Scope) -> None:
        """A condition inside a fan-out: a mapped step chooses the arm of each instance."""
        cond_id = scope.prefix + node.id
        arms = [self._cond(b.condition, scope) if b.condition is not None else None for b in node.branches]
        ups = set().union({scope.loop or ""}, *(cond_producers(a) for a in arms))
        choose = Step(cond_id, node.id, scope.group, "choose", loop=scope.loop, upstream=ups, extra={"arms": arms})
        choose.extra["span"] = node.span
        self._add(choose, scope)
        arm_steps: list[str] = []
        for i, arm in enumerate(node.branches):
            guards = (*scope.guards, (cond_id, i, scope.loop))
            inner = replace(scope, upstream=scope.upstream | {cond_id}, guards=guards, collectors=(arm_steps,))
            self._body(arm.body, inner)
        self._join(node, scope, cond_id, [cond_id], arm_steps)

    def _join(self, node: ConditionNode, scope: _Scope, cond_id: str, gates: list[str], arm_steps: list[str]) -> None:
        """The condition's end: its values, and what `after` and enclosing nodes wait for."""
        join_id = f"{cond_id}-join"
        values = [(o.name, [self._spec(s, scope) for s in o.sources]) for o in node.outputs]
        ups = set(gates) | set().union(set(), *(producers(s) for _, srcs in values for s in srcs))
        ups |= set(arm_steps)
        # With values there is an `else`, so one gate always succeeds; without, no arm may
        # run at all and the join must still succeed.
        rule = "none_failed_min_one_success" if node.outputs and scope.loop is None else "none_failed"
        step = Step(join_id, f"{node.id}-join", scope.group, "join", loop=scope.loop, upstream=ups, trigger_rule=rule)
        step.extra.update(cond=cond_id, values=values)
        self._add(step, scope)
        scope.values[node.id] = ("cond", join_id, scope.loop)

    def _diag(self, code: codes.Code, span: Span | None, *args: object) -> None:
        self.plan.diagnostics.append(Diagnostic.of(code, span or self.plan.pipeline.span, *args))


def _arm_label(index: int, is_else: bool) -> str:
    if is_else:
        return "else"
    return "then" if index == 0 else f"elif{index}"

