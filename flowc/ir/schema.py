"""The IR's JSON Schema, for tools that consume `flowc ir` output (kept in docs/ir.schema.json)."""

from __future__ import annotations

from typing import Any

from flowc.ir.model import Program


def ir_json_schema() -> dict[str, Any]:
    return Program.model_json_schema()
