"""`with after(fanin):` waits for a whole fan-out; a name assigned inside stays visible."""

from flowc import after, pipeline, task


@task
def audit(x: int) -> str:
    return f"audited {x}"


@task
def summary(n: int) -> str:
    return f"{n} audited"


@task
def shout(s: str) -> str:
    return s.upper()


@pipeline
def after_fanin(xs: list[int] = [1, 2, 3], n: int = 3) -> str:
    audits = [audit(x=x) for x in xs]
    with after(audits):
        s = summary(n=n)
    return shout(s=s)
