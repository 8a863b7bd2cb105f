"""`in` a literal list of floats with an int-valued parameter (1 == 1.0 in Python)."""

from flowc import pipeline, task


@task
def member(x: float) -> float:
    return x


@pipeline
def mem_in_literal_float_list(x: float = 1.0) -> None:
    if x in [0.5, 1.0, 1.5]:
        member(x=x)


RUNS = [{}, {"x": 0.75}]
