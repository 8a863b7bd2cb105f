"""dsl.ParallelFor without a fan-in -> a for loop (parallelism has no flowc equivalent)."""
from kfp import dsl


@dsl.component
def shards() -> list[str]:
    return ["a", "b"]


@dsl.component
def score(shard: str, factor: float) -> float:
    return len(shard) * factor


@dsl.pipeline
def scoring(factors: list[float] = [1.0, 2.0]) -> None:
    names = shards()
    with dsl.ParallelFor(names.output, parallelism=4) as shard:  # E: FLC903
        score(shard=shard, factor=1.0)
    with dsl.ParallelFor(items=factors) as f:
        # nested loops are nested fan-outs
        with dsl.ParallelFor([1, 2]) as n:
            score(shard="x", factor=f)
