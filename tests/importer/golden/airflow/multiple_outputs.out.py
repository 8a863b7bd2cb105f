"""multiple_outputs=True with `-> dict[str, T]` -> a NamedTuple; r["k"] -> r.k."""
from typing import NamedTuple
from flowc import pipeline, task


class SummarizeOutputs(NamedTuple):
    total: float
    mean: float


@task
def summarize(values: list[float]) -> SummarizeOutputs:
    if not values:
        return SummarizeOutputs(total=0.0, mean=0.0)
    return SummarizeOutputs(total=sum(values), mean=sum(values) / len(values))


@task
def show(x: float) -> str:
    return str(x)


@pipeline
def totals() -> None:

    s = summarize([1.0, 2.0])
    show(s.total)
    show(s.mean)


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     totals()  # E: FLC905
