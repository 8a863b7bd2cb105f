from flowc import container_task, pipeline, task


@task
def by_position(x: int, /, y: int) -> int:  # E: FLC220 @17
    return x + y


@task
def counts(n: int) -> int:
    def helper() -> object:
        yield 0  # a nested generator is fine

    for i in range(n):
        yield i  # E: FLC221 @9


@container_task(image="alpine:3", command=["echo", "{x}"])
def echo(x: int, /) -> None: ...


@pipeline
def p(x: int, /) -> None:
    echo(1)
    by_position(x, y=counts(n=x))
