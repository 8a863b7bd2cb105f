"""A pipeline's `schedule=` on KFP: a recurring run, which a PipelineSpec cannot hold.

KFP schedules live on the server: a recurring run (a "job") names a pipeline, an
experiment and a trigger. So beside `<pipeline>.yaml` flowc writes
`<pipeline>.schedule.json`, the keyword arguments of `kfp.Client().create_recurring_run`
that the experiment aside make that run (the cron in KFP's form), and warns (FLC505)
that the schedule takes effect only once it is created:

    client.create_recurring_run(experiment_id=..., **json.load(open("churn.schedule.json")))

KFP's scheduler reads cron with six fields, seconds first (robfig/cron, as the SDK's
`create_recurring_run` documents: `'0 0 9 ? * 2-6'`), and a day of week from 0 to 6.
`@once` has no recurring run: flowc writes nothing and says so (FLC506).

>>> kfp_cron("0 3 * * *"), kfp_cron("@daily"), kfp_cron("0 9 * * 5-7"), kfp_cron("@once")
('0 0 3 * * *', '0 0 0 * * *', '0 0 9 * * 0,5,6', None)
"""

from __future__ import annotations

import json

from flowc.ir import codes
from flowc.ir.cron import weekdays
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Pipeline

# Presets as six-field cron (seconds, minutes, hours, day of month, month, day of week).
_PRESETS = {
    "@yearly": "0 0 0 1 1 *",
    "@annually": "0 0 0 1 1 *",
    "@monthly": "0 0 0 1 * *",
    "@weekly": "0 0 0 * * 0",
    "@daily": "0 0 0 * * *",
    "@midnight": "0 0 0 * * *",
    "@hourly": "0 0 * * * *",
}


def kfp_cron(schedule: str) -> str | None:
    """`schedule` (a valid five-field cron or preset) as KFP's six-field cron; None for `@once`."""
    if schedule.startswith("@"):
        return _PRESETS.get(schedule)
    fields = schedule.split()
    days = weekdays(fields[4])
    if days is not None and "7" in fields[4].replace("/", " ").replace("-", " ").replace(",", " ").split():
        fields[4] = ",".join(str(d) for d in sorted({d % 7 for d in days}))  # KFP's day of week stops at 6
    return " ".join(["0", *fields])


def schedule_file(stem: str) -> str:
    return f"{stem}.schedule.json"


def recurring_run(pipeline: Pipeline, stem: str) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """The schedule file of `pipeline` (written as `<stem>.yaml`) and the warning telling how to use it."""
    if pipeline.schedule is None:
        return {}, []
    cron = kfp_cron(pipeline.schedule)
    if cron is None:
        return {}, [Diagnostic.of(codes.KFP_SCHEDULE_ONCE, pipeline.span, pipeline.name)]
    arguments = {
        "job_name": pipeline.name,
        "description": f"flowc schedule {pipeline.schedule!r} of pipeline {pipeline.name!r}",
        "cron_expression": cron,
        "pipeline_package_path": f"{stem}.yaml",
        "max_concurrency": 1,
        "no_catchup": True,
    }
    text = json.dumps(arguments, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    name = schedule_file(stem)
    warning = Diagnostic.of(codes.KFP_SCHEDULE_NOT_IN_SPEC, pipeline.span, pipeline.schedule, pipeline.name, name, cron)
    return {name: text.encode("utf-8")}, [warning]
