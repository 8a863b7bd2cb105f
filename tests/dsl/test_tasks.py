"""Tasks: options, docs, container commands and the self-contained code of Python tasks."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flowc.dsl.reader import read_paths
from flowc.dsl.reader.options import timeout_seconds
from flowc.ir.command import InputPart, OutputPart, TextPart
from flowc.ir.model import ContainerTask, PythonTask, Resources
from tests.dsl.helpers import read_ok, write


def test_every_task_option(tmp_path: Path) -> None:
    src = '''
from flowc import Resources, task

IMAGE = "ghcr.io/acme/py:3.12"
PACKAGES = ["pandas==2.2.3", "pyarrow"]


@task(
    image=IMAGE, packages=PACKAGES, resources=Resources(cpu="500m", memory="2Gi", gpu=1),
    retries=3, timeout="1h30m", cache=True, env={"B": "2", "A": "1"}, secrets=["token"],
    fuse=False, name="renamed",
)
def original(x: int) -> int:
    return x
'''
    task = read_ok(tmp_path, src).program.task("renamed")
    assert isinstance(task, PythonTask) and task.code.function_name == "original"
    o = task.options
    assert o.image == "ghcr.io/acme/py:3.12" and o.packages == ("pandas==2.2.3", "pyarrow")
    assert o.resources == Resources(cpu="500m", memory="2Gi", gpu=1)
    assert (o.retries, o.timeout_seconds, o.cache, o.fuse) == (3, 5400, True, False)
    assert o.env == (("B", "2"), ("A", "1")) and o.secrets == ("token",)


def test_bare_task_takes_defaults(tmp_path: Path) -> None:
    src = "from flowc import task\n\n\n@task\ndef t(x: int) -> int:\n    return x\n"
    o = read_ok(tmp_path, src).program.task("t").options
    assert o.image == "python:3.12-slim" and o.retries == 0 and o.timeout_seconds is None
    assert o.cache is False and o.fuse is True and o.resources == Resources()


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400), (45, 45)],
)
def test_timeouts(text: object, seconds: int) -> None:
    assert timeout_seconds(text) == seconds  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "10", "10 minutes", "0s", "1.5h", "h", -3, True, None])
def test_bad_timeouts(text: object) -> None:
    assert timeout_seconds(text) is None  # type: ignore[arg-type]


def test_docstring_args_become_descriptions(tmp_path: Path) -> None:
    src = '''
from flowc import task


@task
def t(uri: str, limit: int = 5) -> int:
    """Load rows.

    Args:
        uri (str): Where the rows live,
            as a URL.
        limit: How many.

    Returns:
        The count.
    """
    return limit
'''
    task = read_ok(tmp_path, src).program.task("t")
    assert task.doc is not None and task.doc.startswith("Load rows.")
    assert [p.description for p in task.params] == ["Where the rows live, as a URL.", "How many."]


def test_container_task(tmp_path: Path) -> None:
    src = '''
from typing import NamedTuple

from flowc import Resources, container_task


class Out(NamedTuple):
    count: int
    log: str


@container_task(
    image="busybox:1.36", command=["sh", "-c", "wc -c {path} > {count}"], args=["{log}", "{{literal}}"],
    resources=Resources(memory="64Mi"),
)
def measure(path: str) -> Out:
    """Measure a file."""
    ...
'''
    task = read_ok(tmp_path, src).program.task("measure")
    assert isinstance(task, ContainerTask)
    count, log = OutputPart(name="count"), OutputPart(name="log")
    wc = (TextPart(text="wc -c "), InputPart(name="path"), TextPart(text=" > "), count)
    assert task.command == ((TextPart(text="sh"),), (TextPart(text="-c"),), wc)
    assert task.args == ((log,), (TextPart(text="{literal}"),))
    assert task.options.image == "busybox:1.36" and task.options.fuse is False
    assert task.doc == "Measure a file."


def test_task_code_is_self_contained(tmp_path: Path) -> None:
    src = '''
"""Module doc."""
from __future__ import annotations

import json
import os, sys
from collections import Counter as C

import flowc as fc
from flowc import Dataset, task

SCALE = 2
UNUSED = 3
os.system("echo never")


class Box:
    def __init__(self, v: int) -> None:
        self.v = v * SCALE


def helper(v: int) -> Box:
    return Box(len(C([v])))


def outer(v: int) -> str:
    out = fc.Metrics.create()
    return json.dumps(helper(v).v) + out.path


def unrelated() -> None:
    print(sys.argv)


# a comment above the task
@task(cache=True)
def work(v: int) -> Dataset:
    """Doc."""
    d = Dataset.create()
    open(d.path, "w").write(outer(v))
    return d
'''
    task = read_ok(tmp_path, src).program.task("work")
    assert isinstance(task, PythonTask)
    code = task.code
    assert code.function.startswith("def work(v: int) -> Dataset:") and "@task" not in code.function
    assert "a comment above" not in code.function
    pre = code.preamble
    for needed in ("import json", "from collections import Counter as C", "SCALE = 2", "class Box", "def helper", "def outer"):
        assert needed in pre, needed
    for unwanted in ("UNUSED", "import os", "os.system", "def unrelated", "from flowc", "import flowc", "Module doc"):
        assert unwanted not in pre, unwanted
    # Future imports change how the code compiles: kept, first.
    assert pre.startswith("from __future__ import annotations\n")
    order = [pre.index(s) for s in ("import json", "SCALE = 2", "class Box", "def helper", "def outer")]
    assert order == sorted(order)
    assert {(i.local, i.attr) for i in code.flowc_imports} == {("fc", None), ("Dataset", "Dataset")}
    ast.parse(pre + "\n" + code.function)  # valid Python on its own


def test_tasks_imported_from_project_modules_are_followed(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "proj/__init__.py": "",
            "proj/shared/__init__.py": "",
            "proj/shared/steps.py": """
                from flowc import task

                @task
                def one(x: int) -> int:
                    return x
            """,
            "proj/shared/more.py": """
                from flowc import task
                from .steps import one as again

                @task
                def two(x: int) -> int:
                    return x
            """,
            "proj/flows/__init__.py": "",
            "proj/flows/main.py": """
                from flowc import pipeline
                from ..shared import more
                from ..shared.more import again
                from proj.shared.steps import one

                @pipeline
                def flow(x: int) -> int:
                    a = again(x=x)
                    b = more.two(x=a)
                    return one(x=b)
            """,
        },
    )
    result = read_paths([tmp_path / "proj" / "flows" / "main.py"])
    assert not result.diagnostics, result.diagnostics
    program = result.program
    assert {t.name: t.module for t in program.tasks} == {"one": "proj.shared.steps", "two": "proj.shared.more"}
    assert [n.id for n in program.pipeline("flow").body] == ["one", "two", "one_2"]
    assert program.pipeline("flow").module == "proj.flows.main"


def test_explicit_root_names_modules(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "src/lib/tasks.py": "from flowc import task\n\n@task\ndef one(x: int) -> int:\n    return x\n",
            "src/app.py": "from flowc import pipeline\nfrom lib.tasks import one\n\n@pipeline\ndef flow(x: int) -> int:\n    return one(x=x)\n",
        },
    )
    result = read_paths([tmp_path / "src" / "app.py"], root=tmp_path / "src")
    assert not result.diagnostics
    assert {t.name: t.module for t in result.program.tasks} == {"one": "lib.tasks"}


def test_names_bound_but_not_read_do_not_pull_code_in(tmp_path: Path) -> None:
    src = '''
from typing import NamedTuple

from flowc import Dataset, task

HEAVY = "only train needs this"


class Split(NamedTuple):
    train: Dataset
    test: Dataset


@task
def train(data: Dataset) -> Dataset:
    print(HEAVY)
    return data


@task
def split(data: Dataset) -> Split:
    train = data
    return Split(train=train, test=data)
'''
    task = read_ok(tmp_path, src).program.task("split")
    assert isinstance(task, PythonTask)
    assert "class Split" in task.code.preamble
    assert "HEAVY" not in task.code.preamble and "def train" not in task.code.preamble


def test_constants_imported_from_project_modules(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/settings.py": 'IMAGE = "ghcr.io/acme/base:1"\nRETRIES = 2\nDEFAULT_URI = "gs://acme/x"\n',
            "pkg/flow.py": """
                from flowc import pipeline, task
                from .settings import DEFAULT_URI, IMAGE, RETRIES

                @task(image=IMAGE, retries=RETRIES)
                def load(uri: str = DEFAULT_URI) -> int:
                    return len(uri)

                @pipeline
                def flow(uri: str = DEFAULT_URI) -> int:
                    return load(uri=uri)
            """,
        },
    )
    result = read_paths([tmp_path / "pkg" / "flow.py"])
    assert not result.diagnostics, result.diagnostics
    task = result.program.task("load")
    assert task.options.image == "ghcr.io/acme/base:1" and task.options.retries == 2
    assert task.params[0].default == "gs://acme/x"
    assert result.program.pipeline("flow").params[0].default == "gs://acme/x"


def test_module_imports_in_every_form(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/steps.py": "from flowc import task\n\n@task\ndef one(x: int) -> int:\n    return x\n",
            "app/sub/__init__.py": "",
            "app/sub/more.py": "from flowc import task\n\n@task\ndef two(x: int) -> int:\n    return x\n",
            "app/flow.py": """
                import app.sub.more
                from flowc import pipeline
                from . import steps
                from .sub import more as m

                @pipeline
                def flow(x: int) -> int:
                    a = steps.one(x=x)
                    b = m.two(x=a)
                    return app.sub.more.two(x=b)
            """,
        },
    )
    result = read_paths([tmp_path / "app" / "flow.py"])
    assert not result.diagnostics, result.diagnostics
    assert [n.id for n in result.program.pipeline("flow").body] == ["one", "two", "two_2"]
