"""A pipeline's schedule on KFP: `<pipeline>.schedule.json` (a recurring run's arguments) and a warning."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import pytest

from flowc.backends.kfp.backend import KfpBackend
from flowc.backends.kfp.schedule import kfp_cron
from flowc.ir.model import Program


@pytest.mark.parametrize(
    ("schedule", "cron"),
    [
        ("0 3 * * *", "0 0 3 * * *"),
        ("*/15 8-18 * * mon-fri", "0 */15 8-18 * * mon-fri"),
        ("0 0 1 */2 7", "0 0 0 1 */2 0"),
        ("@hourly", "0 0 * * * *"),
        ("@weekly", "0 0 0 * * 0"),
        ("@yearly", "0 0 0 1 1 *"),
    ],
)
def test_cron_in_kfp_six_field_form(schedule: str, cron: str) -> None:
    assert kfp_cron(schedule) == cron


def test_scheduled_pipeline_gets_a_recurring_run_file_and_a_warning(load_example: Callable[[str], Program]) -> None:
    result = KfpBackend().emit(load_example("churn"), {})
    assert sorted(result.files) == ["churn.schedule.json", "churn.yaml"]
    arguments = json.loads(result.files["churn.schedule.json"])
    assert arguments["cron_expression"] == "0 0 3 * * *"
    assert arguments["pipeline_package_path"] == "churn.yaml"
    [warning] = result.diagnostics
    assert (warning.code, warning.severity) == ("FLC505", "warning")
    assert "churn.schedule.json" in warning.message and warning.span is not None
    # the file holds exactly keyword arguments the SDK's create_recurring_run takes
    from kfp import Client

    inspect.signature(Client.create_recurring_run).bind(None, experiment_id="e", **arguments)


def test_once_has_no_recurring_run(load_example: Callable[[str], Program]) -> None:
    program = load_example("churn")
    once: Any = program.pipelines[0].model_copy(update={"schedule": "@once"})
    result = KfpBackend().emit(program.model_copy(update={"pipelines": (once, *program.pipelines[1:])}), {})
    assert "churn.schedule.json" not in result.files
    assert [(d.code, d.severity) for d in result.diagnostics] == [("FLC506", "warning")]


def test_unscheduled_pipeline_writes_no_schedule(load_example: Callable[[str], Program]) -> None:
    result = KfpBackend().emit(load_example("grid_search"), {})
    assert not [f for f in result.files if f.endswith(".schedule.json")] and not result.diagnostics
