"""Fixtures of the conformance suites."""

from __future__ import annotations

import pytest

from tests.conformance.airflow_batch import AirflowBatch, Selected
from tests.conformance.catalogue import Entry


def _airflow_selected(items: list[pytest.Item]) -> list[Selected]:
    """The construct programs and variants whose Airflow test was selected in this session, once each."""
    found: dict[tuple[str, bool], Selected] = {}
    for item in items:
        if isinstance(item, pytest.Function) and item.originalname == "test_program_on_airflow":
            entry, optimize = item.callspec.params["entry"], item.callspec.params["optimize"]
            assert isinstance(entry, Entry) and isinstance(optimize, bool)
            found[(entry.id, optimize)] = (entry, optimize)
    return list(found.values())


@pytest.fixture(scope="session")
def airflow_batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AirflowBatch:
    """Every selected construct program's Airflow runs, run together once per test process."""
    from tests.conformance import test_constructs as suite

    selected = _airflow_selected(request.session.items)
    return AirflowBatch(selected, tmp_path_factory.mktemp("airflow-constructs"), suite.program_of, suite.pipeline_name)
