"""A pipeline drawing, independent of the text format: vertices, nested clusters and edges.

`flowc.graph.build` makes one from the IR; `mermaid.py` and `dot.py` write it out.
Ids are generated (`n0`, `c0`, ...) in a fixed traversal order, so they are
deterministic and never collide with a keyword of either format; every text a person
reads is in a `label`, which each writer escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

VertexKind = Literal["step", "member", "param", "result"]
ClusterKind = Literal["pipeline", "subpipeline", "loop", "condition", "branch", "fused"]
EdgeKind = Literal["data", "after", "order"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def label_lines(text: str) -> list[str]:
    """A label's lines as they are shown: split at line breaks, unprintable characters spelled out.

    A tab, a zero-width space or a control character is shown as Python writes it in a
    string (`\\t`, `\\u200b`, `\\x07`): nothing in a picture is invisible, and nothing
    reaches an SVG that XML forbids.

    >>> label_lines("a\\tb\\r\\nc\\u200b")
    ['a\\\\tb', 'c\\\\u200b']
    """
    return ["".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in line) for line in _LINE_BREAK.split(text)]


@dataclass(frozen=True)
class Vertex:
    """A box: a step, a member of a fused step, or a pipeline's parameter or result."""

    id: str
    label: str
    kind: VertexKind


@dataclass(frozen=True)
class Cluster:
    """A group drawn around its items: a pipeline, a fan-out, a condition and its arms, a fused step."""

    id: str
    label: str
    kind: ClusterKind
    items: tuple[Vertex | Cluster, ...]

    def vertices(self) -> Iterator[Vertex]:
        """Every vertex inside, nested clusters included, in drawing order."""
        for item in self.items:
            if isinstance(item, Vertex):
                yield item
            else:
                yield from item.vertices()


@dataclass(frozen=True)
class Edge:
    """An arrow between two vertices or clusters (by id): data, an `after` order, or a fused step's run order."""

    source: str
    target: str
    label: str = ""
    kind: EdgeKind = "data"


@dataclass(frozen=True)
class Graph:
    """One drawing: a top-level cluster per pipeline, then the edges."""

    clusters: tuple[Cluster, ...]
    edges: tuple[Edge, ...]

    def all_clusters(self) -> Iterator[Cluster]:
        """Every cluster, outer before inner, in drawing order."""
        stack = list(reversed(self.clusters))
        while stack:
            cluster = stack.pop()
            yield cluster
            stack.extend(reversed([c for c in cluster.items if isinstance(c, Cluster)]))
