"""`KfpBackend`: every entry pipeline becomes `<name>.yaml` (`codegen.files.file_stem`), a KFP v2 PipelineSpec."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from flowc.backends.base import BackendOption, EmitResult, entry_pipelines
from flowc.codegen.files import file_stem
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program
from flowc.backends.kfp.spec import emit_pipeline


class KfpBackend:
    """Kubeflow Pipelines v2: PipelineSpec YAML that the KFP UI and `kfp.Client` accept."""

    name: ClassVar[str] = "kfp"
    description: ClassVar[str] = "Kubeflow Pipelines v2 PipelineSpec YAML (schema 2.1.0)"
    options: ClassVar[tuple[BackendOption, ...]] = (
        BackendOption("parallelism", "the most iterations of a fan-out that run at once (0: no limit)", 0),
        BackendOption("pipeline_root", "defaultPipelineRoot of the spec, e.g. gs://bucket/root", None),
    )

    def emit(self, program: Program, options: Mapping[str, Any]) -> EmitResult:
        result = EmitResult()
        parallelism, pipeline_root = _options(options, result.diagnostics)
        if result.diagnostics:
            return result
        for pipeline in entry_pipelines(program):
            emitted = emit_pipeline(program, pipeline, parallelism, pipeline_root)
            result.diagnostics.extend(emitted.diagnostics)
            result.files[f"{file_stem(pipeline.name)}.yaml"] = emitted.text.encode("utf-8")
        return result


def _options(options: Mapping[str, Any], diagnostics: list[Diagnostic]) -> tuple[int, str | None]:
    known = {o.name for o in KfpBackend.options}
    for key in sorted(set(options) - known):
        diagnostics.append(Diagnostic.of(codes.BAD_OPTION_VALUE, None, key, "the kfp backend has no such option"))
    parallelism = _as_int(options.get("parallelism", 0))
    if parallelism is None or parallelism < 0:
        diagnostics.append(Diagnostic.of(codes.BAD_OPTION_VALUE, None, "parallelism", "expected a whole number >= 0"))
        parallelism = 0
    root = options.get("pipeline_root")
    if root is not None and not isinstance(root, str):
        diagnostics.append(Diagnostic.of(codes.BAD_OPTION_VALUE, None, "pipeline_root", "expected a string"))
        root = None
    return parallelism, root or None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return None
        return parsed if isinstance(parsed, int) and not isinstance(parsed, bool) else None
    return None
