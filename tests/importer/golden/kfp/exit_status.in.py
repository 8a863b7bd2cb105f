"""An exit task's PipelineTaskFinalStatus -> flowc.RunStatus; the fields of the same meaning are mapped."""
from kfp import dsl
from kfp.dsl import PipelineTaskFinalStatus


@dsl.component
def report(user_input: str, status: PipelineTaskFinalStatus) -> None:
    print(user_input, "state:", status.state)
    if status.state == "FAILED" or status.state != 'SUCCEEDED':
        print("error:", status.error_message)
    print("code:", status.error_code)  # E: FLC902
    print("task:", status.pipeline_task_name, status.pipeline_job_resource_name)  # E: FLC902 FLC902


@dsl.component
def fail_op(message: str) -> None:
    import sys

    print(message)
    sys.exit(1)


@dsl.pipeline(name="pipeline-with-task-final-status")
def final_status(message: str = "Hello World!") -> None:
    with dsl.ExitHandler(report(user_input=message)):
        fail_op(message="Task failed.")
