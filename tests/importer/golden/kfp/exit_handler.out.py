"""dsl.ExitHandler: the body is kept inline; the exit task's special timing is not translated."""
from flowc import pipeline, task


@task(cache=True)
def cleanup(msg: str) -> None:
    print(msg)


@task(cache=True)
def work() -> str:
    return "done"


@pipeline
def guarded() -> None:
    exit_task = cleanup(msg="exit handler ran")
    # flowc import: not translated: dsl.ExitHandler(exit_task=exit_task): the body is kept, but the exit task runs as an ordinary step, not after the body or on failure
    # the guarded work
    w = work()
    cleanup(msg=w)
