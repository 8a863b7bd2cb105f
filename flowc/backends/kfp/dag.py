"""Pipelines as KFP DAG components: tasks, loops, conditions, sub-pipelines.

One `SpecBuilder` builds one PipelineSpec: every IR task becomes one executor
component (shared by all its calls), every pipeline called as a sub-DAG one DAG
component, and every loop, condition arm and if/elif/else one DAG component of its
own, as the kfp compiler lays them out (`ParallelFor`, `dsl.If`, `dsl.OneOf`).
"""

from __future__ import annotations

import json
from typing import Any

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import (
    Binding,
    BoolOp,
    Branch,
    CleanupNode,
    Condition,
    ConditionNode,
    ContainerTask,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    Pipeline,
    PipelineNode,
    Program,
    PythonTask,
    TaskNode,
    iter_nodes,
)
from flowc.ir.names import fresh_name, kfp_name
from flowc.ir.passes.step_keys import in_context
from flowc.ir.span import Span
from flowc.ir.types import Type, render
from flowc.backends.kfp import components as comp
from flowc.backends.kfp import conditions, identity
from flowc.backends.kfp.kfp_types import artifact_of, io_definition
from flowc.backends.kfp.folding import plan_folds
from flowc.backends.kfp.scope import Ref, Scope
from flowc.backends.kfp.scope import selector as _selector
from flowc.backends.kfp.cleanup import Readers, cleanup_tasks, readers
from flowc.backends.kfp.typing_oracle import TypeOracle


