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

from flowc.backends.airflow.steps import (
    BranchStep,
    ChooseStep,
    Cmp,
    Cond,
    Const,
    FanIn,
    GateStep,
    Guard,
    Item,
    JoinStep,
    Junction,
    LoopPlan,
    LoopStep,
    Out,
    Param,
    ResultsStep,
    Spec,
    Status,
    Step,
    TaskStep,
    cond_producers,
    producers,
)
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import (
    Binding,
    BoolOp,
    CleanupNode,
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
    RunStatusBinding,
    TaskNode,
    Truthy,
)
from flowc.ir.model import Condition as IRCondition
from flowc.ir.passes.cache_key import task_cache_key
from flowc.ir.passes.conditions import NotLowered
from flowc.ir.span import Span

RESULTS_ID = "flowc-results"


@dataclass
class DagPlan:
    """The flattened DAG: steps in source order, loops, and the groups' tooltips."""

    pipeline: Pipeline
    steps: list[Step] = field(default_factory=lambda: [])
    loops: dict[str, LoopPlan] = field(default_factory=lambda: {})
    groups: dict[tuple[str, ...], str | None] = field(default_factory=lambda: {})
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])

    def tasks_by_step(self) -> dict[str, str]:
        """The IR task each task step runs, by Airflow task id."""
        return {s.task_id: s.task for s in self.steps if isinstance(s, TaskStep)}


# What a node's id stands for to the nodes after it (`OutputBinding`, `after`).


@dataclass(frozen=True)
class _TaskOutputs:
    """A task's results."""

    task_id: str
    loop: str | None


@dataclass(frozen=True)
class _LoopOutputs:
    """A fan-out's collected result."""

    loop_id: str
    result: Spec


@dataclass(frozen=True)
class _ConditionOutputs:
    """A condition's values, read from its join (which is also what `after` waits for)."""

    join_id: str
    loop: str | None


@dataclass(frozen=True)
class _PipelineOutputs:
    """An inlined sub-pipeline's results by name."""

    results: dict[str, Spec]


_Value = _TaskOutputs | _LoopOutputs | _ConditionOutputs | _PipelineOutputs

# Steps outside every arm whose upstream may be a fan-out left empty (see `Planner._add`).
_AFTER_FAN_OUT = (TaskStep, ResultsStep, LoopStep, BranchStep)


@dataclass(frozen=True)
class _Scope:
    prefix: str
    group: tuple[str, ...]
    loop: str | None
    params: dict[str, Spec]
    upstream: frozenset[str]
    values: dict[str, _Value]
    created: dict[str, list[str]]
    collectors: tuple[list[str], ...] = ()
    guards: tuple[Guard, ...] = ()  # the arms enclosing a step inside fan-outs
    in_arm: bool = False
    teardown: bool = False  # in a `finally` block


