"""The project `tests/diff` commits to a temporary git repository and edits.

load -> prepare -> featurize -> train -> report, and audit beside them; helper
`clean_text` is used by prepare and audit, `shout` by report only. The top-level
`raise` proves diff reads without running anything.
"""

from flowc import pipeline, task

SCALE = 3

if __name__ != "__never__":
    raise SystemExit("flowc diff ran this module")


def clean_text(text: str) -> str:
    return text.strip().lower()


def shout(text: str) -> str:
    return text.upper() + "!"


@task
def load(n: int) -> list[str]:
    return [f" Row {i} " for i in range(n)]


@task
def prepare(rows: list[str]) -> list[str]:
    return [clean_text(r) for r in rows]


@task
def featurize(rows: list[str]) -> list[int]:
    return [len(r) * SCALE for r in rows]


@task(image="python:3.12-slim")
def train(features: list[int]) -> float:
    return sum(features) / max(len(features), 1)


@task
def report(score: float) -> str:
    return shout(f"score {score}")


@task
def audit(rows: list[str]) -> int:
    return len([clean_text(r) for r in rows])


@pipeline
def flow(n: int = 3) -> str:
    rows = load(n=n)
    audit(rows=rows)
    score = train(features=featurize(rows=prepare(rows=rows)))
    return report(score=score)
