"""A helper imported from another module of the project travels with the task that uses it.

`app/flow.py` does `from lib import clean` and `from .util import twice`; `lib` itself
does `from lib2 import norm`. Each engine runs the compiled pipeline in a folder where
none of these files is (Airflow's DAG folder holds only the DAG file), and the task's
`clean` reports the file its code was compiled under: `lib.py` as shipped, never a path
of a module imported from disk. `lib.py` raises at import if run whole: only what the
task uses of it is shipped, and compiling never runs it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.ir.model import Program, PythonTask

FILES = {
    "lib.py": (
        "import os\n"
        "from lib2 import norm\n"
        "\n"
        "raise RuntimeError('lib.py was run whole')\n"
        "\n"
        "\n"
        "def clean(s: str) -> str:\n"
        "    return norm(s)\n"
        "\n"
        "\n"
        "def other() -> str:\n"
        "    return os.getcwd()\n"
    ),
    "lib2.py": "PREFIX = 'n:'\n\n\ndef norm(s: str) -> str:\n    return PREFIX + s.strip().lower()\n",
    "app/__init__.py": "",
    "app/util.py": "def twice(s: str) -> str:\n    return s + s\n",
    "app/flow.py": (
        "from flowc import pipeline, task\n"
        "from lib import clean\n"
        "from .util import twice\n"
        "\n"
        "\n"
        "@task\n"
        "def prep(s: str) -> str:\n"
        "    return twice(clean(s)) + '|' + clean.__code__.co_filename\n"
        "\n"
        "\n"
        "@pipeline\n"
        "def flow(s: str = ' Hello ') -> str:\n"
        "    return prep(s=s)\n"
    ),
}
EXPECTED = "n:hellon:hello|lib.py"


def write_project(folder: Path, files: dict[str, str] = FILES) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text)
    return folder


def load(project: Path) -> Program:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        loaded = api.load(["app/flow.py"])
    assert loaded.ok, loaded.diagnostics
    return loaded.program


def prep_key(project: Path) -> str | None:
    [task] = [t for t in load(project).tasks if isinstance(t, PythonTask) and t.name == "prep"]
    return task.cache_key


def test_the_key_covers_what_the_task_uses_of_an_imported_module_only(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    key = prep_key(project)
    (project / "lib.py").write_text(FILES["lib.py"].replace("return os.getcwd()", "return '.'"))
    assert prep_key(project) == key  # `other` is not shipped
    (project / "lib2.py").write_text(FILES["lib2.py"].replace(".lower()", ".upper()"))
    assert prep_key(project) != key  # `norm`, through `clean`, is


def _flowc_run(program: Program, workdir: Path) -> Any:
    from tests.run.harness import run_in

    outcome, printed = run_in(program, "flow", {}, workdir / "store")
    assert outcome.state == "succeeded", printed
    return outcome.outputs["output"]


def _engine(module: str) -> Callable[[Program, Path], Any]:
    def run(program: Program, workdir: Path) -> Any:
        runner = __import__(f"tests.conformance.runners.{module}", fromlist=["run"])
        return runner.run(program, "flow", {}, workdir).outputs["output"]

    return run


RUNNERS = {"flowc run": _flowc_run, "kfp": _engine("kfp"), "airflow": _engine("airflow"), "flyte": _engine("flyte")}


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("flowc run"),
        pytest.param("kfp", marks=pytest.mark.engine),
        pytest.param("airflow", marks=[pytest.mark.engine, pytest.mark.xdist_group("airflow-engine")]),
        pytest.param("flyte", marks=pytest.mark.engine),
    ],
)
def test_a_task_runs_the_shipped_copy_of_a_project_module(engine: str, tmp_path: Path) -> None:
    program = load(write_project(tmp_path / "project"))
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(workdir)  # where no module of the project is
            patch.setattr(sys, "path", [p for p in sys.path if p not in ("", ".")])
            assert RUNNERS[engine](program, workdir) == EXPECTED
    finally:
        _forget_shipped_modules()


def _forget_shipped_modules() -> None:
    """An engine that runs tasks in this process (flytekit) leaves the runtime's import finder behind."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(getattr(f, "flowc_shipped", None), dict)]
    for name in ("lib", "lib2", "app", "app.util"):
        sys.modules.pop(name, None)


def test_tasks_loaded_in_one_process_each_get_their_own_copy_of_a_module(tmp_path: Path) -> None:
    """Airflow's python mode and flytekit load several tasks into one process: each keeps what it imported."""
    from flowc.codegen.runtime.task_runtime import load_task_function  # pyright: ignore[reportUnknownVariableType]
    from flowc.codegen.task_code import shipped_code

    files = dict(FILES)
    files["app/flow.py"] = FILES["app/flow.py"].replace(
        "@pipeline", "@task\ndef where() -> str:\n    from lib import other\n    return other()\n\n\n@pipeline"
    )
    program = load(write_project(tmp_path / "project", files))
    code = {t.name: t.code for t in program.tasks if isinstance(t, PythonTask)}
    assert [m.name for m in code["where"].modules] == ["lib"]
    try:
        prep = load_task_function(shipped_code("prep", code["prep"]), "__flowc_prep__")
        where = load_task_function(shipped_code("where", code["where"]), "__flowc_where__")
        assert where() == str(Path.cwd()) and prep(" A ") == "n:an:a|lib.py"
    finally:
        _forget_shipped_modules()
