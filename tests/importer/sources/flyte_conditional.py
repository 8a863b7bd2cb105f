# Modeled on the flytesnacks example examples/advanced_composition/advanced_composition/conditional.py
# (https://github.com/flyteorg/flytesnacks, Apache License 2.0): conditional() with
# if_/elif_/else_ on task outputs and workflow inputs, and a LaunchPlan with a
# CronSchedule. Written for flowc's import tests.
import random

from flytekit import CronSchedule, LaunchPlan, conditional, task, workflow


@task(retries=1, cache=True, cache_version="1")
def calculate_circle_circumference(radius: float) -> float:
    return 2 * 3.14 * radius


@task
def calculate_circle_area(radius: float) -> float:
    return 3.14 * radius * radius


@task
def coin_toss(seed: int) -> bool:
    r = random.Random(seed)
    return r.random() < 0.5


@workflow
def shape_properties(radius: float = 0.5, seed: int = 5) -> float:
    toss = coin_toss(seed=seed)
    return (
        conditional("shape_properties_with_multiple_branches")
        .if_((radius >= 0.1) & (radius < 1.0))
        .then(calculate_circle_circumference(radius=radius))
        .elif_(toss.is_true())
        .then(calculate_circle_area(radius=radius))
        .else_()
        .then(calculate_circle_circumference(radius=radius))
    )


nightly = LaunchPlan.get_or_create(workflow=shape_properties, name="shape_nightly", schedule=CronSchedule(schedule="0 2 * * *"))
