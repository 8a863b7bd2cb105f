"""Step keys: a Merkle cache key on every task node, so an edit invalidates exactly what it reaches.

A task's key (`cache_key.py`) says what its code is; a step's key also says where
its inputs come from: per input, the key of the step (or loop, condition, sub-pipeline
call) it reads, a constant's JSON, a pipeline parameter's name, or a loop's item (the
loop's items). Editing one task therefore changes its own steps' keys and those of
every step downstream of them, and no other. Keys never use node ids (numbering
shifts when a call is added upstream) and never Python's `hash()` or dict order:
each is the SHA-256 of canonical JSON (`cache_key.digest`), the same in every
process, under every hash seed, on every Python flowc supports.

Nodes with bodies get keys too, for the steps that read them: a loop's covers its
items, its body's keys and its result; a condition's its arms' conditions, bodies
and outputs; a sub-pipeline call's (`PipelineNode.cache_key`) the callee (its
parameters, body and results) and the call's bindings. `after` waits count as
inputs (a step ordered after another usually reads what it wrote).

A pipeline's steps are keyed once, with its parameters as names. Where it runs as a
sub-pipeline, backends key its steps in the context of the call
(`in_context(call key, step key)`, through every enclosing call), so a change
upstream of the call reaches the steps inside.

>>> from flowc.ir.model import Input, OutputBinding, ParamBinding, Pipeline, PythonTask, TaskCode, TaskNode
>>> from flowc.ir.types import NONE
>>> def task(name: str, key: str) -> PythonTask:  # a task whose key is given
...     code = TaskCode(function_name=name, function="")
...     return PythonTask(name=name, params=(), returns=NONE, code=code, cache_key=key)
>>> def step(id: str, task: str, x: Binding) -> TaskNode:
...     return TaskNode(id=id, task=task, inputs=(Input(name="x", binding=x),))
>>> def keys(a_key: str) -> dict[str, str | None]:  # a -> b, and c beside them
...     body = (step("a", "ta", ParamBinding(name="p")), step("b", "tb", OutputBinding(node="a")),
...             step("c", "tb", ParamBinding(name="p")))
...     pipeline = Pipeline(name="p", params=(), returns=NONE, body=body)
...     program = assign_step_keys(Program(tasks=(task("ta", a_key), task("tb", "k-b")), pipelines=(pipeline,)))
...     return {n.id: n.cache_key for n in program.pipelines[0].body if isinstance(n, TaskNode)}
>>> before, after = keys("k-a"), keys("k-a2")
>>> sorted(n for n in before if before[n] != after[n])  # a and what reads it; not c
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from flowc.ir.model import (
    Binding,
    BoolOp,
    Compare,
    Condition,
    CleanupNode,
    ConditionNode,
    ConstBinding,
    Input,
    LoopItemBinding,
    LoopNode,
    Node,
    Not,
    OutputBinding,
    ParamBinding,
    RunStatusBinding,
    Pipeline,
    PipelineNode,
    Program,
    TaskNode,
    Truthy,
    iter_nodes,
)
from flowc.ir.passes.cache_key import digest, task_cache_key

STEP_KEY_VERSION = "flowc-step-1"
_NodeMap = Callable[[Node], Node]


def assign_step_keys(program: Program) -> Program:
    """The program with `cache_key` set on every task node and sub-pipeline call."""
    keys = ProgramKeys(program)
    pipelines = tuple(_keyed(p, keys.node_keys(p.name)) for p in program.pipelines)
    return program.model_copy(update={"pipelines": pipelines})


def in_context(context: str | None, key: str) -> str:
    """`key` of a step inside a sub-pipeline, run by the call whose (contextual) key is `context`."""
    return key if context is None else digest([STEP_KEY_VERSION, "in", context, key])


def task_step_keys(program: Program, entry: Pipeline) -> dict[str, list[str]]:
    """Task name -> the distinct step keys (in context, sorted) of its calls in `entry` and its sub-pipelines.

    Empty for a program whose steps have no keys (`-O0`).
    """
    out: dict[str, set[str]] = {}

    def visit(pipeline: Pipeline, context: str | None) -> None:
        for node in iter_nodes(pipeline.body):
            if isinstance(node, TaskNode) and node.cache_key is not None:
                out.setdefault(node.task, set()).add(in_context(context, node.cache_key))
            elif isinstance(node, PipelineNode):
                inner = context if node.cache_key is None else in_context(context, node.cache_key)
                visit(program.pipeline(node.pipeline), inner)

    visit(entry, None)
    return {name: sorted(keys) for name, keys in out.items()}


def _keyed(pipeline: Pipeline, keys: dict[str, str]) -> Pipeline:
    def with_key(node: Node) -> Node:
        if isinstance(node, (TaskNode, PipelineNode)):
            return node.model_copy(update={"cache_key": keys[node.id]})
        return node

    return pipeline.model_copy(update={"body": _map_nodes(pipeline.body, with_key)})


def _map_nodes(body: tuple[Node, ...], fn: _NodeMap) -> tuple[Node, ...]:
    out: list[Node] = []
    for node in body:
        if isinstance(node, LoopNode):
            node = node.model_copy(update={"body": _map_nodes(node.body, fn)})
        elif isinstance(node, ConditionNode):
            branches = tuple(b.model_copy(update={"body": _map_nodes(b.body, fn)}) for b in node.branches)
            node = node.model_copy(update={"branches": branches})
        elif isinstance(node, CleanupNode):
            node = node.model_copy(update={"body": _map_nodes(node.body, fn), "cleanup": _map_nodes(node.cleanup, fn)})
        out.append(fn(node))
    return tuple(out)


class ProgramKeys:
    """Step keys of every pipeline of a program, each pipeline keyed once (callees on demand)."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.task_keys = {t.name: t.cache_key or task_cache_key(t) for t in program.tasks}
        self._keyers: dict[str, _PipelineKeys] = {}
        self._pipelines: dict[str, str] = {}

    def _keyer(self, name: str) -> _PipelineKeys:
        if name not in self._keyers:
            self._keyers[name] = _PipelineKeys(self, self.program.pipeline(name))
        return self._keyers[name]

    def node_keys(self, pipeline: str) -> dict[str, str]:
        """Node id -> key, for every node of `pipeline` (nested ones included)."""
        return self._keyer(pipeline).all()

    def pipeline_key(self, name: str) -> str:
        """What a call of pipeline `name` runs: its parameters, body and results, parameters by name."""
        if name not in self._pipelines:
            keys = self._keyer(name)
            pipeline = self.program.pipeline(name)
            params = [[p.name, p.has_default, p.default] for p in pipeline.params]
            body = [keys.key(n.id) for n in pipeline.body]
            results = [[r.name, keys.binding(r.binding)] for r in pipeline.results]
            self._pipelines[name] = digest([STEP_KEY_VERSION, "pipeline", params, body, results])
        return self._pipelines[name]


