# Modeled on the flytesnacks example examples/advanced_composition/advanced_composition/map_task.py
# (https://github.com/flyteorg/flytesnacks, Apache License 2.0): map_task over a list,
# also of a functools.partial, then a reduce. Written for flowc's import tests.
import functools

from flytekit import map_task, task, workflow


@task
def detect_anomalies(data_point: int, threshold: int) -> bool:
    return data_point > threshold


@task
def count_true(flags: list[bool]) -> int:
    return sum(1 for f in flags if f)


@workflow
def map_workflow(data: list[int] = [10, 12, 11, 10, 13, 12, 100, 11, 12, 10], threshold: int = 50) -> int:
    partial_task = functools.partial(detect_anomalies, threshold=threshold)
    flags = map_task(partial_task)(data_point=data)
    return count_true(flags=flags)
