"""Decorator options (`@task(image=..., retries=2)`) to `TaskOptions` and pipeline settings."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst
from flowc.ir.base import JsonValue

from flowc.dsl.reader.context import Reporter
from flowc.dsl.reader.literals import ConstantLookup, NotLiteral, literal_value
from flowc.dsl.reader.symbols import DefKind, ModuleSymbols
from flowc.ir import codes
from flowc.ir.model import Resources, TaskOptions
from flowc.ir.span import Span
from flowc.ir.cron import never_fires
from flowc.ir.task_options import TASK_OPTIONS, ProjectDefaults, TaskKind, ValueKind, default_bool, default_int, default_str, options_for
from flowc.ir.validate import is_valid_quantity, is_valid_schedule
from flowc.ir.values import env_name_problem, requirement_problem, secret_name_problem

ALLOWED: dict[DefKind, tuple[str, ...]] = {
    "task": tuple(o.name for o in options_for("task")),
    "container_task": tuple(o.name for o in options_for("container_task")),
    "pipeline": ("schedule", "name"),
}
_TASK_VALUES: dict[str, ValueKind] = {o.name: o.value for o in TASK_OPTIONS}
_OPTIONAL = frozenset(o.name for o in TASK_OPTIONS if o.default is None)
_DURATION = re.compile(r"([0-9]+)([smhd])")  # ASCII digits: `\d` and int() also take Arabic-Indic ones
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class OptionValues:
    """The literal options a decorator was given, with the nodes they came from."""

    values: dict[str, JsonValue] = field(default_factory=lambda: {})
    nodes: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})
    resources: Resources = Resources()


@dataclass
class OptionReader:
    """Reads one decorator's arguments, reporting each bad one and keeping the rest."""

    syms: ModuleSymbols
    kind: DefKind
    constants: ConstantLookup
    report: Reporter

    def span(self, node: cst.CSTNode) -> Span | None:
        return self.syms.source.positions.span(node)

    def read(self, decorator: cst.BaseExpression) -> OptionValues:
        out = OptionValues()
        given = {a.keyword.value for a in decorator.args if a.keyword} if isinstance(decorator, cst.Call) else set[str]()
        self._require(decorator, given)
        if not isinstance(decorator, cst.Call):
            return out
        for index, arg in enumerate(decorator.args):
            if arg.keyword is None:
                label = "**" if arg.star == "**" else f"#{index + 1}"
                code = codes.NON_LITERAL_OPTION if arg.star else codes.UNKNOWN_OPTION
                self.report(code, self.span(arg.value), label, self.kind, hint="decorator options are keyword arguments")
                continue
            name = arg.keyword.value
            if name not in ALLOWED[self.kind]:
                self.report(codes.UNKNOWN_OPTION, self.span(arg), name, self.kind)
            elif name == "resources":
                out.nodes[name] = arg.value
                out.resources = self._resources(arg.value)
            else:
                self._literal(out, name, arg.value)
        return out

    def _require(self, decorator: cst.BaseExpression, given: set[str]) -> None:
        """Options the table marks required for this decorator (`@container_task` needs image and command)."""
        if self.kind == "pipeline":
            return
        for option in options_for(self.kind):
            if option.required_for(self.kind) and option.name not in given:
                self.report(codes.MISSING_OPTION, self.span(decorator), self.kind, option.name)

    def _literal(self, out: OptionValues, name: str, node: cst.BaseExpression) -> None:
        try:
            value = literal_value(node, self.constants)
        except NotLiteral as exc:
            self.report(codes.NON_LITERAL_OPTION, self.span(exc.node) or self.span(node), name)
            return
        if value is None and name in _OPTIONAL:
            return  # `timeout=None` is the default, as the decorator's signature says
        if self._check(name, value, node):
            out.values[name] = value
            out.nodes[name] = node

    def _check(self, name: str, value: JsonValue, node: cst.BaseExpression) -> bool:
        problem = _problem(name, value)
        if problem is None:
            return self._check_format(name, value, node)
        code = codes.BAD_TIMEOUT if name == "timeout" else codes.BAD_OPTION_VALUE
        args = (value,) if name == "timeout" else (name, problem)
        self.report(code, self.span(node), *args)
        return False

    def _resources(self, node: cst.BaseExpression) -> Resources:
        if not (isinstance(node, cst.Call) and self.syms.flowc_attr(node.func) == "Resources"):
            self.report(codes.NON_LITERAL_OPTION, self.span(node), "resources", hint="write resources=Resources(cpu=..., memory=..., gpu=...)")
            return Resources()
        fields: dict[str, JsonValue] = {}
        for index, arg in enumerate(node.args):
            name = arg.keyword.value if arg.keyword else ("cpu", "memory", "gpu")[index] if index < 3 and not arg.star else None
            if name not in ("cpu", "memory", "gpu"):
                self.report(codes.UNKNOWN_OPTION, self.span(arg), name or f"#{index + 1}", "Resources")
                continue
            try:
                value = literal_value(arg.value, self.constants)
            except NotLiteral as exc:
                self.report(codes.NON_LITERAL_OPTION, self.span(exc.node) or self.span(arg.value), name)
                continue
            if self._check(name, value, arg.value):
                fields[name] = str(value) if name != "gpu" and isinstance(value, (int, float)) else value
        return Resources(**fields)  # pyright: ignore[reportArgumentType] - each value checked by _check


    def _check_format(self, name: str, value: JsonValue, node: cst.BaseExpression) -> bool:
        """Quantities and schedules, located at the value (the IR validator checks them too)."""
        if name in ("cpu", "memory") and isinstance(value, str) and not is_valid_quantity(value):
            self.report(codes.BAD_QUANTITY, self.span(node), name, value)
            return False
        if name == "schedule" and isinstance(value, str) and not is_valid_schedule(value):
            self.report(codes.BAD_SCHEDULE, self.span(node), value)
            return False
        if name == "schedule" and isinstance(value, str) and never_fires(value):
            self.report(codes.SCHEDULE_NEVER_FIRES, self.span(node), value)
            return False
        return self._check_strings(name, value, node)

    def _check_strings(self, name: str, value: JsonValue, node: cst.BaseExpression) -> bool:
        """Packages, env names and secret names, each located at its own literal when written inline."""
        check = _STRING_CHECKS.get(name)
        if check is None:
            return True
        code, problem_of = check
        items = list(value) if isinstance(value, (list, dict)) else []
        nodes = _item_nodes(node, len(items))
        bad = [(item, at, problem) for item, at in zip(items, nodes) if (problem := problem_of(str(item))) is not None]
        for item, at, problem in bad:
            self.report(code, self.span(at), item, problem)
        return not bad


