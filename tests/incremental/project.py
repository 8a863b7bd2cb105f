"""A small project whose files import each other, and edits that change what a check reports."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

LIB = '''from flowc import task


@task(image="python:3.12-slim")
def shared(x: int) -> int:
    return x + 1
'''

PIPELINE = '''from flowc import pipeline, task
from lib import shared


@task(image="python:3.12-slim", name="t{i}")
def work(x: int) -> int:
    return x * 2


@pipeline
def pipe{i}(n: int = {i}) -> int:
    a = work(x=n)
    return shared(x=a)
'''

FILES = 5


def write_project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lib.py").write_text(LIB, encoding="utf-8")
    for i in range(FILES):
        (folder / f"p{i}.py").write_text(PIPELINE.format(i=i), encoding="utf-8")
    return folder


Edit = Callable[[Path, random.Random], None]


def _pick(folder: Path, rng: random.Random) -> Path | None:
    files = sorted(p for p in folder.rglob("*.py") if p.name != "__init__.py")
    return rng.choice(files) if files else None


def _replace(old: str, new: Callable[[random.Random], str]) -> Edit:
    def edit(folder: Path, rng: random.Random) -> None:
        path = _pick(folder, rng)
        if path is not None:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(old, new(rng), 1), encoding="utf-8")

    return edit


def _append(text: str) -> Edit:
    def edit(folder: Path, rng: random.Random) -> None:
        path = _pick(folder, rng)
        if path is not None:
            path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def _restore(folder: Path, rng: random.Random) -> None:
    i = rng.randrange(FILES + 1)
    (folder / f"p{i}.py").write_text(PIPELINE.format(i=i), encoding="utf-8")


def _pipeline_in_lib(folder: Path, rng: random.Random) -> None:
    """lib, imported by every file, gains a pipeline: the units that share it are read as one."""
    lib = folder / "lib.py"
    if lib.exists() and "@pipeline" not in lib.read_text(encoding="utf-8"):
        text = lib.read_text(encoding="utf-8").replace("from flowc import task", "from flowc import pipeline, task")
        lib.write_text(text + "\n\n@pipeline\ndef in_lib(n: int = 1) -> int:\n    return shared(x=n)\n", encoding="utf-8")


def _delete(folder: Path, rng: random.Random) -> None:
    path = _pick(folder, rng)
    if path is not None:
        path.unlink()


def _package(folder: Path, rng: random.Random) -> None:
    init = folder / "__init__.py"
    if init.exists():
        init.unlink()
    else:
        init.write_text("", encoding="utf-8")


def _nested(folder: Path, rng: random.Random) -> None:
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "extra.py").write_text(PIPELINE.format(i=rng.randrange(9)).replace("from lib", "from p1"), encoding="utf-8")


EDITS: list[Edit] = [
    _replace("n: int = ", lambda r: f"n: int = {r.randrange(100)} + 0 * "),  # a default no longer a literal
    _replace("x * 2", lambda r: f"x * {r.randrange(9)}"),
    _append("\ndef broken(:\n"),  # a syntax error
    _replace("a = work(x=n)", lambda r: 'a = work(x="text")'),  # wrong wiring
    _replace('name="t', lambda r: f'name="t{r.randrange(3)}'),  # task names that may collide across files
    _replace("def pipe", lambda r: f"def pipe{r.randrange(3)}"),  # pipeline names that may collide
    _replace("from lib import shared", lambda r: f"from p{r.randrange(FILES)} import work as shared"),  # files import each other
    _replace("from lib import shared", lambda r: "from missing_module import shared"),
    _replace("n: int = ", lambda r: "n: int = 123456789012345678901234567890 + 0 * "),
    _replace("n: int = ", lambda r: "n: int = 123456789012345678901 or "),
    _replace('image="python:3.12-slim"', lambda r: 'image=""'),
    _append("\nCONSTANT = 1\n"),  # a change that changes nothing reported
    _restore,
    _restore,
    _pipeline_in_lib,
    _delete,
    _package,
    _nested,
]
