"""`x in list_param`: membership in a list given as a parameter."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def in_list_param(pick: str = "b", allowed: list[str] = ["a", "b"]) -> str:
    if pick in allowed:
        out = label(text="allowed")
    else:
        out = label(text="refused")
    return out


RUNS = [{}, {"pick": "z"}]
