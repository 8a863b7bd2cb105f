"""A container task's step: its command, placeholders filled in, through docker or as a local process.

Placeholders take the one value-to-text rule every engine uses
(`codegen/runtime/placeholder_text.py`); an output placeholder is the path of a file
the command writes, read back afterwards as the output's declared type (a `str` as
its text, anything else as JSON) or kept as the artifact's file.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, cast

from flowc.codegen.runtime import placeholder_text as _text_rule
from flowc.codegen.runtime import task_runtime
from flowc.codegen.typespec import type_spec
from flowc.ir.command import runtime_parts
from flowc.ir.model import ContainerTask
from flowc.ir.types import ArtifactType, OptionalType, Type, is_artifact
from flowc.run.outcome import Attempt, StepError
from flowc.run.process import run_process

ContainerMode = Literal["docker", "local"]

# The pasted runtimes' functions (untyped: they run without flowc), typed for this module.
_placeholder_text = cast("Callable[[object], str]", _text_rule._flowc_placeholder_text)  # pyright: ignore[reportPrivateUsage, reportUnknownMemberType]
_fill_argument = cast(
    "Callable[[list[list[str]], Mapping[str, str], Mapping[str, str]], str]",
    _text_rule._flowc_fill_argument,  # pyright: ignore[reportPrivateUsage, reportUnknownMemberType]
)
coerce = cast("Callable[[object, list[Any]], object]", task_runtime.coerce)  # pyright: ignore[reportUnknownMemberType]


def container_mode(requested: ContainerMode | None) -> ContainerMode | None:
    """How container tasks run: as asked, else docker when it is on PATH, else not at all (None)."""
    if requested is not None:
        return requested
    return "docker" if shutil.which("docker") else None


def run_container(
    task: ContainerTask, inputs: Mapping[str, object], scratch: Path, timeout: float | None, mode: ContainerMode | None, path: str
) -> Attempt:
    """One attempt of `task`'s command on `inputs`, its outputs read back from the files it wrote."""
    if mode is None:
        raise StepError(f"container task {task.name!r} (step {path}) needs docker, which is not on PATH; or run it with --containers=local")
    if mode == "docker" and not shutil.which("docker"):
        raise StepError(f"container task {task.name!r} (step {path}) needs docker, which is not on PATH")
    out_dir = scratch / "outputs"
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {name: _text(value, _param_type(task, name)) for name, value in inputs.items()}
    out_paths = {o.name: str(out_dir / o.name) for o in task.outputs}
    argv: list[str] = [_fill_argument(runtime_parts(a), texts, out_paths) for a in (*task.command, *task.args)]
    env = {**os.environ, **dict(task.options.env)}
    if mode == "docker":
        argv = docker_argv(task, argv, inputs, scratch)
    done = run_process(argv, env=env, cwd=out_dir, timeout=timeout)
    if done.returncode is None:
        return Attempt.failed(f"timed out after {timeout:g}s", done.log)
    if not done.ok:
        ended = f"killed by {done.killed_by}" if done.killed_by else f"exited with code {done.returncode}"
        return Attempt.failed(f"command {ended}", done.log)
    try:
        outputs = {o.name: _read_output(Path(out_paths[o.name]), o.type) for o in task.outputs}
    except (OSError, ValueError) as exc:
        return Attempt.failed(f"cannot read an output: {exc}", done.log)
    return Attempt(ok=True, outputs=outputs, log=done.log)


def _param_type(task: ContainerTask, name: str) -> Type | None:
    param = task.param(name)
    return param.type if param is not None else None


def _text(value: object, t: Type | None) -> str:
    """An input as the text its placeholders take: an artifact's path, else the value-to-text rule."""
    inner = t.inner if isinstance(t, OptionalType) else t
    if isinstance(inner, ArtifactType) and isinstance(value, dict):
        return str(value.get("path", ""))  # pyright: ignore[reportUnknownMemberType, reportUnknownArgumentType]
    return _placeholder_text(value)


def _read_output(path: Path, t: Type) -> object:
    if is_artifact(t):
        if not path.exists():
            raise ValueError(f"the command wrote no file at {path}")
        return {"path": str(path), "uri": str(path), "metadata": {}}
    with open(path, encoding="utf-8", newline="") as stream:  # the file's text exactly as written (a `\r` stays)
        text = stream.read()
    spec = type_spec(t)
    if spec[0] == "str":
        return text
    try:
        value: object = json.loads(text)
    except ValueError:
        value = text.strip()
    return coerce(value, spec)


def docker_argv(task: ContainerTask, argv: list[str], inputs: Mapping[str, object], scratch: Path) -> list[str]:
    """`argv` inside the task's image, the step's folder and its input artifacts mounted at their own paths."""
    mounts = {str(scratch.resolve())}
    for value in inputs.values():
        for artifact_path in _artifact_paths(value):
            mounts.add(str(Path(artifact_path).resolve().parent))
    volumes = [arg for m in sorted(mounts) for arg in ("-v", f"{m}:{m}")]
    env = [arg for k, v in task.options.env for arg in ("-e", f"{k}={v}")]
    workdir = str((scratch / "outputs").resolve())
    return ["docker", "run", "--rm", "-w", workdir, *volumes, *env, task.options.image, *argv]


def _artifact_paths(value: object) -> list[str]:
    if isinstance(value, dict):
        path = cast("dict[str, object]", value).get("path")
        return [path] if isinstance(path, str) else []
    if isinstance(value, list):
        return [p for v in cast("list[object]", value) for p in _artifact_paths(v)]
    return []
