"""A container task's `str` output keeps every character the command wrote, `\r` included."""

from flowc import container_task, pipeline


@container_task(image="busybox:1.36", command=["sh", "-c", 'printf "a\\rb\\r\\nc\\n\\r%s" "$1" > "$0"', "{output}", "{tail}"])
def write_crlf(tail: str) -> str: ...


@pipeline
def container_crlf_output(tail: str = "end\r") -> str:
    return write_crlf(tail=tail)


STANDINS = {"write_crlf": lambda tail: "a\rb\r\nc\n\r" + tail}  # pyright: ignore[reportUnknownLambdaType]
RUNS = [{}, {"tail": "x\r\n"}]
XFAIL = {"kfp": "kfp-output-text-mode"}
