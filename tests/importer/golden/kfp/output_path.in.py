"""dsl.OutputPath parameters are not translated: the task needs a hand port."""
from kfp import dsl


@dsl.component
def write(text: str, out: dsl.OutputPath(str)):  # E: FLC902
    with open(out, "w") as f:
        f.write(text)


@dsl.pipeline
def writer() -> None:
    write(text="hi")
