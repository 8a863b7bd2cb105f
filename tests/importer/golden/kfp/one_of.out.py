"""dsl.OneOf -> a name every branch assigns."""
from flowc import pipeline, task


@task(cache=True)
def pick(x: int) -> str:
    return "big" if x > 1 else "small"


@task(cache=True)
def shout(text: str) -> str:
    return text.upper()


@pipeline
def chooser(x: int = 2) -> str:
    choice = pick(x=x)
    if choice == "big":
        a = shout(text="big")
        one_of_1 = a
    else:
        b = shout(text="small")
        one_of_1 = b
    final = shout(text=one_of_1)
    return final
