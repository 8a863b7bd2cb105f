"""Airflow's run context, other task flavours and loops in a DAG body are not translated."""
from flowc import pipeline, task


# flowc import: not translated: parameter ds (Airflow's run context)
# flowc import: not translated: **context (Airflow's run context)
@task
def stamp(ds, **context) -> str:  # E: FLC902
    return ds


# flowc import: not translated: @task.bash: it became a plain @task
@task
def shell() -> str:
    return "echo hi"


# flowc import: parameter x has no boundary type flowc can use: it has no annotation
# flowc import: the result of untyped has no boundary type flowc can use: it has no annotation
@task
def untyped(x):  # E: FLC907
    return x


# flowc import: parameter x has no boundary type flowc can use: it has no annotation
@task
def either(x) -> None:  # E: FLC907
    print(x)


# flowc import: the result of mixed has no boundary type flowc can use: it has no annotation
@task
def mixed(flag: bool):  # E: FLC907
    if flag:
        return 1
    return "one"


@pipeline
def contexts() -> None:

    stamp()
    shell()
    # flowc import: not translated: statement `for i in range(len("abc")): ...`
    #     for i in range(len("abc")):  # E: FLC902
    #         untyped(i)
    pass
    mixed(True)
    either(1)
    either("one")


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     contexts()  # E: FLC905
