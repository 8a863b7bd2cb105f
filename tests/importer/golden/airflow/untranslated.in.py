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

    @task
    def either(x):  # E: FLC907
        print(x)

    @task
    def mixed(flag: bool):  # E: FLC907
        if flag:
            return 1
        return "one"

    stamp()
    shell()
    for i in range(len("abc")):  # E: FLC902
        untyped(i)
    mixed(True)
    either(1)
    either("one")


contexts()  # E: FLC905
