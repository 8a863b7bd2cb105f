"""What hovering a call shows: the callee's inputs (typed, with what this call binds), outputs,
image, packages and resources, and what the compiler made of the step (fused, its cache key)."""

from __future__ import annotations

import json

from flowc.ir.base import JsonValue
from flowc.ir.model import (
    Binding,
    ConstBinding,
    ContainerTask,
    LoopItemBinding,
    OutputBinding,
    ParamBinding,
    Parameter,
    Pipeline,
    PipelineNode,
    Program,
    PythonTask,
    Resources,
    RunStatusBinding,
    TaskNode,
)
from flowc.ir.plan import PipelinePlan
from flowc.ir.types import render
from flowc.lsp.calls import Call

MAX_VALUE = 60  # characters of a literal shown before it is cut


def hover_markdown(call: Call, written: Program, plan: PipelinePlan | None) -> str | None:
    """Markdown for `call` (`plan`: its pipeline's, when the program compiles); None when its callee did not build."""
    node = call.node
    if isinstance(node, TaskNode):
        task = _find_task(written, node.task)
        if task is None:
            return None
        return "\n\n".join([*_task_lines(task, node), *(_compiled(plan, node.id) if plan is not None else [])])
    sub = _find_pipeline(written, node.pipeline)
    return "\n\n".join(_pipeline_lines(sub, node)) if sub is not None else None


def _task_lines(task: PythonTask | ContainerTask, node: TaskNode) -> list[str]:
    kind = "container task" if isinstance(task, ContainerTask) else "task"
    options = task.options
    lines = [
        f"**{kind}** `{task.name}` (step `{node.id}`)" + (f": {_first_line(task.doc)}" if task.doc else ""),
        "**inputs**\n" + _inputs(task.params, node),
        "**outputs** " + (", ".join(f"`{o.name}: {render(o.type)}`" for o in task.outputs) or "none"),
        f"**image** `{options.image}`",
        "**resources** " + _resources(options.resources),
    ]
    if options.packages:
        lines.append("**packages** " + ", ".join(f"`{p}`" for p in options.packages))
    return lines


def _pipeline_lines(pipeline: Pipeline, node: PipelineNode) -> list[str]:
    return [
        f"**pipeline** `{pipeline.name}` (sub-pipeline step `{node.id}`)" + (f": {_first_line(pipeline.doc)}" if pipeline.doc else ""),
        "**inputs**\n" + _inputs(pipeline.params, node),
        "**outputs** " + (", ".join(f"`{o.name}: {render(o.type)}`" for o in pipeline.outputs) or "none"),
    ]


def _inputs(params: tuple[Parameter, ...], node: TaskNode | PipelineNode) -> str:
    """One bullet per parameter: `name: type`, then what this call binds to it (or its default)."""
    bound = {i.name: i.binding for i in node.inputs}
    if not params:
        return "- none"
    out: list[str] = []
    for p in params:
        binding = bound.get(p.name)
        if binding is not None:
            given = _binding(binding)
        elif p.has_default:
            given = f"default `{_value(p.default)}`"
        else:
            given = "not given"
        out.append(f"- `{p.name}: {render(p.type)}` ← {given}")
    return "\n".join(out)


def _binding(binding: Binding) -> str:
    match binding:
        case ConstBinding(value=value):
            return f"`{_value(value)}`"
        case ParamBinding(name=name):
            return f"pipeline parameter `{name}`"
        case OutputBinding(node=node, field=field):
            return f"output of `{node}`" + (f" (`{field}`)" if field else "")
        case LoopItemBinding(loop=loop):
            return f"each item of `{loop}`"
        case RunStatusBinding(block=block):
            return f"`run_status()` of `{block}`"


def _value(value: JsonValue) -> str:
    text = json.dumps(value, ensure_ascii=False).replace("`", "'")
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _resources(resources: Resources) -> str:
    parts = [f"cpu `{resources.cpu}`" if resources.cpu else "", f"memory `{resources.memory}`" if resources.memory else "",
             f"gpu `{resources.gpu}`" if resources.gpu else ""]
    return ", ".join(p for p in parts if p) or "engine defaults"


def _compiled(plan: PipelinePlan, node_id: str) -> list[str]:
    """How the optimized program runs the step (`flowc explain`'s plan): alone, fused with its chain, or merged."""
    merged = next((m.kept for m in plan.merged if m.removed == node_id), None)
    if merged is not None:
        return [f"**compiled** a duplicate of `{merged}` (same pure task, same inputs): runs once, its result reused"]
    step = next((s for s in plan.steps if node_id in s.members), None)
    if step is None:
        return []
    key = f", cache key `{step.cache_key[:16]}`" if step.cache_key else ""
    if len(step.members) == 1:
        return [f"**compiled** its own engine step{key}"]
    others = len(step.members) - 1
    return [f"**compiled** fused into engine step `{step.id}` with {others} other step{'s' if others > 1 else ''} ({step.label}){key}"]


def _find_task(program: Program, name: str) -> PythonTask | ContainerTask | None:
    return next((t for t in program.tasks if t.name == name), None)


def _find_pipeline(program: Program, name: str) -> Pipeline | None:
    return next((p for p in program.pipelines if p.name == name), None)


def _first_line(doc: str) -> str:
    return doc.strip().splitlines()[0] if doc.strip() else ""
