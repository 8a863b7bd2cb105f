"""Every registered backend honours the contract, and docs/backends.md is generated from it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from flowc.backends import registry
from flowc.backends.base import Backend, EmitResult
from flowc.backends.options import OptionValue
from flowc.ir.model import Program
from flowc.backends.catalog import backends_page, builtin_backends
from flowc.backends.options import parse_options
from tests.conftest import registered_backends

ROOT = Path(__file__).resolve().parents[2]


def test_backends_page_is_current() -> None:
    page = (ROOT / "docs" / "backends.md").read_text(encoding="utf-8")
    assert page == backends_page(builtin_backends()), "run: python -m flowc.backends.catalog"


@pytest.mark.parametrize("name", registered_backends())
def test_backend_declares_the_contract(name: str) -> None:
    backend = registry.load(name)
    assert isinstance(backend, Backend) and backend.name == name and backend.description
    for option in backend.options:
        assert option.help
        if option.default is not None:
            assert option.parse(option.default) == option.default
    values, problems = parse_options(name, backend.options, {})
    assert problems == [] and values == {o.name: o.default for o in backend.options}


@pytest.mark.parametrize(
    ("raw", "code"),
    [({"max_map_length": "1e400"}, "FLC811"), ({"max_map_length": 1e400}, "FLC811"), ({"max_map_length": 2**31}, "FLC811"),
     ({"max_map_length": "9" * 30}, "FLC811"), ({"max_map_length": "\u0661\u0662"}, "FLC811"), ({"mode": 3}, "FLC811"),
     ({"tags": "[1, 2]"}, "FLC811"), ({"tags": "[oops"}, "FLC811"), ({"bogus": "1"}, "FLC810")],
)
def test_bad_values_are_diagnostics_never_exceptions(raw: dict[str, object], code: str) -> None:
    backend = registry.load("airflow")
    _, problems = parse_options("airflow", backend.options, raw)
    assert [d.code for d in problems] == [code]
    assert problems[0].hint and ("valid options: mode" in problems[0].hint or problems[0].hint.startswith(next(iter(raw))))


def test_flyte_rejects_unknown_options_like_every_backend() -> None:
    _, problems = parse_options("flyte", registry.load("flyte").options, {"bogus": "1"})
    assert [(d.code, d.message) for d in problems] == [("FLC810", "the flyte backend has no option 'bogus'")]
    assert problems[0].hint == "valid options: package, image, flytekit_images"


def test_compile_builds_a_checked_backend_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """KFP and Airflow find their errors while building: compile's `check` builds, `emit` reuses it."""
    from flowc import api
    from flowc.backends import driver
    from flowc.backends.kfp.backend import KfpBackend

    loaded = api.load([ROOT / "examples" / "churn.py"])
    builds: list[int] = []
    real = KfpBackend.build

    def counted(self: KfpBackend, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        builds.append(1)
        return real(self, program, options)

    monkeypatch.setattr(KfpBackend, "build", counted)
    result = driver.emit_target(loaded.program, "kfp", {})
    assert result.files and not [d for d in result.diagnostics if d.is_error]
    assert len(builds) == 1
    other = driver.emit_target(loaded.program, "kfp", {"parallelism": "2"})
    assert len(builds) == 2 and other.files != result.files
