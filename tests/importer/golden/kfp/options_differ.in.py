"""Calls of one component with different options: flowc options belong to the task."""
from kfp import dsl


@dsl.component
def work(n: int) -> int:
    return n


@dsl.pipeline
def twice() -> None:
    work(n=1).set_retry(2)
    work(n=2).set_retry(5)  # E: FLC904
