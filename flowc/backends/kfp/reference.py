"""Kubeflow Pipelines' column of docs/reference.md (see `flowc.backends.engine_reference`)."""

from __future__ import annotations

from flowc.backends.engine_reference import EngineReference
from flowc.backends.kfp.kfp_types import io_definition
from flowc.ir.types import Type


def kfp_type_name(t: Type) -> str:
    """The input or output definition the KFP backend writes for `t`."""
    section, definition = io_definition(t)
    if section == "artifacts":
        return f"artifact `{definition['artifactType']['schemaTitle']}`"
    return f"parameter `{definition['parameterType']}`"


REFERENCE = EngineReference(
    task_options={
        "image": "the executor container's `image`",
        "command": "the executor container's `command`; placeholders become KFP input and output placeholders",
        "args": "the executor container's `args`, placeholders as in `command`",
        "packages": "pip-installed when the step starts, by a fixed bootstrap in the command (the list travels base64-encoded)",
        "resources": "the executor container's resources: cpu and memory as request and limit, a GPU as an `nvidia.com/gpu` accelerator",
        "retries": "the task's `retryPolicy.maxRetryCount` (backoff from 0s, factor 2, at most 3600s)",
        "timeout": "`activeDeadlineSeconds` of the step's pod (kfp-kubernetes platform config)",
        "cache": "the task's `cachingOptions.enableCache` (off unless `cache=True`); a cached task's `env` is passed as an input, so KFP's fingerprint sees it",
        "env": "the executor container's `env`",
        "secrets": "each Kubernetes Secret mounted as a volume at `/var/secrets/<name>` (kfp-kubernetes `secretAsVolume`)",
        "fuse": "a fused chain is one component, one executor, one pod",
        "name": "the component and task names, sanitized to KFP's rule (lowercase, `-`)",
    },
    type_name=kfp_type_name,
    constructs={
        "fan-out": "a `ParallelFor` sub-DAG over the items (`-O kfp.parallelism` limits how many run at once)",
        "fan-in": "the loop's collected outputs, in item order",
        "condition": "one `condition` sub-DAG per arm with a `triggerPolicy.condition`; values out of the arms as `dsl.OneOf`",
        "sub-pipeline": "a DAG component of its own, called as a task",
        "after": "`dependentTasks` of the waiting task",
        "try/finally": "a `dsl.ExitHandler` around the `try` block whose exit task is the `finally` step (one step; it reads `PipelineTaskFinalStatus`, which names no failed step); at a pipeline body's top level (sub-pipelines included; not nested, not in `if` or `for`: FLC503), and the step may not read the block's outputs (FLC510)",
        "raise": "a generated step raising the exception; steps after it wait for it",
        "fused step": "one task running every member",
    },
    parameters="the root's `inputDefinitions`, with their defaults (`isOptional`) and the docstring's `Args:` descriptions",
    results="the root's `outputDefinitions`, taken from the steps that make them (`dag.outputs`)",
    schedule="not part of a PipelineSpec: `<pipeline>.schedule.json` beside it holds the arguments of `kfp.Client().create_recurring_run` (cron in KFP's six-field form); warning FLC505",
)
