"""dsl.OutputPath parameters are not translated: the task needs a hand port."""
from flowc import pipeline, task


# flowc import: not translated: parameter out: dsl.OutputPath(str)
@task(cache=True)
def write(text: str, out: dsl.OutputPath(str)) -> None:  # E: FLC902
    with open(out, "w") as f:
        f.write(text)


@pipeline
def writer() -> None:
    write(text="hi")
