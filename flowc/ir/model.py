"""The flowc IR: tasks, pipelines as graphs of nodes, and the program holding them.

Everything a backend needs is here; no backend looks at source code. A pipeline is a
tree of nodes: task and sub-pipeline calls at the leaves, loops (fan-out) and
conditions holding nested bodies. Node ids are unique within a pipeline (a flat
namespace even across nested bodies) and deterministic; bindings refer to nodes by
id. A node may refer to nodes of its own body or of any enclosing body, never into
a nested one: a loop's results are reached through the loop node (the fan-in list),
a condition's through the condition node's declared outputs.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from flowc.ir.base import IRModel, JsonValue, Tagged
from flowc.ir.code_origin import CodeOrigin
from flowc.ir.command import Argument
from flowc.ir.shipped import FlowcImport, ShippedModule
from flowc.ir.span import Span
from flowc.ir.task_options import default_bool, default_int, default_str
from flowc.ir.types import NamedTupleType, NoneType, TupleType, Type

# --------------------------------------------------------------------------- bindings


class ConstBinding(IRModel):
    """A literal value written in the pipeline (or a module-level constant)."""

    kind: Literal["const"] = "const"
    value: JsonValue
    span: Span | None = None


class ParamBinding(IRModel):
    """A parameter of the enclosing pipeline."""

    kind: Literal["param"] = "param"
    name: str
    span: Span | None = None


class OutputBinding(IRModel):
    """An output of a node: its single result, or one `field` of a NamedTuple result.

    For a loop node the value is the fan-in list (one entry per iteration, in
    order); for a condition node, one of its declared outputs (`field` names it).
    """

    kind: Literal["output"] = "output"
    node: str
    field: str | None = None
    span: Span | None = None


class LoopItemBinding(IRModel):
    """The current item of an enclosing loop."""

    kind: Literal["loop_item"] = "loop_item"
    loop: str
    span: Span | None = None


class RunStatusBinding(IRModel):
    """How the enclosing `try` block `block` ended, read in its `finally` block (`flowc.run_status()`)."""

    kind: Literal["run_status"] = "run_status"
    block: str
    span: Span | None = None


Binding = Annotated[
    Union[ConstBinding, ParamBinding, OutputBinding, LoopItemBinding, RunStatusBinding], Tagged("kind")
]

# ------------------------------------------------------------------------- conditions

CompareOp = Literal["==", "!=", "<", "<=", ">", ">=", "in", "not in"]

# Conditions as the reader writes them; `flowc.ir.passes.conditions` lowers them before
# any backend runs, to `Compare`s of scalars (no `in`) joined by `BoolOp`, and predicate steps.


class Compare(IRModel):
    """`left op right`, each side a binding."""

    kind: Literal["compare"] = "compare"
    op: CompareOp
    left: Binding
    right: Binding
    span: Span | None = None


class BoolOp(IRModel):
    """`a and b and ...` or `a or b or ...`."""

    kind: Literal["bool"] = "bool"
    op: Literal["and", "or"]
    operands: tuple[Condition, ...]
    span: Span | None = None


class Not(IRModel):
    """`not operand`."""

    kind: Literal["not"] = "not"
    operand: Condition
    span: Span | None = None


class Truthy(IRModel):
    """A bare value used as a condition (`if flag:`)."""

    kind: Literal["truthy"] = "truthy"
    value: Binding
    span: Span | None = None


Condition = Annotated[Union[Compare, BoolOp, Not, Truthy], Tagged("kind")]

# ------------------------------------------------------------------------------ nodes


class Input(IRModel):
    """One argument of a call: the callee's parameter name and what is bound to it."""

    name: str
    binding: Binding


class TaskNode(IRModel):
    """A call of a task.

    `cache_key` is the step's Merkle key (its task's key and the keys of the steps it
    reads from; `flowc.ir.passes.step_keys`), set by the optimizer. `label` is a name for
    people where it differs from the id: a fused step's members, `load+clean+features`.
    """

    kind: Literal["task"] = "task"
    id: str
    task: str
    inputs: tuple[Input, ...]
    after: tuple[str, ...] = ()
    cache_key: str | None = None
    label: str | None = None
    span: Span | None = None


