"""Tasks as flytekit declarations: `@task` functions around the user's code, and ContainerTasks.

A Python task's decorator carries the image, resources (as both requests and
limits), retries, timeout, environment, secrets and caching; `cache_version` is
the prefix of the task's content-addressed cache key, so nobody bumps it by hand.
Its body calls the user's function (built by a factory holding its preamble) with
inputs turned into flowc artifacts, and turns the result back into Flyte values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowc.codegen.literals import py_literal
from flowc.codegen.typespec import type_spec
from flowc.ir.model import ContainerTask, PythonTask, TaskOptions
from flowc.ir.names import python_name
from flowc.ir.passes.cache_key import task_cache_key
from flowc.ir.types import ArtifactType, NamedTupleType, NoneType, Type
from flowc.backends.flyte.code import factory_body
from flowc.backends.flyte.typemap import flyte_type, outputs_class_name

CACHE_VERSION_LENGTH = 16
INPUT_DIR = "/var/inputs"
OUTPUT_DIR = "/var/outputs"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


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


def cache_version(task: PythonTask | ContainerTask) -> str:
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


def _metadata(task: PythonTask | ContainerTask) -> list[str]:
    o = task.options
    out: list[str] = []
    if o.retries:
        out.append(f"retries={o.retries}")
    if o.timeout_seconds is not None:
        out.append(f"timeout=timedelta(seconds={o.timeout_seconds})")
    if o.cache:
        out += ["cache=True", f"cache_version={py_literal(cache_version(task))}"]
    return out


def _returns(name: str, t: Type) -> tuple[str, tuple[str, list[tuple[str, str]]] | None]:
    if isinstance(t, NamedTupleType):
        cls = outputs_class_name(name)
        return cls, (cls, [(f.name, flyte_type(f.type)) for f in t.fields])
    return flyte_type(t), None


def python_task_view(task: PythonTask) -> TaskView:
    name = python_name(task.name)
    options = [f"container_image={_image(task.options)}", *_common(task.options), *_metadata(task)]
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
        returns=returns, doc=task.doc, outputs_class=outputs_class, factory=factory_body(task.code),
        call=call, result=result,
    )


def _fill(part: str, task: ContainerTask) -> str:
    """`{name}` placeholders as Flyte's raw-container syntax: files by path, values by template."""
    outputs = {o.name for o in task.outputs}

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in outputs:
            return f"{OUTPUT_DIR}/{name}"
        param = task.param(name)
        if param is not None and isinstance(param.type, ArtifactType):
            return f"{INPUT_DIR}/{name}"
        return "{{.inputs.%s}}" % name

    return PLACEHOLDER.sub(one, part)


def container_task_view(task: ContainerTask, module: str) -> TaskView:
    name = python_name(task.name)
    kw = lambda pairs: "kwtypes(" + ", ".join(f"{n}={t}" for n, t in pairs) + ")"  # noqa: E731
    options = [
        f"name={py_literal(f'{module}.{name}')}",
        f"image={py_literal(task.options.image)}",
        f"command={py_literal([_fill(c, task) for c in task.command])}",
    ]
    if task.args:
        options.append(f"arguments={py_literal([_fill(a, task) for a in task.args])}")
    options.append(f"inputs={kw((p.name, flyte_type(p.type)) for p in task.params)}")
    if task.outputs:
        options.append(f"outputs={kw((o.name, flyte_type(o.type)) for o in task.outputs)}")
    options += [f"input_data_dir={py_literal(INPUT_DIR)}", f"output_data_dir={py_literal(OUTPUT_DIR)}"]
    metadata = _metadata(task)
    if metadata:
        options.append(f"metadata=TaskMetadata({', '.join(metadata)})")
    options += _common(task.options)
    return TaskView(kind="container", name=name, options=options, params=[], returns="", doc=task.doc)
