"""`raise` in an `else` arm: taken, the run fails there with the message (what follows
does not run); not taken, the run succeeds and the arm's value flows on."""

from flowc import pipeline, task


@task
def measure(radius: float) -> float:
    return radius


@task
def area(r: float) -> float:
    return 3.0 * r * r


@task
def describe(a: float) -> str:
    return f"area {a}"


@pipeline
def fail_raise_else(radius: float = 2.0) -> str:
    r = measure(radius=radius)
    if r <= 10.0:
        a = area(r=r)
    else:
        raise ValueError("radius out of range")
    return describe(a=a)


RUNS = [{}, {"radius": 20.0}]
