"""A container command gets float values as the one value-to-text rule says (KFP's launcher:
shortest digits, no exponent, no trailing `.0`)."""

from flowc import container_task, pipeline

COMMAND = ["sh", "-c", 'printf "%s\\n" "$@" > "$0"', "{output}"]
ARGS = ["f={f}", "g={g}", "--pair={f},{g}"]


@container_task(image="busybox:1.36", command=COMMAND, args=ARGS)
def echo_floats(f: float, g: float) -> str: ...


def _expected(f: float, g: float) -> str:
    from flowc.codegen.runtime.placeholder_text import _flowc_placeholder_text as text

    return "".join(arg.format(f=text(f), g=text(g)) + "\n" for arg in ARGS)


@pipeline
def container_float_values(f: float = 1.0, g: float = 0.1) -> str:
    return echo_floats(f=f, g=g)


STANDINS = {"echo_floats": _expected}
RUNS = [{}, {"f": 1e-7, "g": 1e21}, {"f": -2.0, "g": 123456789.125}, {"f": 3.0, "g": 0.30000000000000004}]
XFAIL = {"kfp": "kfp-placeholder-json"}
