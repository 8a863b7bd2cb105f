"""The Flyte backend: `flowc compile --target flyte`.

Writes `<pipeline>_flyte.py` per entry pipeline: a flytekit module a Flyte user
would write, run with `pyflyte run` and register. With the `package` option it
also runs flytekit's own `pyflyte package` on that module (offline) and writes the
registration bundle `<pipeline>.tgz`. Only that option imports flytekit.

Container tasks locally: flytekit runs a `ContainerTask` locally only through a
docker daemon. The module declares container tasks with a small `ContainerTask`
subclass whose `execute` (called only by local execution: a registered
raw-container task is run by Flyte itself, never by flytekit) fills in the
placeholders and runs the command as a subprocess on the machine, reading the
outputs from the output folder exactly as Flyte would; `FLOWC_LOCAL_CONTAINERS=docker`
hands it back to flytekit's docker path. Registration serializes a plain
raw-container task (image, command, `/var/inputs`, `/var/outputs`).

Tasks with `packages` get `container_image=ImageSpec(base_image=..., packages=[...])`,
so flytekit names (and, with a builder, builds) the image; a registered Python task
runs `pyflyte-execute`, so its image needs flytekit installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from flowc.backends.base import BackendOption, EmitResult, entry_pipelines
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program
from flowc.ir.names import python_name
from flowc.backends.flyte.module import build_module

TRUE = ("true", "1", "yes", "on")
FALSE = ("false", "0", "no", "off", "")


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text in TRUE else False if text in FALSE else None


class FlyteBackend:
    """flytekit workflow modules, and optionally their `pyflyte package` bundles."""

    name: ClassVar[str] = "flyte"
    description: ClassVar[str] = "Flyte: a flytekit workflow module per pipeline (and its registration package)"
    options: ClassVar[tuple[BackendOption, ...]] = (
        BackendOption("package", "also write <pipeline>.tgz with `pyflyte package` (needs the flyte extra)", False),
        BackendOption("image", "default image for `pyflyte package --image` (tasks name their own)", None),
    )

    def emit(self, program: Program, options: Mapping[str, Any]) -> EmitResult:
        result = EmitResult()
        package = _flag(options.get("package", False))
        if package is None:
            msg = f"package must be true or false, not {options.get('package')!r}"
            result.diagnostics.append(Diagnostic.of(codes.BAD_OPTION_VALUE, None, "package", msg))
            return result
        for pipeline in entry_pipelines(program):
            module = build_module(program, pipeline)
            result.diagnostics += module.diagnostics
            if module.diagnostics:
                continue
            result.files[f"{module.name}.py"] = module.text.encode("utf-8")
            if package:
                from flowc.backends.flyte.package import package_module

                image = options.get("image")
                bundle, problems = package_module(module.name, module.text, str(image) if image else None)
                result.diagnostics += [Diagnostic.of(codes.FLYTE_PACKAGE_FAILED, pipeline.span, pipeline.name, p) for p in problems]
                if bundle is not None:
                    result.files[f"{python_name(pipeline.name)}.tgz"] = bundle
        return result
