"""KFP caches every task unless told not to: cache=True, or nothing for set_caching_options(False)."""
from kfp import dsl


@dsl.component
def fetch() -> str:
    return "fresh"


@dsl.component
def keep(x: str) -> str:
    return x


@dsl.pipeline
def caching() -> str:
    f = fetch().set_caching_options(False)
    k = keep(x=f.output)
    k.set_caching_options(enable_caching=True)
    return k.output
