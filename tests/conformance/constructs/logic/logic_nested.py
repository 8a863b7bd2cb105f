"""`and`, `or` and `not` nested: `(x > 1 and not y == "skip") or (z in ks and not flag)`."""

from flowc import pipeline, task


@task
def num(n: int) -> int:
    return n


@task
def word(s: str) -> str:
    return s


@task
def taken(n: int) -> int:
    return n


@task
def other(n: int) -> int:
    return -n


@pipeline
def logic_nested(n: int = 2, s: str = "go", z: str = "k", ks: list[str] = ["k"], flag: bool = True) -> int:
    x = num(n=n)
    y = word(s=s)
    if (x > 1 and not y == "skip") or (z in ks and not flag):
        r = taken(n=n)
    else:
        r = other(n=n)
    return r


RUNS = [{}, {"s": "skip"}, {"s": "skip", "flag": False}, {"n": 0, "flag": False, "ks": []}]
