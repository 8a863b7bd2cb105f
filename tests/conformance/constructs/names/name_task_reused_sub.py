"""A task with a dashed name called in the pipeline and in a sub-pipeline (numbered names)."""

from flowc import pipeline, task


@task(name="step-x")
def step_x(n: int) -> int:
    return n + 1


@pipeline(name="name-task-reused-sub-inner")
def name_task_reused_sub_inner(n: int) -> int:
    return step_x(n=step_x(n=n))


@pipeline
def name_task_reused_sub(n: int = 0) -> int:
    return name_task_reused_sub_inner(n=step_x(n=n))
