"""Generated pipeline sources for the benchmarks: long chains and many-file projects."""

from __future__ import annotations

from pathlib import Path

HEADER = '''from flowc import Resources, pipeline, task


@task(image="python:3.12-slim", cache=True, name="{prefix}seed")
def seed(n: int) -> int:
    return n


@task(image="python:3.12-slim", resources=Resources(cpu="500m", memory="256Mi"), name="{prefix}step")
def step(value: int, k: int) -> int:
    """One link of the chain."""
    return value + k
'''


def chain_source(steps: int, name: str = "chain", task_prefix: str = "") -> str:
    """A file whose one pipeline chains `steps` task calls (the first is `seed`).

    Task names get `task_prefix`, so that files of one project define distinct tasks.
    """
    lines = [HEADER.format(prefix=task_prefix), "", "", "@pipeline", f"def {name}(n: int = 1) -> int:", "    x0 = seed(n=n)"]
    lines += [f"    x{i} = step(value=x{i - 1}, k={i})" for i in range(1, steps)]
    lines.append(f"    return x{steps - 1}")
    return "\n".join(lines) + "\n"


def write_chain(folder: Path, steps: int, name: str = "chain") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.py"
    path.write_text(chain_source(steps, name), encoding="utf-8")
    return path


def write_project(folder: Path, files: int = 200, steps: int = 20) -> Path:
    """A project of `files` pipeline modules, each with its own tasks and a `steps`-long chain."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (folder / f"pipeline_{i:03d}.py").write_text(chain_source(steps, f"pipeline_{i:03d}", f"p{i:03d}_"), encoding="utf-8")
    return folder


LIGHT_IMAGE = "python:3.12-slim"
OTHER_IMAGE = "python:3.11-slim"


def light_chain_source(steps: int, name: str = "light", odd: int | None = None) -> str:
    """A pipeline of `steps` tiny tasks, each its own task `s<i>` (1-based), chained, all of one
    image but step `odd` (if given), which runs on another: what fusion turns into few tasks."""
    lines = ["from flowc import pipeline, task", ""]
    for i in range(1, steps + 1):
        image = OTHER_IMAGE if i == odd else LIGHT_IMAGE
        lines += ["", f"@task(image={image!r})", f"def s{i}(value: int) -> int:", f"    return value + {i}", ""]
    lines += ["", "@pipeline", f"def {name}(n: int = 0) -> int:", "    x0 = n"]
    lines += [f"    x{i} = s{i}(value=x{i - 1})" for i in range(1, steps + 1)]
    lines.append(f"    return x{steps}")
    return "\n".join(lines) + "\n"


def light_fanout_source(width: int, name: str = "fan") -> str:
    """A pipeline that fans a tiny task out over `width` items a task made, then sums the results
    (`output` = width * (width + 1) / 2 for the default `n`)."""
    return f'''from flowc import pipeline, task


@task(image={LIGHT_IMAGE!r})
def items(n: int) -> list[int]:
    return list(range(n))


@task(image={LIGHT_IMAGE!r})
def light(value: int) -> int:
    return value + 1


@task(image={LIGHT_IMAGE!r})
def total(values: list[int]) -> int:
    return sum(values)


@pipeline
def {name}(n: int = {width}) -> int:
    return total(values=[light(value=x) for x in items(n=n)])
'''
