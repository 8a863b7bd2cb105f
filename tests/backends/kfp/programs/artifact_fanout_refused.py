"""A fan-out over a fan-in of artifacts whose body waits for that whole list: cannot fold."""

from flowc import Model, pipeline, task


@task
def fit(n: int) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(str(n))
    return out


@task
def best(models: list[Model]) -> Model:
    return models[-1]


@task
def compare(model: Model, champion: Model) -> int:
    return 1


@pipeline
def refused(ns: list[int] = [1, 2]) -> list[int]:
    models = [fit(n=n) for n in ns]
    champion = best(models=models)
    return [compare(model=m, champion=champion) for m in models]
