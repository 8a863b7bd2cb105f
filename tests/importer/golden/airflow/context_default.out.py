"""A run-context string parameter with a `None` default (`ts=None`): flowc has no run context, it passes the default."""
from flowc import pipeline, task


# flowc import: not translated: parameter ts (Airflow's run context): flowc passes its default
@task
def print_value(value: str, ts: str | None = None) -> None:  # E: FLC902
    print(value, ts)


@pipeline
def context_default() -> None:
    print_value("first!")
