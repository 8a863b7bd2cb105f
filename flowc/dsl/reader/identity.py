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

from flowc.ir.model import ContainerTask, Program, PythonTask
from flowc.ir.names import fresh_name
from flowc.ir.rename import Rename, rename_calls

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
        out[module_key(module, name)] = fresh_name(f"{module}.{name}" if module else name, taken)
    return out


def assign_ids(program: Program) -> Program:
    """`program` with every task and pipeline named by its unique id, and every call pointing at it."""
    task_ids = unique_ids((t.module, t.name) for t in program.tasks)
    pipeline_ids = unique_ids((p.module, p.name) for p in program.pipelines)
    task_id: Rename = lambda key: _resolve(key, task_ids)  # noqa: E731
    pipeline_id: Rename = lambda key: _resolve(key, pipeline_ids)  # noqa: E731
    tasks = tuple(_renamed_task(t, task_ids) for t in program.tasks)
    pipelines = tuple(
        p.model_copy(update={"name": pipeline_ids[module_key(p.module, p.name)], "body": rename_calls(p.body, task_id, pipeline_id)})
        for p in program.pipelines
    )
    return Program(tasks=tasks, pipelines=pipelines)


def _renamed_task(task: PythonTask | ContainerTask, ids: dict[str, str]) -> PythonTask | ContainerTask:
    return task.model_copy(update={"name": ids[module_key(task.module, task.name)]})


def _resolve(key: str, ids: dict[str, str]) -> str:
    """The IR name a call's key stands for (a callee that failed to build keeps its written name)."""
    return ids.get(key, key_name(key) or key)
