"""A LaunchPlan with a CronSchedule gives the pipeline its schedule."""
from flowc import pipeline, task


@task
def ping() -> str:
    return "pong"


@pipeline(schedule="0 3 * * *")
def nightly() -> str:
    return ping()


# run every night
# flowc import: LaunchPlan of nightly: its CronSchedule is the schedule of @pipeline nightly
# flowc import: `fixed_inputs={}` of the LaunchPlan of nightly has no flowc equivalent and was left out
#     nightly_lp = LaunchPlan.get_or_create(
#         workflow=nightly,
#         name="nightly_lp",
#         schedule=CronSchedule(schedule="0 3 * * *"),
#         fixed_inputs={},  # E: FLC903
#     )
