"""Airflow DAG bodies (`@dag` functions and `with DAG(...)` blocks) -> flowc `@pipeline` bodies.

Task calls stay calls; `t.expand(x=xs)` (and `t.partial(a=1).expand(x=xs)`) becomes a
list comprehension; `r["k"]` of a `multiple_outputs` task reads the field `r.k`;
`PythonOperator(python_callable=f, op_kwargs={...})` becomes a call of `f` (made a task);
`a >> b`, `b << a` and `chain(a, b)` order `b` after `a` (`with after(a):`), EmptyOperators
pass the order through; a `@task.branch` task whose result leads to steps becomes an
`if` on the task id it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.airflow_context import EMPTY_OPERATORS, PYTHON_OPERATOR, AirflowContext, task_group_name
from flowc.importer.airflow_params import template_param
from flowc.importer.unroll import unroll_range
from flowc.importer.airflow_tasks import TaskDraft, draft_task, task_options
from flowc.importer.emit import comment_lines, commented_out, keyword_arg, leading_lines, literal_value, simple_line, snippet, with_comments
from flowc.importer.ordering import assigns, in_after, order_earlier
from flowc.ir import codes


@dataclass
class Edge:
    """`before >> after` between two names of the DAG body, and where it was written."""

    before: str
    after: str
    node: cst.CSTNode


@dataclass
class DagBody:
    """Translates one DAG's statements; `hoisted` are its task functions, for module level."""

    ctx: AirflowContext
    defaults: dict[str, cst.BaseExpression]
    callables: dict[str, TaskDraft]  # module-level functions a PythonOperator calls (shared by the file's DAGs)
    params: set[str] = field(default_factory=lambda: set())  # the pipeline's parameters (`"{{ params.x }}"` reads one)
    hoisted: list[tuple[TaskDraft | cst.FunctionDef, cst.Decorator | None]] = field(default_factory=lambda: [])
    tasks: dict[str, str] = field(default_factory=lambda: {})  # name in the body -> task function
    empties: set[str] = field(default_factory=lambda: set())
    groups: dict[str, list[str]] = field(default_factory=lambda: {})  # task group name -> the names of its steps
    edges: list[Edge] = field(default_factory=lambda: [])
    cleanups: dict[int, tuple[cst.CSTNode, bool]] = field(default_factory=lambda: {})  # cleanup step (its small statement's id) -> (where, all_done)
    _count: int = 0
    _carried: list[str] = field(default_factory=lambda: [])  # notes of dropped statements, for the next one

    def translate(self, stmts: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        out = self._order(self._statements(stmts))
        return out or [simple_line(cst.Pass())]

    def _statements(self, stmts: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        stmts = [unrolled for stmt in stmts for unrolled in unroll_range(stmt)]
        for stmt in stmts:
            if isinstance(stmt, cst.FunctionDef):
                self._hoist(stmt)
        out: list[cst.BaseStatement] = []
        pending: list[cst.EmptyLine] = []
        for stmt in stmts:
            if isinstance(stmt, cst.FunctionDef):
                continue
            made = self._statement(stmt)
            if made and pending:
                made[0] = made[0].with_changes(leading_lines=[*pending, *leading_lines(made[0])])
                pending = []
            if not made:
                pending.extend([*leading_lines(stmt), *comment_lines(self._carried)])
                self._carried = []
            out.extend(made)
        return out

    def _hoist(self, fn: cst.FunctionDef) -> None:
        group = self.ctx.group_decorator(fn)
        if group is not None:  # a sub-pipeline, translated where the hoisted definitions are finished
            self.ctx.group_functions.add(fn.name.value)
            self.hoisted.append((fn, group))
            return
        found = self.ctx.task_decorator(fn)
        if found is None:  # a helper defined in the DAG: module level serves as well
            self.hoisted.append((fn, None))
            return
        deco, flavour = found
        draft = draft_task(fn, deco, flavour, self.ctx, self.defaults)
        self.ctx.tasks[fn.name.value] = draft.task
        self.hoisted.append((draft, deco))

    def _statement(self, stmt: cst.BaseStatement) -> list[cst.BaseStatement]:
        if isinstance(stmt, cst.With) and task_group_name(stmt, self.ctx) is not None:
            return self._group(stmt)
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            return [self._untranslated(stmt)]
        small = stmt.body[0]
        value = small.value if isinstance(small, cst.Assign | cst.Expr | cst.Return) else None
        target = small.targets[0].target if isinstance(small, cst.Assign) and len(small.targets) == 1 else None
        if value is None or (isinstance(small, cst.Assign) and not isinstance(target, cst.Name)):
            return [self._untranslated(stmt)]
        if isinstance(small, cst.Expr) and (self._is_shift(value) or (isinstance(value, cst.Call) and self.ctx.is_sdk_name(value.func, "airflow.sdk.chain"))):
            return self._ordering(stmt, value)
        if isinstance(value, cst.Call) and self.ctx.is_sdk_name(value.func, *EMPTY_OPERATORS) and isinstance(target, cst.Name):
            self.empties.add(target.value)
            self._carried.append(self.ctx.notes.add(codes.IMPORT_DROPPED_OPTION, stmt, f"EmptyOperator `{target.value}` (a no-op; the order through it is kept)"))
            return []
        name = target.value if isinstance(target, cst.Name) else None
        rewritten, rewriter = self._rewrite(value)
        notes, task = rewriter.notes, rewriter.task
        if rewritten is None:
            return [self._untranslated(stmt)]
        if name is not None and task is not None:
            self.tasks[name] = task
        if isinstance(small, cst.Expr) and isinstance(rewritten, cst.ListComp):  # a mapping whose results nobody uses
            return [with_comments(_fan_out(rewritten, stmt), notes)]
        made = small.with_changes(value=rewritten)
        self._mark_cleanup(made, stmt, task, rewriter)
        return [with_comments(stmt.with_changes(body=[made]), notes)]

    def _value(self, value: cst.BaseExpression) -> tuple[cst.BaseExpression | None, list[str], str | None]:
        """The flowc form of a statement's value, its notes, and the task it calls (None: not translatable)."""
        new, rewriter = self._rewrite(value)
        return new, rewriter.notes, rewriter.task

    def _rewrite(self, value: cst.BaseExpression) -> tuple[cst.BaseExpression | None, _Rewriter]:
        rewriter = _Rewriter(self)
        new = value.visit(rewriter)
        if not isinstance(new, cst.BaseExpression) or rewriter.failed or self.ctx.uses_sdk(new):
            return None, rewriter
        return new, rewriter

    def _group(self, stmt: cst.With) -> list[cst.BaseStatement]:
        """`with TaskGroup("g") as g:` flattened: its steps join the pipeline, `g` in `>>` stands for them."""
        before = set(self.tasks)
        body = stmt.body
        made = self._statements(body.body if isinstance(body, cst.IndentedBlock) else ())
        alias = stmt.items[0].asname.name if stmt.items[0].asname is not None else None
        if isinstance(alias, cst.Name):
            self.groups[alias.value] = [n for n in self.tasks if n not in before]
        call = stmt.items[0].item
        extra = [a for a in call.args[1:] if a.keyword is None or a.keyword.value != "group_id"] if isinstance(call, cst.Call) else []
        dropped = [self.ctx.notes.add(codes.IMPORT_DROPPED_OPTION, a, f"`{snippet(a)}` of the TaskGroup") for a in extra]
        label = comment_lines([f"# task group {task_group_name(stmt, self.ctx)}", *dropped])
        if made and isinstance(made[0], cst.SimpleStatementLine | cst.BaseCompoundStatement):
            made[0] = made[0].with_changes(leading_lines=[*stmt.leading_lines, *label, *made[0].leading_lines])
        return made

    def _is_shift(self, expr: cst.BaseExpression) -> bool:
        return isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.RightShift | cst.LeftShift)

    def _ordering(self, stmt: cst.SimpleStatementLine, value: cst.BaseExpression) -> list[cst.BaseStatement]:
        """`a >> b >> [c, d]`, `b << a` or `chain(a, b)`: edges; inline task calls become statements first."""
        made: list[cst.BaseStatement] = []
        groups = self._chain_groups(value, made)
        if groups is None:
            return [self._untranslated(stmt)]
        for before, after in zip(groups, groups[1:]):
            self.edges.extend(Edge(b, a, stmt) for b in before for a in after)
        return made

    def _chain_groups(self, value: cst.BaseExpression, made: list[cst.BaseStatement]) -> list[list[str]] | None:
        if isinstance(value, cst.Call):  # chain(a, b, [c, d])
            parts: list[cst.BaseExpression] = [a.value for a in value.args]
        else:
            parts = []
            _flatten_shift(value, parts)
        groups: list[list[str]] = []
        for part in parts:
            items = [e.value for e in part.elements] if isinstance(part, cst.List) else [part]
            names = [self._operand(item, made) for item in items]
            if any(n is None for n in names):
                return None
            groups.append([n for n in names if n is not None])
        return groups

    def _operand(self, item: cst.BaseExpression, made: list[cst.BaseStatement]) -> str | None:
        if isinstance(item, cst.Name) and (item.value in self.tasks or item.value in self.empties or item.value in self.groups):
            return item.value
        rewritten, rewriter = self._rewrite(item)
        task = rewriter.task
        if rewritten is None or task is None:
            return None
        self._count += 1
        name = f"{task}_{self._count}"
        self.tasks[name] = task
        assign = cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=rewritten)
        self._mark_cleanup(assign, item, task, rewriter)
        made.append(with_comments(simple_line(assign), rewriter.notes))
        return name

    def _mark_cleanup(self, made: cst.BaseSmallStatement, node: cst.CSTNode, task: str | None, rewriter: _Rewriter) -> None:
        """Remember `made` when it calls a teardown or `all_done` task (airflow_cleanup.py)."""
        cleanup = "teardown" if rewriter.teardown else self.ctx.tasks[task].cleanup if task in self.ctx.tasks else ""
        if cleanup:
            self.cleanups[id(made)] = (node, cleanup == "all_done")

    def _untranslated(self, stmt: cst.BaseStatement) -> cst.BaseStatement:
        note = self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, stmt, f"statement `{snippet(stmt)}`")
        bare = stmt.with_changes(leading_lines=[]) if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement) else stmt
        return simple_line(cst.Pass()).with_changes(leading_lines=[*leading_lines(stmt), *comment_lines([note, *commented_out(bare)])])

    def _order(self, out: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
        from flowc.importer.airflow_branch import apply_branches
        from flowc.importer.airflow_cleanup import apply_cleanup

        edges = _through_empties(_through_groups(self.edges, self.groups), self.empties)
        out, edges = apply_branches(self, out, edges)
        for after_name in dict.fromkeys(e.after for e in edges):
            befores = [e for e in edges if e.after == after_name]
            at = _later(out, after_name, [e.before for e in befores])
            late = [e for e in befores if at is None or (_index(out, e.before) or 0) > at]
            for e in late:
                note = self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, e.node, f"`{e.before} >> {e.after}` where {e.after} is made first")
                out[-1] = with_comments(out[-1], [note])
            handles = [cst.Name(n) for n in dict.fromkeys(e.before for e in befores if e not in late)]
            if at is not None and handles and not order_earlier(out, after_name, handles, self.ctx):
                out[at] = in_after(out[at], handles, self.ctx)
        return apply_cleanup(self, out)


