"""`flowc ir`: the IR of pipelines as JSON, or its JSON Schema."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from flowc.cli.common import add_inputs, add_level, loaded


def register(sub: Any) -> None:
    ir = sub.add_parser("ir", help="print the IR of pipelines as JSON")
    add_inputs(ir, required=False)
    ir.add_argument("--schema", action="store_true", help="print the IR's JSON Schema instead")
    add_level(ir, "the IR before optimization passes")
    ir.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.schema:
        from flowc.ir.schema import ir_json_schema

        print(json.dumps(ir_json_schema(), indent=2, sort_keys=True))
        return 0
    if not args.paths:
        print("flowc ir: give PATH... or --schema", file=sys.stderr)
        return 2
    program = loaded(args, "ir")
    if isinstance(program, int):
        return program
    print(program.program.model_dump_json(indent=2))
    return 0
