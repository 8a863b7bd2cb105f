"""Fixtures of the conformance suites."""

from __future__ import annotations

import pytest

from tests.conformance.airflow_batch import AirflowBatch


@pytest.fixture(scope="session")
def airflow_batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AirflowBatch:
    """Every selected construct program's Airflow runs, run together once per test process."""
    from tests.conformance import test_constructs as suite

    selected = [
        item.callspec.params["entry"] for item in request.session.items
        if getattr(item, "originalname", "") == "test_program_on_airflow" and hasattr(item, "callspec")
    ]
    unique = list({e.id: e for e in selected}.values())
    return AirflowBatch(unique, tmp_path_factory.mktemp("airflow-constructs"), suite.program_of, suite.pipeline_name)
