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
from typing import ClassVar

from flowc.backends.base import BackendOption, EmitResult, OptionValue, artifacts
from flowc.backends.options import option_values
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Pipeline, Program
from flowc.ir.names import python_name
from flowc.backends.flyte.checks import check_images
from flowc.backends.flyte.module import Module, build_module
from flowc.backends.engine_reference import EngineReference
from flowc.backends.flyte.reference import REFERENCE

# flytekit's own images; a task with packages gets an ImageSpec, whose builder adds flytekit.
FLYTEKIT_IMAGES = ("cr.flyte.org/flyteorg/flytekit", "ghcr.io/flyteorg/flytekit")


class FlyteBackend:
    """flytekit workflow modules, and optionally their `pyflyte package` bundles."""

    name: ClassVar[str] = "flyte"
    description: ClassVar[str] = "Flyte: a flytekit workflow module per pipeline (and its registration package)"
    reference: ClassVar[EngineReference] = REFERENCE  # its column of docs/reference.md
    options: ClassVar[tuple[BackendOption, ...]] = (
        BackendOption("package", "also write <pipeline>.tgz with `pyflyte package` (needs the flyte extra)", False, kind="bool"),
        BackendOption("image", "default image for `pyflyte package --image` (tasks name their own)", None),
        BackendOption(
            "flytekit_images", "images (names or prefixes) known to have flytekit: no FLC705 warning for their tasks",
            FLYTEKIT_IMAGES, kind="list",
        ),
    )

    def engine_name(self, name: str) -> str:
        return python_name(name)

    _built: tuple[Program, list[tuple[Pipeline, Module]]] | None = None

    def check(self, program: Program, options: Mapping[str, OptionValue]) -> list[Diagnostic]:
        """What Flyte rejects is found while building each module (packaging is not run);
        the next `emit` of the same program reuses the modules (they do not depend on options)."""
        self._built = (program, _modules(program))
        known = option_values(self.options, options).get("flytekit_images")
        images = check_images(program.tasks, [str(i) for i in known] if isinstance(known, (list, tuple)) else FLYTEKIT_IMAGES)
        return [*(d for _, module in self._built[1] for d in module.diagnostics), *images]

    def emit(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        result = EmitResult()
        options = option_values(self.options, options)
        package = options.get("package") is True
        image = options.get("image")
        built, self._built = self._built, None
        for pipeline, module in built[1] if built is not None and built[0] is program else _modules(program):
            result.diagnostics += module.diagnostics
            if module.diagnostics:
                continue
            result.files[f"{module.name}.py"] = module.text.encode("utf-8")
            if package:
                from flowc.backends.flyte.package import package_module

                bundle, problems = package_module(module.name, module.text, image if isinstance(image, str) and image else None)
                result.diagnostics += [Diagnostic.of(codes.FLYTE_PACKAGE_FAILED, pipeline.span, pipeline.name, p) for p in problems]
                if bundle is not None:
                    result.files[f"{python_name(pipeline.name)}.tgz"] = bundle
        return result


def _modules(program: Program) -> list[tuple[Pipeline, Module]]:
    return [(pipeline, build_module(view, pipeline)) for view, pipeline in artifacts(program)]
