"""Airflow's column of docs/reference.md (see `flowc.backends.engine_reference`)."""

from __future__ import annotations

import json

from flowc.backends.airflow.render import json_schema
from flowc.backends.engine_reference import EngineReference
from flowc.ir.types import ArtifactType, Type


def airflow_type_name(t: Type) -> str:
    """The JSON schema of the DAG `Param` for `t` (values pass between steps as XCom JSON)."""
    schema = f"`{json.dumps(json_schema(t), sort_keys=True)}`"
    return f"{schema}, the artifact's path" if isinstance(t, ArtifactType) else schema


REFERENCE = EngineReference(
    task_options={
        "image": "kubernetes mode: the pod's `image`; python mode: unused (the step runs in the worker's Python)",
        "command": "kubernetes mode: the pod's `cmds`, placeholders filled at run time; python mode: run as a subprocess on the worker",
        "args": "appended to `command`, placeholders as in `command`",
        "packages": "not installed: the worker (python mode) or the image (kubernetes mode) must have them",
        "resources": "kubernetes mode: the pod's `container_resources` (requests and limits; a GPU as an `nvidia.com/gpu` limit); python mode: unused",
        "retries": "the operator's `retries`",
        "timeout": "the operator's `execution_timeout`",
        "cache": "Airflow keeps no results; with `-O airflow.result_cache=DIR` a `cache=True` step whose key and inputs have a stored result is not run again",
        "env": "python mode: set in `os.environ` while the step runs, then restored; kubernetes mode: the pod's `env_vars`",
        "secrets": "kubernetes mode: each Secret's keys become environment variables of the pod; python mode: not provided (warning FLC605)",
        "fuse": "a fused chain is one operator; the UI shows its members (`task_display_name`)",
        "name": "the task id, sanitized to Airflow's rule",
    },
    type_name=airflow_type_name,
    constructs={
        "fan-out": "an items task, then the body's steps mapped over it (`.partial(...).expand(...)`, at most `-O airflow.max_map_length` items)",
        "fan-in": "the mapped step's XCom values, in map-index order",
        "condition": "a `BranchPythonOperator`, a gate per arm and a join whose trigger rule tolerates the skipped arms",
        "sub-pipeline": "inlined into a `TaskGroup` (its task ids get the group's prefix)",
        "after": "an upstream dependency of the waiting step",
        "try/finally": "the `finally` steps as teardown tasks (`as_teardown()`) of the block's steps: they run whatever happened and do not decide the run's state; `RunStatus` names the failed task from the run's task instances; not inside `if` or `for` (FLC602)",
        "raise": "a generated step raising the exception; steps after it wait for it",
        "fused step": "one operator running every member",
    },
    parameters="DAG `params` (`Param` with the JSON schema of the type, its default and description); a run's `conf` overrides them",
    results="the `flowc-results` step pushes each result to XCom under its name",
    schedule="the DAG's `schedule` (a scheduled pipeline needs a default for every parameter: FLC604)",
)
