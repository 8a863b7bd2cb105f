"""dsl.If / dsl.Elif / dsl.Else -> one if/elif/else."""
from kfp import dsl


@dsl.component
def flip() -> str:
    return "heads"


@dsl.component
def say(msg: str) -> None:
    print(msg)


@dsl.pipeline
def coin(limit: int = 3) -> None:
    result = flip()
    # three ways
    with dsl.If(result.output == "heads", name="heads"):  # E: FLC903
        say(msg="heads")
    with dsl.Elif(limit > 2):
        say(msg="tails, high")
        say(msg="again")
    with dsl.Else():
        say(msg="tails, low")
    say(msg="done")
