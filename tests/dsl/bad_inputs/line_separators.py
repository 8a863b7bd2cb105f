from flowc import pipeline, task

# separators Python does not count as line breaks:        
NOTE = "a b"


@task
def t(x: int) -> int: ...


@pipeline
def p() -> int:
    return t(x="one")  # E: FLC201 @16
