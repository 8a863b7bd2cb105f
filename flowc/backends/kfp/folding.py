"""Folding a fan-out over a fan-in of artifacts into the fan-out that produced it.

    models = [train(data=d, lr=r) for r in lrs]     # loop_1: a list of Models
    scores = [score(model=m) for m in models]       # loop_2: over that list

KFP's backend has no artifact iterator ("artifact iterator not implemented yet",
`backend/src/v2/compiler/argocompiler/dag.go`), so loop_2 cannot be a ParallelFor of
its own. Its body runs inside loop_1's iteration instead, on that iteration's model,
as the kfp SDK lays out one `ParallelFor` holding both steps; both fan-in lists
become outputs of the one loop. That is possible when nothing loop_2 reads waits
for loop_1 to finish (it would wait for itself); otherwise the backend says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flowc.ir.model import LoopNode, Node, OutputBinding
from flowc.ir.scope import reads, waiting_for


@dataclass
class Folds:
    """The folding decisions for one body: which loop runs inside which."""

    guests: dict[str, list[LoopNode]] = field(default_factory=lambda: {})
    host_of: dict[str, str] = field(default_factory=lambda: {})
    refused: list[LoopNode] = field(default_factory=lambda: [])


def plan_folds(nodes: tuple[Node, ...], over_artifacts: set[str]) -> Folds:
    """Decide, for the loops of `nodes` in `over_artifacts` (loops over an artifact list), where they run."""
    folds = Folds()
    loops = {n.id: n for n in nodes if isinstance(n, LoopNode)}
    for node in nodes:
        if node.id not in over_artifacts or not isinstance(node, LoopNode):
            continue
        source = node.items
        if not isinstance(source, OutputBinding) or source.field is not None or source.node not in loops:
            folds.refused.append(node)
            continue
        host = folds.host_of.get(source.node, source.node)
        waiting = waiting_for(nodes, {host, *(g.id for g in folds.guests.get(host, []))})
        if (reads(node) - {source.node}) & waiting:
            folds.refused.append(node)
            continue
        folds.host_of[node.id] = host
        folds.guests.setdefault(host, []).append(node)
    return folds
