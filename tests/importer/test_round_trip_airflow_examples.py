"""Import round trip on Airflow's own example DAGs (Apache-2.0), read from the installed package.

Our rules forbid copying public code into this repository, so the DAG files are read
where `apache-airflow` installed them (`airflow.example_dags`,
`airflow.providers.standard.example_dags`) and copied only into the test's temporary
folder. Each is imported with `flowc import --from airflow` (which never runs it), the
output must pass `flowc check`, and the original and the import (compiled by flowc's
Airflow backend) run with `dag.test()` in one Airflow process each
(test_round_trip_airflow.assert_round_trip, the one harness): every task both have must
end in the same state with the same return value. COMPARED lists the tasks each DAG
must have in common, so a task the import loses fails the test.

Chosen (deterministic, self-contained, round-trips):

| example                                          | why                                                       |
|--------------------------------------------------|-----------------------------------------------------------|
| example_dags/example_simplest_dag.py             | @dag/@task inside the DAG function, no result             |
| example_dags/example_display_name.py             | EmptyOperator (left out, noted) >> @task(task_display_name) |
| example_dags/example_task_group_decorator.py     | module-level @task, @task_group, `with DAG`; task_start's  |
|                                                  | unannotated literal result (inferred `-> str`); the        |
|                                                  | build-time `for i in range(5)` over groups unrolled into   |
|                                                  | 5 calls (unroll.py); repeats compared as `g__1` = `g_2`    |
| providers/standard/example_dags/                 | a chain of typed @tasks passing int/float XComs            |
|   example_measurement_correction_decorator.py    |                                                           |
| providers/standard/example_dags/                 | the same chain as PythonOperators pulling XComs with       |
|   example_measurement_correction_operator.py     | `context["ti"].xcom_pull(task_ids=...)` (pulls become      |
|                                                  | parameters, airflow_xcom.py; types inferred)               |
| example_dags/example_dynamic_task_mapping.py     | three DAGs: `.expand()` over a literal and over a task's   |
|                                                  | result, a mapped mapping whose results nobody uses (a `for`), |
|                                                  | a mapped @task_group; untyped tasks typed by inference     |
|                                                  | (infer.py); every mapped instance compared by map index    |
| example_dags/example_xcomargs.py                 | two DAGs: `print_value(value, ts=None)` (a run-context     |
|                                                  | string with a None default -> `str | None = None`); one    |
|                                                  | task called twice (Airflow `t__1` is flowc's `t_2`); Bash  |
|                                                  | operators and their `>>` left out (noted)                  |
| example_dags/tutorial_taskflow_api.py            | `json.loads` of a string literal typed from the JSON       |
|                                                  | (`dict[str, float]`), a bare `dict` parameter, a `+=` sum  |
|                                                  | over `.values()`, multiple_outputs with no annotation      |
| example_dags/tutorial_dag.py                     | PythonOperator callables defined in `with DAG`, `ti =      |
|                                                  | kwargs["ti"]`, keyed `xcom_push`/`xcom_pull(key=...)`      |
|                                                  | (a last push becomes the return, the pull a parameter)     |

Skipped:

| example                                          | why                                                       |
|--------------------------------------------------|-----------------------------------------------------------|
| example_failed_dag.py                            | fails on purpose (the harness wants a successful run); `schedule="@once"` |
| example_setup_teardown_taskflow.py               | `with teardown(setup()):` is not translated; the import's teardown takes a setup's output, which KFP and Flyte cannot hand to a `finally` step (FLC510/FLC710) |
| example_dag_decorator.py                         | network (GetRequestOperator, httpbin)                     |
| example_xcom.py, example_complex.py, example_skip_dag.py, example_nested_branch_dag.py, example_branch_labels.py, example_custom_weight.py, example_task_group.py, example_setup_teardown.py | Bash/Empty operators only, or `.override(...)`: nothing flowc runs |
| tutorial_taskflow_templates.py                   | Jinja templates and `.override(...)`                     |
| example_python_decorator.py, example_python_operator.py | virtualenv / external-python tasks, `time.sleep` |
| example_branch_operator_decorator.py, example_branch_*_operator.py | `random.choice`, the clock (day of week, datetime) |
| example_short_circuit_decorator.py               | `.override(...)` of a short-circuit task                  |
| sensors, assets, external-task, trigger, HITL, kubernetes, objectstorage examples | external systems, waiting, or a cluster |
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from flowc import api
from flowc.importer import import_paths
from tests.importer.test_round_trip_airflow import assert_round_trip

# (package, file, dag id): tasks the original and the import must both run and agree on
EXAMPLES: list[tuple[str, str, str]] = [
    ("airflow.example_dags", "example_simplest_dag.py", "example_simplest_dag"),
    ("airflow.example_dags", "example_display_name.py", "example_display_name"),
    ("airflow.example_dags", "example_task_group_decorator.py", "example_task_group_decorator"),
    ("airflow.providers.standard.example_dags", "example_measurement_correction_decorator.py", "example_measurement_correction_decorator"),
    ("airflow.providers.standard.example_dags", "example_measurement_correction_operator.py", "example_measurement_correction_operator"),
    ("airflow.example_dags", "example_dynamic_task_mapping.py", "example_dynamic_task_mapping"),
    ("airflow.example_dags", "example_dynamic_task_mapping.py", "example_task_mapping_second_order"),
    ("airflow.example_dags", "example_dynamic_task_mapping.py", "example_task_group_mapping"),
    ("airflow.example_dags", "example_xcomargs.py", "example_xcom_args"),
    ("airflow.example_dags", "tutorial_taskflow_api.py", "tutorial_taskflow_api"),
    ("airflow.example_dags", "tutorial_dag.py", "tutorial_dag"),
    ("airflow.example_dags", "example_xcomargs.py", "example_xcom_args_with_operators"),
]
COMPARED: dict[str, set[str]] = {
    "example_simplest_dag": {"my_task"},
    "example_display_name": {"sample_task_2"},
    "example_task_group_decorator": {"task_start", "task_end"} | {
        f"task_group_function{suffix}.task_{k}" for suffix in ("", "__1", "__2", "__3", "__4") for k in (1, 2, 3)
    },
    "example_measurement_correction_decorator": {"read_measurement", "validate_measurement", "apply_correction", "store_result"},
    "example_measurement_correction_operator": {"read_measurement", "validate_measurement", "apply_correction", "store_result"},
    "example_dynamic_task_mapping": {"add_one", "sum_it"},
    "example_task_mapping_second_order": {"get_nums", "times_2", "add_10"},
    "example_task_group_mapping": {"op.add_1", "op.mul_2"},
    "example_xcom_args": {"generate_value", "print_value"},
    "tutorial_taskflow_api": {"extract", "transform", "load"},
    "tutorial_dag": {"extract", "transform", "load"},
    "example_xcom_args_with_operators": {"print_value", "print_value__1"},
}


def example_path(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{package} is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / name
    if not path.is_file():
        pytest.skip(f"{path} is not in this Airflow version")
    return path


@pytest.mark.parametrize(("package", "name", "dag_id"), EXAMPLES, ids=[e[2] for e in EXAMPLES])
def test_example_imports_and_checks(tmp_path: Path, package: str, name: str, dag_id: str) -> None:
    """The import of each chosen example passes `flowc check` (fast: no engine)."""
    (result,) = import_paths([example_path(package, name)], "airflow")
    assert result.text is not None
    target = tmp_path / name
    target.write_text(result.text, encoding="utf-8")
    loaded = api.load([target], optimize=False)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    assert dag_id in result.text  # the pipeline's function name, or its name= when the DAG's id differs


@pytest.mark.engine
@pytest.mark.slow
@pytest.mark.xdist_group("airflow-engine")
def test_airflow_examples_round_trip(tmp_path: Path) -> None:
    cases = [(example_path(package, name), dag_id) for package, name, dag_id in EXAMPLES]
    compared = assert_round_trip(tmp_path, cases)
    assert compared == COMPARED
