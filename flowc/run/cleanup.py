"""`try: ... finally: ...` (a `CleanupNode`, see `flowc.ir.cleanup`) under `flowc run`.

The `try` body runs in the enclosing scope (its values stay visible after the node,
so its nodes are registered with the enclosing body's: `visible_nodes`); then the
`finally` steps run, whatever the body did, with `run_status()` bound like a loop
item under the block's id; then the node fails if the body failed. The status names
the first failed step by its path in the run (`loop_1/0/step`, `call/step`) and its error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from flowc.ir.model import CleanupNode, Node
from flowc.run.scope import Failed, Outputs, Scope

if TYPE_CHECKING:
    from flowc.run.executor import Executor


def visible_nodes(body: tuple[Node, ...]) -> Iterator[Node]:
    """The nodes of `body` that nodes of it may read: its own, and those of its `try` blocks."""
    for node in body:
        yield node
        if isinstance(node, CleanupNode):
            yield from visible_nodes(node.body)
            yield from visible_nodes(node.cleanup)


def run_cleanup(executor: Executor, node: CleanupNode, scope: Scope) -> Outputs:
    """Run the `try` body, then the `finally` steps in any case; fail as the body did."""
    executor.ready(node, scope, [(node.body, scope.prefix), (node.cleanup, scope.prefix)])
    failure: Failed | None = None
    try:
        executor.run_registered(node.body, scope)
    except Failed as exc:
        failure = exc
    scope.items[node.id] = status_of(failure)
    executor.run_registered(node.cleanup, scope)
    if failure is not None:
        raise failure
    return {}


def status_of(failure: Failed | None) -> dict[str, object]:
    """A `RunStatus` as the task runtime reads it (`coerce`)."""
    if failure is None:
        return {"state": "succeeded", "failed_step": None, "error": None}
    return {"state": "failed", "failed_step": failure.step, "error": failure.error}
