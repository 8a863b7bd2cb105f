"""Types from the file: `json.loads` of a string literal, a bare `dict` parameter, a loop
over `.values()` grown with `+=`, and multiple_outputs without `-> dict[str, T]`."""
import json

from typing import NamedTuple
from flowc import pipeline, task


@task
def extract() -> dict[str, float]:
    data_string = '{"1001": 301.27, "1002": 433.21}'
    return json.loads(data_string)


class TransformOutputs(NamedTuple):
    total: float
    doubled: float


@task
def transform(order_data: dict[str, float]) -> TransformOutputs:
    total = 0
    for value in order_data.values():
        total += value
    return TransformOutputs(total=total, doubled=total * 2)


@task
def join_keys(order_data: dict[str, float]) -> str:
    joined = ""
    for key in order_data.keys():
        joined += key
    return joined


@task
def load(total: float) -> None:
    print(f"{total:.2f}")


@pipeline
def orders() -> None:

    data = extract()
    summary = transform(data)
    load(summary.total)
    join_keys(data)


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     orders()  # E: FLC905
