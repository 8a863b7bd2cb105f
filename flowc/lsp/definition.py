"""Go to definition: from a task or pipeline call to the name in its `def`, in whichever project module defines it."""

from __future__ import annotations

from flowc.ir.model import Program, TaskNode
from flowc.ir.span import Span
from flowc.lsp.calls import Call


def definition_span(call: Call, program: Program) -> Span | None:
    """Where the callee of `call` is defined (the function's name), if it was read."""
    node = call.node
    if isinstance(node, TaskNode):
        defined = [t.span for t in program.tasks if t.name == node.task]
    else:
        defined = [p.span for p in program.pipelines if p.name == node.pipeline]
    return next((s for s in defined if s is not None), None)
