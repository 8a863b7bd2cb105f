"""Pipelines whose results no step produced: a parameter, a constant, a value out of a branch."""

from flowc import Model, pipeline, task


@task
def bump(n: int) -> int:
    return n + 1


@task
def fit(n: int) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(str(n))
    return out


@task
def read(m: Model) -> int:
    with open(m.path) as fh:
        return int(fh.read())


@pipeline
def echo_param(n: int = 4) -> int:
    return n


@pipeline
def echo_pair(n: int = 4) -> tuple[int, str]:
    bump(n=n)
    return n, "const"


@pipeline
def choose(n: int = 4) -> int:
    if n > 10:
        value = bump(n=n)
    else:
        value = n
    return value


@pipeline
def pass_model(m: Model) -> Model:
    return m


@pipeline
def outer(n: int = 3) -> int:
    m = pass_model(m=fit(n=n))
    return read(m=m)
