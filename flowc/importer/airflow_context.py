"""What the Airflow importer knows about one file while it rewrites it."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

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
}
PYTHON_OPERATOR = "airflow.providers.standard.operators.python.PythonOperator"
EMPTY_OPERATORS = ("airflow.providers.standard.operators.empty.EmptyOperator", "airflow.providers.standard.operators.empty.DummyOperator")
# Parameters through which Airflow hands a task its run context: no flowc equivalent.
CONTEXT_PARAMETERS = ("ti", "task_instance", "ds", "ts", "logical_date", "execution_date", "dag_run", "params", "data_interval_start", "data_interval_end")


@dataclass
class AirflowTask:
    """A task function as flowc will see it."""

    name: str
    task_id: str
    fields: tuple[str, ...] = ()  # multiple_outputs: the NamedTuple fields of its result
    branch: bool = False


@dataclass
class AirflowContext(ImportContext):
    """An ImportContext that also knows the file's task functions."""

    tasks: dict[str, AirflowTask] = field(default_factory=lambda: {})

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
            if found is not None and found.startswith("airflow.sdk.task."):
                return deco, found.rsplit(".", 1)[-1]
        return None

    def dag_decorator(self, fn: cst.FunctionDef) -> cst.Decorator | None:
        for deco in fn.decorators:
            target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
            if self.is_sdk_name(target, "airflow.sdk.dag"):
                return deco
        return None
