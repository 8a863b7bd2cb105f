"""The Airflow backend: one Airflow 3 DAG file (`<pipeline>.py`) per entry pipeline.

Nothing here imports Airflow: the DAG files are text, rendered from the IR through
the templates beside this module. See `plan.py` for how constructs map to Airflow.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import ClassVar

from flowc.backends.airflow.options import OPTIONS, AirflowOptions, airflow_options, check_options
from flowc.backends.airflow.plan import Planner
from flowc.backends.airflow.render import DagRenderer
from flowc.backends.base import BackendOption, ChecksByEmitting, EmitResult, OptionValue, artifacts
from flowc.backends.engine_reference import EngineReference
from flowc.backends.airflow.reference import REFERENCE
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic, has_errors
from flowc.ir.model import Pipeline, Program
from flowc.ir.names import airflow_name


class AirflowBackend(ChecksByEmitting):
    """Airflow 3 DAG files; steps run in the worker (python) or in pods (kubernetes)."""

    name: ClassVar[str] = "airflow"
    description: ClassVar[str] = "Apache Airflow 3 DAG files (airflow.sdk), PythonOperator or KubernetesPodOperator steps"
    options: ClassVar[tuple[BackendOption, ...]] = OPTIONS
    reference: ClassVar[EngineReference] = REFERENCE  # its column of docs/reference.md

    def engine_name(self, name: str) -> str:
        return airflow_name(name)

    def build(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        """What Airflow rejects is found while planning the DAG, so check plans and renders it."""
        opts = airflow_options(options)
        diagnostics = check_options(opts)
        files: dict[str, bytes] = {}
        for view, pipeline in artifacts(program):
            text, diags = emit_dag(view, pipeline, opts)
            diagnostics.extend(diags)
            if text is not None:
                files[f"{airflow_name(pipeline.name)}.py"] = text.encode("utf-8")
        if has_errors(diagnostics):
            files = {}
        return EmitResult(files=files, diagnostics=diagnostics)


def emit_dag(program: Program, pipeline: Pipeline, opts: AirflowOptions) -> tuple[str | None, list[Diagnostic]]:
    """The DAG file of one pipeline, or None with the diagnostics that prevent it."""
    diagnostics = [*_check_schedule(pipeline), *_check_file_name(pipeline)]
    plan = Planner(program, pipeline, opts.max_map_length, result_cache=bool(opts.result_cache)).build()
    diagnostics.extend(plan.diagnostics)
    if opts.mode == "python":
        diagnostics.extend(_check_python_mode_secrets(program, sorted(set(plan.tasks_by_step().values()))))
    if has_errors(diagnostics):
        return None, diagnostics
    return DagRenderer(program, opts).render(plan), diagnostics


# Airflow puts the DAG folder on sys.path: a DAG file named like a module the DAG
# files import would shadow it.
_SHADOWED = frozenset(sys.stdlib_module_names) | {"airflow", "kubernetes", "pendulum", "flowc", "airflow_client"}


def _check_file_name(pipeline: Pipeline) -> list[Diagnostic]:
    name = airflow_name(pipeline.name)
    if name not in _SHADOWED:
        return []
    why = f"its DAG file {name}.py would shadow the module {name!r} in the DAG folder (rename the pipeline)"
    return [Diagnostic.of(codes.AIRFLOW_UNSUPPORTED, pipeline.span, why)]


def _check_python_mode_secrets(program: Program, used: list[str]) -> list[Diagnostic]:
    """Python mode runs steps in the Airflow worker, where a Kubernetes Secret has no meaning.

    Dropping `secrets=` silently would run the task without its credentials, so it is
    a warning (the DAG is still written: a task may not need the Secret to run there):
    kubernetes mode mounts each Secret's keys as environment variables of the step's
    pod, and in python mode Airflow users read credentials from Connections or
    Variables (or a secrets backend) inside the task.
    """
    tasks = [program.task(name) for name in used]
    return [Diagnostic.of(codes.AIRFLOW_PYTHON_SECRETS, t.span, t.name, ", ".join(t.options.secrets)) for t in tasks if t.options.secrets]


def _check_schedule(pipeline: Pipeline) -> list[Diagnostic]:
    if pipeline.schedule is None:
        return []
    return [
        Diagnostic.of(codes.AIRFLOW_REQUIRED_PARAM, p.span or pipeline.span, pipeline.name, p.name)
        for p in pipeline.params
        if not p.has_default
    ]
