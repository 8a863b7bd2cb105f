"""Renaming the tasks and pipelines that calls refer to, through nested bodies."""

from __future__ import annotations

from collections.abc import Callable

from flowc.ir.model import Branch, CleanupNode, ConditionNode, LoopNode, Node, PipelineNode, TaskNode

Rename = Callable[[str], str]


def rename_calls(body: tuple[Node, ...], task: Rename, pipeline: Rename) -> tuple[Node, ...]:
    """`body` with every task call's `task` and sub-pipeline call's `pipeline` renamed."""
    return tuple(_node(n, task, pipeline) for n in body)


def _node(node: Node, task: Rename, pipeline: Rename) -> Node:
    match node:
        case TaskNode():
            return node.model_copy(update={"task": task(node.task)})
        case PipelineNode():
            return node.model_copy(update={"pipeline": pipeline(node.pipeline)})
        case LoopNode():
            return node.model_copy(update={"body": rename_calls(node.body, task, pipeline)})
        case ConditionNode():
            return node.model_copy(update={"branches": tuple(_branch(b, task, pipeline) for b in node.branches)})
        case CleanupNode():
            body, cleanup = rename_calls(node.body, task, pipeline), rename_calls(node.cleanup, task, pipeline)
            return node.model_copy(update={"body": body, "cleanup": cleanup})


def _branch(branch: Branch, task: Rename, pipeline: Rename) -> Branch:
    return branch.model_copy(update={"body": rename_calls(branch.body, task, pipeline)})
