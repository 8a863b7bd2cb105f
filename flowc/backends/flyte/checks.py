"""What Flyte cannot take, found before any code is written: located diagnostics."""

from __future__ import annotations

import builtins
import keyword
from collections.abc import Sequence

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import ConstBinding, ContainerTask, LoopNode, Pipeline, PythonTask, iter_nodes
from flowc.ir.names import python_name
from flowc.ir.types import render
from flowc.backends.flyte.functions import MODULE_GLOBALS
from flowc.backends.flyte.typemap import is_flat

# flytekit's default ArrayNode limit (propeller's `max-array-node-size` is 5,000 by default)
MAX_ARRAY_SIZE = 5000
BUILTINS = frozenset(dir(builtins))


def check_images(tasks: Sequence[PythonTask | ContainerTask], flytekit_images: Sequence[str]) -> list[Diagnostic]:
    """A warning per Python task whose image may lack flytekit, which a registered Flyte task runs.

    Known to have it: an image under one of `flytekit_images` (names or prefixes), and a
    task with packages (an `ImageSpec`, whose builder installs flytekit). Fused tasks
    (no span) are reported through their members. One warning per image.
    """
    users: dict[str, list[PythonTask]] = {}
    for task in tasks:
        if not isinstance(task, PythonTask) or task.span is None or task.options.packages:
            continue
        if not any(task.options.image.startswith(prefix) for prefix in flytekit_images if prefix):
            users.setdefault(task.options.image, []).append(task)
    # One warning per image, at no task: which tasks share an image depends on what else is
    # compiled beside them, and a warning must read the same however a project is checked.
    return [Diagnostic.of(codes.FLYTE_IMAGE_WITHOUT_FLYTEKIT, None, image) for image in sorted(users)]


def check_fanout(pipeline: Pipeline) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for node in iter_nodes(pipeline.body):
        if isinstance(node, LoopNode) and isinstance(node.items, ConstBinding) and isinstance(node.items.value, list):
            width = len(node.items.value)
            if width > MAX_ARRAY_SIZE:
                out.append(Diagnostic.of(codes.FLYTE_MAP_TOO_WIDE, node.items.span or node.span, width, MAX_ARRAY_SIZE))
    return out


def _clash(name: str) -> str | None:
    flyte = python_name(name)
    if flyte in MODULE_GLOBALS or flyte in BUILTINS or keyword.iskeyword(flyte):
        return flyte
    if flyte.startswith(("_flowc", "_code_")):
        return flyte
    return None


def check_names(tasks: list[PythonTask | ContainerTask], pipelines: list[Pipeline]) -> list[Diagnostic]:
    """Task and pipeline names that would shadow what the module needs, and params shadowing steps."""
    out: list[Diagnostic] = []
    for t in tasks:
        if (name := _clash(t.name)) is not None:
            out.append(Diagnostic.of(codes.FLYTE_NAME_CLASH, t.span, "task", t.name, name))
    defined = {python_name(t.name) for t in tasks} | {python_name(p.name) for p in pipelines}
    task_names = {python_name(t.name) for t in tasks}
    for p in pipelines:
        if (name := _clash(p.name)) is not None:
            out.append(Diagnostic.of(codes.FLYTE_NAME_CLASH, p.span, "pipeline", p.name, name))
        elif python_name(p.name) in task_names:
            out.append(Diagnostic.of(codes.FLYTE_NAME_CLASH, p.span, "pipeline", p.name, f"the task {python_name(p.name)}"))
        for param in p.params:
            if param.name in defined or param.name in MODULE_GLOBALS:
                out.append(Diagnostic.of(codes.FLYTE_NAME_CLASH, param.span or p.span, "parameter", param.name, param.name))
    return out


def _identifiers(task_or_pipeline: PythonTask | ContainerTask | Pipeline) -> list[tuple[str, str]]:
    """(what, name) pairs the module uses verbatim as Python names."""
    out = [("parameter", p.name) for p in task_or_pipeline.params]
    out += [("output", o.name) for o in task_or_pipeline.outputs]
    if isinstance(task_or_pipeline, Pipeline):
        out += [("step", n.id) for n in iter_nodes(task_or_pipeline.body)]
    return out


def check_identifiers(items: list[PythonTask | ContainerTask | Pipeline]) -> list[Diagnostic]:
    """Names that enter the module as code must be Python identifiers (the reader guarantees it for source)."""
    out: list[Diagnostic] = []
    for item in items:
        for what, name in _identifiers(item):
            if not name.isidentifier() or keyword.iskeyword(name):
                out.append(Diagnostic.of(codes.FLYTE_UNSUPPORTED, item.span, f"{what} name {name!r} (not a Python identifier)"))
    return out


def check_container(task: ContainerTask) -> list[Diagnostic]:
    """A raw container reads inputs and writes outputs as single files: flat types only."""
    out: list[Diagnostic] = []
    for p in task.params:
        if not is_flat(p.type):
            what = f"container task input {p.name!r} of type {render(p.type)} (use str, int, float, bool or an artifact)"
            out.append(Diagnostic.of(codes.FLYTE_UNSUPPORTED, p.span or task.span, what))
    for o in task.outputs:
        if not is_flat(o.type):
            what = f"container task output {o.name!r} of type {render(o.type)} (use str, int, float, bool or an artifact)"
            out.append(Diagnostic.of(codes.FLYTE_UNSUPPORTED, task.span, what))
    return out
