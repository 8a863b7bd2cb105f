"""Step fusion: a chain of steps becomes one engine step that runs them in one process.

`fusion_plan.py` decides the chains; this module replaces each chain of two or more
steps by one task node calling a generated task (`fused_code.py`) that takes the
chain's outside inputs and returns every member output read outside the chain. The
fused node takes the last member's place in the body (everything reading the chain
already comes after it), keeps the members' names in its label
(`load+clean+features`) and in its task's `members`, and its task's cache key is
derived from the members' keys.
"""

from __future__ import annotations

import hashlib
import json

from flowc.ir.bindings import node_bindings
from flowc.ir.model import (
    SINGLE_OUTPUT,
    Binding,
    CleanupNode,
    ConditionNode,
    ContainerTask,
    Input,
    LoopNode,
    Node,
    OutputBinding,
    Parameter,
    Pipeline,
    Program,
    PythonTask,
    TaskNode,
    iter_nodes,
)
from flowc.ir.names import ENGINES, MAX_LENGTH, engine_name, fresh_name, python_name
from flowc.ir.passes.cache_key import task_cache_key
from flowc.ir.passes.fused_code import Export, Member, Source, fused_code
from flowc.ir.passes.fusion_plan import Chain, bodies, plan_body, whole_reads
from flowc.ir.plan import NotFused, PlannedStep
from flowc.ir.rewrite import rewrite_pipeline
from flowc.ir.scope import binding_key
from flowc.ir.types import NamedField, NamedTupleType, TupleType, Type


def fuse_chains(program: Program) -> Program:
    """`program` with every chain of two or more steps fused into one step."""
    names = _Names(program)
    tasks = {_identity(t): t for t in program.tasks}
    pipelines: list[Pipeline] = []
    for pipeline in program.pipelines:
        readers = _readers(pipeline)
        fused: list[tuple[list[TaskNode], TaskNode, list[tuple[Export, Type]]]] = []
        for chain, _ in _pipeline_plan(pipeline, program):
            if len(chain.members) < 2:
                continue
            node, task, exports = _fuse(pipeline, chain, program, names, readers)
            task = tasks.setdefault(_identity(task), task)  # equal chains share one task
            fused.append((chain.members, node.model_copy(update={"task": task.name}), exports))
        pipelines.append(_replace(pipeline, fused) if fused else pipeline)
    used = {n.task for p in pipelines for n in iter_nodes(p.body) if isinstance(n, TaskNode)}
    kept = tuple(t for t in tasks.values() if t.name in used or not _fused(t))
    return program.model_copy(update={"tasks": kept, "pipelines": tuple(pipelines)})


def _identity(task: PythonTask | ContainerTask) -> object:
    """What makes two tasks the same, their names aside (user tasks: the name itself)."""
    if not isinstance(task, PythonTask) or not task.members:
        return task.name
    return (task.cache_key, task.code.function, repr(task.options), repr(task.params), repr(task.returns))


def _readers(pipeline: Pipeline) -> dict[str, set[tuple[str, str]]]:
    """For each node, its outputs read anywhere and by which node (`""`: the pipeline's results)."""
    out: dict[str, set[tuple[str, str]]] = {}
    reads = [(n.id, b) for n in iter_nodes(pipeline.body) for b in node_bindings(n)]
    reads += [("", r.binding) for r in pipeline.results]
    for reader, b in reads:
        if isinstance(b, OutputBinding):
            out.setdefault(b.node, set()).add((b.field or SINGLE_OUTPUT, reader))
    return out


def fusion_plan(program: Program) -> dict[str, tuple[tuple[PlannedStep, ...], tuple[NotFused, ...]]]:
    """For `flowc explain`: per pipeline, the engine steps fusion makes and the unfused neighbours."""
    out: dict[str, tuple[tuple[PlannedStep, ...], tuple[NotFused, ...]]] = {}
    for pipeline in program.pipelines:
        steps: list[PlannedStep] = []
        not_fused: dict[NotFused, None] = {}
        for chain, (loop, plan_not_fused) in _pipeline_plan(pipeline, program):
            ids = tuple(m.id for m in chain.members)
            notes = _notes(chain, program) if len(ids) > 1 else ()
            label = _label(ids)
            steps.append(PlannedStep(id=python_name(label), label=label, members=ids, tasks=tuple(m.task for m in chain.members),
                                     loop=loop, notes=notes))
            not_fused.update(dict.fromkeys(plan_not_fused))
        out[pipeline.name] = (tuple(steps), tuple(not_fused))
    return out


def _pipeline_plan(pipeline: Pipeline, program: Program) -> list[tuple[Chain, tuple[str | None, list[NotFused]]]]:
    whole = whole_reads(pipeline, program)
    loops = {id(n.body): n.id for n in iter_nodes(pipeline.body) if isinstance(n, LoopNode)}
    found: list[tuple[Chain, tuple[str | None, list[NotFused]]]] = []
    for body in bodies(pipeline.body):
        plan = plan_body(body, program, whole)
        context = (loops.get(id(body)), plan.not_fused)
        found += [(chain, context) for chain in plan.chains]
    return found


