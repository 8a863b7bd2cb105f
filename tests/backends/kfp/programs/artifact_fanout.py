"""Fan-outs over fan-in lists of artifacts: folded into the loop that produced the list."""

from flowc import Dataset, Model, pipeline, task


@task
def make(n: int) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(str(n))
    return out


@task
def fit(data: Dataset, scale: int) -> Model:
    out = Model.create()
    with open(data.path) as src, open(out.path, "w") as fh:
        fh.write(str(int(src.read()) * scale))
    return out


@task
def score(model: Model) -> int:
    with open(model.path) as fh:
        return int(fh.read())


@task
def total(values: list[int]) -> int:
    return sum(values)


@task
def count(models: list[Model]) -> int:
    return len(models)


@pipeline
def folded(ns: list[int] = [1, 2, 3], scale: int = 10) -> tuple[int, int]:
    base = make(n=scale)
    datasets = [make(n=n) for n in ns]
    models = [fit(data=d, scale=scale) for d in datasets]
    scores = [score(model=m) for m in models]
    extra = [fit(data=base, scale=1) for m in models]
    return total(values=scores), count(models=extra)
