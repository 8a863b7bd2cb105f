"""Tasks as flytekit declarations: `@task` functions around the user's code, and ContainerTasks.

A Python task's decorator carries the image, resources (as both requests and
limits), retries, timeout, environment, secrets and caching. Its body calls the
user's function (built by a factory holding its preamble) with inputs turned into
flowc artifacts, and turns the result back into Flyte values.

`cache_version` comes from step keys (`flowc.ir.passes.step_keys`), so nobody bumps
it by hand. Flyte caches a task by its name, `cache_version` and input values, and
a module defines each task once however many nodes call it, so the version is
per task, not per call: it is the hash of the sorted distinct step keys of the
task's calls in the module (sub-pipeline steps keyed in the context of each call).
An edit upstream of any call changes it; a call whose own upstream did not change
then misses the cache once too (a re-run, never a stale result). One definition per
distinct key would re-run only the calls downstream, at the cost of several
definitions, and Flyte names, for one task. IR built without the passes (no step
keys) uses the task's own key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flowc.codegen.literals import py_literal
from flowc.codegen.typespec import type_spec
from flowc.codegen.command_join import joined_command, split_literal
from flowc.ir.command import Argument, CommandPart, OutputPart, TextPart, runtime_parts
from flowc.ir.model import ContainerTask, PythonTask, TaskOptions
from flowc.ir.names import python_name
from flowc.ir.passes.cache_key import digest, task_cache_key
from flowc.ir.types import NamedTupleType, NoneType, Type
from flowc.backends.flyte.code import factory_body
from flowc.backends.flyte.typemap import flyte_type, outputs_class_name

CACHE_VERSION_LENGTH = 16
INPUT_DIR = "/var/inputs"
OUTPUT_DIR = "/var/outputs"
ENGINE_MARKER = "{{"  # every Flyte template starts with it: {{.inputs.x}}, {{ .Inputs.x }}, {{.outputPrefix}} ...


@dataclass
class TaskView:
    """What the module template needs to write one task."""

    kind: str
    name: str
    options: list[str]
    params: list[tuple[str, str]]
    returns: str
    doc: str | None
    outputs_class: tuple[str, list[tuple[str, str]]] | None = None
    factory: str = ""
    call: str = ""
    result: str = ""


def cache_version(task: PythonTask | ContainerTask, step_keys: Sequence[str] = ()) -> str:
    """The prefix of the hash of the task's calls' `step_keys` (sorted, distinct), or of its own key (see above)."""
    if step_keys:
        key = digest(sorted(set(step_keys)))
    else:
        key = task.cache_key if task.cache_key is not None else task_cache_key(task)
    return key[:CACHE_VERSION_LENGTH]


def _resources(options: TaskOptions) -> list[str]:
    r = options.resources
    fields = [f"cpu={py_literal(r.cpu)}" if r.cpu else "", f"mem={py_literal(r.memory)}" if r.memory else ""]
    fields.append(f"gpu={py_literal(str(r.gpu))}" if r.gpu else "")
    text = ", ".join(f for f in fields if f)
    return [f"requests=Resources({text})", f"limits=Resources({text})"] if text else []


def _image(options: TaskOptions) -> str:
    if options.packages:
        packages = py_literal(list(options.packages))
        return f"ImageSpec(base_image={py_literal(options.image)}, packages={packages})"
    return py_literal(options.image)


def _common(options: TaskOptions) -> list[str]:
    out = _resources(options)
    if options.env:
        out.append(f"environment={py_literal(dict(options.env))}")
    if options.secrets:
        out.append("secret_requests=[" + ", ".join(f"Secret(group={py_literal(s)})" for s in options.secrets) + "]")
    return out


def _metadata(task: PythonTask | ContainerTask, step_keys: Sequence[str]) -> list[str]:
    o = task.options
    out: list[str] = []
    if o.retries:
        out.append(f"retries={o.retries}")
    if o.timeout_seconds is not None:
        out.append(f"timeout=timedelta(seconds={o.timeout_seconds})")
    if o.cache:
        out += ["cache=True", f"cache_version={py_literal(cache_version(task, step_keys))}"]
    return out


def _returns(name: str, t: Type) -> tuple[str, tuple[str, list[tuple[str, str]]] | None]:
    if isinstance(t, NamedTupleType):
        cls = outputs_class_name(name)
        return cls, (cls, [(f.name, flyte_type(f.type)) for f in t.fields])
    return flyte_type(t), None


def python_task_view(task: PythonTask, step_keys: Sequence[str] = ()) -> TaskView:
    name = python_name(task.name)
    options = [f"container_image={_image(task.options)}", *_common(task.options), *_metadata(task, step_keys)]
    returns, outputs_class = _returns(name, task.returns)
    args = ", ".join(f"{p.name}=_flowc_in({p.name}, {py_literal(type_spec(p.type))})" for p in task.params)
    call = f"_code_{name}()({args})"
    if isinstance(task.returns, NoneType):
        result = ""
    elif outputs_class is not None:
        result = f"{outputs_class[0]}(**_flowc_out(result, {py_literal(type_spec(task.returns))}))"
    else:
        result = f"_flowc_out(result, {py_literal(type_spec(task.returns))})"
    return TaskView(
        kind="python", name=name, options=options, params=[(p.name, flyte_type(p.type)) for p in task.params],
        returns=returns, doc=task.doc, outputs_class=outputs_class, factory=factory_body(task),
        call=call, result=result,
    )


def _render(part: CommandPart) -> str:
    """One part in Flyte's raw-container syntax: files by path, values by template."""
    if isinstance(part, TextPart):
        return part.text
    if isinstance(part, OutputPart):
        return f"{OUTPUT_DIR}/{part.name}"
    return f"{INPUT_DIR}/{part.name}" if part.artifact else "{{.inputs.%s}}" % part.name


