"""Fixtures shared by every test layer."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Example files (and their `reporting` package) as the conformance suite sees them.
EXAMPLE_FILES: dict[str, Path] = {
    "churn": EXAMPLES / "churn.py",
    "feature_etl": EXAMPLES / "feature_etl.py",
    "batch_inference": EXAMPLES / "batch_inference.py",
    "grid_search": EXAMPLES / "grid_search.py",
    "weekly_report": EXAMPLES / "reporting" / "weekly.py",
}


def registered_backends() -> list[str]:
    """Every backend the registry knows (built-ins and entry points): what tests parametrize over."""
    from flowc.backends import registry

    return registry.available()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def load_example() -> Callable[[str], object]:
    """Load one example file into a checked Program (fails the test on any error)."""
    from flowc import api

    cache: dict[str, object] = {}

    def load(name: str) -> object:
        if name not in cache:
            loaded = api.load([EXAMPLE_FILES[name]], root=EXAMPLES)
            assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
            cache[name] = loaded.program
        return cache[name]

    return load


def pytest_configure(config: pytest.Config) -> None:
    sys.dont_write_bytecode = True
