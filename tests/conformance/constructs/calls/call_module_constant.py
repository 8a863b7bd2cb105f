"""Module-level literal constants and negative numbers as arguments."""

from flowc import pipeline, task

LIMIT = 3
PREFIX = "item"
WEIGHTS = [0.5, -1.5]


@task
def label(prefix: str, n: int, w: list[float], offset: float) -> str:
    return f"{prefix}{n}:{sum(w) + offset}"


@pipeline
def call_module_constant() -> str:
    return label(prefix=PREFIX, n=LIMIT, w=WEIGHTS, offset=-2.25)
