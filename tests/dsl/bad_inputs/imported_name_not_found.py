import lib.helpers as h
from flowc import pipeline
from lib.helpers import plain, real


@pipeline
def flow(x: int) -> int:
    a = plain(x=x)  # E: FLC006 @9
    b = h.nothing(x=x)  # E: FLC006 @9
    c = h.real(x=x)
    return real(x=c)
