"""Pipeline bodies as flytekit workflow code.

A pipeline becomes a `@workflow`. Steps are calls of task or workflow functions;
`with after(...)` becomes `>>`. A loop whose body is one Python task with a single
output becomes `map_task` (an ArrayNode), the other inputs bound with `partial`;
any other loop becomes a `@dynamic` that calls a sub-workflow (the loop body) per
item. An `if/elif/else` becomes `conditional()` (inside `_flowc_branch_scope()`,
which makes flytekit's local run of a nested one skip its untaken branches); a
branch that is one call (of a Python task or a pipeline) is called directly, any
other branch becomes a sub-workflow returning the branch's values. Sub-workflows receive every outer value they use as an input.
"""

from __future__ import annotations

from collections.abc import Callable

from flowc.codegen.literals import py_literal
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import (
    Binding,
    CleanupNode,
    ConditionNode,
    ConstBinding,
    ContainerTask,
    Input,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    Parameter,
    Pipeline,
    PipelineNode,
    PipelineResult,
    Program,
    TaskNode,
)
from flowc.ir.bindings import BindingTypes
from flowc.ir.names import python_name
from flowc.ir.scope import Key, binding_key, free_keys, key_type, outer_after
from flowc.ir.types import NamedTupleType, NoneType, TupleType, Type
from flowc.backends.flyte.cleanup import failure_handler, handler_name, success_path
from flowc.backends.flyte.conditions import render_condition, unwrap
from flowc.backends.flyte.functions import FlyteFunction, Names
from flowc.backends.flyte.typemap import flyte_type, outputs_class_name

Scope = dict[Key, str]


