"""A fan-in list of Dataset artifacts passed whole to one task."""

from flowc import Dataset, pipeline, task


@task
def write(n: int) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(str(n * n))
    return out


@task
def read_all(items: list[Dataset]) -> list[int]:
    values = []
    for a in items:
        with open(a.path) as fh:
            values.append(int(fh.read()))
    return values


@pipeline
def art_fanin_dataset(ns: list[int] = [3, 1, 2]) -> list[int]:
    return read_all(items=[write(n=n) for n in ns])


RUNS = [{}, {"ns": [7]}]
