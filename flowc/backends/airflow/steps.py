"""The typed Airflow plan: binding specs, conditions, steps and fan-outs.

Each kind is a small frozen dataclass. The generated runtime
(`runtime/dag_runtime.py`) reads them as JSON-like lists and dicts, written only by
`spec_json`, `cond_json`, `guard_json`, `step_json` and `loop_json` below: those
five functions are the runtime's format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, TypeAlias

from flowc.ir.base import JsonValue
from flowc.ir.model import CompareOp
from flowc.ir.span import Span

# ------------------------------------------------------------------ bindings


@dataclass(frozen=True)
class Const:
    """A value written in the pipeline."""

    value: JsonValue


@dataclass(frozen=True)
class Param:
    """A DAG parameter, by name."""

    name: str


@dataclass(frozen=True)
class Out:
    """One field of a step's result (`loop`: the fan-out the step is mapped over)."""

    task_id: str
    output: str
    loop: str | None


@dataclass(frozen=True)
class Item:
    """The item of a fan-out the running instance was mapped over."""

    loop: str


@dataclass(frozen=True)
class FanIn:
    """`result` resolved at every instance of a fan-out, as a list."""

    loop: str
    result: Spec


@dataclass(frozen=True)
class Status:
    """How a `try` block ended, read from the states of its steps' task instances (`steps`)."""

    steps: tuple[str, ...]


Spec: TypeAlias = Const | Param | Out | Item | FanIn | Status


def producers(spec: Spec) -> set[str]:
    """Task ids whose results a binding spec reads."""
    match spec:
        case Out(task_id=task_id):
            return {task_id}
        case Item(loop=loop):
            return {loop}
        case FanIn(loop=loop, result=result):
            return {loop} | producers(result)
        case Const() | Param() | Status():
            return set()


def spec_json(spec: Spec) -> list[object]:
    """A binding as the runtime reads it: `[kind, ...]`."""
    match spec:
        case Const(value=value):
            return ["const", value]
        case Param(name=name):
            return ["param", name]
        case Out(task_id=task_id, output=output, loop=loop):
            return ["out", task_id, output, loop]
        case Item(loop=loop):
            return ["item", loop]
        case FanIn(loop=loop, result=result):
            # A tuple: `_FLOWC_LOOPS` is Python source and has always shown a fan-in's
            # result so (JSON, for the steps, makes no difference).
            return ["fanin", loop, tuple(spec_json(result))]
        case Status(steps=steps):
            return ["status", list(steps)]


# ---------------------------------------------------------------- conditions


@dataclass(frozen=True)
class Cmp:
    """`left op right`."""

    op: CompareOp
    left: Spec
    right: Spec


@dataclass(frozen=True)
class Junction:
    """`a and b and ...` or `a or b or ...`."""

    op: Literal["and", "or"]
    operands: tuple[Cond, ...]


Cond: TypeAlias = Cmp | Junction


def cond_producers(cond: Cond | None) -> set[str]:
    """Task ids whose results a condition reads (none for an `else`)."""
    match cond:
        case None:
            return set()
        case Cmp(left=left, right=right):
            return producers(left) | producers(right)
        case Junction(operands=operands):
            return set[str]().union(*(cond_producers(c) for c in operands))


def cond_json(cond: Cond | None) -> list[object] | None:
    """A condition as the runtime evaluates it: `["cmp", op, left, right]` or `[op, [...]]`."""
    match cond:
        case None:
            return None
        case Cmp(op=op, left=left, right=right):
            return ["cmp", op, spec_json(left), spec_json(right)]
        case Junction(op=op, operands=operands):
            return [op, [cond_json(c) for c in operands]]


@dataclass(frozen=True)
class Guard:
    """Inside a fan-out: run an instance only where `condition` chose `arm` for it."""

    condition: str
    arm: int
    loop: str | None


def guard_json(guard: Guard) -> list[object]:
    return [guard.condition, guard.arm, guard.loop]


# --------------------------------------------------------------------- steps


@dataclass(frozen=True, kw_only=True)
class StepBase:
    """What every Airflow task of the DAG has; `kind` names it for the runtime."""

    kind: ClassVar[str]
    task_id: str
    local_id: str
    group: tuple[str, ...]
    upstream: frozenset[str] = frozenset()
    loop: str | None = None
    trigger_rule: str | None = None
    guards: tuple[Guard, ...] = ()
    teardown: bool = False  # a step of a `finally` block: runs when its `try` block is done, whatever its state


