"""`flowc graph`: the DAG of pipelines as Mermaid, Graphviz DOT or SVG."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from flowc.cli.common import add_inputs, add_level, loaded, report


def register(sub: Any) -> None:
    graph = sub.add_parser("graph", help="print the DAG of pipelines as Mermaid, Graphviz DOT or SVG")
    add_inputs(graph)
    graph.add_argument("--pipeline", metavar="NAME", help="only this pipeline (default: every pipeline of the files given)")
    graph.add_argument("--format", choices=("mermaid", "dot", "svg"), default="mermaid", help="svg runs Graphviz's dot")
    add_level(graph, "draw the program unoptimized, without fused steps")
    graph.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc.graph import GraphError, render

    program = loaded(args, "graph")
    if isinstance(program, int):
        return program
    try:
        sys.stdout.write(render(program.program, args.format, args.pipeline))
    except GraphError as exc:
        report([exc.diagnostic], program.sources, "text")
        return 1
    return 0
