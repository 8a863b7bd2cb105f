"""`@container_task` without `image=`: its signature requires one (FLC309)."""

from flowc import container_task

IMAGE = "busybox:1.36"


@container_task(command=["echo", "{text}"])  # E: FLC309 @2
def echo(text: str) -> None: ...


@container_task()  # E: FLC309 @2 E: FLC309 @2
def bare() -> None: ...


@container_task(image=IMAGE, command=["echo", "fine"])
def fine() -> None: ...
