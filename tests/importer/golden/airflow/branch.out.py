"""@task.branch -> an if on the task id it returns."""
from flowc import after, pipeline, task


@task
def pick(n: int) -> str:
    return "even" if n % 2 == 0 else "odd_one"


@task
def even() -> str:
    return "even"


@task(name="odd_one")
def odd() -> str:
    return "odd"


@task
def join() -> None:
    print("joined")


@pipeline
def branchy(n: int = 3) -> None:

    choice = pick(n)
    if choice == "even":
        e = even()
    elif choice == "odd_one":
        o = odd()
    # flowc import: not translated: `e >> j` after a branch: j now waits for choice only
    # flowc import: not translated: `o >> j` after a branch: j now waits for choice only
    with after(choice):
        j = join()


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     branchy()  # E: FLC905
