"""The IR as a drawing: each pipeline a cluster of its steps, fan-outs, branches and sub-pipelines.

- a task call is a vertex labelled with its node id (and its task where that differs);
- a fused step (a `TaskNode` whose task lists `members`) is a cluster of its members,
  joined in the order the step runs them;
- a loop is a cluster labelled `for x in items`; a condition a cluster holding one
  cluster per arm, labelled with the arm's condition (`if n > 3`, `elif ...`, `else`),
  with arrows into it from the values its condition reads;
- a sub-pipeline call is a cluster holding the called pipeline, drawn in full, with
  its parameters and results as vertices the caller's arrows go into and come from;
- arrows follow the data: from where each bound value is made (a loop's item comes
  from the loop's items, a fan-in list from what each iteration yields, a condition's
  value from each arm) to the step reading it; `after` is a dashed arrow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from flowc.graph.conditions import binding_text, condition_text
from flowc.graph.model import Cluster, Edge, Graph, Vertex
from flowc.ir.bindings import condition_bindings
from flowc.ir.model import (
    SINGLE_OUTPUT,
    Binding,
    CleanupNode,
    ConditionNode,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    ParamBinding,
    Pipeline,
    PipelineNode,
    Program,
    PythonTask,
    RunStatusBinding,
    TaskNode,
)

Item = Vertex | Cluster


def build_graph(program: Program, pipelines: tuple[Pipeline, ...]) -> Graph:
    """The drawing of `pipelines` (each a top-level cluster), their sub-pipelines drawn inside."""
    builder = _Builder(program)
    clusters = tuple(builder.pipeline(p, f"pipeline {p.name}", "pipeline", (p.name,))[0] for p in pipelines)
    return Graph(clusters=clusters, edges=tuple(dict.fromkeys(builder.edges)))


@dataclass(frozen=True)
class _End:
    """Where an arrow for a value starts: a vertex or cluster id, and the arrow's label."""

    id: str
    label: str = ""


@dataclass
class _Scope:
    """One drawn pipeline body: an entry pipeline, or one call of a sub-pipeline."""

    pipeline: Pipeline
    params: dict[str, str] = field(default_factory=dict[str, str])
    nodes: dict[str, Node] = field(default_factory=dict[str, Node])
    drawn: dict[str, str] = field(default_factory=dict[str, str])
    results: dict[str, dict[str, str]] = field(default_factory=dict[str, dict[str, str]])
    loop_vars: dict[str, str] = field(default_factory=dict[str, str])
    pending: list[tuple[Binding, str]] = field(default_factory=list[tuple[Binding, str]])


