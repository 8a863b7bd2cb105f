"""An unannotated result whose returns are all literals of one type gets that type (mixed or computed returns stay FLC907: untranslated.in.py)."""
from airflow.sdk import dag, task


@task
def greeting():
    return "hello"


@task
def label(n: int):
    if n > 0:
        return f"positive {n}"
    return "not positive"


@task
def sizes():
    return [1, 2, -3]


@task
def ratio():
    return 0.5


@task
def show(text: str, values: list[int], r: float) -> None:
    print(text, values, r)


@dag(schedule=None)
def inferred():
    show(label(3), sizes(), ratio())
    greeting()


inferred()  # E: FLC905
