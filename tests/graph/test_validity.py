"""The drawings are accepted by real parsers: Mermaid's own (with node), pydot and Graphviz's `dot`.

Each check also compares what the parser read with what flowc meant to draw (every
vertex, cluster and edge, every label decoded back to its text), so a user string
that broke out of its label would show up as an extra or missing edge or vertex.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

import pydot
import pytest

from flowc.graph import render, selected_pipelines
from flowc.graph.build import build_graph
from flowc.graph.model import Edge, Graph, label_lines
from flowc.ir.model import Program
from tests.conftest import EXAMPLE_FILES
from tests.graph.conftest import MermaidParser

Loader = Callable[..., Any]


def _programs(load_example: Loader, hostile_program: Program) -> Iterator[tuple[str, Program]]:
    yield "hostile", hostile_program
    for name in EXAMPLE_FILES:
        for optimize in (True, False):
            yield f"{name}-O{int(optimize)}", load_example(name, optimize=optimize)


def _graph(program: Program) -> Graph:
    return build_graph(program, selected_pipelines(program))


def _mermaid_label(text: str) -> str:
    """A label as Mermaid's parser holds it (`#34;` already turned into its own `ﬂ°°34¶ß` marks), decoded."""
    return re.sub(r"#(\d+);|ﬂ°°(\d+)¶ß", lambda m: chr(int(m.group(1) or m.group(2))), text.replace("<br>", "\n"))


def _plain(text: str) -> str:
    """A label as flowc means it to be shown: its lines, unprintable characters spelled out."""
    return "\n".join(label_lines(text))


def test_mermaid_parser_reads_what_flowc_drew(load_example: Loader, hostile_program: Program, mermaid_parser: MermaidParser) -> None:
    cases = list(_programs(load_example, hostile_program))
    results = mermaid_parser([render(program, "mermaid") for _, program in cases])
    for (name, program), result in zip(cases, results, strict=True):
        assert result["ok"], f"{name}: {result.get('error')}"
        assert result["type"] == "flowchart-v2"
        graph = _graph(program)
        clusters = {c.id: c for c in graph.all_clusters()}
        vertices = {v.id: v for c in graph.clusters for v in c.vertices()}
        endpoints = {e for edge in graph.edges for e in (edge.source, edge.target)}
        assert set(result["vertices"]) == set(vertices) | (endpoints & set(clusters)), name
        assert {k: _mermaid_label(v) for k, v in result["vertices"].items() if k in vertices} == {k: _plain(v.label) for k, v in vertices.items()}, name
        assert [tuple(e) for e in result["edges"]] == [(e.source, e.target) for e in graph.edges], name
        assert {s[0]: _mermaid_label(s[1]) for s in result["subgraphs"]} == {k: _plain(c.label) for k, c in clusters.items()}, name


def _dot_label(quoted: str) -> str:
    inner = quoted[1:-1]
    text = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), inner)
    return text.replace("&amp;", "&")


def _dot_edge(edge: Edge, graph: Graph) -> tuple[str, str]:
    """The vertices a DOT arrow joins: an arrow from a cluster leaves its last vertex, one into it enters its first."""
    clusters = {c.id: [v.id for v in c.vertices()] or [f"{c.id}_point"] for c in graph.all_clusters()}
    source = clusters[edge.source][-1] if edge.source in clusters else edge.source
    return source, clusters[edge.target][0] if edge.target in clusters else edge.target


def _pydot_parts(graph: Any) -> Iterator[tuple[str, Any]]:
    for node in graph.get_nodes():
        if node.get_name() not in ("node", "edge", "graph"):
            yield "node", node
    for sub in graph.get_subgraphs():
        yield "cluster", sub
        yield from _pydot_parts(sub)


def test_pydot_reads_what_flowc_drew(load_example: Loader, hostile_program: Program) -> None:
    for name, program in _programs(load_example, hostile_program):
        text = render(program, "dot")
        parsed: list[Any] | None = pydot.graph_from_dot_data(text)
        assert parsed is not None and len(parsed) == 1, name
        graph = _graph(program)
        parts = list(_pydot_parts(parsed[0]))
        nodes = {n.get_name(): _dot_label(n.get("label")) for kind, n in parts if kind == "node" and not n.get_name().endswith("_point")}
        assert nodes == {v.id: _plain(v.label) for c in graph.clusters for v in c.vertices()}, name
        clusters = {s.get_name(): _dot_label(s.get("label")) for kind, s in parts if kind == "cluster"}
        assert clusters == {f"cluster_{c.id}": _plain(c.label) for c in graph.all_clusters()}, name
        edges: list[Any] = parsed[0].get_edges()
        assert sorted((e.get_source(), e.get_destination()) for e in edges) == sorted(_dot_edge(e, graph) for e in graph.edges), name


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graphviz_draws_every_drawing_without_a_warning(load_example: Loader, hostile_program: Program) -> None:
    for name, program in _programs(load_example, hostile_program):
        done = subprocess.run(["dot", "-Tsvg"], input=render(program, "dot").encode(), capture_output=True, check=False)
        assert done.returncode == 0 and not done.stderr, f"{name}: {done.stderr.decode()}"
        svg = ET.fromstring(done.stdout)
        ns = {"svg": "http://www.w3.org/2000/svg"}
        drawn_edges = svg.findall(".//svg:g[@class='edge']", ns)
        assert len(drawn_edges) == len(_graph(program).edges), name
