"""DAG params -> pipeline parameters with defaults; a step's "{{ params.x }}" reads the parameter."""
from flowc import pipeline, task


@task
def greet(name: str, times: int) -> str:
    return name * times


# flowc import: `description="who to greet"` of Param 'name' has no flowc equivalent and was left out
@pipeline
def greeting(name: str = "world", times: int = 2, weights: list[float] = [0.5, 1.5]) -> None:
    greet(name=name, times=times)


@task
def scale(weights: list[float], factor: float) -> float:
    return sum(weights) * factor


@pipeline
def scaled(weights: list[float] = [3.0], factor: float = 2.0) -> None:
    scale(weights, factor)
