from flowc import pipeline
from lib.ring_a import step


@pipeline
def flow(x: int) -> int:
    return step(x=x)  # E: FLC007 @12
