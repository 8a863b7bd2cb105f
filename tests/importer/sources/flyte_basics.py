# Modeled on the flytesnacks example examples/basics/basics/workflow.py
# (https://github.com/flyteorg/flytesnacks, Apache License 2.0): tasks with a
# NamedTuple result wired by a workflow. Written for flowc's import tests.
import typing

from flytekit import task, workflow

SlopeOutput = typing.NamedTuple("SlopeOutput", [("slope", float), ("points", int)])


@task
def slope(x: list[int], y: list[int]) -> float:
    sum_xy = sum([x[i] * y[i] for i in range(len(x))])
    sum_x_squared = sum([x[i] ** 2 for i in range(len(x))])
    n = len(x)
    return (n * sum_xy - sum(x) * sum(y)) / (n * sum_x_squared - sum(x) ** 2)


@task
def intercept(x: list[int], y: list[int], slope: float) -> float:
    mean_x = sum(x) / len(x)
    mean_y = sum(y) / len(y)
    return mean_y - slope * mean_x


@workflow
def simple_wf(x: list[int] = [-3, 0, 3], y: list[int] = [7, 4, -2]) -> float:
    slope_value = slope(x=x, y=y)
    intercept_value = intercept(x=x, y=y, slope=slope_value)
    return intercept_value
