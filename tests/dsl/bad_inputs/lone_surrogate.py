from flowc import pipeline, task

GREETING = "hi \udfff"  # E: FLC014 @12


@task
def t(x: str = "\ud800", y: str = GREETING) -> str:  # E: FLC014 @16
    """Echo \ud801 back."""  # E: FLC014 @5
    inside = "\ud802 is fine in task code: it travels as source text"
    return x + inside


@pipeline
def p() -> str:
    return t(x="a" "\ud803")  # E: FLC014 @16
