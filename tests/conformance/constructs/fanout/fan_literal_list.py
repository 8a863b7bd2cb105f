"""Fan-out over a literal list of strings, the fan-in joined."""

from flowc import pipeline, task


@task
def shout(s: str) -> str:
    return s.upper()


@task
def join(parts: list[str]) -> str:
    return ",".join(parts)


@pipeline
def fan_literal_list() -> str:
    return join(parts=[shout(s=w) for w in ["a", "b", "c"]])
