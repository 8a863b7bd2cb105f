from flowc import pipeline


@pipeline
def broken(x: int) -> int:
    return (x +  # E: FLC002 @12
