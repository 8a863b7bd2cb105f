"""Every docstring example in the flowc package holds (sqlglot's rule modules are the model)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import flowc

# Modules pasted into artifacts or needing an engine SDK are imported by their own tests.
_SKIP = ("flowc.backends.airflow.runtime", "flowc.codegen.runtime", "flowc.backends.airflow.deploy", "flowc.backends.flyte.package")
MODULES = sorted(
    m.name for m in pkgutil.walk_packages(flowc.__path__, "flowc.") if not m.name.startswith(_SKIP)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, name
