"""Expressions in a KFP pipeline body, rewritten: `.output`, `.outputs[...]`, `dsl.Collected`, `.set_*` chains.

A task's options in KFP are set on each call (`train(...).set_retry(2)`); in flowc
they belong to the task. `CallRewriter` strips the methods from the calls, records
each option on the component it was called for (`Component.options`), and collects
the handles of `.after(...)` for the statement to wrap in `with after(...)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import libcst as cst

from flowc.importer.emit import literal_value, snippet, source_of
from flowc.importer.kfp_context import RETURN_FIELD, Component, KfpContext, TaskOptionValue
from flowc.ir import codes
from flowc.ir.codes import Code

# `.set_*` methods and the flowc option each one sets.
OPTION_METHODS = {
    "set_retry": "retries",
    "set_cpu_limit": "cpu",
    "set_cpu_request": "cpu",
    "set_memory_limit": "memory",
    "set_memory_request": "memory",
    "set_gpu_limit": "gpu",
    "set_accelerator_limit": "gpu",
    "set_caching_options": "cache",
    "set_env_variable": "env",
}
# Arguments each method may take besides the one flowc maps (first positional or this keyword).
MAIN_ARGUMENT = {"set_retry": "num_retries", "set_caching_options": "enable_caching", "set_cpu_limit": "cpu",
                 "set_cpu_request": "cpu", "set_memory_limit": "memory", "set_memory_request": "memory",
                 "set_gpu_limit": "gpu", "set_accelerator_limit": "limit"}
TASK_METHODS = (*OPTION_METHODS, "after", "set_display_name", "set_accelerator_type", "ignore_upstream_failure",
                "set_container_image", "set_timeout", "add_node_selector_constraint", "set_volume")


@dataclass
class Scope:
    """Names of one pipeline: task results (-> the component called) and fan-in lists."""

    tasks: dict[str, str] = field(default_factory=lambda: {})
    collected: dict[str, str] = field(default_factory=lambda: {})  # task name in a loop -> the list name
    wanted: set[str] = field(default_factory=lambda: set())  # tasks some `dsl.Collected` gathers
    one_of: dict[int, str] = field(default_factory=lambda: {})  # a `dsl.OneOf(...)` call (by id) -> the name it becomes
    one_of_parts: dict[str, tuple[str, cst.BaseExpression]] = field(default_factory=lambda: {})  # task -> (that name, its argument)


class CallRewriter(cst.CSTTransformer):
    """Rewrites one statement's expressions; `notes` and `after` hold what the statement needs around it."""

    def __init__(self, ctx: KfpContext, scope: Scope, dry: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.scope = scope
        self.dry = dry  # only look: report nothing, record no option
        self.notes: list[str] = []
        self.after: list[cst.BaseExpression] = []
        self.called: list[str] = []  # components called in the statement, innermost first

    def _component_of(self, expr: cst.BaseExpression) -> Component | None:
        if isinstance(expr, cst.Name) and expr.value in self.scope.tasks:
            return self.ctx.components.get(self.scope.tasks[expr.value])
        if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name):
            return self.ctx.components.get(expr.func.value)
        return None

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        func = updated_node.func
        if isinstance(func, cst.Name) and func.value in self.ctx.components:
            self.called.append(func.value)
            return updated_node
        if id(original_node) in self.scope.one_of:
            return cst.Name(self.scope.one_of[id(original_node)])
        if self.ctx.is_dsl(func, "Collected") and updated_node.args:
            return self._collected(original_node, updated_node.args[0].value)
        if isinstance(func, cst.Attribute) and func.attr.value in TASK_METHODS:
            component = self._component_of(func.value)
            if component is not None:
                self._method(component, func.attr.value, original_node, updated_node)
                return func.value
        return updated_node

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if updated_node.attr.value == "output" and self._component_of(updated_node.value) is not None:
            component = self._component_of(updated_node.value)
            if component is not None and not component.fields:
                return updated_node.value
            if component is not None and RETURN_FIELD in component.fields:
                return updated_node.with_changes(attr=cst.Name(RETURN_FIELD))
        return updated_node

    def leave_Subscript(self, original_node: cst.Subscript, updated_node: cst.Subscript) -> cst.BaseExpression:
        value = updated_node.value
        if not (isinstance(value, cst.Attribute) and value.attr.value == "outputs"):
            return updated_node
        component = self._component_of(value.value)
        ok, key = literal_value(updated_node.slice[0].slice.value) if isinstance(updated_node.slice[0].slice, cst.Index) else (False, None)
        if component is None or not ok or not isinstance(key, str):
            return updated_node
        if not component.fields:
            return value.value
        field_name = RETURN_FIELD if key == "Output" else key
        return cst.Attribute(value=value.value, attr=cst.Name(field_name))

    def _collected(self, original: cst.Call, inner: cst.BaseExpression) -> cst.BaseExpression:
        if isinstance(inner, cst.Name) and inner.value in self.scope.collected:
            return cst.Name(self.scope.collected[inner.value])
        self.notes.append(self._note(codes.IMPORT_NOT_TRANSLATED, original, f"{source_of(original)} of a loop flowc could not turn into a list comprehension"))
        return original

    def _method(self, component: Component, method: str, original: cst.Call, call: cst.Call) -> None:
        if method == "after":
            self.after.extend(a.value for a in call.args)
            return
        option = OPTION_METHODS.get(method)
        if option is None or component.is_pipeline:
            written = f"`.{method}({', '.join(snippet(a) for a in original.args)})`"
            self.notes.append(self._note(codes.IMPORT_DROPPED_OPTION, original, written + (" on a pipeline call" if component.is_pipeline else "")))
            return
        main, _ = _split_args(call, MAIN_ARGUMENT.get(method))
        _, extra = _split_args(original, MAIN_ARGUMENT.get(method))  # original nodes: they have positions
        for arg in extra:
            if option != "env":
                self.notes.append(self._note(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of .{method}"))
        value = self._value(method, option, main, call)
        if value is not None:
            self._record(component, option, value, original)

    def _value(self, method: str, option: str, main: cst.BaseExpression | None, call: cst.Call) -> object | None:
        if option == "env":
            ok_all = [literal_value(a.value) for a in call.args[:2]]
            if len(ok_all) == 2 and all(ok for ok, _ in ok_all):
                return {str(ok_all[0][1]): str(ok_all[1][1])}
        elif main is not None:
            ok, value = literal_value(main)
            if ok:
                return int(str(value)) if option == "gpu" else value
        self.notes.append(self._note(codes.IMPORT_NOT_TRANSLATED, call, f"`.{method}(...)` with a value that is not a literal"))
        return None

    def _note(self, code: Code, node: cst.CSTNode, *args: object) -> str:
        return "" if self.dry else self.ctx.notes.add(code, node, *args)

    def _record(self, component: Component, option: str, value: object, node: cst.CSTNode) -> None:
        if self.dry:
            return
        known = component.options.get(option)
        before: object = known.value if known is not None else None
        if option == "env" and isinstance(before, dict) and isinstance(value, dict):
            value = {**cast("dict[str, str]", before), **cast("dict[str, str]", value)}
        elif known is not None and before != value:
            self.notes.append(self._note(codes.IMPORT_OPTIONS_DIFFER, node, component.name, option, f"{option}={before!r}"))
            return
        component.options[option] = TaskOptionValue(value, node)


def _split_args(call: cst.Call, main: str | None) -> tuple[cst.BaseExpression | None, list[cst.Arg]]:
    """The argument flowc maps (first positional, or keyword `main`) and the others."""
    chosen: cst.BaseExpression | None = None
    rest: list[cst.Arg] = []
    for i, arg in enumerate(call.args):
        key = arg.keyword.value if arg.keyword is not None else None
        if chosen is None and ((key is None and i == 0) or key == main):
            chosen = arg.value
        else:
            rest.append(arg)
    return chosen, rest
