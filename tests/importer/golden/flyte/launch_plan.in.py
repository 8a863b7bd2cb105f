"""A LaunchPlan with a CronSchedule gives the pipeline its schedule."""
from flytekit import CronSchedule, LaunchPlan, task, workflow


@task
def ping() -> str:
    return "pong"


@workflow
def nightly() -> str:
    return ping()


# run every night
nightly_lp = LaunchPlan.get_or_create(
    workflow=nightly,
    name="nightly_lp",
    schedule=CronSchedule(schedule="0 3 * * *"),
    fixed_inputs={},  # E: FLC903
)
