"""What the drawing shows: fused steps as groups of their members, fan-outs, branch conditions,
sub-pipelines, data and `after` arrows; and a structural check of the Mermaid text that
needs no node (every line a statement flowc writes, groups balanced, arrows between declared ids)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flowc.graph import render, selected_pipelines
from flowc.graph.build import build_graph
from flowc.graph.model import Cluster, Graph, Vertex
from flowc.ir.model import Program, PythonTask
from tests.conftest import EXAMPLE_FILES

Loader = Callable[..., Any]


def _graph(program: Program, name: str | None = None) -> Graph:
    return build_graph(program, selected_pipelines(program, name))


def _labels(graph: Graph, kind: str) -> list[str]:
    return [c.label for c in graph.all_clusters() if c.kind == kind]


def _vertex(graph: Graph, label: str) -> Vertex:
    return next(v for c in graph.clusters for v in c.vertices() if v.label == label)


def test_a_fused_step_is_a_group_of_its_members_in_run_order(load_example: Loader) -> None:
    program: Program = load_example("feature_etl")
    graph = _graph(program)
    (fused,) = [c for c in graph.all_clusters() if c.kind == "fused"]
    task = program.task("parse+clean+featurize+summarize")
    assert isinstance(task, PythonTask)
    assert [v.label for v in fused.vertices()] == list(task.members) == ["parse", "clean", "featurize", "summarize"]
    assert fused.label == "parse_clean_featurize_summarize\nfused: parse+clean+featurize+summarize"
    members = [v.id for v in fused.vertices()]
    assert [(e.source, e.target) for e in graph.edges if e.kind == "order"] == list(zip(members, members[1:]))
    raw = _vertex(graph, "raw")
    assert any(e.source == raw.id and e.target == fused.id for e in graph.edges), "inputs go into the group"


def test_without_the_optimizer_each_step_is_its_own_box(load_example: Loader) -> None:
    graph = _graph(load_example("feature_etl", optimize=False))
    assert _labels(graph, "fused") == []
    steps = {v.label for c in graph.clusters for v in c.vertices() if v.kind == "step"}
    assert steps == {"parse", "clean", "featurize", "summarize"}


def test_fan_outs_are_groups_named_by_their_loop(load_example: Loader) -> None:
    graph = _graph(load_example("grid_search", optimize=False))
    assert _labels(graph, "loop") == ["for d in depths", "for w in widths"]
    depths, widths, simulate = _vertex(graph, "depths"), _vertex(graph, "widths"), _vertex(graph, "simulate")
    assert {(e.source, e.label) for e in graph.edges if e.target == simulate.id} == {(depths.id, "d"), (widths.id, "w")}
    summarize = _vertex(graph, "summarize_grid")
    assert [(e.source, e.label) for e in graph.edges if e.target == summarize.id] == [(simulate.id, "fan-in")]


def test_branches_show_their_conditions_as_python_reads_them(load_example: Loader) -> None:
    graph = _graph(load_example("weekly_report"), "weekly_report")
    assert _labels(graph, "branch") == [
        "if mode == 'full'", "elif mode == 'short'", "else", "if combine > record and mode != 'short'",
    ]
    grid = _graph(load_example("grid_search"))
    assert _labels(grid, "branch") == ["if summarize_grid.best < floor or summarize_grid.runs == 0 or summarize_grid.runs == 1"]


def test_an_arm_is_reached_from_the_values_its_condition_reads(load_example: Loader) -> None:
    graph = _graph(load_example("churn"))
    (arm,) = [c for c in graph.all_clusters() if c.kind == "branch"]
    assert arm.label == "if pick_evaluate.evaluate > bar"
    (fused,) = [c.id for c in graph.all_clusters() if c.label.startswith("pick_evaluate\n")]
    assert [(e.source, e.label) for e in graph.edges if e.target == arm.id] == [(fused, "evaluate"), (_vertex(graph, "bar").id, "")]


def test_a_branch_value_comes_from_every_arm_and_after_is_dashed(load_example: Loader) -> None:
    graph = _graph(load_example("weekly_report"), "weekly_report")
    archive = _vertex(graph, "archive")
    sources = {e.source for e in graph.edges if e.target == archive.id and e.label == "text"}
    assert sources == {_vertex(graph, name).id for name in ("render_full", "render_short", "announce")}
    announce_2 = _vertex(graph, "announce_2\nannounce")
    assert [(e.source, e.kind) for e in graph.edges if e.target == announce_2.id and e.kind == "after"] == [(archive.id, "after")]


def test_a_sub_pipeline_is_drawn_inside_its_call(load_example: Loader) -> None:
    graph = _graph(load_example("weekly_report"), "weekly_report")
    (loop,) = [c for c in graph.all_clusters() if c.kind == "loop"]
    (call,) = [c for c in loop.items if isinstance(c, Cluster)]
    assert (call.kind, call.label) == ("subpipeline", "pipeline region_report")
    assert [v.label for v in call.vertices()] == ["region", "day", "fetch_sales", "region_total", "return output"]


# ---------------------------------------------------------------- Mermaid structure

_ID = r"[nc]\d+"
_LABEL = r'"[^"]*"'
_STATEMENTS = {
    "subgraph": re.compile(rf"subgraph ({_ID}) \[{_LABEL}\]"),
    "end": re.compile(r"end"),
    "vertex": re.compile(rf"({_ID})(?:\[{_LABEL}\]|\(\[{_LABEL}\]\)|\[/{_LABEL}/\])"),
    "edge": re.compile(rf"({_ID}) (?:-->|-\.->|==>)(?:\|{_LABEL}\|)? ({_ID})"),
}


def _structure(text: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Ids declared and edges of a Mermaid flowchart flowc wrote; fails on any other statement."""
    lines = text.splitlines()
    assert lines[0] == "flowchart TB"
    declared: set[str] = set()
    edges: list[tuple[str, str]] = []
    depth = 0
    for line in lines[1:]:
        kind, match = next(((k, m) for k, p in _STATEMENTS.items() if (m := p.fullmatch(line.strip()))), ("?", None))
        assert match is not None, f"not a statement flowc writes: {line!r}"
        if kind == "edge":
            edges.append((match.group(1), match.group(2)))
            continue
        depth += {"subgraph": 1, "end": -1, "vertex": 0}[kind]
        assert depth >= 0, "`end` without a subgraph"
        if kind != "end":
            assert match.group(1) not in declared, f"declared twice: {match.group(1)}"
            declared.add(match.group(1))
    assert depth == 0, "unclosed subgraph"
    return declared, edges


def test_mermaid_text_has_exactly_the_drawing_s_statements(load_example: Loader, hostile_program: Program) -> None:
    programs = [hostile_program, *(load_example(n, optimize=o) for n in EXAMPLE_FILES for o in (True, False))]
    for program in programs:
        declared, edges = _structure(render(program, "mermaid"))
        graph = _graph(program)
        assert declared == {c.id for c in graph.all_clusters()} | {v.id for c in graph.clusters for v in c.vertices()}
        assert edges == [(e.source, e.target) for e in graph.edges]