def _fan_out(comp: cst.ListComp, stmt: cst.SimpleStatementLine) -> cst.For:
    """`[f(x=x) for x in xs]` as a statement -> `for x in xs: f(x=x)` (a list built for nothing is not a step)."""
    body = cst.IndentedBlock(body=[cst.SimpleStatementLine(body=[cst.Expr(comp.elt)], trailing_whitespace=stmt.trailing_whitespace)])
    return cst.For(target=comp.for_in.target, iter=comp.for_in.iter, body=body, leading_lines=stmt.leading_lines)


def _index(out: list[cst.BaseStatement], name: str) -> int | None:
    """Where `name` is assigned: a line of `out`, or the line inside a `with after(...)` of it."""
    for k, stmt in enumerate(out):
        inner = stmt.body.body if isinstance(stmt, cst.With) and isinstance(stmt.body, cst.IndentedBlock) and len(stmt.body.body) == 1 else [stmt]
        if isinstance(inner[0], cst.SimpleStatementLine) and assigns(inner[0], name):
            return k
    return None


def _later(out: list[cst.BaseStatement], name: str, befores: list[str]) -> int | None:
    """Where `name` is made, moved below the steps it must follow when nothing in between uses it."""
    at = _index(out, name)
    last = max((k for b in befores if (k := _index(out, b)) is not None), default=None)
    if at is None or last is None or last < at or not isinstance(out[at], cst.SimpleStatementLine):
        return at
    if any(name in _names_in(stmt) for stmt in out[at + 1:last + 1]):
        return at
    moved = out.pop(at)
    out.insert(last, moved)
    return last


