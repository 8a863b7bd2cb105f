"""Flyte's column of docs/reference.md (see `flowc.backends.engine_reference`)."""

from __future__ import annotations

from flowc.backends.engine_reference import EngineReference
from flowc.backends.flyte.typemap import flyte_type
from flowc.ir.types import Type


def flyte_type_name(t: Type) -> str:
    """The Python annotation the flytekit module declares for `t`."""
    return f"`{flyte_type(t)}`"


REFERENCE = EngineReference(
    task_options={
        "image": "the task's `container_image` (a registered Python task runs `pyflyte-execute`, so the image needs flytekit)",
        "command": "the `ContainerTask`'s `command` (inputs under `/var/inputs`, outputs under `/var/outputs`); locally run as a subprocess",
        "args": "the `ContainerTask`'s `arguments`",
        "packages": "`container_image=ImageSpec(base_image=image, packages=[...])`, built by flytekit's image builder",
        "resources": "the task's `requests` and `limits` (`Resources(cpu, mem, gpu)`)",
        "retries": "the task's `retries`",
        "timeout": "the task's `timeout`",
        "cache": "`cache=True` with `cache_version` taken from flowc's cache key of the task",
        "env": "the task's `environment`",
        "secrets": "`secret_requests=[Secret(group=name)]`",
        "fuse": "a fused chain is one `@task`",
        "name": "the task's function name in the module, sanitized to a Python identifier",
    },
    type_name=flyte_type_name,
    constructs={
        "fan-out": "`map_task` (an ArrayNode) when the body is one Python task with a single output; otherwise a `@dynamic` calling the body's sub-workflow per item",
        "fan-in": "the list the map task or dynamic returns, in item order",
        "condition": "`conditional()` with `if_`, `elif_` and `else_`; values out of the arms as the conditional's outputs",
        "sub-pipeline": "its `@workflow`, called from the caller's workflow",
        "after": "`>>` between the nodes",
        "try/finally": "the `finally` steps after the block, and the workflow's `on_failure` handler (a generated `<pipeline>_on_failure` workflow, given the `FlyteError`); one `try` per workflow, at its top level: not in sub-workflows, nested, or in `if` or `for` (FLC702), and the handler may not read the block's outputs (FLC710)",
        "raise": "a generated step raising the exception; steps after it wait for it",
        "fused step": "one task running every member",
    },
    parameters="the `@workflow`'s typed arguments, with their defaults",
    results="the workflow's outputs (a NamedTuple of them for several)",
    schedule="a `LaunchPlan` with a `CronSchedule`",
)
