"""A fan-in list of Model artifacts passed whole to one task."""

from flowc import Model, pipeline, task


@task
def write(n: int) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(str(n * n))
    return out


@task
def read_all(items: list[Model]) -> list[int]:
    values = []
    for a in items:
        with open(a.path) as fh:
            values.append(int(fh.read()))
    return values


@pipeline
def art_fanin_model(ns: list[int] = [3, 1, 2]) -> list[int]:
    return read_all(items=[write(n=n) for n in ns])


RUNS = [{}, {"ns": [7]}]
