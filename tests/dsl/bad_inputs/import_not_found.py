from flowc import pipeline

from .missing_module import step  # E: FLC005 @1


@pipeline
def flow(x: int) -> int:
    return step(x=x)  # E: FLC103 @12
