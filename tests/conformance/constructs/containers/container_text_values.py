"""A container command gets str, int and bool values as the one value-to-text rule says,
with `{{`/`}}` escapes and literal text that looks like each engine's placeholders arriving verbatim."""

from flowc import container_task, pipeline

COMMAND = ["sh", "-c", 'printf "%s\\n" "$@" > "$0"', "{output}"]
ARGS = [
    "s={s}", "i={i}", "b={b}", "n={n}", "both={s}/{i}",
    "esc={{s}} {{{{ }}}} {{{s}}}",
    "kfp={{{{$.inputs.parameters['s']}}}} {{{{$}}}}",
    "airflow={{{{ ds }}}} {{% if %}}",
    "flyte={{{{.inputs.s}}}} {{{{ .Inputs.s }}}}",
]


@container_task(image="busybox:1.36", command=COMMAND, args=ARGS)
def echo_values(s: str, i: int, b: bool, n: int) -> str: ...


def _expected(s: str, i: int, b: bool, n: int) -> str:
    from flowc.codegen.runtime.placeholder_text import _flowc_placeholder_text as text

    values = {"s": text(s), "i": text(i), "b": text(b), "n": text(n)}
    return "".join(arg.format(**values) + "\n" for arg in ARGS)


@pipeline
def container_text_values(s: str = "two words 'single' \"double\" $HOME `x` \\ end", i: int = -42, b: bool = True) -> str:
    return echo_values(s=s, i=i, b=b, n=0)


STANDINS = {"echo_values": _expected}
RUNS = [{}, {"s": "", "i": 0, "b": False}, {"s": "{x} {{y}} ünï 中", "i": 9007199254740991}]
