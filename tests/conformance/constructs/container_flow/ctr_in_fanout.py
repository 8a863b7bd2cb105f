"""A container task per item of a fan-out, its int outputs gathered."""

from flowc import container_task, pipeline, task


@container_task(image="busybox:1.36", command=["sh", "-c", "printf %s \"$0\" | wc -c | tr -d ' ' > \"$1\"", "{text}", "{output}"])
def count_chars(text: str) -> int: ...


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def ctr_in_fanout(words: list[str] = ["a", "bcd", "ef"]) -> int:
    return total(xs=[count_chars(text=w) for w in words])


STANDINS = {"count_chars": lambda text: len(text)}
