# Modeled on the kfp sample
# samples/v2/lightweight_python_functions_v2_pipeline/lightweight_python_functions_v2_pipeline.py
# (https://github.com/kubeflow/pipelines, Apache License 2.0): Output[Dataset] written by
# one component, read as Input[Dataset] by the next, which writes an Output[Model] and
# returns a value. Written for flowc's import tests.
from kfp import dsl
from kfp.dsl import Dataset, Input, Model, Output


@dsl.component(base_image="python:3.12-slim")
def preprocess(message: str, output_dataset: Output[Dataset]):
    """Write the message three times, one per line."""
    with open(output_dataset.path, "w") as f:
        f.write("\n".join([message] * 3))


@dsl.component(base_image="python:3.12-slim")
def train(dataset: Input[Dataset], model: Output[Model], factor: float = 1.5) -> float:
    with open(dataset.path) as f:
        lines = f.read().splitlines()
    score = len(lines) * factor
    with open(model.path, "w") as f:
        f.write(f"score={score}")
    return score


@dsl.pipeline
def artifacts_pipeline(message: str = "hello", factor: float = 2.0) -> float:
    data = preprocess(message=message)
    trained = train(dataset=data.outputs["output_dataset"], factor=factor).set_cpu_limit("1").set_memory_limit("1Gi")
    return trained.outputs["Output"]
