from flowc import pipeline, task

HUGE = 1e400


@task
def scale(x: float, by: list[float] = [-1e400]) -> float: ...  # E: FLC206 @21


@pipeline
def flow(x: float = HUGE) -> float:  # E: FLC206 @10
    return scale(x=x, by=[2.0, 1e999])  # E: FLC206 @26
