# Modeled on flytesnacks examples/development_lifecycle/development_lifecycle/failure_node.py
# (https://github.com/flyteorg/flytesnacks, Apache License 2.0): a workflow whose failure
# handler cleans up after a failed step. The handler records what it saw in `record`.
# Written for flowc's import tests.
import typing

from flytekit import task, workflow
from flytekit.types.error import FlyteError


@task
def create_cluster(name: str) -> str:
    return f"cluster-{name}"


@task
def train(cluster: str, fail: bool) -> float:
    if fail:
        raise ValueError(f"training on {cluster} failed")
    return 0.5


@task
def clean_up(name: str, fail: bool, record: str, err: typing.Optional[FlyteError] = None) -> None:
    with open(record, "a", encoding="utf-8") as f:
        f.write(f"deleting cluster-{name}: {'failed' if err else 'ok'}\n")


@workflow(on_failure=clean_up)
def training(name: str = "c1", fail: bool = False, record: str = "") -> float:
    c = create_cluster(name=name)
    return train(cluster=c, fail=fail)
