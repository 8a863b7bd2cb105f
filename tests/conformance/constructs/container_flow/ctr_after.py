"""A container task with no output used as an `after` handle."""

from flowc import after, container_task, pipeline, task


@container_task(image="busybox:1.36", command=["sh", "-c", "echo \"$0\"", "{msg}"])
def announce(msg: str) -> None: ...


@task
def finish(msg: str) -> str:
    return msg + " finished"


@pipeline
def ctr_after(msg: str = "go") -> str:
    a = announce(msg=msg)
    with after(a):
        r = finish(msg=msg)
    return r


STANDINS = {"announce": lambda msg: None}
