"""Pytest's assertion messages (diffs of renderings) for the fixture harness too."""

import pytest

pytest.register_assert_rewrite("tests.ir.passes.fixtures")
