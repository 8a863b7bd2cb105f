"""What the KFP importer knows about one file while it rewrites it."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.module import ImportContext

# Old spellings of the same modules.
KFP_ALIASES = {"kfp.v2.dsl": "kfp.dsl", "kfp.v2": "kfp", "kfp.components": "kfp.dsl"}
# The NamedTuple field that holds a component's return value beside its Output[...] artifacts
# (KFP's "Output", read as `t.outputs["Output"]`).
RETURN_FIELD = "output"
ARTIFACT_KINDS = ("Dataset", "Model", "Metrics", "Artifact")
# KFP artifact types flowc has no kind for: they travel as plain `Artifact`s.
OTHER_ARTIFACTS = ("ClassificationMetrics", "SlicedClassificationMetrics", "HTML", "Markdown")


@dataclass
class TaskOptionValue:
    """One task option set by a call in a pipeline (`.set_retry(2)` -> retries=2), and where."""

    value: object
    node: cst.CSTNode


@dataclass
class Component:
    """A `@dsl.component` function as flowc will see it."""

    name: str
    fields: tuple[str, ...] = ()  # the NamedTuple fields of its result; () for one value or none
    result: cst.BaseExpression | None = None  # its flowc return annotation
    options: dict[str, TaskOptionValue] = field(default_factory=lambda: {})
    is_pipeline: bool = False
    params: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})  # its inputs' flowc types
    status_param: str | None = None  # its `PipelineTaskFinalStatus` parameter (an exit task's), now a RunStatus


@dataclass
class KfpContext(ImportContext):
    """An ImportContext that also knows the file's components and pipelines."""

    components: dict[str, Component] = field(default_factory=lambda: {})

    def kfp(self, expr: cst.BaseExpression) -> str | None:
        """`kfp.dsl.X` for an expression naming something of the kfp SDK, else None."""
        return self.sdk_name(expr)

    def is_dsl(self, expr: cst.BaseExpression, *names: str) -> bool:
        found = self.kfp(expr)
        return found is not None and found in {f"kfp.dsl.{n}" for n in names}