def _names_in(node: cst.CSTNode) -> set[str]:
    found: set[str] = set()

    class _Find(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.add(node.value)

    node.visit(_Find())
    return found


def _flatten_shift(expr: cst.BaseExpression, parts: list[cst.BaseExpression]) -> None:
    """`a >> b >> c` -> [a, b, c]; `c << b << a` -> [a, b, c] (first to run first)."""
    operator = expr.operator if isinstance(expr, cst.BinaryOperation) else None
    written = _written(expr, type(operator)) if operator is not None else [expr]
    parts.extend(reversed(written) if isinstance(operator, cst.LeftShift) else written)


def _written(expr: cst.BaseExpression, operator: type) -> list[cst.BaseExpression]:
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, operator):
        return [*_written(expr.left, operator), expr.right]
    return [expr]


def _through_groups(edges: list[Edge], groups: dict[str, list[str]]) -> list[Edge]:
    """Edges with task groups taken apart: `a >> group` orders each of the group's steps after a."""
    return [Edge(b, a, e.node) for e in edges for b in groups.get(e.before, [e.before]) for a in groups.get(e.after, [e.after])]


def _through_empties(edges: list[Edge], empties: set[str]) -> list[Edge]:
    """Edges with EmptyOperators taken out: `a >> empty >> b` orders b after a."""
    out = [e for e in edges if e.before not in empties and e.after not in empties]
    for empty in empties:
        ins = [e for e in edges if e.after == empty]
        outs = [e for e in edges if e.before == empty]
        out.extend(Edge(i.before, o.after, o.node) for i in ins for o in outs if i.before not in empties and o.after not in empties)
    return out


