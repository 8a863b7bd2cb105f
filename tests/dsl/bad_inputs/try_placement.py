from flowc import pipeline, task


@task
def work(x: int) -> int: ...


@task
def clean(x: int) -> None: ...


@pipeline
def try_in_sub(x: int = 1) -> int:
    try:  # E[flyte]: FLC702 @5
        y = work(x=x)
    finally:
        clean(x=x)
    return y


@pipeline
def calls_sub(x: int = 1) -> int:
    return try_in_sub(x=x)


@pipeline
def nested_try(x: int = 1) -> None:
    try:
        try:  # E[kfp]: FLC503 @9 E[flyte]: FLC702 @9
            work(x=x)
        finally:
            clean(x=x)
    finally:
        clean(x=0)


@pipeline
def try_in_if(x: int = 1) -> None:
    if x > 0:
        try:  # E[kfp]: FLC503 @9 E[airflow]: FLC602 @9 E[flyte]: FLC702 @9
            work(x=x)
        finally:
            clean(x=x)


@pipeline
def two_tries(x: int = 1) -> None:
    try:
        work(x=x)
    finally:
        clean(x=x)
    try:  # E[flyte]: FLC702 @5
        work(x=0)
    finally:
        clean(x=0)


@pipeline
def two_cleanup_steps(x: int = 1) -> None:
    try:  # E[kfp]: FLC503 @5
        work(x=x)
    finally:
        clean(x=x)
        clean(x=0)
