from flowc import container_task, pipeline


@container_task(image="busybox", command=["echo", "{text}", "{nope}"])  # E: FLC307 @61
def echo(text: str) -> None: ...


@container_task(image="busybox", command=["echo", "{{ok}}", "{text"], args=["}"])  # E: FLC315 @61 # E: FLC315 @77
def braces(text: str) -> None: ...


@container_task(image="busybox", command=["echo", "{text!r}", "{ text }"])  # E: FLC307 @51 # E: FLC307 @63
def fields(text: str) -> None: ...


@container_task(image="busybox", command=["cat", "{output}"])
def cat(path: str) -> str:
    return path  # E: FLC308 @5


@container_task(image="busybox")  # E: FLC309 @2
def nothing(x: int) -> None: ...


@container_task(command=["true"])  # E: FLC309 @2
def no_image(x: int) -> None: ...


@pipeline
def flow(t: str) -> str:
    echo(text=t)
    return cat(path=t)
