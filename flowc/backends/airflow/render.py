"""Render a DagPlan as an Airflow 3 DAG file through the backend's jinja template."""

from __future__ import annotations

import json

from flowc.backends.airflow.operators import OperatorWriter
from flowc.backends.airflow.options import AirflowOptions, result_cache_folder
from flowc.backends.airflow.plan import DagPlan
from flowc.backends.airflow.sources import dag_runtime_source, result_cache_source, task_code, task_runtime
from flowc.backends.airflow.steps import loop_json, step_json
from flowc.codegen.literals import py_docstring, py_lines, py_literal
from flowc.codegen.templates import environment
from flowc.codegen.typespec import type_spec
from flowc.ir.command import runtime_parts
from flowc.ir.model import ContainerTask, Parameter, Program, PythonTask
from flowc.ir.names import airflow_name
from flowc.ir.span import source_lines
from flowc.ir.types import ArtifactType, DictType, ListType, OptionalType, ScalarType, Type

_JSON_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}
_INDENT = "    "


def json_type(t: Type) -> str | list[str]:
    """The JSON-schema type Airflow's Param validates a value against."""
    match t:
        case ScalarType(name=name):
            return _JSON_TYPES[name]
        case ListType():
            return "array"
        case DictType():
            return "object"
        case OptionalType(inner=inner):
            base = json_type(inner)
            return [*(base if isinstance(base, list) else [base]), "null"]
        case ArtifactType():
            return "string"
        case _:
            return "string"


def json_schema(t: Type) -> dict[str, object]:
    """`type` plus, for lists and dicts, the schema of what they hold (for Airflow's trigger form)."""
    schema: dict[str, object] = {"type": json_type(t)}
    inner = t.inner if isinstance(t, OptionalType) else t
    if isinstance(inner, ListType):
        schema["items"] = json_schema(inner.item)
    elif isinstance(inner, DictType):
        schema["additionalProperties"] = json_schema(inner.value)
    return schema


def param_expr(p: Parameter) -> str:
    kwargs = [f"{k}={py_literal(v)}" for k, v in json_schema(p.type).items()]
    if p.description:
        kwargs.append(f"description={py_literal(p.description)}")
    if p.has_default:
        return f"Param({py_literal(p.default)}, {', '.join(kwargs)})"
    return f"Param({', '.join(kwargs)})"


def markdown_text(doc: str) -> str:
    """A docstring for a DAG's `doc_md`, which Airflow reads as a file path when it ends
    in `.md` (a docstring could show any such file on the workers): a newline after it
    keeps it text, and changes nothing Markdown renders."""
    return doc + "\n" if doc.endswith(".md") else doc


def first_line(doc: str) -> str:
    """The first line of a docstring, for one-line fields (a description, a tooltip)."""
    return source_lines(doc.strip())[0]


def task_spec(task: PythonTask | ContainerTask) -> dict[str, object]:
    spec: dict[str, object] = {
        "kind": task.kind,
        "inputs": [[p.name, type_spec(p.type)] for p in task.params],
        "outputs": [[o.name, type_spec(o.type)] for o in task.outputs],
        "env": [list(kv) for kv in task.options.env],
    }
    if isinstance(task, ContainerTask):
        spec["command"] = [runtime_parts(a) for a in (*task.command, *task.args)]
    return spec