def _pieces(argument: Argument) -> list[str]:
    """An argument as pieces no Flyte template matches: literal `{{` is cut (see codegen/command_join.py)."""
    if not any(isinstance(p, TextPart) and ENGINE_MARKER in p.text for p in argument):
        return ["".join(_render(p) for p in argument)]
    pieces: list[str] = []
    for part in argument:
        pieces += split_literal(part.text, ENGINE_MARKER) if isinstance(part, TextPart) else [_render(part)]
    return pieces


def container_command(task: ContainerTask) -> tuple[list[str], list[str]]:
    """The raw container's command and arguments (joined by `sh` when literal text holds `{{`)."""
    groups = [_pieces(a) for a in (*task.command, *task.args)]
    if all(len(g) == 1 for g in groups):
        return [g[0] for g in groups[: len(task.command)]], [g[0] for g in groups[len(task.command) :]]
    return joined_command([], groups), []


def _kwtypes(pairs: Iterable[tuple[str, str]]) -> str:
    return "kwtypes(" + ", ".join(f"{n}={t}" for n, t in pairs) + ")"


def container_task_view(task: ContainerTask, module: str, step_keys: Sequence[str] = ()) -> TaskView:
    name = python_name(task.name)
    options = [
        f"name={py_literal(f'{module}.{name}')}",
        f"image={py_literal(task.options.image)}",
    ]
    command, arguments = container_command(task)
    options.append(f"command={py_literal(command)}")
    if arguments:
        options.append(f"arguments={py_literal(arguments)}")
    options.append(f"flowc_command={py_literal([runtime_parts(a) for a in (*task.command, *task.args)])}")
    options.append(f"inputs={_kwtypes((p.name, flyte_type(p.type)) for p in task.params)}")
    if task.outputs:
        options.append(f"outputs={_kwtypes((o.name, flyte_type(o.type)) for o in task.outputs)}")
    options += [f"input_data_dir={py_literal(INPUT_DIR)}", f"output_data_dir={py_literal(OUTPUT_DIR)}"]
    metadata = _metadata(task, step_keys)
    if metadata:
        options.append(f"metadata=TaskMetadata({', '.join(metadata)})")
    options += _common(task.options)
    return TaskView(kind="container", name=name, options=options, params=[], returns="", doc=task.doc)
