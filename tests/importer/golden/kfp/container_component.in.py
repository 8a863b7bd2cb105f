"""@dsl.container_component -> @container_task: parameters in the command become placeholders."""
from kfp import dsl


@dsl.container_component
def say_hello(name: str, greeting: dsl.OutputPath(str)):
    """Write a greeting."""
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c", 'mkdir -p "$(dirname "$1")" && echo "Hello, $0 {ok}" > "$1"'],
        args=[name, greeting],
    )


@dsl.container_component
def count(word: str, size: dsl.OutputPath(int), upper: dsl.OutputPath(str)):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'printf %s "$0" | wc -c > "$1"; echo "$0" | tr a-z A-Z > "$2"', word, size, upper])


@dsl.pipeline
def hello(name: str = "flowc") -> str:
    g = say_hello(name=name).set_retry(1)
    c = count(word=g.output)
    return c.outputs["upper"]
