"""`KfpBackend`: every entry pipeline becomes `<name>.yaml` (`ir.names.file_stem`), a KFP v2 PipelineSpec,
and a scheduled one also `<name>.schedule.json`, its recurring run (`schedule.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from flowc.backends.base import BackendOption, ChecksByEmitting, EmitResult, OptionValue, artifacts
from flowc.backends.options import option_values
from flowc.ir.model import Program
from flowc.ir.names import file_stem, kfp_name
from flowc.backends.kfp.limits import MAX_SPEC_BYTES
from flowc.backends.kfp.schedule import recurring_run
from flowc.backends.kfp.spec import emit_pipeline
from flowc.backends.engine_reference import EngineReference
from flowc.backends.kfp.reference import REFERENCE


class KfpBackend(ChecksByEmitting):
    """Kubeflow Pipelines v2: PipelineSpec YAML that the KFP UI and `kfp.Client` accept."""

    name: ClassVar[str] = "kfp"
    description: ClassVar[str] = "Kubeflow Pipelines v2 PipelineSpec YAML (schema 2.1.0)"
    reference: ClassVar[EngineReference] = REFERENCE  # its column of docs/reference.md
    options: ClassVar[tuple[BackendOption, ...]] = (
        BackendOption("parallelism", "the most iterations of a fan-out that run at once (0: no limit)", 0, kind="int", minimum=0),
        BackendOption("pipeline_root", "defaultPipelineRoot of the spec, e.g. gs://bucket/root", None),
        BackendOption(
            "max_spec_bytes",
            "the largest spec to write; KFP stores a run's workflow in etcd (1.5 MiB a request), "
            "so raise it only where the cluster offloads large workflows",
            MAX_SPEC_BYTES, kind="int", minimum=1,
        ),
    )

    def engine_name(self, name: str) -> str:
        return kfp_name(name)

    def build(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        """What KFP rejects is found while building the spec (limits, names), so check builds it."""
        result = EmitResult()
        options = option_values(self.options, options)
        parallelism = options.get("parallelism")
        root = options.get("pipeline_root")
        max_bytes = options.get("max_spec_bytes")
        for view, pipeline in artifacts(program):
            emitted = emit_pipeline(
                view, pipeline,
                parallelism if isinstance(parallelism, int) else 0,
                root if isinstance(root, str) and root else None,
                max_bytes if isinstance(max_bytes, int) else MAX_SPEC_BYTES,
            )
            result.diagnostics.extend(emitted.diagnostics)
            stem = file_stem(pipeline.name)
            result.files[f"{stem}.yaml"] = emitted.text.encode("utf-8")
            files, warnings = recurring_run(pipeline, stem)
            result.files.update(files)
            result.diagnostics.extend(warnings)
        return result
