"""@dsl.container_component -> @container_task: parameters in the command become placeholders."""
from typing import NamedTuple
from flowc import container_task, pipeline


@container_task(
    image="alpine:3.20",
    command=["sh", "-c", 'mkdir -p "$(dirname "$1")" && echo "Hello, $0 {{ok}}" > "$1"'],
    args=["{name}", "{output}"],
    retries=1,
    cache=True,
)
def say_hello(name: str) -> str:
    """Write a greeting."""
    ...


class CountOutputs(NamedTuple):
    size: int
    upper: str


@container_task(
    image="alpine:3.20",
    command=["sh", "-c", 'printf %s "$0" | wc -c > "$1"; echo "$0" | tr a-z A-Z > "$2"', "{word}", "{size}", "{upper}"],
    cache=True,
)
def count(word: str) -> CountOutputs: ...


@pipeline
def hello(name: str = "flowc") -> str:
    g = say_hello(name=name)
    c = count(word=g)
    return c.upper
