"""`with after(handle):` orders a step after a `-> None` task it takes no data from."""

from flowc import after, pipeline, task


@task
def setup(name: str) -> None:
    print("setup", name)


@task
def work(name: str) -> str:
    return name + " done"


@pipeline
def after_task(name: str = "job") -> str:
    ready = setup(name=name)
    with after(ready):
        out = work(name=name)
    return out
