"""dsl.ExitHandler -> try/finally: the exit task runs after the body, whether it succeeded or failed."""
from flowc import pipeline, task


@task(cache=True)
def cleanup(msg: str) -> None:
    print(msg)


@task(cache=True)
def work() -> str:
    return "done"


@pipeline
def guarded(message: str = "exit handler ran") -> None:
    # flowc import: `name="guard"` of dsl.ExitHandler has no flowc equivalent and was left out
    try:  # E: FLC903
        # the guarded work
        w = work()
        cleanup(msg=w)
    finally:
        # runs last, in any case
        cleanup(msg=message)
