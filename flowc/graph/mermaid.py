"""A drawing as a Mermaid flowchart.

Ids are the drawing's generated ones (`n1`, `c2`); every label is quoted and escaped
by `mermaid_text`, so no user string (a literal in a condition, a task or pipeline
name) can end a label, start an edge or inject HTML: `"`, `#`, `&`, `<`, `>`, a
backtick (which would start a Markdown string) and `|` become Mermaid entity codes
(`#34;`), line breaks become `<br>`, unprintable characters are spelled out (`label_lines`).

>>> mermaid_text('say "hi" --> <b>\\nnext')
'say #34;hi#34; --#62; #60;b#62;<br>next'
"""

from __future__ import annotations

from flowc.graph.model import Cluster, Edge, Graph, Vertex, VertexKind, label_lines

_SPECIAL = frozenset('"#&<>`|')
_SHAPES: dict[VertexKind, tuple[str, str]] = {
    "step": ("[", "]"),
    "member": ("[", "]"),
    "param": ("([", "])"),
    "result": ("[/", "/]"),
}
_ARROWS = {"data": "-->", "after": "-.->", "order": "==>"}
_INDENT = "    "


def mermaid_text(text: str) -> str:
    """`text` safe inside a quoted Mermaid label: specials as `#code;`, line breaks as `<br>`."""
    return "<br>".join("".join(f"#{ord(ch)};" if ch in _SPECIAL else ch for ch in line) for line in label_lines(text))


def to_mermaid(graph: Graph) -> str:
    """The whole drawing as one `flowchart TB`, clusters as subgraphs, then every edge."""
    lines = ["flowchart TB"]
    for cluster in graph.clusters:
        lines.extend(_cluster(cluster, 1))
    lines.extend(f"{_INDENT}{_edge(e)}" for e in graph.edges)
    return "\n".join(lines) + "\n"


def _cluster(cluster: Cluster, depth: int) -> list[str]:
    pad = _INDENT * depth
    lines = [f'{pad}subgraph {cluster.id} ["{mermaid_text(cluster.label)}"]']
    for item in cluster.items:
        lines.extend(_vertex(item, depth + 1) if isinstance(item, Vertex) else _cluster(item, depth + 1))
    lines.append(f"{pad}end")
    return lines


def _vertex(vertex: Vertex, depth: int) -> list[str]:
    left, right = _SHAPES[vertex.kind]
    return [f'{_INDENT * depth}{vertex.id}{left}"{mermaid_text(vertex.label)}"{right}']


def _edge(edge: Edge) -> str:
    arrow = _ARROWS[edge.kind]
    label = f'|"{mermaid_text(edge.label)}"|' if edge.label else ""
    return f"{edge.source} {arrow}{label} {edge.target}"
