from flowc import pipeline, task

LIMIT_MESSAGE = "over the limit"


class RadiusError(Exception):
    pass


@task
def measure(radius: float) -> float:
    return radius


@pipeline
def computed_message(radius: float, why: str) -> float:
    r = measure(radius=radius)
    if r < 10.0:
        area = measure(radius=r)
    else:
        raise ValueError(why)  # E: FLC126 @26
    return area


@pipeline
def formatted_message(radius: float) -> float:
    if radius < 10.0:
        return measure(radius=radius)
    else:
        raise ValueError(f"radius {radius}")  # E: FLC126 @26


@pipeline
def bare(radius: float) -> float:
    if radius < 10.0:
        return measure(radius=radius)
    else:
        raise  # E: FLC126 @9


@pipeline
def not_an_exception(radius: float) -> float:
    if radius < 10.0:
        return measure(radius=radius)
    else:
        raise measure(radius=radius)  # E: FLC127 @15


@pipeline
def own_exception(radius: float) -> float:
    if radius >= 10.0:
        raise RadiusError("radius out of range")  # E: FLC127 @15
    return measure(radius=radius)


@pipeline
def no_message(radius: float) -> float:
    if radius >= 10.0:
        raise ValueError  # E: FLC126 @15
    return measure(radius=radius)


@pipeline
def with_cause(radius: float) -> float:
    if radius >= 10.0:
        raise ValueError("radius out of range") from None  # E: FLC126 @54
    return measure(radius=radius)


@pipeline
def two_messages(radius: float) -> float:
    if radius >= 10.0:
        raise ValueError("radius", "out of range")  # E: FLC126 @15
    return measure(radius=radius)


@pipeline
def after_raise(radius: float) -> float:
    if radius >= 10.0:
        raise ValueError(LIMIT_MESSAGE)
        measure(radius=radius)  # E: FLC121 @9
    return measure(radius=radius)
