"""What the Airflow importer knows about one file while it rewrites it."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.emit import source_of
from flowc.importer.airflow_xcom import Pull
from flowc.importer.infer import InferredTypes
from flowc.importer.module import ImportContext

# Older and newer spellings of the same things, as Airflow 3's `airflow.sdk` names them.
AIRFLOW_ALIASES = {
    "airflow.DAG": "airflow.sdk.DAG",
    "airflow.decorators": "airflow.sdk",
    "airflow.models.dag": "airflow.sdk",
    "airflow.models.baseoperator": "airflow.sdk",
    "airflow.models": "airflow.sdk",
    "airflow.operators.python": "airflow.providers.standard.operators.python",
    "airflow.operators.python_operator": "airflow.providers.standard.operators.python",
    "airflow.operators.empty": "airflow.providers.standard.operators.empty",
    "airflow.operators.dummy": "airflow.providers.standard.operators.empty",
    "airflow.utils.task_group": "airflow.sdk",
}
PYTHON_OPERATOR = "airflow.providers.standard.operators.python.PythonOperator"
EMPTY_OPERATORS = ("airflow.providers.standard.operators.empty.EmptyOperator", "airflow.providers.standard.operators.empty.DummyOperator")
# Parameters through which Airflow hands a task its run context: no flowc equivalent.
CONTEXT_PARAMETERS = ("ti", "task_instance", "ds", "ts", "logical_date", "execution_date", "dag_run", "params", "data_interval_start", "data_interval_end")


TASK_GROUP = "airflow.sdk.TaskGroup"


def task_group_name(stmt: cst.With, ctx: AirflowContext) -> str | None:
    """The group id of `with TaskGroup("g"):` (as written), else None."""
    item = stmt.items[0].item if len(stmt.items) == 1 else None
    if not (isinstance(item, cst.Call) and ctx.is_sdk_name(item.func, TASK_GROUP)):
        return None
    given = next((a.value for a in item.args if a.keyword is None or a.keyword.value == "group_id"), None)
    return source_of(given) if given is not None else "?"


@dataclass
class AirflowTask:
    """A task function as flowc will see it."""

    name: str
    task_id: str
    fields: tuple[str, ...] = ()  # multiple_outputs: the NamedTuple fields of its result
    branch: bool = False
    cleanup: str = ""  # "teardown" (@teardown) or "all_done" (trigger_rule): a `finally` step where it is the last


@dataclass
class AirflowContext(ImportContext):
    """An ImportContext that also knows the file's task functions."""

    tasks: dict[str, AirflowTask] = field(default_factory=lambda: {})
    group_functions: set[str] = field(default_factory=lambda: set())  # `@task_group` functions: sub-pipelines
    inferred: InferredTypes = field(default_factory=lambda: InferredTypes(cst.Module([]), lambda fn: False))  # set by the importer
    operator_ids: dict[str, str] = field(default_factory=lambda: {})  # PythonOperator task_id -> its callable
    pulls: dict[str, list[Pull]] = field(default_factory=lambda: {})  # callable -> the XCom pulls it got as parameters
    pushes: dict[str, str] = field(default_factory=lambda: {})  # callable -> the key of the XCom push it now returns

    def infer_types(self, module: cst.Module) -> None:
        """Types for the file's unannotated task, task-group and callable parameters and results (infer.py)."""
        callables = set(self.operator_ids.values())
        wires = [(fn, p.param, self.task_function(p.task_id)) for fn, pulls in self.pulls.items() for p in pulls]

        def is_step(fn: cst.FunctionDef) -> bool:
            return fn.name.value in callables or self.task_decorator(fn) is not None or self.group_decorator(fn) is not None

        self.inferred = InferredTypes(module, is_step, CONTEXT_PARAMETERS, wires)

    def task_function(self, task_id: str) -> str:
        """The function behind a task id: a PythonOperator's callable, else a @task function of that name."""
        return self.operator_ids.get(task_id, task_id)

    def is_sdk_name(self, expr: cst.BaseExpression, *names: str) -> bool:
        found = self.sdk_name(expr)
        return found is not None and found in names

    def task_decorator(self, fn: cst.FunctionDef) -> tuple[cst.Decorator, str] | None:
        """The `@task...` decorator of a function and its flavour ("" for @task, "branch", "python", ...)."""
        for deco in fn.decorators:
            target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
            found = self.sdk_name(target)
            if found == "airflow.sdk.task":
                return deco, ""
            if found in ("airflow.sdk.setup", "airflow.sdk.teardown"):
                return deco, found.rsplit(".", 1)[-1]
            if found is not None and found.startswith("airflow.sdk.task."):
                return deco, found.rsplit(".", 1)[-1]
        return None

    def group_decorator(self, fn: cst.FunctionDef) -> cst.Decorator | None:
        for deco in fn.decorators:
            target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
            if self.is_sdk_name(target, "airflow.sdk.task_group"):
                return deco
        return None

    def dag_decorator(self, fn: cst.FunctionDef) -> cst.Decorator | None:
        for deco in fn.decorators:
            target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
            if self.is_sdk_name(target, "airflow.sdk.dag"):
                return deco
        return None
