"""`.after(...)` -> `with after(...)`, chained or as a statement of its own."""
from kfp import dsl


@dsl.component
def step(name: str) -> str:
    return name


@dsl.pipeline
def ordered() -> None:
    first = step(name="first")
    second = step(name="second").after(first)
    third = step(name="third")
    third.after(first, second)
