"""Airflow's run context, other task flavours and loops in a DAG body are not translated."""
from airflow.sdk import dag, get_current_context, task


@dag(schedule=None)
def contexts():
    @task
    def stamp(ds, **context) -> str:  # E: FLC902
        return ds

    @task.bash  # E: FLC902
    def shell() -> str:
        return "echo hi"

    @task
    def untyped(x):  # E: FLC907
        return x

    stamp()
    shell()
    for i in range(3):  # E: FLC902
        untyped(i)


contexts()  # E: FLC905
