"""dsl.OneOf -> a name every branch assigns."""
from kfp import dsl


@dsl.component
def pick(x: int) -> str:
    return "big" if x > 1 else "small"


@dsl.component
def shout(text: str) -> str:
    return text.upper()


@dsl.pipeline
def chooser(x: int = 2) -> str:
    choice = pick(x=x)
    with dsl.If(choice.output == "big"):
        a = shout(text="big")
    with dsl.Else():
        b = shout(text="small")
    final = shout(text=dsl.OneOf(a.output, b.output))
    return final.output
