"""@task.branch -> an if on the task id it returns."""
from airflow.sdk import dag, task


@dag
def branchy(n: int = 3):
    @task.branch
    def pick(n: int) -> str:
        return "even" if n % 2 == 0 else "odd_one"

    @task
    def even() -> str:
        return "even"

    @task(task_id="odd_one")
    def odd() -> str:
        return "odd"

    @task
    def join() -> None:
        print("joined")

    choice = pick(n)
    e = even()
    o = odd()
    j = join()
    choice >> [e, o]
    [e, o] >> j  # E: FLC902 FLC902


branchy()  # E: FLC905
