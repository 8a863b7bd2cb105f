"""Sub-pipelines in both branches, the value out of the branches used after."""

from flowc import pipeline, task


@task
def double(x: int) -> int:
    return x * 2


@task
def halve(x: int) -> int:
    return x // 2


@task
def show(x: int) -> str:
    return f"={x}"


@pipeline
def sub_in_branch_up(x: int) -> int:
    return double(x=double(x=x))


@pipeline
def sub_in_branch_down(x: int) -> int:
    return halve(x=x)


@pipeline
def sub_in_branch(x: int = 8, up: bool = True) -> str:
    if up:
        y = sub_in_branch_up(x=x)
    else:
        y = sub_in_branch_down(x=x)
    return show(x=y)


RUNS = [{}, {"up": False}]
