"""KFP caches every task unless told not to: cache=True, or nothing for set_caching_options(False)."""
from flowc import pipeline, task


@task
def fetch() -> str:
    return "fresh"


@task(cache=True)
def keep(x: str) -> str:
    return x


@pipeline
def caching() -> str:
    f = fetch()
    k = keep(x=f)
    return k