class PipelineNode(IRModel):
    """A call of another pipeline: a sub-DAG.

    `cache_key` is the call's Merkle key (the callee's and this call's bindings'); a
    step inside the callee is keyed in the context of its call (`step_keys.in_context`).
    """

    kind: Literal["pipeline"] = "pipeline"
    id: str
    pipeline: str
    inputs: tuple[Input, ...]
    after: tuple[str, ...] = ()
    cache_key: str | None = None
    span: Span | None = None


class LoopNode(IRModel):
    """A parallel fan-out of `body` over the items of `items`.

    A list comprehension has a `result` (the value each iteration yields); its
    fan-in list is `OutputBinding(node=<loop id>)`, of type `list[item of result]`.
    A `for` loop has no result.
    """

    kind: Literal["loop"] = "loop"
    id: str
    var: str
    items: Binding
    item_type: Type
    body: tuple[Node, ...]
    result: Binding | None = None
    result_type: Type | None = None
    after: tuple[str, ...] = ()
    span: Span | None = None


class Branch(IRModel):
    """One arm of an `if/elif/else`; `condition` is None for the `else` arm."""

    condition: Condition | None
    body: tuple[Node, ...]
    span: Span | None = None


class BranchOutput(IRModel):
    """A value assigned in every arm, usable after the condition; `sources[i]` is arm i's."""

    name: str
    type: Type
    sources: tuple[Binding, ...]


class ConditionNode(IRModel):
    """An `if/elif/else`: the first arm whose condition holds runs, the others are skipped."""

    kind: Literal["condition"] = "condition"
    id: str
    branches: tuple[Branch, ...]
    outputs: tuple[BranchOutput, ...] = ()
    after: tuple[str, ...] = ()
    span: Span | None = None

    @property
    def has_else(self) -> bool:
        return bool(self.branches) and self.branches[-1].condition is None


class CleanupNode(IRModel):
    """`try: body finally: cleanup`: `cleanup` runs once after `body`, whether it succeeded or failed.

    The meaning is settled in `flowc.ir.cleanup` (what the cleanup may read, what the
    run's state is); `body`'s top-level values stay visible after the node, as in Python.
    """

    kind: Literal["cleanup"] = "cleanup"
    id: str
    body: tuple[Node, ...]
    cleanup: tuple[Node, ...]
    after: tuple[str, ...] = ()
    span: Span | None = None


Node = Annotated[Union[TaskNode, PipelineNode, LoopNode, ConditionNode, CleanupNode], Tagged("kind")]

# ------------------------------------------------------------------------------ tasks


class Parameter(IRModel):
    """A parameter of a task or pipeline; `default` is meaningful only when `has_default`."""

    name: str
    type: Type
    has_default: bool = False
    default: JsonValue = None
    description: str | None = None
    span: Span | None = None


class Output(IRModel):
    """A named output of a task or pipeline."""

    name: str
    type: Type


class Resources(IRModel):
    """Kubernetes quantities as written (`"500m"`, `"2Gi"`) and a GPU count."""

    cpu: str | None = None
    memory: str | None = None
    gpu: int | None = None


class TaskOptions(IRModel):
    """Decorator options of a task, defaults filled in."""
    # defaults: the option table in task_options.py

    image: str = default_str("image")
    packages: tuple[str, ...] = ()
    resources: Resources = Resources()
    retries: int = default_int("retries")
    timeout_seconds: int | None = None
    cache: bool = default_bool("cache")
    env: tuple[tuple[str, str], ...] = ()
    secrets: tuple[str, ...] = ()
    fuse: bool = default_bool("fuse")


class TaskCode(IRModel):
    """A Python task's code, self-contained but for the flowc names the runner supplies.

    `preamble` holds, in source order, the module-level imports, constants and helper
    functions (and classes such as NamedTuples) the function uses; `function` is the
    function's source without decorators. `flowc_imports` lists how the code names
    flowc (`Dataset`, `fc.Model`), which every runner binds to its own artifact classes.
    `origin` says where in the user's file the code comes from (None: generated code);
    runners compile it there, so tracebacks name that file and line (`ir/code_origin.py`).
    `package` is the package its module belongs to (its relative imports resolve there);
    `modules` are the project modules it imports, shipped with it (`ir/shipped.py`).
    """

    function_name: str
    function: str
    preamble: str = ""
    flowc_imports: tuple[FlowcImport, ...] = ()
    origin: CodeOrigin | None = None
    package: str = ""
    modules: tuple[ShippedModule, ...] = ()


