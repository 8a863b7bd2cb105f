"""dsl.ParallelFor without a fan-in -> a for loop (parallelism has no flowc equivalent)."""
from flowc import pipeline, task


@task(cache=True)
def shards() -> list[str]:
    return ["a", "b"]


@task(cache=True)
def score(shard: str, factor: float) -> float:
    return len(shard) * factor


@pipeline
def scoring(factors: list[float] = [1.0, 2.0]) -> None:
    names = shards()
    # flowc import: `parallelism=4` of dsl.ParallelFor has no flowc equivalent and was left out
    for shard in names:  # E: FLC903
        score(shard=shard, factor=1.0)
    for f in factors:
        # nested loops are nested fan-outs
        for n in [1, 2]:
            score(shard="x", factor=f)
