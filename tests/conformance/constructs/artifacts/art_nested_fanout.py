"""Artifacts in nested fan-outs: a Model per (a, b), read inside the inner loop."""

from flowc import Model, pipeline, task


@task
def fit(a: int, b: int) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(str(a * b))
    return out


@task
def weight(m: Model) -> int:
    with open(m.path) as fh:
        return int(fh.read())


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def art_nested_fanout(xs: list[int] = [1, 2], ys: list[int] = [3, 4]) -> list[int]:
    return [total(xs=[weight(m=fit(a=x, b=y)) for y in ys]) for x in xs]
