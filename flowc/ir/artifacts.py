"""What one artifact holds: an entry pipeline and everything it reaches, named for that artifact.

A task or pipeline defined by two modules of a project gets a module-qualified IR name
(`sales.extract`) so that a compile's program has one flat namespace. Whether a name
is qualified then depends on which files one compile reads, and an artifact should not
change because a file it never uses was compiled beside it. So each artifact is
emitted from its own view of the program: the pipelines and tasks its entry pipeline
reaches, each under its plain name wherever that name is unique in the artifact. The
entry pipeline keeps its program name, which names the artifact's file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flowc.ir.model import ContainerTask, Pipeline, PipelineNode, Program, PythonTask, TaskNode, iter_nodes
from flowc.ir.rename import rename_calls


def artifact_program(program: Program, entry: Pipeline) -> Program:
    """The program the artifact of `entry` is built from (see the module docstring)."""
    pipelines, tasks = _reachable(program, entry)
    names = _plain_names([*((t.module, t.name) for t in tasks), *((p.module, p.name) for p in pipelines[1:])])
    names[entry.name] = entry.name

    def rename(name: str) -> str:
        return names.get(name, name)

    return Program(
        tasks=tuple(t.model_copy(update={"name": rename(t.name)}) for t in tasks),
        pipelines=tuple(
            p.model_copy(update={"name": rename(p.name), "body": rename_calls(p.body, rename, rename)}) for p in pipelines
        ),
    )


def _reachable(program: Program, entry: Pipeline) -> tuple[list[Pipeline], list[PythonTask | ContainerTask]]:
    """The pipelines (`entry` first) and tasks an artifact of `entry` contains, in program order."""
    seen_pipelines, seen_tasks, todo = {entry.name}, set[str](), [entry]
    while todo:
        for node in iter_nodes(todo.pop().body):
            if isinstance(node, TaskNode):
                seen_tasks.add(node.task)
            elif isinstance(node, PipelineNode) and node.pipeline not in seen_pipelines:
                seen_pipelines.add(node.pipeline)
                todo.append(program.pipeline(node.pipeline))
    others = [p for p in program.pipelines if p.name in seen_pipelines and p.name != entry.name]
    return [entry, *others], [t for t in program.tasks if t.name in seen_tasks]


def _plain_names(defined: Iterable[tuple[str, str]]) -> dict[str, str]:
    """IR name -> the name it is written with, where no other of `defined` (module, IR name) pairs
    is written alike, even once an engine folds case and punctuation away."""
    plain = {name: _written(module, name) for module, name in defined}
    counts: dict[str, int] = {}
    for written in plain.values():
        counts[_folded(written)] = counts.get(_folded(written), 0) + 1
    return {name: written if counts[_folded(written)] == 1 else name for name, written in plain.items()}


def _folded(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _written(module: str, name: str) -> str:
    prefix = f"{module}." if module else ""
    return name[len(prefix):] if prefix and name.startswith(prefix) else name
