"""An exit task's PipelineTaskFinalStatus -> flowc.RunStatus; the fields of the same meaning are mapped."""
from flowc import RunStatus, pipeline, run_status, task


# flowc import: not translated: `status.error_code` of PipelineTaskFinalStatus: flowc.RunStatus has no counterpart, it reads None
# flowc import: not translated: `status.pipeline_task_name` of PipelineTaskFinalStatus: flowc.RunStatus has no counterpart, it reads None
# flowc import: not translated: `status.pipeline_job_resource_name` of PipelineTaskFinalStatus: flowc.RunStatus has no counterpart, it reads None
@task(cache=True)
def report(user_input: str, status: RunStatus) -> None:
    print(user_input, "state:", status.state.upper())
    if status.state == "failed" or status.state != 'succeeded':
        print("error:", status.error)
    print("code:", None)  # E: FLC902
    print("task:", None, None)  # E: FLC902 FLC902


@task(cache=True)
def fail_op(message: str) -> None:
    import sys

    print(message)
    sys.exit(1)


@pipeline(name="pipeline-with-task-final-status")
def final_status(message: str = "Hello World!") -> None:
    try:
        fail_op(message="Task failed.")
    finally:
        report(user_input=message, status=run_status())
