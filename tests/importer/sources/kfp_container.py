# Modeled on the kfp samples samples/v2/two_step_pipeline_containerized.py and
# samples/v2/pipeline_container_no_input.py (https://github.com/kubeflow/pipelines,
# Apache License 2.0): container components whose command writes an OutputPath,
# chained. Written for flowc's import tests.
from kfp import dsl


@dsl.container_component
def make_greeting(name: str, greeting: dsl.OutputPath(str)):
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c", 'mkdir -p "$(dirname "$1")" && printf "hello %s" "$0" > "$1"'],
        args=[name, greeting],
    )


@dsl.container_component
def shout(text: str, loud: dsl.OutputPath(str)):
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c", 'mkdir -p "$(dirname "$1")" && printf "%s" "$0" | tr a-z A-Z > "$1"'],
        args=[text, loud],
    )


@dsl.pipeline
def containers(name: str = "world") -> str:
    greeting = make_greeting(name=name)
    return shout(text=greeting.output).output
