"""The older dsl.Condition -> if."""
from kfp import dsl


@dsl.component
def roll() -> int:
    return 4


@dsl.component
def say(msg: str) -> None:
    print(msg)


@dsl.pipeline
def dice() -> None:
    r = roll()
    with dsl.Condition(r.output >= 4):
        say(msg="high")
    with dsl.Condition(r.output < 4):
        say(msg="low")
