"""dsl.ExitHandler -> try/finally: the exit task runs after the body, whether it succeeded or failed."""
from kfp import dsl


@dsl.component
def cleanup(msg: str) -> None:
    print(msg)


@dsl.component
def work() -> str:
    return "done"


@dsl.pipeline
def guarded(message: str = "exit handler ran") -> None:
    # runs last, in any case
    exit_task = cleanup(msg=message)
    with dsl.ExitHandler(exit_task=exit_task, name="guard"):  # E: FLC903
        # the guarded work
        w = work()
        cleanup(msg=w.output)
