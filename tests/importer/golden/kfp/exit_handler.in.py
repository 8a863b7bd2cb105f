"""dsl.ExitHandler: the body is kept inline; the exit task's special timing is not translated."""
from kfp import dsl


@dsl.component
def cleanup(msg: str) -> None:
    print(msg)


@dsl.component
def work() -> str:
    return "done"


@dsl.pipeline
def guarded() -> None:
    exit_task = cleanup(msg="exit handler ran")
    with dsl.ExitHandler(exit_task=exit_task):  # E: FLC902
        # the guarded work
        w = work()
        cleanup(msg=w.output)
