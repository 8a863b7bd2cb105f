"""dsl.ParallelFor + dsl.Collected -> a list comprehension (the fan-in)."""
from kfp import dsl


@dsl.component
def square(x: int) -> int:
    return x * x


@dsl.component
def add_up(values: list[int]) -> int:
    return sum(values)


@dsl.pipeline
def squares(xs: list[int] = [1, 2, 3]) -> list[int]:
    with dsl.ParallelFor(xs) as x:
        sq = square(x=x)
    total = add_up(values=dsl.Collected(sq.output))
    return dsl.Collected(sq.output)
