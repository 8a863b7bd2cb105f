# -*- coding: latin-1 -*-
# Valid Python: the cookie says how to decode this file (café).
from flowc import pipeline, task


@task
def t(a: str = "café", b: int = 0) -> str: ...


@pipeline
def p() -> str:
    return t(a="été", b="é")  # E: FLC201 @25
