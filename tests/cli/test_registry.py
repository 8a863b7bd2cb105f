"""Backends are found by name: built-ins, third parties through entry points, clear errors otherwise."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from flowc import api
from flowc.backends import registry
from flowc.ir.model import Program


def test_a_backend_that_cannot_load_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.BUILTIN, "ghost", "flowc.backends.ghost.backend:GhostBackend")
    result = api.emit(Program(), "ghost")
    assert [d.code for d in result.diagnostics] == ["FLC802"]
    assert result.files == {}


def test_third_party_backend_registers_by_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "nomad_backend.py").write_text(
        textwrap.dedent(
            """
            from flowc.backends.base import EmitResult

            class NomadBackend:
                name = "nomad"
                description = "HashiCorp Nomad jobs"
                options = ()

                def emit(self, program, options):
                    names = sorted(p.name for p in program.pipelines)
                    return EmitResult(files={"jobs.txt": "\\n".join(names).encode()})
            """
        )
    )
    dist = tmp_path / "nomad_backend-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: nomad-backend\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[flowc.backends]\nnomad = nomad_backend:NomadBackend\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "nomad" in registry.available()
    result = api.emit(Program(), "nomad")
    assert result.diagnostics == [] and result.files == {"jobs.txt": b""}
    sys.modules.pop("nomad_backend", None)
