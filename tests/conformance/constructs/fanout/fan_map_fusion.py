"""Comprehensions over comprehensions' fan-in lists: the optimizer makes `fit` and `score`
one fan-out (map fusion); `scores` is also read by `total`, so `label` stays apart."""

from flowc import pipeline, task


@task
def fit(x: int) -> int:
    return x * 2


@task
def score(m: int, bias: int) -> int:
    return m + bias


@task
def label(s: int) -> str:
    return f"s{s}"


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@task
def join(xs: list[str]) -> str:
    return ",".join(xs)


@pipeline
def fan_map_fusion(xs: list[int] = [1, 2, 3], bias: int = 5) -> tuple[int, str]:
    scores = [score(m=m, bias=bias) for m in [fit(x=x) for x in xs]]
    labels = [label(s=s) for s in scores]
    return total(xs=scores), join(xs=labels)


# An empty `xs` is left to fan_empty_list (kfp.local publishes no fan-in for an empty loop);
# tests/ir/passes/test_on_engine.py runs this program over [] with and without fusion.
RUNS = [{}, {"xs": [7], "bias": -1}]