class SpecBuilder:
    """Collects the components, executors and platform configs of one PipelineSpec."""

    def __init__(self, program: Program, parallelism: int = 0) -> None:
        self.program = program
        self.parallelism = parallelism
        self.components: dict[str, dict[str, Any]] = {}
        self.executors: dict[str, dict[str, Any]] = {}
        self.platform: dict[str, dict[str, Any]] = {}
        self.diagnostics: list[Diagnostic] = []
        self._task_executors: dict[str, str] = {}
        self._identity_tasks: dict[str, PythonTask] = {}
        self._taken: set[str] = set()
        self._call_context: str | None = None  # the key of the sub-pipeline call being built (step_keys.in_context)
        self._readers: Readers = {}  # who reads the outputs of each node of the pipeline being built

    def unsupported(self, span: Span | None, what: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic.of(codes.KFP_UNSUPPORTED, span, what, hint=hint))

    def _unique(self, base: str) -> str:
        return fresh_name(base, self._taken, "-")

    # ------------------------------------------------------------------ components

    def task_component(self, task: PythonTask | ContainerTask, step_key: str | None = None) -> str:
        """A component of its own for one call of `task`; all calls share one executor.

        The kfp SDK gives every call its own component too. kfp.local keeps a task's
        outputs in a folder named after its component (`construct_local_task_root` in
        `kfp/local/executor_input_utils.py`), so calls sharing a component would
        overwrite each other's artifacts.
        """
        executor = self._task_executors.get(task.name)
        if executor is None:
            executor = "exec-" + self._unique("comp-" + kfp_name(task.name)).removeprefix("comp-")
            self._task_executors[task.name] = executor
            self._check_task(task)
            self.executors[executor] = comp.executor_spec(task)
            longest = max(len(part.encode("utf-8")) for part in self.executors[executor]["container"]["command"])
            if longest > comp.MAX_ARGUMENT_BYTES:
                self.unsupported(task.span, f"the code of {task.name!r} is {longest} bytes, over Linux's {comp.MAX_ARGUMENT_BYTES}-byte limit for one command argument")
            config = comp.platform_config(task)
            if config:
                self.platform[executor] = config
            name = "comp-" + executor.removeprefix("exec-")
        else:
            name = self._unique("comp-" + kfp_name(task.name))
        self.components[name] = comp.component_spec(task, executor, step_key)
        return name

    def _check_task(self, task: PythonTask | ContainerTask) -> None:
        for p in task.params:
            if _bad_boundary(p.type, allow_list=True):
                self.unsupported(p.span or task.span, f"input {p.name!r} of {task.name!r} nests artifacts in a collection")
        for o in task.outputs:
            if _bad_boundary(o.type, allow_list=False):
                self.unsupported(task.span, f"{task.name!r} returns artifacts inside a collection")

    def pipeline_component(self, pipeline: Pipeline, call_key: str | None = None) -> str:
        """A DAG component of its own for one call of a sub-pipeline (its tasks get their own too),
        its steps keyed in the context of the call (`call_key`)."""
        name = self._unique("comp-" + kfp_name(pipeline.name))
        outer = self._call_context
        if call_key is not None:
            self._call_context = in_context(outer, call_key)
        try:
            self.components[name] = self.pipeline_spec(pipeline)
        finally:
            self._call_context = outer
        return name

    def pipeline_spec(self, pipeline: Pipeline) -> dict[str, Any]:
        """A pipeline's own DAG component: the root, or a sub-DAG for its callers."""
        names = node_names(pipeline)
        scope = Scope(names, TypeOracle(self.program, pipeline), params=frozenset(p.name for p in pipeline.params))
        scope.outermost = True
        outer_readers, self._readers = self._readers, readers(pipeline)
        try:
            tasks = self.body(pipeline.body, scope)
        finally:
            self._readers = outer_readers
        dag: dict[str, Any] = {}
        results = [(comp.output_key(r.name), r.binding, r.type) for r in pipeline.results]
        outputs = self.dag_outputs(results, scope, tasks)
        if outputs:
            dag["outputs"] = outputs
        dag["tasks"] = dict(sorted(tasks.items()))
        spec: dict[str, Any] = {"dag": dag}
        inputs = comp.sorted_sections(comp.param_definitions(pipeline.params))
        if inputs:
            spec["inputDefinitions"] = inputs
        out_defs: dict[str, dict[str, Any]] = {}
        for o in pipeline.outputs:
            section, definition = io_definition(o.type)
            out_defs.setdefault(section, {})[comp.output_key(o.name)] = definition
        if out_defs:
            spec["outputDefinitions"] = comp.sorted_sections(out_defs)
        return spec

    def dag_outputs(
        self, results: list[tuple[str, Binding, Type]], scope: Scope, tasks: dict[str, Any]
    ) -> dict[str, Any]:
        """The outputs of a DAG; a value no task of the DAG produced passes through an identity step."""
        out: dict[str, dict[str, Any]] = {}
        for key, binding, t in results:
            ref = scope.resolve(binding)
            if ref.producer is None:
                ref = self._identity_step(key, ref, t, tasks)
            out.setdefault(ref.section, {})[key] = _selector(ref)
        return comp.sorted_sections(out)

    def _identity_step(self, key: str, source: Ref, t: Type, tasks: dict[str, Any]) -> Ref:
        task = self._identity_tasks.setdefault(render(t), identity.identity_task(t))
        name = identity.step_name(key)
        spec: dict[str, Any] = {
            "cachingOptions": {"enableCache": True},
            "componentRef": {"name": self.task_component(task)},
            "inputs": {source.section: {"value": source.spec}},
            "taskInfo": {"name": name},
        }
        tasks[name] = spec
        kind = "Artifact" if source.section == "artifacts" else "Parameter"
        return Ref(source.section, {f"taskOutput{kind}": {f"output{kind}Key": "Output", "producerTask": name}}, name)

    # ----------------------------------------------------------------------- bodies

    def body(self, nodes: tuple[Node, ...], scope: Scope) -> dict[str, Any]:
        folds = plan_folds(nodes, {n.id for n in nodes if isinstance(n, LoopNode) and self._over_artifacts(n)})
        for node in folds.refused:
            self.unsupported(node.span, _NO_ARTIFACT_ITERATOR, _FOLD_HINT)
        for node in nodes:
            host = folds.host_of.get(node.id)
            scope.local[node.id] = scope.names[host or node.id]
            if host is not None:
                scope.keys[node.id] = _folded_key(scope.names[node.id])
        tasks: dict[str, Any] = {}
        for node in nodes:
            name = scope.names[node.id]
            match node:
                case TaskNode():
                    tasks[name] = self.task_node(node, scope)
                case PipelineNode():
                    tasks[name] = self.pipeline_node(node, scope)
                case LoopNode() if node.id not in folds.host_of:
                    tasks[name] = self.loop_node(node, scope, folds.guests.get(node.id, []))
                case ConditionNode():
                    tasks[name] = self.condition_node(node, scope)
                case CleanupNode():
                    tasks.update(cleanup_tasks(self, node, scope, scope.outermost, self._readers))
                case _:
                    pass
        return dict(sorted(tasks.items()))

    def _over_artifacts(self, node: LoopNode) -> bool:
        return artifact_of(node.item_type) is not None and not isinstance(node.items, ConstBinding)

    def task_node(self, node: TaskNode, scope: Scope) -> dict[str, Any]:
        task = self.program.task(node.task)
        inputs, deps = self._call_inputs(node, scope, comp.none_when_absent(task.params))
        step_key = None if node.cache_key is None else in_context(self._call_context, node.cache_key)
        for name, (_, value) in comp.fingerprint_inputs(task, step_key).items():
            inputs.setdefault("parameters", {})[name] = {"runtimeValue": {"constant": value}}
        spec = self._call(node, scope, self.task_component(task, step_key), inputs, deps)
        spec["cachingOptions"] = {"enableCache": task.options.cache}
        if task.options.retries > 0:
            spec["retryPolicy"] = {
                "backoffDuration": "0s",
                "backoffFactor": 2.0,
                "backoffMaxDuration": "3600s",
                "maxRetryCount": task.options.retries,
            }
        return dict(sorted(spec.items()))

    def pipeline_node(self, node: PipelineNode, scope: Scope) -> dict[str, Any]:
        inputs, deps = self._call_inputs(node, scope)
        callee = self.pipeline_component(self.program.pipeline(node.pipeline), node.cache_key)
        return self._call(node, scope, callee, inputs, deps)

    def _call_inputs(
        self, node: TaskNode | PipelineNode, scope: Scope, none_when_absent: frozenset[str] = frozenset()
    ) -> tuple[dict[str, dict[str, Any]], set[str]]:
        """A call's task inputs. KFP's driver refuses a null argument ("got null for input
        parameter", `backend/src/v2/driver/resolve.go`): a None constant is left out where the
        input then reads as None (`none_when_absent`), and is a diagnostic elsewhere."""
        inputs: dict[str, dict[str, Any]] = {}
        deps: set[str] = set()
        for inp in node.inputs:
            if isinstance(inp.binding, ConstBinding) and inp.binding.value is None:
                if inp.name not in none_when_absent:
                    self.unsupported(
                        inp.binding.span or node.span, f"passing None to {inp.name!r}, whose default is not None",
                        hint="KFP's driver refuses a null argument; give the parameter a None default, or pass a value",
                    )
                continue
            ref = scope.resolve(inp.binding)
            inputs.setdefault(ref.section, {})[inp.name] = ref.spec
            if ref.producer:
                deps.add(ref.producer)
        return inputs, deps

    def _call(
        self, node: Node, scope: Scope, component: str, inputs: dict[str, dict[str, Any]], deps: set[str]
    ) -> dict[str, Any]:
        for after in node.after:
            dep = scope.depend(after)
            if dep:
                deps.add(dep)
        spec: dict[str, Any] = {"componentRef": {"name": component}}
        if deps:
            spec["dependentTasks"] = sorted(deps)
        if inputs:
            spec["inputs"] = comp.sorted_sections(inputs)
        label = node.label if isinstance(node, TaskNode) else None
        spec["taskInfo"] = {"name": label or scope.names[node.id]}  # a display name: the task key stays
        return spec

    def nested(
        self,
        task_name: str,
        scope: Scope,
        child: Scope,
        component: dict[str, Any],
        extra: dict[str, Any],
        item: tuple[str, Type] | None = None,
    ) -> dict[str, Any]:
        """Register a nested DAG component and return the task `task_name` that runs it, fed from `scope`."""
        name = self._unique("comp-" + task_name)
        inputs: dict[str, dict[str, Any]] = {}
        deps: set[str] = set()
        definitions: dict[str, dict[str, Any]] = {}
        for channel, (binding, t) in child.external.items():
            ref = scope.resolve(binding)
            inputs.setdefault(ref.section, {})[channel] = ref.spec
            if ref.producer:
                deps.add(ref.producer)
            section, definition = io_definition(t)
            definitions.setdefault(section, {})[channel] = definition
        if item is not None:
            section, definition = io_definition(item[1])
            definitions.setdefault(section, {})[item[0]] = definition
        for after in sorted(child.external_after):
            dep = scope.depend(after)
            if dep:
                deps.add(dep)
        if definitions:
            component["inputDefinitions"] = comp.sorted_sections(definitions)
        self.components[name] = dict(sorted(component.items()))
        spec: dict[str, Any] = {"componentRef": {"name": name}}
        if deps:
            spec["dependentTasks"] = sorted(deps)
        if inputs:
            spec["inputs"] = comp.sorted_sections(inputs)
        spec.update(extra)
        spec["taskInfo"] = {"name": task_name}
        return dict(sorted(spec.items()))

    # ------------------------------------------------------------------------ loops

    def loop_node(self, node: LoopNode, scope: Scope, guests: list[LoopNode]) -> dict[str, Any]:
        """A ParallelFor; `guests` are loops over its fan-in of artifacts that run in its iteration."""
        item_input = scope.channel(LoopItemBinding(loop=node.id))
        child = scope.child(item=(node.id, item_input))
        for guest in guests:
            assert isinstance(guest.items, OutputBinding)
            source = node if guest.items.node == node.id else next(g for g in guests if g.id == guest.items.node)
            assert source.result is not None
            child.item_alias[guest.id] = source.result
        tasks = self.body(tuple(n for loop in (node, *guests) for n in loop.body), child)
        dag: dict[str, Any] = {}
        component: dict[str, Any] = {"dag": dag}
        results = [("Output", node)] if node.result is not None else []
        results += [(_folded_key(scope.names[g.id]), g) for g in guests if g.result is not None]
        self._loop_outputs(results, child, component)
        dag["tasks"] = tasks
        item_artifact = artifact_of(node.item_type) is not None
        extra: dict[str, Any] = {}
        if isinstance(node.items, ConstBinding):
            if item_artifact or not isinstance(node.items.value, list):
                self.unsupported(node.span, "a fan-out over this literal")
            extra["parameterIterator"] = {"itemInput": item_input, "items": {"raw": json.dumps(node.items.value)}}
        elif not item_artifact:
            items = scope.channel(node.items)
            child.external[items] = (node.items, scope.types.of(node.items))
            extra["parameterIterator"] = {"itemInput": item_input, "items": {"inputParameter": items}}
        if self.parallelism > 0:
            extra["iteratorPolicy"] = {"parallelismLimit": self.parallelism}
        return self.nested(scope.names[node.id], scope, child, component, extra, (item_input, node.item_type))

    def _loop_outputs(self, results: list[tuple[str, LoopNode]], child: Scope, component: dict[str, Any]) -> None:
        outputs: dict[str, dict[str, Any]] = {}
        definitions: dict[str, dict[str, Any]] = {}
        for key, loop in results:
            assert loop.result is not None and loop.result_type is not None
            ref = child.resolve(loop.result)
            if ref.producer is None:
                self.unsupported(loop.span, "a fan-out whose value is not the result of a step in it")
                continue
            if _bad_boundary(loop.result_type, allow_list=False):
                self.unsupported(loop.span, "collecting lists of artifacts from a nested fan-out")
                continue
            outputs.setdefault(ref.section, {})[key] = _selector(ref)
            if artifact_of(loop.result_type) is not None:
                artifact_type = io_definition(loop.result_type)[1]["artifactType"]
                definitions.setdefault("artifacts", {})[key] = {"artifactType": artifact_type, "isArtifactList": True}
            else:
                definitions.setdefault("parameters", {})[key] = {"parameterType": "LIST"}
        if outputs:
            component["dag"]["outputs"] = comp.sorted_sections(outputs)
            component["outputDefinitions"] = comp.sorted_sections(definitions)

    # ------------------------------------------------------------------- conditions

    def condition_node(self, node: ConditionNode, scope: Scope) -> dict[str, Any]:
        first = node.branches[0]
        if len(node.branches) == 1 and first.condition is not None and not node.outputs:
            return self.arm(node, scope, first, [], 0, scope.names[node.id])
        child = scope.child()
        tasks: dict[str, Any] = {}
        arm_names = [f"{scope.names[node.id]}-branch-{i + 1}" for i in range(len(node.branches))]
        earlier: list[Condition] = []
        for i, branch in enumerate(node.branches):
            tasks[arm_names[i]] = self.arm(node, child, branch, list(earlier), i, arm_names[i])
            if branch.condition is not None:
                earlier.append(branch.condition)
        dag: dict[str, Any] = {}
        if node.outputs:
            dag["outputs"] = self._oneof_outputs(node, arm_names)
            component_outputs = self._branch_output_definitions(node)
        else:
            component_outputs = {}
        dag["tasks"] = dict(sorted(tasks.items()))
        component: dict[str, Any] = {"dag": dag}
        if component_outputs:
            component["outputDefinitions"] = component_outputs
        return self.nested(scope.names[node.id], scope, child, component, {})

    def arm(
        self, node: ConditionNode, scope: Scope, branch: Branch, earlier: list[Condition], index: int, task_name: str
    ) -> dict[str, Any]:
        """One arm of a condition: runs when its condition holds and no earlier one did."""
        child = scope.child()
        tasks = self.body(branch.body, child)
        dag: dict[str, Any] = {}
        component: dict[str, Any] = {"dag": dag}
        if node.outputs:
            results = [(o.name, o.sources[index], o.type) for o in node.outputs]
            outputs = self.dag_outputs(results, child, tasks)
            if outputs:
                dag["outputs"] = outputs
            component["outputDefinitions"] = self._branch_output_definitions(node)
        dag["tasks"] = dict(sorted(tasks.items()))
        trigger = self._trigger(earlier, branch.condition, child, branch.span or node.span)
        extra: dict[str, Any] = {"triggerPolicy": {"condition": trigger}} if trigger else {}
        return self.nested(task_name, scope, child, component, extra)

    def _trigger(self, earlier: list[Condition], own: Condition | None, child: Scope, span: Span | None) -> str:
        def input_of(binding: Any) -> tuple[str, Type]:
            name = child.channel(binding)
            t = child.types.of(binding)
            child.external[name] = (binding, t)
            return name, t

        parts: list[str] = []
        try:
            parts += [f"!({conditions.render(c, input_of)})" for c in earlier]
            if own is not None:
                text = conditions.render(own, input_of)
                parts.append(f"({text})" if parts and isinstance(own, BoolOp) else text)
        except conditions.UnsupportedCondition as exc:
            self.unsupported(span, f"a condition on {exc}")
        return " && ".join(parts)

    def _oneof_outputs(self, node: ConditionNode, arm_names: list[str]) -> dict[str, Any]:
        out: dict[str, dict[str, Any]] = {}
        for o in node.outputs:
            if artifact_of(o.type) is not None:
                selectors = [{"outputArtifactKey": o.name, "producerSubtask": arm} for arm in arm_names]
                out.setdefault("artifacts", {})[o.name] = {"artifactSelectors": selectors}
            else:
                selectors = [{"outputParameterKey": o.name, "producerSubtask": arm} for arm in arm_names]
                out.setdefault("parameters", {})[o.name] = {"valueFromOneof": {"parameterSelectors": selectors}}
        return comp.sorted_sections(out)

    def _branch_output_definitions(self, node: ConditionNode) -> dict[str, Any]:
        out: dict[str, dict[str, Any]] = {}
        for o in node.outputs:
            section, definition = io_definition(o.type)
            out.setdefault(section, {})[o.name] = definition
        return comp.sorted_sections(out)


