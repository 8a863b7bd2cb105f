"""An optional input given a value fills its placeholders with the value (see container_optional_value for None)."""

from flowc import container_task, pipeline

COMMAND = ["sh", "-c", 'printf "[%s]\\n" "$@" > "$0"', "{output}"]
ARGS = ["--n={n}", "{n}", "{tag}{n}"]


@container_task(image="busybox:1.36", command=COMMAND, args=ARGS)
def echo_optional(tag: str, n: int | None = None) -> str: ...


def _expected(tag: str, n: int | None = None) -> str:
    from flowc.codegen.runtime.placeholder_text import _flowc_placeholder_text as text

    return "".join("[" + arg.format(n=text(n), tag=text(tag)) + "]\n" for arg in ARGS)


@pipeline
def container_optional_given(n: int | None = None) -> str:
    return echo_optional(tag="t", n=n)


STANDINS = {"echo_optional": _expected}
RUNS = [{"n": 7}, {"n": 0}]
