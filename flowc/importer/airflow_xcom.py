"""`value = context["ti"].xcom_pull(task_ids="t")` in a PythonOperator callable -> a parameter.

The classic operator style hands data between tasks through XCom: a callable pulls what
an upstream task returned. flowc passes it instead: each such assignment (a statement
of the callable's own body, one literal `task_ids`, no `key`) is removed, its name
becomes a parameter of the task, and the pipeline passes the upstream step's result
(airflow_dag.py). `**context` (or `ti`) goes when nothing else uses it (Airflow
fills it; a callable that never reads it does not need it). The parameter's
type is the upstream result's (infer.py `wires`). A callable whose last statement is
`ti.xcom_push("k", value)` (and that returns nothing) returns `value` instead; a pull
with `key="k"` then takes it (only from a callable that pushed that key, airflow_dag.py).
`ti = context["ti"]` makes `ti` the task instance too, and goes when nothing else uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst

from flowc.importer.emit import literal_value
from flowc.importer.infer import value_returns
from flowc.importer.module import leading

_TI = ("ti", "task_instance")


@dataclass(frozen=True)
class Pull:
    """A parameter the callable gets in place of pulling `task_id`'s XCom."""

    param: str
    task_id: str
    key: str | None = None  # `key="k"`: the value the upstream callable pushed under k


def without_pulls(fn: cst.FunctionDef) -> tuple[cst.FunctionDef, list[Pull], str | None]:
    """`fn` with its XCom pulls turned into parameters (and an unused `**context` gone), those pulls, and the key its push became a return under."""
    body = fn.body
    if not isinstance(body, cst.IndentedBlock):
        return fn, [], None
    context = fn.params.star_kwarg.name.value if fn.params.star_kwarg is not None else None
    ti_params = {p.name.value for p in fn.params.params if p.name.value in _TI}
    aliases = [stmt for stmt in body.body if _ti_alias(stmt, context) is not None]
    ti_params |= {name for stmt in aliases if (name := _ti_alias(stmt, context)) is not None}
    pulls: list[Pull] = []
    kept: list[cst.BaseStatement] = []
    carried: list[cst.EmptyLine] = []  # the comments above a removed pull go to the next statement
    for stmt in body.body:
        pull = _pull(stmt, context, ti_params)
        if pull is None:
            kept.append(_with_leading(stmt, carried))
            carried = []
        else:
            pulls.append(pull)
            carried += [line for line in leading(stmt) if line.comment is not None]
    pushed = _keyed_push(kept[-1], context, ti_params) if kept and not value_returns(fn) else None
    if pushed is not None:
        kept[-1] = kept[-1].with_changes(body=[cst.Return(value=pushed[1])])
    if not _names(cst.IndentedBlock(body=[s for s in kept if not any(s is a for a in aliases)])) & ti_params:
        kept = [s for s in kept if not any(s is a for a in aliases)]
    new_body = body.with_changes(body=kept)
    used = _names(new_body)
    params = [p for p in fn.params.params if p.name.value not in ti_params or p.name.value in used]
    params += [cst.Param(name=cst.Name(p.param)) for p in pulls]
    star = fn.params.star_kwarg if context in used else None
    return fn.with_changes(body=new_body, params=fn.params.with_changes(params=params, star_kwarg=star)), pulls, pushed[0] if pushed else None


def _ti_alias(stmt: cst.BaseStatement, context: str | None) -> str | None:
    """`ti = context["ti"]`: the name, else None."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Assign)):
        return None
    assign = stmt.body[0]
    target = assign.targets[0].target if len(assign.targets) == 1 else None
    return target.value if isinstance(target, cst.Name) and isinstance(assign.value, cst.Subscript) and _is_ti(assign.value, context, set()) else None


def _keyed_push(stmt: cst.BaseStatement, context: str | None, ti_params: set[str]) -> tuple[str, cst.BaseExpression] | None:
    """(key, value) of a statement `ti.xcom_push("k", value)` (or `key=`, `value=`), else None."""
    call = stmt.body[0].value if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Expr) else None
    if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.func.attr.value == "xcom_push"):
        return None
    if not _is_ti(call.func.value, context, ti_params) or len(call.args) != 2:
        return None
    named = {("key", "value")[i] if a.keyword is None else a.keyword.value: a.value for i, a in enumerate(call.args)}
    ok, key = literal_value(named["key"]) if set(named) == {"key", "value"} else (False, None)
    return (key, named["value"]) if ok and isinstance(key, str) else None


def _with_leading(stmt: cst.BaseStatement, lines: list[cst.EmptyLine]) -> cst.BaseStatement:
    if lines and isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement):
        return stmt.with_changes(leading_lines=[*lines, *stmt.leading_lines])
    return stmt


def _pull(stmt: cst.BaseStatement, context: str | None, ti_params: set[str]) -> Pull | None:
    """The pull `stmt` is (`name = <ti>.xcom_pull(task_ids="t")`), else None."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Assign)):
        return None
    assign = stmt.body[0]
    target = assign.targets[0].target if len(assign.targets) == 1 else None
    call = assign.value
    if not (isinstance(target, cst.Name) and isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)):
        return None
    if call.func.attr.value != "xcom_pull" or not _is_ti(call.func.value, context, ti_params):
        return None
    named = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    if len(named) != len(call.args) or "task_ids" not in named or not set(named) <= {"task_ids", "key"}:
        return None
    ok, task_id = literal_value(named["task_ids"])
    key_ok, key = literal_value(named["key"]) if "key" in named else (True, None)
    if not (ok and isinstance(task_id, str) and key_ok and (key is None or isinstance(key, str))):
        return None
    return Pull(target.value, task_id, key if isinstance(key, str) else None)


def _is_ti(expr: cst.BaseExpression, context: str | None, ti_params: set[str]) -> bool:
    """`ti` (a parameter) or `context["ti"]` (`context` being the `**` parameter)."""
    if isinstance(expr, cst.Name):
        return expr.value in ti_params
    if isinstance(expr, cst.Subscript) and isinstance(expr.value, cst.Name) and expr.value.value == context and len(expr.slice) == 1:
        element = expr.slice[0].slice
        return isinstance(element, cst.Index) and literal_value(element.value)[1] in _TI
    return False


def _names(node: cst.CSTNode) -> set[str]:
    found: set[str] = set()

    class _Find(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.add(node.value)

    node.visit(_Find())
    return found


def operator_task_ids(module: cst.Module, is_operator: Callable[[cst.BaseExpression], bool]) -> dict[str, str]:
    """task_id -> callable name of every `PythonOperator(task_id="t", python_callable=f)` in the file."""
    found: dict[str, str] = {}

    class _Find(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if not is_operator(node.func):
                return
            args = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
            ok, task_id = literal_value(args["task_id"]) if "task_id" in args else (False, None)
            fn = args.get("python_callable")
            if ok and isinstance(task_id, str) and isinstance(fn, cst.Name):
                found[task_id] = fn.value

    module.visit(_Find())
    return found
