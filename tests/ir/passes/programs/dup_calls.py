"""Duplicate calls: pure (`cache=True`) ones at the top and again in a loop body, impure
ones (`draw`) twice. Optimized, each pure call runs once per distinct input."""

from flowc import pipeline, task


@task(cache=True)
def load(n: int) -> int:
    return n * 10


@task(cache=True)
def clean(x: int) -> int:
    return x + 1


@task(cache=True)
def scale(x: int, k: int) -> int:
    return x * k


@task
def draw(n: int) -> int:
    return n + 100


@task
def total(a: int, b: int, c: int, d: int, xs: list[int]) -> int:
    return a + b + c + d + sum(xs)


@pipeline
def dup_calls(n: int = 1, ks: list[int] = [1, 2]) -> int:
    left = clean(x=load(n=n))
    right = clean(x=load(n=n))
    scaled = [scale(x=clean(x=load(n=n)), k=k) for k in ks]
    return total(a=left, b=right, c=draw(n=n), d=draw(n=n), xs=scaled)
