# Modeled on the kfp samples sdk/python/test_data/pipelines/pipeline_with_task_final_status.py
# and samples/core/exit_handler/exit_handler.py (https://github.com/kubeflow/pipelines,
# Apache License 2.0): an exit task that reads the PipelineTaskFinalStatus of the steps it
# guards. The exit task records what it saw in `record`. Written for flowc's import tests.
from kfp import dsl
from kfp.dsl import PipelineTaskFinalStatus


@dsl.component
def exit_op(user_input: str, record: str, status: PipelineTaskFinalStatus):
    import json

    print(user_input, status.state, status.error_message)
    with open(record, "w", encoding="utf-8") as f:
        json.dump({"user_input": user_input, "state": status.state, "failed": status.state == "FAILED", "error": status.error_message}, f)


@dsl.component
def print_op(message: str) -> str:
    print(message)
    return message


@dsl.component
def fail_op(message: str):
    import sys

    print(message)
    if message == "fail":
        sys.exit(1)


@dsl.pipeline
def final_status(message: str = "Hello World!", record: str = ""):
    exit_task = exit_op(user_input=message, record=record)
    with dsl.ExitHandler(exit_task, name="my-pipeline"):
        printed = print_op(message=message)
        fail_op(message=printed.output)
