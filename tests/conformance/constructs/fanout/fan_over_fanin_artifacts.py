"""Fan-out over a fan-in list of artifacts: `[score(model=m) for m in models]`."""

from flowc import Model, pipeline, task


@task
def train(lr: float) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(str(lr * 10))
    return out


@task
def score(model: Model) -> float:
    with open(model.path) as fh:
        return float(fh.read())


@task
def best(scores: list[float]) -> float:
    return max(scores)


@pipeline
def fan_over_fanin_artifacts(lrs: list[float] = [0.1, 0.3, 0.2]) -> float:
    models = [train(lr=r) for r in lrs]
    scores = [score(model=m) for m in models]
    return best(scores=scores)


RUNS = [{}, {"lrs": [0.5]}]