def _item_nodes(node: cst.BaseExpression, count: int) -> list[cst.CSTNode]:
    """The literal of each list item or dict key, or `node` itself for each (a constant's name)."""
    if isinstance(node, (cst.List, cst.Tuple)) and len(node.elements) == count:
        return [e.value for e in node.elements]
    if isinstance(node, cst.Dict) and len(node.elements) == count:
        return [e.key for e in node.elements if isinstance(e, cst.DictElement)] or [node] * count
    return [node] * count


_STRING_CHECKS = {
    "packages": (codes.BAD_REQUIREMENT, requirement_problem),
    "env": (codes.BAD_ENV_NAME, env_name_problem),
    "secrets": (codes.BAD_SECRET_NAME, secret_name_problem),
}


def _problem(name: str, value: JsonValue) -> str | None:
    """What is wrong with an option's value, or None."""
    if name in _TASK_VALUES:
        return _VALUE_PROBLEMS[_TASK_VALUES[name]](value)
    if name == "schedule":
        return None if value is None else _text_problem(value)
    if name in ("cpu", "memory"):
        ok = isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool))
        return None if ok else "expects a quantity string such as \"500m\" or \"2Gi\""
    if name == "gpu":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return None if ok else "expects a whole GPU count >= 0"
    return None


def _text_problem(value: JsonValue) -> str | None:
    return None if isinstance(value, str) and value.strip() else "expects a non-empty string"


def _count_problem(value: JsonValue) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "expects a whole number >= 0"


def _strings_problem(value: JsonValue) -> str | None:
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return None if ok else "expects a list of strings"


def _env_problem(value: JsonValue) -> str | None:
    ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    return None if ok else "expects a dict of str to str"


_VALUE_PROBLEMS: dict[ValueKind, Callable[[JsonValue], str | None]] = {
    "text": _text_problem,
    "strings": _strings_problem,
    "count": _count_problem,
    "flag": lambda v: None if isinstance(v, bool) else "expects True or False",
    "env": _env_problem,
    "duration": lambda v: None if timeout_seconds(v) is not None else "bad duration",
    "resources": lambda v: None,  # read by OptionReader._resources
}


def timeout_seconds(value: JsonValue) -> int | None:
    """`"90s"`, `"30m"`, `"2h"`, `"1d"`, `"1h30m"` or a whole number of seconds; None if invalid."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    total = sum(int(n) * _UNIT_SECONDS[u] for n, u in parts)
    return total if total > 0 else None


def task_options(values: OptionValues, kind: DefKind, project: ProjectDefaults = ProjectDefaults()) -> TaskOptions:
    """`TaskOptions` from checked option values; defaults from the project, then the option table."""
    v = values.values
    env = v.get("env")
    table_kind: TaskKind = "container_task" if kind == "container_task" else "task"
    retries = v.get("retries")
    packages = _strings(v.get("packages")) if "packages" in v or table_kind == "container_task" else project.packages
    return TaskOptions(
        image=str(v.get("image", project.image or default_str("image"))),
        packages=tuple(packages),
        resources=values.resources,
        retries=retries if isinstance(retries, int) else default_int("retries"),
        timeout_seconds=timeout_seconds(v["timeout"]) if "timeout" in v else None,
        cache=bool(v.get("cache", default_bool("cache", table_kind))),
        env=tuple((str(k), str(x)) for k, x in env.items()) if isinstance(env, dict) else (),
        secrets=tuple(_strings(v.get("secrets"))),
        fuse=bool(v.get("fuse", default_bool("fuse", table_kind))),
    )


def _strings(value: JsonValue) -> list[str]:
    return [str(x) for x in value] if isinstance(value, list) else []
