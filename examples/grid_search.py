"""Grid search: a nested fan-out over two hyper-parameters and a NamedTuple summary."""

from typing import NamedTuple

from flowc import Metrics, pipeline, task

NOISE = -0.25


class Summary(NamedTuple):
    best: float
    runs: int


@task(image="python:3.12-slim", cache=True)
def simulate(depth: int, width: int, noise: float = NOISE) -> float:
    """A stand-in for a training run: a deterministic score for (depth, width)."""
    return round(depth * 10 + width / 4 + noise, 3)


@task(image="python:3.12-slim")
def summarize_grid(scores: list[list[float]]) -> Summary:
    flat = [s for row in scores for s in row]
    return Summary(best=max(flat), runs=len(flat))


@task(image="python:3.12-slim")
def record(best: float, count: int) -> Metrics:
    metrics = Metrics.create()
    metrics.log_metric("best", best)
    metrics.log_metric("count", float(count))
    with open(metrics.path, "w") as fh:
        fh.write(f"best={best} count={count}\n")
    return metrics


@task(image="python:3.12-slim")
def alert(best: float) -> None:
    print(f"grid search best score {best} is low")


@pipeline
def grid_search(
    depths: list[int] = [2, 3], widths: list[int] = [4, 8, 16], floor: float = 25.0
) -> tuple[float, int]:
    """Score every (depth, width) pair and summarize the grid."""
    scores = [[simulate(depth=d, width=w) for w in widths] for d in depths]
    best, count = summarize_grid(scores=scores)
    record(best=best, count=count)
    if best < floor or count in [0, 1]:
        alert(best=best)
    return best, count
