"""The older dsl.Condition -> if."""
from flowc import pipeline, task


@task(cache=True)
def roll() -> int:
    return 4


@task(cache=True)
def say(msg: str) -> None:
    print(msg)


@pipeline
def dice() -> None:
    r = roll()
    if r >= 4:
        say(msg="high")
    if r < 4:
        say(msg="low")
