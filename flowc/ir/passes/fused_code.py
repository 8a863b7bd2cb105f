"""The code of a fused step: one Python task that runs its members one after another.

Each member's own code (its preamble and function) runs as a module of its own, so two
helpers named `_norm` in two user modules stay two functions, and `from __future__`
imports keep working; it is loaded by the runtime's `load_task_function`, so a failing
member's traceback points at its own file and lines. Values pass between members in memory, restored to their
declared types with the runtime's `coerce` as a trip through the engine would (an
`int` returned for a `float` arrives as `1.0` either way); artifacts stay files on
local disk. Each member's start and end are printed to the step's log.

The generated code uses only the standard library and the flowc runtime every engine
supplies (bound to `_flowc_api`), so every backend renders a fused step like any
other Python task.
"""

from __future__ import annotations

from dataclasses import dataclass

from flowc.codegen.literals import py_literal
from flowc.codegen.task_code import code_literal
from flowc.codegen.typespec import type_spec
from flowc.ir.model import FlowcImport, PythonTask, TaskCode

API = "_flowc_api"  # the name the fused code gives the runtime's `flowc` namespace

RUNNER = '''\
import time as _flowc_time

_FLOWC_LOADED = {}


def _flowc_member(index):
    """Member `index`'s function, its code run once as a module of its own, at its own file's lines."""
    if index not in _FLOWC_LOADED:
        module = "__flowc_%s_%d__" % (_FLOWC_FUSED, index)
        _FLOWC_LOADED[index] = _flowc_api.load_task_function(_FLOWC_MEMBERS[index], module)
    return _FLOWC_LOADED[index]


def _flowc_run(step, index, spec, kwargs):
    """Run one member: log its start and end, return its result as its declared type."""
    print("[flowc] %s: start" % step, flush=True)
    started = _flowc_time.monotonic()
    result = _flowc_member(index)(**kwargs)
    print("[flowc] %s: done in %.3f s" % (step, _flowc_time.monotonic() - started), flush=True)
    return _flowc_api.coerce(result, spec)
'''


@dataclass(frozen=True)
class Source:
    """Where a member's input comes from: a fused step parameter, or an earlier member's output."""

    param: str | None = None
    member: int | None = None
    field: str | None = None  # of that member's outputs; None for its single output


@dataclass(frozen=True)
class Member:
    step: str  # the member as logs name it: its task and place in the chain, `clean (2/3)`
    task: PythonTask
    inputs: tuple[tuple[str, Source], ...]


@dataclass(frozen=True)
class Export:
    """An output of the fused step: `name`, taken from member `member`'s output `field`."""

    name: str
    member: int
    field: str | None


def fused_code(function: str, params: tuple[str, ...], members: tuple[Member, ...], exports: tuple[Export, ...]) -> TaskCode:
    """The TaskCode of a fused step named `function` taking `params`, returning `exports`."""
    tasks = list(dict.fromkeys(m.task.name for m in members))  # each distinct task's code once
    by_task = {m.task.name: m.task for m in members}
    table = ",\n".join("    " + code_literal(name, by_task[name].code, "    ") for name in tasks)
    preamble = [RUNNER, f"_FLOWC_FUSED = {py_literal(function)}\n_FLOWC_MEMBERS = [\n{table},\n]\n"]
    multi = len(exports) != 1
    if multi:
        fields = [e.name for e in exports]
        preamble.insert(0, "import collections as _flowc_collections\n")
        preamble.append(f"_FlowcOutputs = _flowc_collections.namedtuple('_FlowcOutputs', {py_literal(fields)})\n")
    body: list[str] = []
    for i, member in enumerate(members):
        args = ", ".join(f"{py_literal(name)}: {_value(src)}" for name, src in member.inputs)
        spec = py_literal(type_spec(member.task.returns))
        index = tasks.index(member.task.name)
        body.append(f"    _v{i} = _flowc_run({py_literal(member.step)}, {index}, {spec}, {{{args}}})")
    if not exports:
        body.append("    return None")
    elif multi:
        values = ", ".join(f"{e.name}={_value(Source(member=e.member, field=e.field))}" for e in exports)
        body.append(f"    return _FlowcOutputs({values})")
    else:
        body.append(f"    return {_value(Source(member=exports[0].member, field=exports[0].field))}")
    text = f"def {function}({', '.join(params)}):\n" + "\n".join(body) + "\n"
    return TaskCode(
        function_name=function,
        function=text,
        preamble="\n\n".join(p.rstrip() + "\n" for p in preamble),
        flowc_imports=(FlowcImport(local=API, attr=None),),
    )


def _value(src: Source) -> str:
    if src.param is not None:
        return src.param
    if src.field is None:  # the whole result (a field named `output` is indexed like any other)
        return f"_v{src.member}"
    return f"_v{src.member}[{py_literal(src.field)}]"
