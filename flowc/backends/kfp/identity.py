"""Identity steps: how a KFP DAG returns a value that no step of it produced.

A KFP DAG's outputs can only select outputs of its own tasks
(`valueFromParameter` / `artifactSelectors` name a `producerSubtask`). A pipeline
that returns one of its parameters or a constant, or a condition arm whose value
comes from outside the arm, therefore gets a small generated step that hands its
input back as its output. The step is an ordinary task for the executor machinery,
so the value is restored to its declared type the same way as every other output.
"""

from __future__ import annotations

from flowc.ir.model import Parameter, PythonTask, TaskCode, TaskOptions
from flowc.ir.types import Type, render

# Task keys in a DAG come from `kfp_name`, which never yields a double dash, so
# these names cannot meet a user's.
STEP_PREFIX = "flowc--return-"
_FUNCTION = "def flowc_identity(value):\n    return value\n"


def identity_task(t: Type) -> PythonTask:
    """A pure task `value: t -> t` named after the type, so one executor serves each type."""
    return PythonTask(
        name=f"flowc--identity-{render(t)}",
        params=(Parameter(name="value", type=t),),
        returns=t,
        options=TaskOptions(cache=True),
        code=TaskCode(function_name="flowc_identity", function=_FUNCTION),
    )


def step_name(output_key: str) -> str:
    return STEP_PREFIX + output_key.lower().replace("_", "-")
