"""Which task or pipeline call is at a place in a document, found in the program as written."""

from __future__ import annotations

from dataclasses import dataclass

from flowc.ir.model import Pipeline, PipelineNode, Program, TaskNode, iter_nodes
from flowc.ir.span import Span
from flowc.lsp.positions import contains


@dataclass(frozen=True)
class Call:
    """A call written in `pipeline`'s body: a step (`TaskNode`) or a sub-pipeline (`PipelineNode`)."""

    pipeline: Pipeline
    node: TaskNode | PipelineNode
    span: Span


class CallIndex:
    """Every call of a program with a span, by file; the innermost one answers for a position."""

    def __init__(self, program: Program) -> None:
        self._by_path: dict[str, list[Call]] = {}
        for pipeline in program.pipelines:
            for node in iter_nodes(pipeline.body):
                if isinstance(node, (TaskNode, PipelineNode)) and node.span is not None:
                    self._by_path.setdefault(node.span.path, []).append(Call(pipeline, node, node.span))

    def at(self, path: str, line: int, col: int) -> Call | None:
        """The innermost call in `path` whose span holds 1-based (`line`, `col`): `b` in `a(x=b(y=1))`."""
        found = [c for c in self._by_path.get(path, ()) if contains(c.span, line, col)]
        return max(found, key=lambda c: (c.span.line, c.span.col), default=None)  # calls nest: the inner starts last
