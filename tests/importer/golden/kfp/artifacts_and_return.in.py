"""Output artifacts beside a return value: a generated NamedTuple; .outputs[...] reads its fields."""
from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Model, Output


@dsl.component
def train(data: Input[Dataset], model: Output[Model], metrics: Output[Metrics]) -> float:
    metrics.log_metric("accuracy", 0.9)
    with open(model.path, "w") as f:
        f.write("weights")
    return 0.9


@dsl.component
def report(model: Input[Model], score: float) -> str:
    return f"{model.path}: {score}"


@dsl.pipeline
def train_and_report(data: Dataset) -> str:
    trained = train(data=data)
    return report(model=trained.outputs["model"], score=trained.outputs["Output"]).output
