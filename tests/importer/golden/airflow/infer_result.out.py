"""An unannotated result whose returns are all literals of one type gets that type (mixed or computed returns stay FLC907: untranslated.in.py)."""
from flowc import pipeline, task


@task
def greeting() -> str:
    return "hello"


@task
def label(n: int) -> str:
    if n > 0:
        return f"positive {n}"
    return "not positive"


@task
def sizes() -> list[int]:
    return [1, 2, -3]


@task
def ratio() -> float:
    return 0.5


@task
def show(text: str, values: list[int], r: float) -> None:
    print(text, values, r)


@pipeline
def inferred() -> None:
    show(label(3), sizes(), ratio())
    greeting()


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     inferred()  # E: FLC905