def _notes(chain: Chain, program: Program) -> tuple[str, ...]:
    options = [program.task(m.task).options for m in chain.members]
    notes: list[str] = []
    if chain.options.timeout_seconds is not None:
        notes.append(f"timeout {chain.options.timeout_seconds} s: the sum of its members'")
    elif any(o.timeout_seconds is not None for o in options):
        notes.append("no timeout: a member has none")
    if chain.options.retries:
        notes.append(f"retries {chain.options.retries}: the most of its members'")
    if not chain.options.cache and any(o.cache for o in options):
        uncached = [m.id for m, o in zip(chain.members, options) if not o.cache]
        notes.append("not cached: " + ", ".join(uncached) + (" is" if len(uncached) == 1 else " are") + " not")
    return tuple(notes)


def _label(ids: tuple[str, ...]) -> str:
    """`load+clean+features`; a long chain as `first+<n>_more+last` (names have a length limit)."""
    full = "+".join(ids)
    return full if len(full) <= MAX_LENGTH - 8 else f"{ids[0]}+{len(ids) - 2}_more+{ids[-1]}"


class _Names:
    """Fresh task names and node ids for fused steps: none may clash with another name on any engine."""

    def __init__(self, program: Program) -> None:
        names = [t.name for t in program.tasks] + [p.name for p in program.pipelines]
        self.taken = {(e, engine_name(n, e).lower()) for n in names for e in ENGINES}
        self.node_taken: dict[str, set[tuple[str, str]]] = {}

    def _fresh(self, base: str, taken: set[tuple[str, str]]) -> str:
        name, n = base, 1
        while any((e, engine_name(name, e).lower()) in taken for e in ENGINES):
            n += 1
            name = f"{base}_{n}"
        taken.update((e, engine_name(name, e).lower()) for e in ENGINES)
        return name

    def task(self, label: str) -> str:
        return self._fresh(label, self.taken)

    def node(self, pipeline: Pipeline, label: str) -> str:
        if pipeline.name not in self.node_taken:
            ids = [n.id for n in iter_nodes(pipeline.body)]
            self.node_taken[pipeline.name] = {(e, engine_name(i, e).lower()) for i in ids for e in ENGINES}
        return self._fresh(python_name(label) or "fused", self.node_taken[pipeline.name])


def _fuse(
    pipeline: Pipeline, chain: Chain, program: Program, names: _Names, readers: dict[str, set[tuple[str, str]]]
) -> tuple[TaskNode, PythonTask, list[tuple[Export, Type]]]:
    """The fused node and task of `chain`, and the member outputs it hands out."""
    members = chain.members
    index = {m.id: i for i, m in enumerate(members)}
    params: dict[str, tuple[Parameter, Binding]] = {}
    by_binding: dict[str, str] = {}
    wired: list[Member] = []
    for m in members:
        task = program.task(m.task)
        assert isinstance(task, PythonTask)
        sources: list[tuple[str, Source]] = []
        for inp in m.inputs:
            b = inp.binding
            if isinstance(b, OutputBinding) and b.node in index:
                sources.append((inp.name, Source(member=index[b.node], field=b.field)))
                continue
            declared = task.param(inp.name)
            assert declared is not None, inp.name
            value = binding_key(b) or json.dumps(getattr(b, "value", None), sort_keys=True)
            key = repr((value, declared.type))  # the same outside value of one type: one parameter
            if key not in by_binding:
                name = _param_name(inp.name, len(wired) + 1, params)
                params[name] = (Parameter(name=name, type=declared.type), b)
                by_binding[key] = name
            sources.append((inp.name, Source(param=by_binding[key])))
        step = f"{task.name} ({len(wired) + 1}/{len(members)})"
        wired.append(Member(step=step, task=task, inputs=tuple(sources)))
    exports = _exports(members, program, readers)
    label = _label(tuple(m.id for m in members))
    node_id = names.node(pipeline, label)
    # The task and its code name the members' tasks, never their calls: chains of the same
    # tasks wired the same way make one task (one executor on KFP), however often they occur.
    task_label = _label(tuple(m.task for m in members))
    task_name = names.task(task_label)
    function = python_name(task_label)
    code = fused_code(function, tuple(params), tuple(wired), tuple(e for e, _ in exports))
    fused = PythonTask(
        name=task_name,
        params=tuple(p for p, _ in params.values()),
        returns=_returns(exports),
        options=chain.options,
        doc="Runs " + ", ".join(m.id for m in members) + " in one process (fused by flowc).",
        module=program.task(members[0].task).module,
        cache_key=_fused_key(wired, exports, program),
        span=None,
        code=code,
        members=tuple(m.task for m in members),
    )
    waits = tuple(dict.fromkeys(a for m in members for a in m.after if a not in index))
    node = TaskNode(
        id=node_id,
        task=task_name,
        inputs=tuple(Input(name=n, binding=b) for n, (_, b) in params.items()),
        after=waits,
        label=label,
        span=members[0].span,
    )
    return node, fused, exports