class _Rewriter(cst.CSTTransformer):
    """`.expand`/`.partial`, `r["k"]` of multiple outputs, PythonOperator(...) -> flowc calls."""

    def __init__(self, body: DagBody) -> None:
        super().__init__()
        self.body = body
        self.ctx = body.ctx
        self.notes: list[str] = []
        self.task: str | None = None
        self.failed = False
        self.teardown = False  # `.as_teardown(...)` was called on the task

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        func = updated_node.func
        if isinstance(func, cst.Name) and (func.value in self.ctx.tasks or func.value in self.ctx.group_functions):
            self.task = func.value
            return updated_node
        if isinstance(func, cst.Attribute) and func.attr.value == "expand":
            return self._expand(original_node, updated_node)
        if isinstance(func, cst.Attribute) and func.attr.value == "as_teardown" and self.task is not None:
            self.teardown = True  # its `setups=` only order: the `try` block holds them
            return func.value
        if self.ctx.is_sdk_name(func, PYTHON_OPERATOR):
            return self._operator(original_node, updated_node)
        return updated_node

    def _expand(self, original: cst.Call, call: cst.Call) -> cst.BaseExpression:
        inner = call.func.value if isinstance(call.func, cst.Attribute) else None
        fixed: list[cst.Arg] = []
        if isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute) and inner.func.attr.value == "partial":
            fixed, inner = list(inner.args), inner.func.value
        mappable = isinstance(inner, cst.Name) and (inner.value in self.ctx.tasks or inner.value in self.ctx.group_functions)
        if not isinstance(inner, cst.Name) or not mappable or len(call.args) != 1 or call.args[0].keyword is None:
            self.notes.append(self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, original, "`.expand(...)` over more than one argument (a cross product)"))
            self.failed = True
            return call
        self.task = inner.value if inner.value in self.ctx.tasks else None
        key = call.args[0].keyword.value
        item = cst.Name(key)
        element = cst.Call(func=inner, args=[*(a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in fixed), keyword_arg(key, item)])
        return cst.ListComp(elt=element, for_in=cst.CompFor(target=item, iter=call.args[0].value))

    def _operator(self, original: cst.Call, call: cst.Call) -> cst.BaseExpression:
        args = {a.keyword.value: a for a in call.args if a.keyword is not None}
        fn = args.get("python_callable")
        name = fn.value.value if fn is not None and isinstance(fn.value, cst.Name) else None
        if name is None or name not in self.body.callables:
            self.notes.append(self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, original, "a PythonOperator whose python_callable is not a module-level function"))
            self.failed = True
            return call
        draft = self.body.callables[name]
        task_options([a for k, a in args.items() if k != "task_id"], self.ctx, draft, "PythonOperator")
        task_id = literal_value(args["task_id"].value)[1] if "task_id" in args else None
        if isinstance(task_id, str):
            draft.task.task_id = task_id
        pulled = self._pulled_args(original, name)
        if pulled is None:
            self.failed = True
            return call
        self.ctx.tasks[name] = draft.task
        self.task = name
        return cst.Call(func=cst.Name(name), args=[*_op_args(args.get("op_args")), *_op_kwargs(args.get("op_kwargs")), *pulled])

    def _pulled_args(self, original: cst.Call, name: str) -> list[cst.Arg] | None:
        """`param=<upstream step>` for each XCom the callable pulled (airflow_xcom.py); None: an upstream is not in a name yet."""
        out: list[cst.Arg] = []
        for pull in self.ctx.pulls.get(name, []):
            source = self.ctx.task_function(pull.task_id)
            bound = [var for var, fn in self.body.tasks.items() if fn == source]
            if len(bound) != 1 or pull.key != self.ctx.pushes.get(source):
                self.notes.append(self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, original, f"the XCom pull of {pull.task_id!r} (no one earlier step of that task to pass, or it pushed no such key)"))
                return None
            out.append(keyword_arg(pull.param, cst.Name(bound[0])))
        return out

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.BaseExpression:
        name = template_param(original_node, self.body.params)
        return cst.Name(name) if name is not None else updated_node

    def leave_Subscript(self, original_node: cst.Subscript, updated_node: cst.Subscript) -> cst.BaseExpression:
        value = updated_node.value
        task = self.body.tasks.get(value.value) if isinstance(value, cst.Name) else None
        fields = self.ctx.tasks[task].fields if task is not None and task in self.ctx.tasks else ()
        element = updated_node.slice[0].slice
        ok, key = literal_value(element.value) if isinstance(element, cst.Index) else (False, None)
        if fields and ok and isinstance(key, str) and key in fields:
            return cst.Attribute(value=value, attr=cst.Name(key))
        return updated_node


def _op_args(arg: cst.Arg | None) -> list[cst.Arg]:
    if arg is None or not isinstance(arg.value, cst.List | cst.Tuple):
        return []
    return [cst.Arg(e.value) for e in arg.value.elements]


def _op_kwargs(arg: cst.Arg | None) -> list[cst.Arg]:
    if arg is None or not isinstance(arg.value, cst.Dict):
        return []
    out: list[cst.Arg] = []
    for e in arg.value.elements:
        ok, key = literal_value(e.key) if isinstance(e, cst.DictElement) else (False, None)
        if ok and isinstance(key, str) and isinstance(e, cst.DictElement):
            out.append(keyword_arg(key, e.value))
    return out
