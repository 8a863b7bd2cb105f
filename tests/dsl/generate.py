"""Generators of large pipeline sources for the reader's performance tests."""

from __future__ import annotations

from pathlib import Path

HEADER = '''"""A generated pipeline."""

from flowc import Dataset, pipeline, task


@task(image="python:3.12-slim", cache=True)
def seed(n: int = 1) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(str(n))
    return out


@task(image="python:3.12-slim", cache=True)
def step(data: Dataset, k: int = 1) -> Dataset:
    out = Dataset.create()
    with open(data.path) as src, open(out.path, "w") as dst:
        dst.write(str(int(src.read()) + k))
    return out


@task(image="python:3.12-slim")
def score(data: Dataset) -> float:
    with open(data.path) as fh:
        return float(fh.read())
'''


def big_pipeline(steps: int, name: str = "big") -> str:
    """A file with one pipeline of `steps` chained task calls (about 36 bytes a step)."""
    lines = [HEADER, "", "", "@pipeline", f"def {name}(n: int = 1) -> float:", "    d0 = seed(n=n)"]
    for i in range(1, steps - 1):
        lines.append(f"    d{i} = step(data=d{i - 1}, k={i % 7})")
    lines.append(f"    return score(data=d{steps - 2})")
    return "\n".join(lines) + "\n"


def project(root: Path, files: int, steps: int = 12) -> list[Path]:
    """A project of `files` pipeline files (each with its own tasks) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for i in range(files):
        text = big_pipeline(steps, name=f"flow_{i:03d}")
        text = text.replace("def seed(", f"def seed_{i:03d}(").replace("= seed(", f"= seed_{i:03d}(")
        text = text.replace("def step(", f"def step_{i:03d}(").replace("= step(", f"= step_{i:03d}(")
        text = text.replace("def score(", f"def score_{i:03d}(").replace("return score(", f"return score_{i:03d}(")
        path = root / f"flow_{i:03d}.py"
        path.write_text(text)
        out.append(path)
    return out


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowc_big")
    target.mkdir(parents=True, exist_ok=True)
    (target / "big.py").write_text(big_pipeline(2000))
    project(target / "project", 200)
    print(target)