class _Builder:
    def __init__(self, program: Program) -> None:
        self.program = program
        self.tasks = {t.name: t for t in program.tasks}
        self.edges: list[Edge] = []
        self._count = 0

    def fresh(self, prefix: Literal["n", "c"]) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def pipeline(self, pipeline: Pipeline, label: str, kind: Literal["pipeline", "subpipeline"], stack: tuple[str, ...]) -> tuple[Cluster, _Scope]:
        """A cluster of the pipeline's parameters, body and results; arrows for its bindings."""
        scope = _Scope(pipeline)
        cluster_id = self.fresh("c")
        params: list[Item] = []
        for p in pipeline.params:
            scope.params[p.name] = self.fresh("n")
            params.append(Vertex(scope.params[p.name], p.name, "param"))
        body = self.body(pipeline.body, scope, stack)
        results: list[Item] = []
        for r in pipeline.results:
            vertex = Vertex(self.fresh("n"), f"return {r.name}", "result")
            results.append(vertex)
            scope.pending.append((r.binding, vertex.id))
        for binding, target in scope.pending:
            self.edges.extend(Edge(end.id, target, end.label) for end in self.ends(binding, scope))
        return Cluster(cluster_id, label, kind, (*params, *body, *results)), scope

    def body(self, nodes: tuple[Node, ...], scope: _Scope, stack: tuple[str, ...]) -> list[Item]:
        items: list[Item] = []
        for node in nodes:
            scope.nodes[node.id] = node
            item = self.node(node, scope, stack)
            scope.drawn[node.id] = item.id
            items.append(item)
            self.edges.extend(Edge(scope.drawn[a], item.id, "after", "after") for a in node.after if a in scope.drawn)
        return items

    def node(self, node: Node, scope: _Scope, stack: tuple[str, ...]) -> Item:
        match node:
            case TaskNode():
                return self.task(node, scope)
            case PipelineNode():
                return self.call(node, scope, stack)
            case LoopNode():
                scope.loop_vars[node.id] = node.var
                label = f"for {node.var} in {binding_text(node.items, scope.loop_vars)}"
                return Cluster(self.fresh("c"), label, "loop", tuple(self.body(node.body, scope, stack)))
            case ConditionNode():
                return self.condition(node, scope, stack)
            case CleanupNode():
                body = Cluster(self.fresh("c"), "try", "branch", tuple(self.body(node.body, scope, stack)))
                cleanup = Cluster(self.fresh("c"), "finally", "branch", tuple(self.body(node.cleanup, scope, stack)))
                return Cluster(self.fresh("c"), node.id, "condition", (body, cleanup))

    def task(self, node: TaskNode, scope: _Scope) -> Item:
        task = self.tasks[node.task]
        name = node.label or node.task
        if isinstance(task, PythonTask) and task.members:
            item: Item = self.fused(node, name, task.members)
        else:
            item = Vertex(self.fresh("n"), node.id if name == node.id else f"{node.id}\n{name}", "step")
        scope.pending.extend((i.binding, item.id) for i in node.inputs)
        return item

    def fused(self, node: TaskNode, name: str, members: tuple[str, ...]) -> Cluster:
        """A fused step: its members in the order the one engine task runs them."""
        cluster_id = self.fresh("c")
        vertices = [Vertex(self.fresh("n"), member, "member") for member in members]
        self.edges.extend(Edge(a.id, b.id, "", "order") for a, b in zip(vertices, vertices[1:]))
        return Cluster(cluster_id, f"{node.id}\nfused: {name}", "fused", tuple(vertices))

    def call(self, node: PipelineNode, scope: _Scope, stack: tuple[str, ...]) -> Item:
        """A sub-pipeline call, drawn in full; a call of a pipeline already being drawn is one vertex."""
        label = f"pipeline {node.pipeline}" if node.id == node.pipeline else f"{node.id}\npipeline {node.pipeline}"
        if node.pipeline in stack:
            vertex = Vertex(self.fresh("n"), label, "step")
            scope.pending.extend((i.binding, vertex.id) for i in node.inputs)
            return vertex
        cluster, inner = self.pipeline(self.program.pipeline(node.pipeline), label, "subpipeline", (*stack, node.pipeline))
        scope.pending.extend((i.binding, inner.params[i.name]) for i in node.inputs if i.name in inner.params)
        result_ids = [item.id for item in cluster.items if isinstance(item, Vertex) and item.kind == "result"]
        scope.results[node.id] = {r.name: vid for r, vid in zip(inner.pipeline.results, result_ids)}
        return cluster

    def condition(self, node: ConditionNode, scope: _Scope, stack: tuple[str, ...]) -> Cluster:
        cluster_id = self.fresh("c")
        arms: list[Item] = []
        for i, branch in enumerate(node.branches):
            if branch.condition is None:
                label = "else"
            else:
                label = f"{'if' if i == 0 else 'elif'} {condition_text(branch.condition, scope.loop_vars)}"
            arm_id = self.fresh("c")
            if branch.condition is not None:
                scope.pending.extend((b, arm_id) for b in condition_bindings(branch.condition))
            arms.append(Cluster(arm_id, label, "branch", tuple(self.body(branch.body, scope, stack))))
        return Cluster(cluster_id, node.id, "condition", tuple(arms))

    def ends(self, binding: Binding, scope: _Scope) -> list[_End]:
        """Where the value of `binding` is made (several places for a condition's value)."""
        match binding:
            case ConstBinding():
                return []
            case ParamBinding(name=name):
                return [_End(scope.params[name])] if name in scope.params else []
            case LoopItemBinding(loop=loop):
                found = scope.nodes.get(loop)
                if not isinstance(found, LoopNode):
                    return []
                return [_End(end.id, found.var) for end in self.ends(found.items, scope)]
            case OutputBinding(node=node_id, field=name):
                return self.output_ends(node_id, name, scope)
            case RunStatusBinding():
                return []

    def output_ends(self, node_id: str, name: str | None, scope: _Scope) -> list[_End]:
        match scope.nodes.get(node_id):
            case TaskNode():
                return [_End(scope.drawn[node_id], name or "")]
            case PipelineNode():
                result = scope.results.get(node_id, {}).get(name or SINGLE_OUTPUT)
                return [_End(result)] if result else [_End(scope.drawn[node_id], name or "")]
            case LoopNode(result=result):
                return [_End(end.id, "fan-in") for end in self.ends(result, scope)] if result else []
            case ConditionNode(outputs=outputs):
                sources = [s for out in outputs if out.name == name for s in out.sources]
                return [_End(end.id, name or "") for s in sources for end in self.ends(s, scope)]
            case CleanupNode() | None:
                return []
