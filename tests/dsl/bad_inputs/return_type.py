"""A pipeline's declared return type is checked against what it returns (FLC114),
whichever way the value reaches the `return`."""

from typing import NamedTuple

from flowc import Model, pipeline, task


class Trained(NamedTuple):
    model: Model
    score: float


@task
def train(lr: float) -> Model: ...


@task
def trained(lr: float) -> Trained: ...


@pipeline
def sub(lr: float) -> Model:
    return train(lr=lr)


@pipeline
def direct(lr: float = 0.1) -> float:
    return train(lr=lr)  # E: FLC114 @12


@pipeline
def through_a_name(lr: float = 0.1) -> float:
    m = train(lr=lr)
    return m  # E: FLC114 @12


@pipeline
def from_a_sub_pipeline(lr: float = 0.1) -> float:
    return sub(lr=lr)  # E: FLC114 @12


@pipeline
def a_namedtuple_field(lr: float = 0.1) -> float:
    return trained(lr=lr).model  # E: FLC114 @12


@pipeline
def a_fan_in(lrs: list[float] = [0.1]) -> list[float]:
    return [train(lr=r) for r in lrs]  # E: FLC114 @12


@pipeline
def in_branches(lr: float = 0.1, fast: bool = True) -> float:
    if fast:
        return lr
    else:
        return train(lr=lr)  # E: FLC114 @16


@pipeline
def out_of_branches(lr: float = 0.1, fast: bool = True) -> float:
    if fast:
        m = train(lr=lr)
    else:
        m = train(lr=lr)
    return m  # E: FLC114 @12


@pipeline
def a_parameter(lr: Model) -> float:
    return lr  # E: FLC114 @12


@pipeline
def fine(lr: float = 0.1) -> float:
    return trained(lr=lr).score