class DagRenderer:
    """Turns one plan into the text of one DAG file."""

    def __init__(self, program: Program, options: AirflowOptions) -> None:
        self.program = program
        self.options = options

    def render(self, plan: DagPlan) -> str:
        writer = OperatorWriter(self.program, self.options)
        tasks = [self.program.task(n) for n in sorted(set(plan.tasks_by_step().values()))]
        k8s = self.options.mode == "kubernetes"
        body = self._body(plan, writer)
        context = {
            "module_doc": py_docstring(self._module_doc(plan)),
            "needs_timedelta": any(t.options.timeout_seconds for t in tasks),
            "has_groups": bool(plan.groups),
            "kubernetes": k8s,
            "operator_imports": self._imports(writer.operators, k8s),
            "mode": self.options.mode,
            "artifact_root": self.options.artifact_root,
            "tasks": [(t.name, task_spec(t)) for t in tasks],
            "loops": [(k, loop_json(v)) for k, v in plan.loops.items()],
            "steps": [(s.task_id, json.dumps(step_json(s))) for s in plan.steps],
            "result_cache": self._result_cache(),
            "runtime": self._runtime(),
            "dag_kwargs": self._dag_kwargs(plan, k8s),
            "body": body,
            "params": [(x.name, param_expr(x)) for x in plan.pipeline.params],
            "task_runtime": py_lines(task_runtime(), ""),
            "programs": [(t.name, py_lines(task_code(t), _INDENT)) for t in tasks if isinstance(t, PythonTask)],
        }
        template = environment("flowc.backends.airflow").get_template("dag.py.j2")
        return template.render(**context)

    def _result_cache(self) -> str:
        """The result cache's folder, or "" when it is off."""
        return result_cache_folder(self.options.result_cache)

    def _runtime(self) -> str:
        """The worker-side runtime: the DAG runtime, and the result cache's when it is on."""
        parts = [dag_runtime_source().rstrip()]
        if self._result_cache():
            parts.append(result_cache_source())
        return "\n\n\n".join(parts)

    def _module_doc(self, plan: DagPlan) -> str:
        p = plan.pipeline
        lines = [p.doc.strip() if p.doc else f"The {p.name} pipeline.", ""]
        source = f" from {p.module}" if p.module else ""
        lines.append(f"Airflow DAG generated by flowc{source} ({self.options.mode} mode). Do not edit: compile again.")
        return "\n".join(lines)

    def _imports(self, operators: set[str], k8s: bool) -> list[str]:
        """The imports of the operators the body uses (PythonOperator's always)."""
        python = sorted(({"BranchPythonOperator"} & operators) | {"PythonOperator"})
        lines: list[str] = []
        if "EmptyOperator" in operators:
            lines.append("from airflow.providers.standard.operators.empty import EmptyOperator")
        lines.append(f"from airflow.providers.standard.operators.python import {', '.join(python)}")
        if k8s:
            lines.append("from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator")
            lines.append("from airflow.providers.cncf.kubernetes.secret import Secret")
            lines.append("from kubernetes.client import models as k8s")
        return lines

    def _dag_kwargs(self, plan: DagPlan, k8s: bool) -> list[tuple[str, str]]:
        p = plan.pipeline
        kwargs = [("dag_id", py_literal(airflow_name(p.name)))]
        if p.doc:
            kwargs.append(("description", py_literal(first_line(p.doc))))
            kwargs.append(("doc_md", py_literal(markdown_text(p.doc))))
        kwargs += [
            ("schedule", py_literal(p.schedule)),
            ("catchup", "False"),
            ("tags", py_literal(list(self.options.tags))),
        ]
        if k8s:
            kwargs.append(("user_defined_macros", "{'flowc_inputs': _flowc_inputs, 'flowc_arg': _flowc_arg, 'flowc_outdir': _flowc_outdir}"))
        return kwargs

    def _body(self, plan: DagPlan, writer: OperatorWriter) -> list[str]:
        order = {s.task_id: i for i, s in enumerate(plan.steps)}
        lines: list[str] = []
        open_groups: tuple[str, ...] = ()
        for step in plan.steps:
            common = _common_prefix(open_groups, step.group)
            open_groups = open_groups[:common]
            for i in range(common, len(step.group)):
                path = step.group[: i + 1]
                lines.append(self._group_line(path, plan.groups.get(path)))
                open_groups = path
            indent = _INDENT * (len(open_groups) + 1)
            stmt = writer.statement(step, order)
            lines.append(f"{indent}{stmt.var} = {stmt.expr}")
            if stmt.upstream:
                ups = stmt.upstream[0] if len(stmt.upstream) == 1 else "[" + ", ".join(stmt.upstream) + "]"
                lines.append(f"{indent}{ups} >> {stmt.var}")
        return lines

    def _group_line(self, path: tuple[str, ...], doc: str | None) -> str:
        indent = _INDENT * len(path)
        tooltip = f", tooltip={py_literal(first_line(doc))}" if doc else ""
        return f"{indent}with TaskGroup(group_id={py_literal(path[-1])}{tooltip}):"


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n