class _PipelineKeys:
    """The keys of one pipeline's nodes, each computed once, on demand, from what it reads."""

    def __init__(self, program: ProgramKeys, pipeline: Pipeline) -> None:
        self.program = program
        self.nodes = {n.id: n for n in iter_nodes(pipeline.body)}
        self.keys: dict[str, str] = {}
        self._pending: set[str] = set()
        self._body = pipeline.body

    def all(self) -> dict[str, str]:
        for node in _post_order(self._body):  # what a node reads mostly comes before it: shallow recursion
            self.key(node.id)
        return self.keys

    def key(self, node_id: str) -> str:
        if node_id not in self.keys:
            if node_id in self._pending:
                raise ValueError(f"step keys: {node_id!r} depends on itself")
            self._pending.add(node_id)
            self.keys[node_id] = digest([STEP_KEY_VERSION, *self._material(self.nodes[node_id])])
            self._pending.discard(node_id)
        return self.keys[node_id]

    def binding(self, binding: Binding) -> object:
        match binding:
            case ConstBinding():
                return ["const", binding.value]
            case ParamBinding():
                return ["param", binding.name]
            case OutputBinding():
                return ["output", self.key(binding.node), binding.field]
            case LoopItemBinding():
                loop = self.nodes[binding.loop]
                assert isinstance(loop, LoopNode)
                return ["item", self.binding(loop.items)]
            case RunStatusBinding():
                block = self.nodes[binding.block]
                assert isinstance(block, CleanupNode)
                return ["status", self._body_keys(block.body)]

    def _material(self, node: Node) -> list[object]:
        after = sorted(self.key(a) for a in node.after)
        match node:
            case TaskNode():
                return ["task", self.program.task_keys[node.task], self._inputs(node.inputs), after]
            case PipelineNode():
                return ["call", self.program.pipeline_key(node.pipeline), self._inputs(node.inputs), after]
            case LoopNode():
                result = None if node.result is None else self.binding(node.result)
                return ["loop", self.binding(node.items), self._body_keys(node.body), result, after]
            case ConditionNode():
                arms = [[self._condition(b.condition), self._body_keys(b.body)] for b in node.branches]
                outputs = [[o.name, [self.binding(s) for s in o.sources]] for o in node.outputs]
                return ["condition", arms, outputs, after]
            case CleanupNode():
                return ["cleanup", self._body_keys(node.body), self._body_keys(node.cleanup), after]

    def _inputs(self, inputs: tuple[Input, ...]) -> list[object]:
        return [[i.name, self.binding(i.binding)] for i in sorted(inputs, key=lambda i: i.name)]

    def _body_keys(self, body: tuple[Node, ...]) -> list[str]:
        return [self.key(n.id) for n in body]

    def _condition(self, condition: Condition | None) -> object:
        match condition:
            case None:
                return None
            case Compare():
                return ["compare", condition.op, self.binding(condition.left), self.binding(condition.right)]
            case BoolOp():
                return ["bool", condition.op, [self._condition(c) for c in condition.operands]]
            case Not():
                return ["not", self._condition(condition.operand)]
            case Truthy():
                return ["truthy", self.binding(condition.value)]


def _post_order(body: tuple[Node, ...]) -> Iterator[Node]:
    for node in body:
        if isinstance(node, LoopNode):
            yield from _post_order(node.body)
        elif isinstance(node, ConditionNode):
            for branch in node.branches:
                yield from _post_order(branch.body)
        elif isinstance(node, CleanupNode):
            yield from _post_order(node.body)
            yield from _post_order(node.cleanup)
        yield node
