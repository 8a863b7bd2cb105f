"""Output artifacts beside a return value: a generated NamedTuple; .outputs[...] reads its fields."""
from typing import NamedTuple
from flowc import Dataset, Metrics, Model, pipeline, task


class TrainOutputs(NamedTuple):
    model: Model
    metrics: Metrics
    output: float


@task(cache=True)
def train(data: Dataset) -> TrainOutputs:
    model = Model.create()
    metrics = Metrics.create()
    metrics.log_metric("accuracy", 0.9)
    with open(model.path, "w") as f:
        f.write("weights")
    return TrainOutputs(model=model, metrics=metrics, output=0.9)


@task(cache=True)
def report(model: Model, score: float) -> str:
    return f"{model.path}: {score}"


@pipeline
def train_and_report(data: Dataset) -> str:
    trained = train(data=data)
    return report(model=trained.model, score=trained.output)
