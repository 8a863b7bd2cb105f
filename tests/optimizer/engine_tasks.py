"""How many engine tasks a compiled pipeline has, counted in what each engine reads.

- KFP: the executors of the PipelineSpec (`deploymentSpec.executors`) and the tasks of
  its DAGs (the root's and every sub-DAG's);
- Airflow: the operators of the DAG as Airflow's DagBag parses it (in a subprocess,
  like every Airflow run of the tests), less the ones flowc adds that run no task
  (`flowc-results`, condition plumbing);
- Flyte: the flytekit tasks the generated module defines, imported as flytekit does,
  and the nodes of the pipeline's workflow.

The fusion tests and `bench/optimizer.py` both count with these.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from flowc import api
from flowc.backends.airflow.plan import Planner
from flowc.ir.model import Program
from flowc.ir.names import python_name
from tests.backends.airflow.harness import inspect_folder, session_home
from tests.backends.flyte.local_run import import_generated
from tests.conformance.runners import airflow, flyte
from tests.conformance.runners.kfp import compile_spec


def kfp_tasks(program: Program, pipeline: str, workdir: Path) -> tuple[int, int]:
    """(executors, DAG tasks) of the pipeline's spec."""
    spec = yaml.safe_load(compile_spec(program, pipeline, workdir).read_text(encoding="utf-8"))
    dags = [spec["root"], *(c for c in spec.get("components", {}).values() if "dag" in c)]
    return len(spec["deploymentSpec"]["executors"]), sum(len(d["dag"].get("tasks", {})) for d in dags)


def airflow_tasks(program: Program, pipeline: str, workdir: Path) -> int:
    """Operators of the parsed DAG that run one of the program's tasks."""
    folder = workdir / "dags"
    airflow.compile_into(program, folder)
    parsed = inspect_folder(session_home(), folder)
    assert not parsed["import_errors"], parsed["import_errors"]
    operators = parsed["dags"][airflow.dag_id(pipeline)]["tasks"]
    runs_a_task = Planner(program, program.pipeline(pipeline), 1024).build().tasks_by_step()
    return sum(1 for task_id in operators if task_id in runs_a_task)


def flyte_tasks(program: Program, pipeline: str, workdir: Path) -> tuple[int, int]:
    """(flytekit tasks defined by the pipeline's generated module, nodes of its workflow)."""
    from flytekit.core.base_task import PythonTask  # pyright: ignore[reportMissingImports, reportUnknownVariableType]

    folder = workdir / "module"
    module = import_generated(folder, flyte.compile_module(program, pipeline, folder))
    tasks = sum(1 for value in vars(module).values() if isinstance(value, PythonTask))
    return tasks, len(getattr(module, python_name(pipeline)).nodes)


def load(path: Path, optimize: bool = True) -> Program:
    loaded = api.load([path], root=path.parent, optimize=optimize)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program