def _param_name(wanted: str, position: int, params: dict[str, tuple[Parameter, Binding]]) -> str:
    """The member's parameter name, or with its position in the chain when taken (`k`, `k_2`)."""
    name = wanted if not wanted.startswith("_flowc") else f"p{position}{wanted}"
    return name if name not in params else fresh_name(f"{name}_{position}", set(params))


def _exports(members: list[TaskNode], program: Program, readers: dict[str, set[tuple[str, str]]]) -> list[tuple[Export, Type]]:
    """Member outputs read outside the chain, in member and field order, with their types."""
    ids = {m.id for m in members}
    wanted: list[tuple[int, str | None, Type]] = []
    for i, m in enumerate(members):
        read = {fld for fld, reader in readers.get(m.id, ()) if reader not in ids}
        returns = program.task(m.task).returns
        for output in program.task(m.task).outputs:
            if output.name in read:  # a single result is read whole (field None); a field named `output` is a field
                wanted.append((i, output.name if isinstance(returns, NamedTupleType | TupleType) else None, output.type))
    if len(wanted) == 1:
        i, fld, t = wanted[0]
        return [(Export(name=SINGLE_OUTPUT, member=i, field=fld), t)]
    taken: set[str] = set()
    out: list[tuple[Export, Type]] = []
    for i, fld, t in wanted:
        task = python_name(members[i].task)
        base = task if fld is None else f"{task}_{fld}"
        name = base if base not in taken else fresh_name(f"{base}_{i + 1}", taken)
        taken.add(name)
        out.append((Export(name=name, member=i, field=fld), t))
    return out


def _returns(exports: list[tuple[Export, Type]]) -> Type:
    from flowc.ir.types import NoneType

    if not exports:
        return NoneType()
    if len(exports) == 1:
        return exports[0][1]
    return NamedTupleType(name="FusedOutputs", fields=tuple(NamedField(name=e.name, type=t) for e, t in exports))


def _replace(pipeline: Pipeline, fused: list[tuple[list[TaskNode], TaskNode, list[tuple[Export, Type]]]]) -> Pipeline:
    """`pipeline` with each chain's members replaced by its fused node, at the last member's place."""
    owner: dict[str, str] = {}  # member id -> fused node id
    where: dict[tuple[str, str], str | None] = {}  # (member id, output) -> the fused node's field
    at_last: dict[str, TaskNode] = {}
    for members, node, exports in fused:
        owner.update((m.id, node.id) for m in members)
        single = len(exports) == 1
        where.update(((members[e.member].id, e.field or SINGLE_OUTPUT), None if single else e.name) for e, _ in exports)
        at_last[members[-1].id] = node

    def binding(b: Binding) -> Binding:
        if not isinstance(b, OutputBinding) or b.node not in owner:
            return b
        return b.model_copy(update={"node": owner[b.node], "field": where[(b.node, b.field or SINGLE_OUTPUT)]})

    def after(node_id: str) -> str:
        return owner.get(node_id, node_id)

    body = _swap(pipeline.body, set(owner), at_last)
    return rewrite_pipeline(pipeline.model_copy(update={"body": body}), binding, after)


def _swap(body: tuple[Node, ...], members: set[str], at_last: dict[str, TaskNode]) -> tuple[Node, ...]:
    out: list[Node] = []
    for n in body:
        if n.id in at_last:
            out.append(at_last[n.id])
        elif n.id in members:
            continue
        elif isinstance(n, LoopNode):
            out.append(n.model_copy(update={"body": _swap(n.body, members, at_last)}))
        elif isinstance(n, ConditionNode):
            branches = tuple(b.model_copy(update={"body": _swap(b.body, members, at_last)}) for b in n.branches)
            out.append(n.model_copy(update={"branches": branches}))
        elif isinstance(n, CleanupNode):
            body, cleanup = _swap(n.body, members, at_last), _swap(n.cleanup, members, at_last)
            out.append(n.model_copy(update={"body": body, "cleanup": cleanup}))
        else:
            out.append(n)
    return tuple(out)


def _fused_key(members: list[Member], exports: list[tuple[Export, Type]], program: Program) -> str:
    """Derived from the members' task keys and how they are wired, never from the generated text."""
    parts = {
        "fused": [
            [m.task.cache_key or task_cache_key(m.task), [[n, s.param, s.member, s.field] for n, s in m.inputs]]
            for m in members
        ],
        "exports": [[e.name, e.member, e.field or SINGLE_OUTPUT] for e, _ in exports],
    }
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _fused(task: object) -> bool:
    return isinstance(task, PythonTask) and bool(task.members)
