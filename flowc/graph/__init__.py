"""Pictures of pipelines: the IR drawn as Mermaid, Graphviz DOT or (through `dot`) SVG.

IR in, text out: this package imports `flowc.ir` only (never the reader or a backend).
`flowc graph PATH` loads the program and calls `render`.
"""

from __future__ import annotations

from typing import Literal, get_args

from flowc.graph.build import build_graph
from flowc.graph.dot import to_dot
from flowc.graph.mermaid import to_mermaid
from flowc.graph.svg import GraphError, dot_to_svg
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Pipeline, Program

GraphFormat = Literal["mermaid", "dot", "svg"]
FORMATS: tuple[GraphFormat, ...] = get_args(GraphFormat)

__all__ = ["FORMATS", "GraphError", "GraphFormat", "render", "selected_pipelines"]


def selected_pipelines(program: Program, name: str | None = None) -> tuple[Pipeline, ...]:
    """The pipeline named `name`, else every entry pipeline (those of the files given)."""
    if name is None:
        return tuple(p for p in program.pipelines if p.entry) or program.pipelines
    found = tuple(p for p in program.pipelines if p.name == name)
    if not found:
        raise GraphError(Diagnostic.of(codes.UNKNOWN_PIPELINE, None, name, hint=_known(program)))
    return found


def _known(program: Program) -> str:
    names = [p.name for p in program.pipelines]
    return f"pipelines: {', '.join(names)}" if names else "the files given define no pipeline"


def render(program: Program, fmt: GraphFormat = "mermaid", pipeline: str | None = None) -> str:
    """The drawing of the selected pipelines in `fmt`; a `GraphError` when it cannot be made."""
    graph = build_graph(program, selected_pipelines(program, pipeline))
    if fmt == "mermaid":
        return to_mermaid(graph)
    dot = to_dot(graph)
    return dot if fmt == "dot" else dot_to_svg(dot)
