"""A container task in one branch, a Python task in the other, the value used after."""

from flowc import container_task, pipeline, task


@container_task(image="busybox:1.36", command=["sh", "-c", "printf '%s!' \"$0\" > \"$1\"", "{text}", "{output}"])
def bang(text: str) -> str: ...


@task
def quiet(text: str) -> str:
    return text.lower()


@task
def wrap(text: str) -> str:
    return f"<{text}>"


@pipeline
def ctr_in_branch(text: str = "Hi", loud: bool = True) -> str:
    if loud:
        out = bang(text=text)
    else:
        out = quiet(text=text)
    return wrap(text=out)


RUNS = [{}, {"loud": False}]
STANDINS = {"bang": lambda text: text + "!"}
