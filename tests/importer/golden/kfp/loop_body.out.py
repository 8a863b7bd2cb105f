"""A ParallelFor body of several steps, one collected: a sub-pipeline and a comprehension over it."""

from flowc import pipeline, task


@task(cache=True)
def split_ids(ids: str) -> list[str]:
    return ids.split(",")


@task(cache=True)
def prepend_id(content: str, prefix: str) -> str:
    return prefix + content


@task(cache=True)
def consume_single_id(id: str) -> str:
    return id


@task(cache=True)
def consume_ids(ids: list[str]) -> str:
    return ",".join(ids)


@pipeline
def collecting_model_id_body(model_id: str, prefix: str) -> str:
    prepended = prepend_id(content=model_id, prefix=prefix)
    consume_single_id(id=prepended)
    return prepended


@pipeline
def collecting(model_ids: str = "s1,s2", prefix: str = "model_") -> str:
    ids = split_ids(ids=model_ids)
    prepended = [collecting_model_id_body(model_id=model_id, prefix=prefix) for model_id in ids]
    return consume_ids(ids=prepended)