class WorkflowWriter:
    """Writes one pipeline (and the loop and branch sub-workflows it needs) as functions."""

    def __init__(self, program: Program, pipeline: Pipeline, module_names: set[str]) -> None:
        self.program = program
        self.pipeline = pipeline
        self.types = BindingTypes(program, pipeline)
        self.prefix = python_name(pipeline.name)
        self.module_names = module_names
        self.functions: list[FlyteFunction] = []
        self.diagnostics: list[Diagnostic] = []

    # ------------------------------------------------------------------ functions

    def write(self) -> list[FlyteFunction]:
        """The pipeline's workflow, preceded by the sub-workflows and dynamics it calls."""
        p = self.pipeline
        names = Names({q.name for q in p.params})
        scope: Scope = {("param", q.name, None): q.name for q in p.params}
        body: list[str] = []
        self.body(p.body, scope, {}, body, names)
        returns, outputs_class = self._returns(self.prefix, p.returns)
        values = [self._value(r.binding, scope) for r in _ordered_results(p)]
        if values:
            body.append("return " + ", ".join(values))
        decorator = "workflow"
        handler = handler_name(p)
        top = [n for n in p.body if isinstance(n, CleanupNode)]
        if handler is not None and top:
            self.functions.append(failure_handler(self, top[0], handler))
            decorator = f"workflow(on_failure={handler})"
        params = self.workflow_params()
        self.functions.append(FlyteFunction(decorator, self.prefix, params, returns, p.doc, body, outputs_class))
        return self.functions

    def workflow_params(self) -> list[tuple[str, str, str | None]]:
        """The pipeline's workflow's inputs: name, Flyte type, default."""
        return [(q.name, flyte_type(q.type), _default(q)) for q in self.pipeline.params]

    def _returns(self, name: str, t: Type) -> tuple[str, tuple[str, list[tuple[str, str]]] | None]:
        if isinstance(t, NamedTupleType | TupleType):
            cls = outputs_class_name(name)
            fields = [(o.name, flyte_type(o.type)) for o in _outputs(t)]
            return cls, (cls, fields)
        return flyte_type(t), None

    def _sub_workflow(self, name: str, doc: str, inputs: list[tuple[str, Type]], body: list[str],
                      returns: list[tuple[str, Type]]) -> None:
        if len(returns) > 1:
            cls = outputs_class_name(name)
            ret, outputs_class = cls, (cls, [(n, flyte_type(t)) for n, t in returns])
        else:
            ret, outputs_class = (flyte_type(returns[0][1]) if returns else "None"), None
        params: list[tuple[str, str, str | None]] = [(n, flyte_type(t), None) for n, t in inputs]
        self.functions.append(FlyteFunction("workflow", name, params, ret, doc, body, outputs_class))

    # ---------------------------------------------------------------------- values

    def _value(self, b: Binding, scope: Scope) -> str:
        if isinstance(b, ConstBinding):
            return py_literal(b.value)
        key = binding_key(b)
        assert key is not None and key in scope, (key, sorted(scope))
        return scope[key]

    def _free_inputs(self, keys: list[Key], names: Names, loops: dict[str, str] | None = None) -> list[tuple[Key, str, Type]]:
        out: list[tuple[Key, str, Type]] = []
        for key in keys:
            kind, node, fld = key
            base = node if kind != "output" or fld is None else f"{node}_{fld}"
            if kind == "item" and loops is not None and node in loops:
                base = loops[node]
            out.append((key, names.unique(base, self.module_names), key_type(self.types, key)))
        return out

    def _register(self, node_id: str, returns: Type, var: str, scope: Scope) -> None:
        if isinstance(returns, NamedTupleType | TupleType):
            for o in _outputs(returns):
                scope[("output", node_id, o.name)] = f"{var}.{o.name}"
        elif not isinstance(returns, NoneType):
            scope[("output", node_id, None)] = var

    # ----------------------------------------------------------------------- bodies

    def body(self, nodes: tuple[Node, ...], scope: Scope, handles: dict[str, str], lines: list[str], names: Names) -> None:
        for node in nodes:
            if isinstance(node, CleanupNode):
                success_path(self, node, scope, handles, lines, names)
                continue
            var = names.unique(f"{node.id}_out", self.module_names)
            match node:
                case TaskNode() | PipelineNode():
                    lines.append(f"{var} = {self._call(node, scope)}")
                    self._register(node.id, self._callee_returns(node), var, scope)
                case LoopNode():
                    lines.append(f"{var} = {self._loop(node, scope)}")
                    if node.result is not None:
                        scope[("output", node.id, None)] = var
                case ConditionNode():
                    lines.extend(self._condition(node, scope, var))
            handles[node.id] = var
            nested: tuple[Node, ...] = node.body if isinstance(node, LoopNode) else ()
            if isinstance(node, ConditionNode):
                nested = tuple(n for br in node.branches for n in br.body)
            for before in dict.fromkeys((*node.after, *outer_after(nested))):
                if before in handles:
                    lines.append(f"_flowc_after({handles[before]}, {var})")

    def _callee_returns(self, node: TaskNode | PipelineNode) -> Type:
        if isinstance(node, TaskNode):
            return self.program.task(node.task).returns
        return self.program.pipeline(node.pipeline).returns

    def _call(self, node: TaskNode | PipelineNode, scope: Scope) -> str:
        if isinstance(node, TaskNode):
            callee_name, params = node.task, self.program.task(node.task).params
        else:
            callee_name, params = node.pipeline, self.program.pipeline(node.pipeline).params
        args = _arguments(params, node.inputs, lambda b: self._value(b, scope))
        return f"{python_name(callee_name)}({', '.join(args)})"

    # ------------------------------------------------------------------------ loops

    def _loop(self, node: LoopNode, scope: Scope) -> str:
        items = self._value(node.items, scope)
        mapped = self._map_call(node, scope, items)
        return mapped if mapped is not None else self._dynamic(node, scope, items)

    def _map_call(self, node: LoopNode, scope: Scope, items: str) -> str | None:
        """`map_task(partial(t, fixed=...))(item_input=items)` when the body allows it."""
        if len(node.body) != 1 or not isinstance(node.body[0], TaskNode) or node.body[0].after:
            return None
        call = node.body[0]
        task = self.program.task(call.task)
        if isinstance(task, ContainerTask) or isinstance(task.returns, NamedTupleType):
            return None
        if node.result is not None and not (isinstance(node.result, OutputBinding) and node.result.node == call.id):
            return None
        mapped = [i for i in call.inputs if isinstance(i.binding, LoopItemBinding) and i.binding.loop == node.id]
        if len(mapped) != 1:
            return None
        fixed = [i for i in call.inputs if i is not mapped[0]]
        bound = _arguments(task.params, tuple(fixed), lambda b: self._value(b, scope), skip={mapped[0].name})
        fn = python_name(task.name)
        head = f"map_task(partial({fn}, {', '.join(bound)}))" if bound else f"map_task({fn})"
        return f"{head}({mapped[0].name}={items})"

    def _dynamic(self, node: LoopNode, scope: Scope, items: str) -> str:
        """A `@dynamic` calling the loop body's sub-workflow once per item, in order."""
        extra = (node.result,) if node.result is not None else ()
        keys = free_keys(node.body, extra, own_loop=node.id)
        names = Names()
        item = names.unique(python_name(node.var) or "item", self.module_names)
        free = self._free_inputs(keys, names)
        inner: Scope = {("item", node.id, None): item, **{k: n for k, n, _ in free}}
        single = self._single_call(node)
        if single is not None:
            call = self._call(single, inner)
            return self._dynamic_function(node, call, item, free, node.result is not None, items, scope)
        body_name = f"{self.prefix}_{node.id}_body"
        lines: list[str] = []
        self.body(node.body, inner, {}, lines, names)
        returns: list[tuple[str, Type]] = []
        if node.result is not None and node.result_type is not None:
            lines.append(f"return {self._value(node.result, inner)}")
            returns = [("o0", node.result_type)]
        inputs = [(item, node.item_type), *((n, t) for _, n, t in free)]
        self._sub_workflow(body_name, f"One iteration of {node.id}.", inputs, lines, returns)
        pass_on = ", ".join([f"{item}={item}", *(f"{n}={n}" for _, n, _ in free)])
        return self._dynamic_function(node, f"{body_name}({pass_on})", item, free, bool(returns), items, scope)

    def _single_call(self, node: LoopNode) -> TaskNode | PipelineNode | None:
        """The body's one call, when the dynamic can make it without a body sub-workflow."""
        if len(node.body) != 1 or not isinstance(node.body[0], TaskNode | PipelineNode) or node.body[0].after:
            return None
        call = node.body[0]
        if node.result is None:
            return call
        returns = self._callee_returns(call)
        if isinstance(returns, NamedTupleType | TupleType | NoneType):
            return None
        r = node.result
        ok = isinstance(r, OutputBinding) and r.node == call.id and r.field is None
        return call if ok else None

    def _dynamic_function(self, node: LoopNode, call: str, item: str, free: list[tuple[Key, str, Type]],
                          collects: bool, items: str, scope: Scope) -> str:
        names = Names({n for _, n, _ in free} | {item})
        items_param = names.unique("items", self.module_names)
        results = names.unique("results", self.module_names)
        body = [f"{results} = []"] if collects else []
        body.append(f"for {item} in {items_param}:")
        body.append(f"    {results}.append({call})" if collects else f"    {call}")
        if collects:
            body.append(f"return {results}")
        assert node.result_type is not None or not collects
        returns = f"typing.List[{flyte_type(node.result_type)}]" if collects and node.result_type else "None"
        params: list[tuple[str, str, str | None]] = [(items_param, f"typing.List[{flyte_type(node.item_type)}]", None)]
        params += [(n, flyte_type(t), None) for _, n, t in free]
        name = f"{self.prefix}_{node.id}"
        self.functions.append(FlyteFunction("dynamic", name, params, returns, f"Fan-out {node.id}: the body once per item.", body))
        args = ", ".join([f"{items_param}={items}", *(f"{n}={scope[k]}" for k, n, _ in free)])
        return f"{name}({args})"

    # ------------------------------------------------------------------- conditions

    def _condition(self, node: ConditionNode, scope: Scope, var: str) -> list[str]:
        lines = ["with _flowc_branch_scope():", f"    {var} = (", f"        conditional({py_literal(node.id)})"]
        for i, branch in enumerate(node.branches):
            call = self._branch_call(node, i, scope)
            if branch.condition is None:
                lines.append(f"        .else_().then({call})")
                continue
            expr = unwrap(render_condition(branch.condition, lambda b: self._value(b, scope)))
            lines.append(f"        .{'if_' if i == 0 else 'elif_'}({expr}).then({call})")
        if not node.has_else:
            lines.append("        .else_().then(_flowc_skip())")
        lines.append("    )")
        if len(node.outputs) == 1:
            scope[("output", node.id, node.outputs[0].name)] = var
        else:
            for out in node.outputs:
                scope[("output", node.id, out.name)] = f"{var}.{out.name}"
        return lines

    def _branch_call(self, node: ConditionNode, i: int, scope: Scope) -> str:
        branch = node.branches[i]
        direct = self._direct_branch(node, i)
        if direct is not None:
            return self._call(direct, scope)
        sources = tuple(o.sources[i] for o in node.outputs)
        names = Names()
        free = self._free_inputs(free_keys(branch.body, sources), names)
        inner: Scope = {k: n for k, n, _ in free}
        lines: list[str] = []
        self.body(branch.body, inner, {}, lines, names)
        values = [self._value(s, inner) for s in sources]
        if values:
            lines.append("return " + ", ".join(values))
        if not lines:
            lines.append("pass")
        returns = [(o.name if len(node.outputs) > 1 else "o0", o.type) for o in node.outputs]
        name = f"{self.prefix}_{node.id}_branch_{i}"
        self._sub_workflow(name, f"Branch {i} of {node.id}.", [(n, t) for _, n, t in free], lines, returns)
        return f"{name}({', '.join(f'{n}={scope[k]}' for k, n, _ in free)})"

    def _direct_branch(self, node: ConditionNode, i: int) -> TaskNode | PipelineNode | None:
        """The branch's one call, when it can stand in `then(...)` without a sub-workflow."""
        body = node.branches[i].body
        if len(body) != 1 or not isinstance(body[0], TaskNode | PipelineNode) or body[0].after:
            return None
        call = body[0]
        if len(node.outputs) == 0:
            return call
        returns = self._callee_returns(call)
        if len(node.outputs) > 1 or isinstance(returns, NamedTupleType | TupleType | NoneType):
            return None
        if isinstance(call, TaskNode) and isinstance(self.program.task(call.task), ContainerTask):
            return None  # its output is not named `o0`, as every other branch's: conditional() would bind none
        source = node.outputs[0].sources[i]
        ok = isinstance(source, OutputBinding) and source.node == call.id and source.field is None
        return call if ok else None


def _outputs(t: NamedTupleType | TupleType) -> list[Parameter]:
    if isinstance(t, NamedTupleType):
        return [Parameter(name=f.name, type=f.type) for f in t.fields]
    return [Parameter(name=f"output_{i}", type=item) for i, item in enumerate(t.items)]


def _ordered_results(p: Pipeline) -> list[PipelineResult]:
    order = [o.name for o in p.outputs]
    return sorted(p.results, key=lambda r: order.index(r.name) if r.name in order else len(order))


def _default(p: Parameter) -> str | None:
    return py_literal(p.default) if p.has_default else None


def _arguments(params: tuple[Parameter, ...], inputs: tuple[Input, ...], value: Callable[[Binding], str],
               skip: set[str] | None = None) -> list[str]:
    """`name=value` for every parameter: the bound value, else the callee's default."""
    given = {i.name: i.binding for i in inputs}
    out: list[str] = []
    for p in params:
        if skip and p.name in skip:
            continue
        if p.name in given:
            out.append(f"{p.name}={value(given[p.name])}")
        elif p.has_default:
            out.append(f"{p.name}={py_literal(p.default)}")
    return out
