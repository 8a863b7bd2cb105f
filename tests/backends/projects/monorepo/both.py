"""One artifact holding both `extract` tasks: each keeps its own engine name."""

from flowc import pipeline
from sales import extract as sales_extract
from stock import extract as stock_extract


@pipeline
def both(x: int = 1) -> int:
    return stock_extract(x=sales_extract(x=x))
