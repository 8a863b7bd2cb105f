"""Which IR tasks a generated module holds: those its pipeline and its sub-pipelines call."""

from __future__ import annotations

from flowc.ir.model import PipelineNode, Program, TaskNode, iter_nodes


def reachable_task_names(program: Program, pipeline: str) -> list[str]:
    seen: set[str] = set()
    tasks: dict[str, None] = {}

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for node in iter_nodes(program.pipeline(name).body):
            if isinstance(node, TaskNode):
                tasks[node.task] = None
            elif isinstance(node, PipelineNode):
                visit(node.pipeline)

    visit(pipeline)
    return list(tasks)
