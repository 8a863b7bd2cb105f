"""multiple_outputs=True with `-> dict[str, T]` -> a NamedTuple; r["k"] -> r.k."""
from airflow.sdk import dag, task


@dag(schedule=None)
def totals():
    @task(multiple_outputs=True)
    def summarize(values: list[float]) -> dict[str, float]:
        if not values:
            return {"total": 0.0, "mean": 0.0}
        return {"total": sum(values), "mean": sum(values) / len(values)}

    @task
    def show(x: float) -> str:
        return str(x)

    s = summarize([1.0, 2.0])
    show(s["total"])
    show(s["mean"])


totals()  # E: FLC905
