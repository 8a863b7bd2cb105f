"""Untyped tasks and task groups typed from the file: literals, upstream results, `.expand` items, arithmetic."""
from airflow.sdk import DAG, task, task_group


@task
def numbers():
    return [1, 2, 3]


@task
def double(n):
    return n * 2


@task
def scale(n, factor):
    return n * factor


@task
def total(values):
    print(sum(values))


@task
def shout(word):
    return word + "!"


@task_group
def twice(n):
    return double(double(n))


with DAG("inferred_params", schedule=None):
    nums = numbers()
    doubled = double.expand(n=nums)
    total(doubled)
    scale.partial(factor=0.5).expand(n=[1, 2])  # results nobody uses: a loop
    shout("hey")
    twice.expand(n=[4, 5])
