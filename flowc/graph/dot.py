"""A drawing as a Graphviz DOT digraph.

Clusters are `subgraph cluster_<id>`; an arrow into or out of a cluster (a fused step,
a sub-pipeline, a fan-out or a condition named in `after`) is drawn to its first or
from its last vertex with `lhead`/`ltail` (`compound=true`), and a cluster with no
vertex gets an invisible point so it can be drawn and reached. Every label is quoted
and escaped by `dot_text`: a backslash stays a backslash (never one of Graphviz's
`\\N`, `\\G` escapes), `"` is `\\"`, `&` is `&amp;` (Graphviz reads entities in labels),
line breaks are `\\n`, and unprintable characters are spelled out (`label_lines`).

>>> print(dot_text('a "b" \\\\N & c\\nd'))
a \\"b\\" \\\\N &amp; c\\nd
"""

from __future__ import annotations

from flowc.graph.model import Cluster, ClusterKind, Edge, Graph, Vertex, VertexKind, label_lines

_VERTEX_ATTRS: dict[VertexKind, str] = {
    "step": "",
    "member": ", style=\"rounded,filled\", fillcolor=\"#eeeeee\"",
    "param": ", shape=ellipse",
    "result": ", shape=parallelogram",
}
_CLUSTER_ATTRS: dict[ClusterKind, str] = {
    "pipeline": "style=bold",
    "subpipeline": "style=solid",
    "loop": "style=dashed",
    "condition": "style=dotted",
    "branch": "style=rounded",
    "fused": "style=\"rounded,filled\"; fillcolor=\"#f7f7ff\"",
}
_EDGE_ATTRS = {"data": "", "after": "style=dashed", "order": "style=bold"}
_INDENT = "    "


def dot_text(text: str) -> str:
    """`text` safe inside a quoted DOT label."""
    return "\\n".join(_escape_line(line) for line in label_lines(text))


def _escape_line(line: str) -> str:
    return "".join("\\" + ch if ch in '\\"' else "&amp;" if ch == "&" else ch for ch in line)


def to_dot(graph: Graph) -> str:
    """The whole drawing as one digraph: a cluster per pipeline, then every edge."""
    ends = _ends(graph)
    lines = ["digraph flowc {", f'{_INDENT}graph [compound=true, fontname="Helvetica"];', f'{_INDENT}node [shape=box, fontname="Helvetica"];',
             f'{_INDENT}edge [fontname="Helvetica", fontsize=10];']
    for cluster in graph.clusters:
        lines.extend(_cluster(cluster, 1))
    lines.extend(f"{_INDENT}{_edge(e, ends)}" for e in graph.edges)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _ends(graph: Graph) -> dict[str, tuple[str, str]]:
    """Each cluster's (first, last) vertex id, the points its arrows are drawn to and from."""
    ends: dict[str, tuple[str, str]] = {}
    for cluster in graph.all_clusters():
        ids = [v.id for v in cluster.vertices()] or [_anchor(cluster)]
        ends[cluster.id] = (ids[0], ids[-1])
    return ends


def _anchor(cluster: Cluster) -> str:
    return f"{cluster.id}_point"


def _cluster(cluster: Cluster, depth: int) -> list[str]:
    pad = _INDENT * depth
    inner = pad + _INDENT
    lines = [f"{pad}subgraph cluster_{cluster.id} {{", f'{inner}label="{dot_text(cluster.label)}";',
             f"{inner}{_CLUSTER_ATTRS[cluster.kind]};"]
    for item in cluster.items:
        lines.extend([_vertex(item, depth + 1)] if isinstance(item, Vertex) else _cluster(item, depth + 1))
    if not any(True for _ in cluster.vertices()):
        lines.append(f'{inner}{_anchor(cluster)} [shape=point, style=invis, label=""];')
    lines.append(f"{pad}}}")
    return lines


def _vertex(vertex: Vertex, depth: int) -> str:
    return f'{_INDENT * depth}{vertex.id} [label="{dot_text(vertex.label)}"{_VERTEX_ATTRS[vertex.kind]}];'


def _edge(edge: Edge, ends: dict[str, tuple[str, str]]) -> str:
    attrs = [a for a in (_EDGE_ATTRS[edge.kind],) if a]
    source, target = edge.source, edge.target
    if source in ends:
        attrs.append(f"ltail=cluster_{source}")
        source = ends[source][1]
    if target in ends:
        attrs.append(f"lhead=cluster_{target}")
        target = ends[target][0]
    if edge.label:
        attrs.insert(0, f'label="{dot_text(edge.label)}"')
    return f"{source} -> {target}" + (f" [{', '.join(attrs)}];" if attrs else ";")
