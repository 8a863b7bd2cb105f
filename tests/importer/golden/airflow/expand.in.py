"""`.expand()` and `.partial().expand()` -> list comprehensions (the fan-in is the list)."""
from airflow.sdk import dag, task


@dag
def mapping(xs: list[int] = [1, 2, 3]):
    @task
    def add(x: int, offset: int) -> int:
        return x + offset

    @task
    def total(values: list[int]) -> int:
        return sum(values)

    added = add.partial(offset=10).expand(x=xs)
    total(added)
    add.expand(x=xs, offset=[1, 2])  # E: FLC902


mapping()  # E: FLC905