# ----------------------------------------------------------------------------- helpers

_NO_ARTIFACT_ITERATOR = (
    "a fan-out over a list of artifacts that is not the fan-in of an earlier fan-out in the same body, "
    "or that reads a value computed after it: the KFP backend has no artifact iterator, so such a fan-out "
    "can only run inside the iteration of the fan-out that produced its list"
)

_FOLD_HINT = (
    "iterate over the fan-in of a comprehension in the same block, and compute what the loop body needs "
    "before that comprehension (or do this step in one task over the whole list)"
)


def _folded_key(loop_name: str) -> str:
    """The output of a host loop that carries a folded loop's fan-in."""
    return f"{loop_name}-Output"



def node_names(pipeline: Pipeline) -> dict[str, str]:
    """A unique KFP task name for every node id of a pipeline (`train_2` -> `train-2`)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for node in iter_nodes(pipeline.body):
        names[node.id] = fresh_name(kfp_name(node.id) or "node", taken, "-")
    return names


def _bad_boundary(t: Type, *, allow_list: bool) -> bool:
    """Artifacts nested where KFP cannot carry them (dicts of models, lists of lists of models)."""
    from flowc.ir.types import contains_artifact

    if not contains_artifact(t):
        return False
    art = artifact_of(t)
    if art is None:
        return True
    return art[1] and not allow_list