class Planner:
    """Builds a DagPlan for one entry pipeline."""

    def __init__(self, program: Program, pipeline: Pipeline, max_map_length: int, result_cache: bool = False) -> None:
        self.program = program
        self.plan = DagPlan(pipeline)
        self.max_map_length = max_map_length
        self.result_cache = result_cache
        self._mapped: dict[str, bool] = {}
        self._statuses: dict[str, Status] = {}  # by prefixed `try` block id

    def build(self) -> DagPlan:
        p = self.plan.pipeline
        params: dict[str, Spec] = {x.name: Param(x.name) for x in p.params}
        scope = _Scope("", (), None, params, frozenset(), {}, {})
        self._body(p.body, scope)
        if p.results:
            inputs = tuple((r.name, self._spec(r.binding, scope)) for r in p.results)
            ups = set[str]().union(*(producers(s) for _, s in inputs))
            step = ResultsStep(task_id=RESULTS_ID, local_id=RESULTS_ID, group=(), upstream=frozenset(ups), inputs=inputs)
            self._add(step, scope)
        return self.plan

    # ------------------------------------------------------------------ helpers

    def _add(self, step: Step, scope: _Scope) -> Step:
        upstream = (step.upstream | scope.upstream) - {step.task_id}
        rule = step.trigger_rule
        if scope.guards:
            # Inside a fan-out an arm is chosen per instance: the step skips itself
            # (pre_execute) where its arm was not taken, so siblings' skipped map
            # indexes must not skip it wholesale as `all_success` would.
            rule = rule or "none_failed"
        elif not scope.in_arm and step.loop is None and isinstance(step, _AFTER_FAN_OUT):
            if any(self._mapped.get(u) for u in upstream):
                # A fan-out over an empty list skips its mapped steps; the fan-in is
                # then [] and its consumer must still run. Outside every arm nothing
                # else can be skipped upstream, so this rule changes nothing else.
                rule = "none_failed_min_one_success"
        step = replace(step, upstream=upstream, trigger_rule=rule, guards=scope.guards, teardown=scope.teardown)
        self._mapped[step.task_id] = step.loop is not None
        self.plan.steps.append(step)
        for collector in scope.collectors:
            collector.append(step.task_id)
        return step

    def _after(self, after: tuple[str, ...], scope: _Scope) -> set[str]:
        out: set[str] = set()
        for node_id in after:
            value = scope.values.get(node_id)
            if isinstance(value, _ConditionOutputs):
                out.add(value.join_id)
            else:
                out.update(scope.created.get(node_id, ()))
        return out

    def _spec(self, b: Binding, scope: _Scope) -> Spec:
        match b:
            case ConstBinding(value=value):
                return Const(value)
            case ParamBinding(name=name):
                return scope.params[name]
            case LoopItemBinding(loop=loop):
                return Item(scope.prefix + loop)
            case OutputBinding(node=node, field=fld):
                return _output_spec(scope.values[node], fld or "output")
            case RunStatusBinding(block=block):
                return self._statuses[scope.prefix + block]

    def _cond(self, c: IRCondition, scope: _Scope) -> Cond:
        """A lowered condition (`flowc.ir.passes.conditions`) as the runtime's spec."""
        match c:
            case Compare(op=op, left=left, right=right):
                return Cmp(op, self._spec(left, scope), self._spec(right, scope))
            case BoolOp(op=op, operands=operands):
                return Junction(op, tuple(self._cond(x, scope) for x in operands))
            case Not() | Truthy():
                raise NotLowered(c)

    def _arms(self, node: ConditionNode, scope: _Scope) -> tuple[Cond | None, ...]:
        return tuple(self._cond(b.condition, scope) if b.condition is not None else None for b in node.branches)

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
                case CleanupNode():
                    self._cleanup(node, inner)

    def _task(self, node: TaskNode, scope: _Scope) -> None:
        inputs = tuple((i.name, self._spec(i.binding, scope)) for i in node.inputs)
        ups = set[str]().union(*(producers(s) for _, s in inputs))
        if scope.loop is not None:
            ups.add(scope.loop)
        step = TaskStep(
            task_id=scope.prefix + node.id, local_id=node.id, group=scope.group, upstream=frozenset(ups),
            loop=scope.loop, task=node.task, inputs=inputs, span=node.span,
            cache_key=self._result_key(node), label=node.label,
        )
        step = self._add(step, scope)
        scope.values[node.id] = _TaskOutputs(step.task_id, scope.loop)

    def _result_key(self, node: TaskNode) -> str | None:
        """The key a step's results are stored under (with its input values): only with the
        result cache on, and only for `cache=True` tasks. The optimizer's step key covers the
        steps it reads from; without it (-O0) the task's own key, which the input values complete."""
        task = self.program.task(node.task)
        if not self.result_cache or not task.options.cache:
            return None
        return node.cache_key or task.cache_key or task_cache_key(task)

    def _pipeline(self, node: PipelineNode, scope: _Scope) -> None:
        sub = self.program.pipeline(node.pipeline)
        given = {i.name: self._spec(i.binding, scope) for i in node.inputs}
        params = {p.name: given.get(p.name, Const(p.default)) for p in sub.params}
        group = (*scope.group, node.id)
        self.plan.groups[group] = sub.doc
        inner = replace(scope, prefix=f"{scope.prefix}{node.id}.", group=group, params=params, values={}, created={})
        self._body(sub.body, inner)
        scope.values[node.id] = _PipelineOutputs({r.name: self._spec(r.binding, inner) for r in sub.results})

    def _loop(self, node: LoopNode, scope: _Scope) -> None:
        loop_id = scope.prefix + node.id
        match node.items:
            case ConstBinding(value=list() as values) if len(values) > self.max_map_length:
                self._diag(codes.AIRFLOW_MAP_TOO_WIDE, node.span, len(values), self.max_map_length)
            case _:
                pass
        items = self._spec(node.items, scope)
        parent = scope.loop
        depth = 1 if parent is None else self.plan.loops[parent].depth + 1
        self.plan.loops[loop_id] = LoopPlan(parent, depth, items, scope.guards)
        ups = producers(items) | ({parent} if parent else set[str]())
        step = LoopStep(task_id=loop_id, local_id=node.id, group=scope.group, upstream=frozenset(ups), span=node.span)
        self._add(step, scope)
        inner = replace(scope, loop=loop_id)
        self._body(node.body, inner)
        result = self._spec(node.result, inner) if node.result is not None else Const(None)
        scope.values[node.id] = _LoopOutputs(loop_id, result)

    def _condition(self, node: ConditionNode, scope: _Scope) -> None:
        if scope.loop is not None:
            self._mapped_condition(node, scope)
            return
        cond_id = scope.prefix + node.id
        arms = self._arms(node, scope)
        ups = set[str]().union(*(cond_producers(a) for a in arms))
        gates = tuple(f"{cond_id}-{_arm_label(i, b.condition is None)}" for i, b in enumerate(node.branches))
        branch = BranchStep(
            task_id=cond_id, local_id=node.id, group=scope.group, upstream=frozenset(ups),
            arms=arms, gates=gates, span=node.span,
        )
        # A branch operator skips every direct downstream task it does not follow, so
        # only its gates may depend on it; steps that may be skipped (gates, arms) are
        # collected for the join only. Whoever waits for an enclosing node waits for the
        # join instead.
        self._add(branch, replace(scope, collectors=()))
        arm_steps: list[str] = []
        for gate, arm in zip(gates, node.branches):
            local = gate[len(scope.prefix):]
            step = GateStep(task_id=gate, local_id=local, group=scope.group, upstream=frozenset({cond_id}))
            self._add(step, replace(scope, collectors=()))
            inner = replace(scope, upstream=scope.upstream | {gate}, collectors=(arm_steps,), in_arm=True)
            self._body(arm.body, inner)
        self._join(node, scope, cond_id, gates, arm_steps)

    def _cleanup(self, node: CleanupNode, scope: _Scope) -> None:
        """The `finally` steps are teardown tasks downstream of every step of the `try` block (ir/cleanup.py)."""
        if scope.loop is not None or scope.in_arm:
            what = "a `try` block inside an `if` arm or a fan-out (its `finally` steps, teardown tasks, would run for a skipped arm)"
            self._diag(codes.AIRFLOW_UNSUPPORTED, node.span, what)
            return
        body_steps: list[str] = []
        self._body(node.body, replace(scope, collectors=(*scope.collectors, body_steps)))
        self._statuses[scope.prefix + node.id] = Status(tuple(body_steps))
        self._body(node.cleanup, replace(scope, upstream=scope.upstream | set(body_steps), teardown=True))

    def _mapped_condition(self, node: ConditionNode, scope: _Scope) -> None:
        """A condition inside a fan-out: a mapped step chooses the arm of each instance."""
        cond_id = scope.prefix + node.id
        arms = self._arms(node, scope)
        ups = set[str]().union({scope.loop or ""}, *(cond_producers(a) for a in arms))
        choose = ChooseStep(
            task_id=cond_id, local_id=node.id, group=scope.group, upstream=frozenset(ups),
            loop=scope.loop, arms=arms, span=node.span,
        )
        self._add(choose, scope)
        arm_steps: list[str] = []
        for i, arm in enumerate(node.branches):
            guards = (*scope.guards, Guard(cond_id, i, scope.loop))
            inner = replace(scope, upstream=scope.upstream | {cond_id}, guards=guards, collectors=(arm_steps,))
            self._body(arm.body, inner)
        self._join(node, scope, cond_id, (cond_id,), arm_steps)

    def _join(self, node: ConditionNode, scope: _Scope, cond_id: str, gates: tuple[str, ...], arm_steps: list[str]) -> None:
        """The condition's end: its values, and what `after` and enclosing nodes wait for."""
        join_id = f"{cond_id}-join"
        values = tuple((o.name, tuple(self._spec(s, scope) for s in o.sources)) for o in node.outputs)
        ups = set(gates) | set[str]().union(*(producers(s) for _, srcs in values for s in srcs))
        ups |= set(arm_steps)
        # With values there is an `else`, so one gate always succeeds; without, no arm may
        # run at all and the join must still succeed.
        rule = "none_failed_min_one_success" if node.outputs and scope.loop is None else "none_failed"
        step = JoinStep(
            task_id=join_id, local_id=f"{node.id}-join", group=scope.group, upstream=frozenset(ups),
            loop=scope.loop, trigger_rule=rule, condition=cond_id, values=values,
        )
        self._add(step, scope)
        scope.values[node.id] = _ConditionOutputs(join_id, scope.loop)

    def _diag(self, code: codes.Code, span: Span | None, *args: object) -> None:
        self.plan.diagnostics.append(Diagnostic.of(code, span or self.plan.pipeline.span, *args))


def _output_spec(value: _Value, output: str) -> Spec:
    """What an `OutputBinding` to a node's `output` reads."""
    match value:
        case _PipelineOutputs(results=results):
            return results[output]
        case _LoopOutputs(loop_id=loop_id, result=result):
            return FanIn(loop_id, result)
        case _TaskOutputs(task_id=task_id, loop=loop) | _ConditionOutputs(join_id=task_id, loop=loop):
            return Out(task_id, output, loop)


def _arm_label(index: int, is_else: bool) -> str:
    if is_else:
        return "else"
    return "then" if index == 0 else f"elif{index}"

