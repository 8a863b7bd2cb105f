"""A container command gets list and dict values as compact JSON (the one value-to-text rule).

Not in the construct catalogue (`_` prefix): Flyte's raw containers take flat values only
(FLC702 for Flyte), so `tests/backends/test_container_engines.py` runs it on KFP, Airflow and `flowc run`."""

from flowc import container_task, pipeline

COMMAND = ["sh", "-c", 'printf "%s\\n" "$@" > "$0"', "{output}"]
ARGS = ["xs={xs}", "d={d}"]


@container_task(image="busybox:1.36", command=COMMAND, args=ARGS)
def echo_json(xs: list[float], d: dict[str, list[int]]) -> str: ...


def _expected(xs: list[float], d: dict[str, list[int]]) -> str:
    from flowc.codegen.runtime.placeholder_text import _flowc_placeholder_text as text

    return "".join(arg.format(xs=text(xs), d=text(d)) + "\n" for arg in ARGS)


@pipeline
def container_json_values(xs: list[float] = [1.0, 0.5, 1e-7], d: dict[str, list[int]] = {"b": [1, 2], "a": [], "<&>": [3]}) -> str:
    return echo_json(xs=xs, d=d)


STANDINS = {"echo_json": _expected}
RUNS = [{}, {"xs": [2.0], "d": {"k": [1]}}]
ENGINES = ["kfp", "airflow", "flowc-run"]
XFAIL = {"kfp": "kfp-placeholder-json"}
