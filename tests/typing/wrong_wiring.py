# A pipeline with wiring mistakes: pyright (strict) must flag exactly the marked lines.
from flowc import Dataset, Model, RunStatus, pipeline, run_status, task


@task
def load(uri: str) -> Dataset:
    return Dataset.create()


@task
def train(data: Dataset, lr: float) -> Model:
    return Model.create()


@task
def evaluate(model: Model, data: Dataset) -> float:
    return 0.0


@pipeline
def wrong(uri: str = "gs://x") -> float:
    data = load(uri=uri)
    model = train(data=data, lr=0.1)
    evaluate(model=data, data=data)  # error: Dataset passed as Model
    load(uri=3)  # error: int literal where str is expected
    train(data=model, lr="fast")  # error: Model as Dataset, str as float
    return evaluate(model=model, data=data)


@task
def notify(status: RunStatus, note: str) -> None: ...


@pipeline
def wrong_cleanup(uri: str = "gs://x") -> None:
    try:
        load(uri=uri)
    finally:
        notify(status=run_status(), note="ok")
        notify(status=uri, note="no")  # error: str passed as RunStatus
        notify(status=run_status(), note=run_status())  # error: RunStatus passed as str
