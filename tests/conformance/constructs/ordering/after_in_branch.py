"""`after` inside a branch."""

from flowc import after, pipeline, task


@task
def prep(n: int) -> None:
    print(n)


@task
def use(n: int) -> int:
    return n + 1


@pipeline
def after_in_branch(n: int = 1) -> None:
    if n > 0:
        p = prep(n=n)
        with after(p):
            use(n=n)


RUNS = [{}, {"n": 0}]