@dataclass(frozen=True, kw_only=True)
class TaskStep(StepBase):
    """Runs one IR task with its inputs bound.

    `cache_key`: with the result cache on, the step's key (its results are stored under
    it and its input values); `label`: the name people see, where it differs from the id.
    """

    kind: ClassVar[str] = "task"
    task: str
    inputs: tuple[tuple[str, Spec], ...]
    span: Span | None = None
    cache_key: str | None = None
    label: str | None = None


@dataclass(frozen=True, kw_only=True)
class LoopStep(StepBase):
    """A fan-out's items task: the paths and items its mapped steps run over."""

    kind: ClassVar[str] = "loop"
    span: Span | None = None


@dataclass(frozen=True, kw_only=True)
class BranchStep(StepBase):
    """Follows the gate of the first arm whose condition holds (None: an `else`)."""

    kind: ClassVar[str] = "branch"
    arms: tuple[Cond | None, ...]
    gates: tuple[str, ...]
    span: Span | None = None


@dataclass(frozen=True, kw_only=True)
class GateStep(StepBase):
    """Where one arm of a condition starts; skipped when the arm is not taken."""

    kind: ClassVar[str] = "gate"


@dataclass(frozen=True, kw_only=True)
class ChooseStep(StepBase):
    """Inside a fan-out: records which arm each instance takes."""

    kind: ClassVar[str] = "choose"
    arms: tuple[Cond | None, ...]
    span: Span | None = None


@dataclass(frozen=True, kw_only=True)
class JoinStep(StepBase):
    """A condition's end: each value from the arm that ran, and what waiters wait for."""

    kind: ClassVar[str] = "join"
    condition: str
    values: tuple[tuple[str, tuple[Spec, ...]], ...]

    @property
    def waits_only(self) -> bool:
        """Nothing to compute: an EmptyOperator stands for it."""
        return not self.values and self.loop is None


@dataclass(frozen=True, kw_only=True)
class ResultsStep(StepBase):
    """The pipeline's results, gathered into one XCom."""

    kind: ClassVar[str] = "results"
    inputs: tuple[tuple[str, Spec], ...]


Step: TypeAlias = TaskStep | LoopStep | BranchStep | GateStep | ChooseStep | JoinStep | ResultsStep


def _inputs_json(inputs: tuple[tuple[str, Spec], ...]) -> list[object]:
    return [[name, spec_json(spec)] for name, spec in inputs]


def step_json(step: Step) -> dict[str, object]:
    """One step as the runtime reads it from `_FLOWC_STEPS` (key order is part of the file)."""
    spec: dict[str, object] = {"kind": step.kind, "loop": step.loop}
    match step:
        case TaskStep():
            spec.update(task=step.task, inputs=_inputs_json(step.inputs))
            if step.cache_key is not None:
                spec["cache"] = step.cache_key
        case ResultsStep():
            spec.update(inputs=_inputs_json(step.inputs))
        case BranchStep():
            spec.update(arms=[cond_json(a) for a in step.arms], gates=list(step.gates))
        case ChooseStep():
            spec.update(arms=[cond_json(a) for a in step.arms])
        case JoinStep():
            values = [[name, [spec_json(s) for s in sources]] for name, sources in step.values]
            spec.update(cond=step.condition, values=values)
        case LoopStep() | GateStep():
            pass
    if step.guards:
        spec["guards"] = [guard_json(g) for g in step.guards]
    return spec


# ------------------------------------------------------------------ fan-outs


@dataclass(frozen=True)
class LoopPlan:
    """One fan-out: its enclosing fan-out, nesting depth, items, and the arms it sits in."""

    parent: str | None
    depth: int
    items: Spec
    guards: tuple[Guard, ...] = ()


def loop_json(loop: LoopPlan) -> dict[str, object]:
    """One fan-out as the runtime reads it from `_FLOWC_LOOPS`."""
    spec: dict[str, object] = {"parent": loop.parent, "depth": loop.depth, "items": spec_json(loop.items)}
    if loop.guards:
        spec["guards"] = [guard_json(g) for g in loop.guards]
    return spec