SINGLE_OUTPUT = "output"


class _TaskBase(IRModel):
    name: str
    params: tuple[Parameter, ...]
    returns: Type
    options: TaskOptions = TaskOptions()
    doc: str | None = None
    module: str = ""
    cache_key: str | None = None
    span: Span | None = None

    @property
    def outputs(self) -> tuple[Output, ...]:
        """Named outputs: one per NamedTuple field, else one `output` (none for `None`)."""
        return outputs_of(self.returns)

    def param(self, name: str) -> Parameter | None:
        return next((p for p in self.params if p.name == name), None)


class PythonTask(_TaskBase):
    """A task whose Python body runs on the engine.

    A task the optimizer made by fusing steps lists its `members`' task names, in the
    order it runs them (`flowc.ir.passes.fusion`); a task the user wrote has none.
    """

    kind: Literal["python"] = "python"
    code: TaskCode
    members: tuple[str, ...] = ()


class ContainerTask(_TaskBase):
    """A task that runs `command` + `args` in its image, placeholders filled in (see `ir/command.py`)."""

    kind: Literal["container"] = "container"
    command: tuple[Argument, ...]
    args: tuple[Argument, ...] = ()


Task = Annotated[Union[PythonTask, ContainerTask], Tagged("kind")]


def outputs_of(t: Type) -> tuple[Output, ...]:
    """The named outputs of a step returning `t`."""
    if isinstance(t, NamedTupleType):
        return tuple(Output(name=f.name, type=f.type) for f in t.fields)
    if isinstance(t, TupleType):
        return tuple(Output(name=f"output_{i}", type=item) for i, item in enumerate(t.items))
    if isinstance(t, NoneType):
        return ()
    return (Output(name=SINGLE_OUTPUT, type=t),)


# -------------------------------------------------------------------------- pipelines


class PipelineResult(IRModel):
    """One value a pipeline returns: its output name and what it is bound to."""

    name: str
    type: Type
    binding: Binding


class Pipeline(IRModel):
    """A pipeline: parameters, a body of nodes, and what it returns."""

    name: str
    params: tuple[Parameter, ...]
    returns: Type
    results: tuple[PipelineResult, ...] = ()
    body: tuple[Node, ...]
    schedule: str | None = None
    doc: str | None = None
    module: str = ""
    entry: bool = True
    span: Span | None = None

    @property
    def outputs(self) -> tuple[Output, ...]:
        return outputs_of(self.returns)

    def param(self, name: str) -> Parameter | None:
        return next((p for p in self.params if p.name == name), None)


class Program(IRModel):
    """Everything one compile read: its tasks and pipelines, each name unique.

    A name is the one written (function name or `name=`) when one module defines it,
    else module-qualified (`sales.extract`, `stock.extract`): tasks are identified
    by module, and task and pipeline nodes refer to them by these names.

    Pipelines with `entry=True` were defined in the files given to the compiler and
    become artifacts; the others were imported from the user's project and are only
    reached as sub-pipelines.
    """

    tasks: tuple[Task, ...] = ()
    pipelines: tuple[Pipeline, ...] = ()

    def task(self, name: str) -> PythonTask | ContainerTask:
        for t in self.tasks:
            if t.name == name:
                return t
        raise KeyError(name)

    def pipeline(self, name: str) -> Pipeline:
        for p in self.pipelines:
            if p.name == name:
                return p
        raise KeyError(name)


AnyNode = TaskNode | PipelineNode | LoopNode | ConditionNode | CleanupNode


def iter_nodes(body: tuple[Node, ...]) -> list[AnyNode]:
    """All nodes of a body, nested ones included, in source order (pre-order)."""
    out: list[AnyNode] = []
    for node in body:
        out.append(node)
        if isinstance(node, LoopNode):
            out.extend(iter_nodes(node.body))
        elif isinstance(node, ConditionNode):
            for branch in node.branches:
                out.extend(iter_nodes(branch.body))
        elif isinstance(node, CleanupNode):
            out.extend(iter_nodes(node.body))
            out.extend(iter_nodes(node.cleanup))
    return out
