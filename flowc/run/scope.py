"""Where a running body finds its values: parameters, loop items, and the futures of its nodes.

Node ids are unique within a pipeline across nested bodies, so a body's scope looks a
node up in itself, then in the bodies around it (a loop iteration's scope sits inside
its pipeline's). A sub-pipeline call starts a fresh chain: its own parameters, its own
nodes, a path prefix and the step-key context of the call.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field

from flowc.ir.model import (
    Binding,
    ConditionNode,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    ParamBinding,
    PipelineNode,
    RunStatusBinding,
    TaskNode,
)
from flowc.ir.passes.step_keys import in_context

Outputs = dict[str, object]


class Failed(Exception):
    """A step, or a step a value depends on, did not succeed: dependants do not run.

    `step` is the failed step's path in the run (None when no step is to blame), `error` why.
    """

    def __init__(self, step: str | None, error: str) -> None:
        super().__init__(f"{step}: {error}" if step else error)
        self.step = step
        self.error = error

    def again(self) -> Failed:
        """The same failure, for another waiter to raise (an exception object is raised once per traceback)."""
        return Failed(self.step, self.error)


class StepCannotRun(Exception):
    """A step cannot run at all on this machine (its message says why and names it): the run stops."""


@dataclass
class Scope:
    """One running body: its pipeline's parameters, the loop items around it, its nodes' futures."""

    params: dict[str, object]
    prefix: str = ""
    context: str | None = None
    parent: Scope | None = None
    items: dict[str, object] = field(default_factory=lambda: {})
    nodes: dict[str, tuple[Node, Future[object]]] = field(default_factory=lambda: {})

    def inner(self, prefix: str, loop: str | None = None, item: object = None) -> Scope:
        """The scope of a nested body (a loop iteration binds its item)."""
        items = {loop: item} if loop is not None else {}
        return Scope(self.params, self.prefix + prefix, self.context, self, items)

    def node(self, node_id: str) -> tuple[Node, Future[object]]:
        scope: Scope | None = self
        while scope is not None:
            if node_id in scope.nodes:
                return scope.nodes[node_id]
            scope = scope.parent
        raise KeyError(node_id)

    def item(self, loop: str) -> object:
        scope: Scope | None = self
        while scope is not None:
            if loop in scope.items:
                return scope.items[loop]
            scope = scope.parent
        raise KeyError(loop)

    def path(self, node_id: str) -> str:
        return self.prefix + node_id

    def step_key(self, key: str | None) -> str | None:
        return None if key is None else in_context(self.context, key)

    def wait(self, node_id: str) -> object:
        """The value of a node once it is done; `Failed` when it (or what it needed) failed."""
        _, future = self.node(node_id)
        try:
            return future.result()
        except Failed as exc:
            raise exc.again() from exc

    def resolve(self, binding: Binding) -> object:
        """A binding's value, waiting for the node it reads."""
        match binding:
            case ConstBinding(value=value):
                return value
            case ParamBinding(name=name):
                return self.params[name]
            case LoopItemBinding(loop=loop):
                return self.item(loop)
            case OutputBinding(node=node_id, field=name):
                return _field(self.node(node_id)[0], self.wait(node_id), name)
            case RunStatusBinding(block=block):
                return self.item(block)  # bound where its `finally` block runs (run/cleanup.py)


def _field(node: Node, value: object, name: str | None) -> object:
    """One output of a node's value: a loop's fan-in list, a condition's or a call's named outputs."""
    if isinstance(node, LoopNode):
        return value
    assert isinstance(node, (TaskNode, PipelineNode, ConditionNode)) and isinstance(value, dict)
    outputs: Outputs = value  # pyright: ignore[reportUnknownVariableType]
    if name is not None:
        return outputs[name]
    return outputs["output"] if "output" in outputs else outputs
