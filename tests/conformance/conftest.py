"""Fixtures of the conformance suites."""

from __future__ import annotations

import pytest

from tests.conformance.airflow_batch import AirflowBatch
from tests.conformance.catalogue import Entry


def _airflow_entries(items: list[pytest.Item]) -> list[Entry]:
    """The construct programs whose Airflow test was selected in this session, once each."""
    found: dict[str, Entry] = {}
    for item in items:
        if isinstance(item, pytest.Function) and item.originalname == "test_program_on_airflow":
            entry = item.callspec.params["entry"]
            assert isinstance(entry, Entry)
            found[entry.id] = entry
    return list(found.values())


@pytest.fixture(scope="session")
def airflow_batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AirflowBatch:
    """Every selected construct program's Airflow runs, run together once per test process."""
    from tests.conformance import test_constructs as suite

    entries = _airflow_entries(request.session.items)
    return AirflowBatch(entries, tmp_path_factory.mktemp("airflow-constructs"), suite.program_of, suite.pipeline_name)
