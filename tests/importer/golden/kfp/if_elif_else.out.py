"""dsl.If / dsl.Elif / dsl.Else -> one if/elif/else."""
from flowc import pipeline, task


@task(cache=True)
def flip() -> str:
    return "heads"


@task(cache=True)
def say(msg: str) -> None:
    print(msg)


@pipeline
def coin(limit: int = 3) -> None:
    result = flip()
    # three ways
    # flowc import: `name="heads"` of dsl.If has no flowc equivalent and was left out
    if result == "heads":  # E: FLC903
        say(msg="heads")
    elif limit > 2:
        say(msg="tails, high")
        say(msg="again")
    else:
        say(msg="tails, low")
    say(msg="done")
