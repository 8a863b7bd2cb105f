"""A task parameter's own default used when the pipeline omits the argument."""

from flowc import pipeline, task


@task
def scale(x: int, factor: int = 3, label: str = "x") -> str:
    return f"{label}{x * factor}"


@pipeline
def param_task_default(x: int = 2) -> str:
    return scale(x=x)
