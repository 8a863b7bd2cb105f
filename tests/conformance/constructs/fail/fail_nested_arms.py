"""An arm holding an `if` every arm of which raises (so that arm raises too), beside an
arm whose value flows on after the `if`."""

from flowc import pipeline, task


@task
def grow(x: int) -> int:
    return x + 1


@pipeline
def fail_nested_arms(x: int = 3) -> int:
    if x > 10:
        if x > 100:
            raise ValueError("far too big")
        else:
            raise ValueError("too big")
    else:
        y = grow(x=x)
    return grow(x=y)


RUNS = [{}, {"x": 500}]
