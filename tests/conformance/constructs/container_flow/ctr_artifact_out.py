"""A container task writing a Dataset that a Python task reads."""

from flowc import Dataset, container_task, pipeline, task


@container_task(image="busybox:1.36", command=["sh", "-c", "printf '%s\\n' \"$0\" \"$0\" > \"$1\"", "{line}", "{output}"])
def two_lines(line: str) -> Dataset: ...


@task
def count_lines(data: Dataset) -> int:
    with open(data.path) as fh:
        return len(fh.read().splitlines())


@pipeline
def ctr_artifact_out(line: str = "row") -> int:
    return count_lines(data=two_lines(line=line))


def _two_lines(line: str) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(f"{line}\n{line}\n")
    return out


STANDINS = {"two_lines": _two_lines}
XFAIL = {"kfp": "kfp-container-artifact-output"}
