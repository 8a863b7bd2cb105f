"""Tasks and pipelines are identified by module: `a.extract` and `b.extract` are two tasks.

While reading, a call refers to its callee by a key holding the module and the
name (`module_key`), because a name alone is only known to be unique once every
module has been read. `assign_ids` then gives each definition its IR name: the
name as written when one module defines it, else the module-qualified name
(`pipelines.a.extract`), so the IR keeps one flat, unique namespace and every
backend sanitizes these names the way it sanitizes any other.
"""

from __future__ import annotations

from collections.abc import Iterable

from flowc.ir.model import (
    Branch,
    ConditionNode,
    ContainerTask,
    LoopNode,
    Node,
    Pipeline,
    PipelineNode,
    Program,
    PythonTask,
    TaskNode,
)

_SEPARATOR = ":"  # never in a module name, so the first one splits a key unambiguously


def module_key(module: str, name: str) -> str:
    """How calls refer to a definition until `assign_ids` names it."""
    return f"{module}{_SEPARATOR}{name}"


def key_name(key: str) -> str:
    """The name part of a `module_key`."""
    return key.partition(_SEPARATOR)[2]


def unique_ids(defined: Iterable[tuple[str, str]]) -> dict[str, str]:
    """key -> IR name: plain where one module defines the name, module-qualified where several do.

    >>> sorted(unique_ids([("a", "extract"), ("b", "extract"), ("a", "load")]).values())
    ['a.extract', 'b.extract', 'load']
    """
    pairs = list(dict.fromkeys(defined))
    modules: dict[str, set[str]] = {}
    for module, name in pairs:
        modules.setdefault(name, set()).add(module)
    taken = {name for name, mods in modules.items() if len(mods) == 1}
    out: dict[str, str] = {}
    for module, name in pairs:
        if len(modules[name]) == 1:
            out[module_key(module, name)] = name
            continue
        base = f"{module}.{name}" if module else name
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        out[module_key(module, name)] = candidate
    return out


def assign_ids(program: Program) -> Program:
    """`program` with every task and pipeline named by its unique id, and every call pointing at it."""
    task_ids = unique_ids((t.module, t.name) for t in program.tasks)
    pipeline_ids = unique_ids((p.module, p.name) for p in program.pipelines)
    renamer = _Renamer(task_ids, pipeline_ids)
    tasks = tuple(_renamed_task(t, task_ids) for t in program.tasks)
    pipelines = tuple(
        p.model_copy(update={"name": pipeline_ids[module_key(p.module, p.name)], "body": renamer.body(p.body)})
        for p in program.pipelines
    )
    return Program(tasks=tasks, pipelines=pipelines)


def _renamed_task(task: PythonTask | ContainerTask, ids: dict[str, str]) -> PythonTask | ContainerTask:
    return task.model_copy(update={"name": ids[module_key(task.module, task.name)]})


class _Renamer:
    """Rewrites calls from module keys to IR names, through nested bodies."""

    def __init__(self, task_ids: dict[str, str], pipeline_ids: dict[str, str]) -> None:
        self.task_ids = task_ids
        self.pipeline_ids = pipeline_ids

    def body(self, body: tuple[Node, ...]) -> tuple[Node, ...]:
        return tuple(self.node(n) for n in body)

    def node(self, node: Node) -> Node:
        match node:
            case TaskNode():
                return node.model_copy(update={"task": _resolve(node.task, self.task_ids)})
            case PipelineNode():
                return node.model_copy(update={"pipeline": _resolve(node.pipeline, self.pipeline_ids)})
            case LoopNode():
                return node.model_copy(update={"body": self.body(node.body)})
            case ConditionNode():
                return node.model_copy(update={"branches": tuple(self.branch(b) for b in node.branches)})

    def branch(self, branch: Branch) -> Branch:
        return branch.model_copy(update={"body": self.body(branch.body)})


def _resolve(key: str, ids: dict[str, str]) -> str:
    """The IR name a call's key stands for (a callee that failed to build keeps its written name)."""
    return ids.get(key, key_name(key) or key)
