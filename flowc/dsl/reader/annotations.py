"""Type annotations to boundary types (`flowc.ir.types`), with FLC202 for anything else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst

from flowc.dsl.reader.context import Reporter
from flowc.dsl.reader.symbols import ModuleSymbols
from flowc.ir import codes
from flowc.ir.types import (
    ARTIFACT_NAMES,
    NONE,
    RUN_STATUS,
    ArtifactType,
    DictType,
    ListType,
    NamedField,
    NamedTupleType,
    OptionalType,
    ScalarType,
    TupleType,
    Type,
)

_SCALARS = {"str": ScalarType(name="str"), "int": ScalarType(name="int"), "float": ScalarType(name="float"), "bool": ScalarType(name="bool")}

# Finds a NamedTuple class named `name` as seen from a module (its own or an imported one).
NamedTupleFinder = Callable[[ModuleSymbols, cst.BaseExpression], "tuple[ModuleSymbols, cst.ClassDef] | None"]


@dataclass
class TypeReader:
    """Reads annotations of one compile; NamedTuple classes are read once each."""

    report: Reporter
    find_namedtuple: NamedTupleFinder
    _cache: dict[int, NamedTupleType | None] = field(default_factory=lambda: {})
    failures: int = 0

    def read(
        self, syms: ModuleSymbols, expr: cst.BaseExpression, *, top: bool = False, pipeline: bool = False
    ) -> Type | None:
        """The type `expr` denotes; `top` allows `None` and NamedTuples, `pipeline` also `tuple[...]`."""
        before = self.failures
        result = self._read(syms, expr, top, pipeline)
        if result is None and self.failures == before:  # inner parts report themselves
            self.failures += 1
            self.report(codes.UNSUPPORTED_TYPE, syms.source.positions.span(expr), _text(syms, expr))
        return result

    def _read(self, syms: ModuleSymbols, expr: cst.BaseExpression, top: bool, pipeline: bool) -> Type | None:
        if isinstance(expr, cst.Name) and expr.value == "None":
            return NONE if top else None
        if isinstance(expr, cst.Name) and expr.value in _SCALARS:
            return _SCALARS[expr.value]
        artifact = syms.flowc_attr(expr)
        if artifact == "RunStatus":
            return RUN_STATUS
        if artifact is not None:
            return ArtifactType(name=artifact) if artifact in ARTIFACT_NAMES else None
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.BitOr):
            return self._union(syms, [expr.left, expr.right])
        if isinstance(expr, cst.Subscript):
            return self._generic(syms, expr, pipeline)
        found = self.find_namedtuple(syms, expr)
        if found is not None and top:
            return self.namedtuple(*found)
        return None

    def _generic(self, syms: ModuleSymbols, expr: cst.Subscript, pipeline: bool) -> Type | None:
        base = _base_name(syms, expr.value)
        args = [e.slice.value for e in expr.slice if isinstance(e.slice, cst.Index)]
        if len(args) != len(expr.slice):
            return None
        if base in ("list", "List") and len(args) == 1:
            item = self.read(syms, args[0])
            return ListType(item=item) if item is not None else None
        if base in ("dict", "Dict") and len(args) == 2:
            if not (isinstance(args[0], cst.Name) and args[0].value == "str"):
                return None
            value = self.read(syms, args[1])
            return DictType(value=value) if value is not None else None
        if base == "Optional" and len(args) == 1:
            inner = self.read(syms, args[0])
            return _optional(inner)
        if base == "Union":
            return self._union(syms, args)
        if base in ("tuple", "Tuple") and pipeline and args:
            items = [self.read(syms, a) for a in args]
            return TupleType(items=tuple(i for i in items if i is not None)) if None not in items else None
        return None

    def _union(self, syms: ModuleSymbols, members: list[cst.BaseExpression]) -> Type | None:
        rest = [m for m in members if not (isinstance(m, cst.Name) and m.value == "None")]
        if len(members) != 2 or len(rest) != 1:
            return None
        return _optional(self.read(syms, rest[0]))

    def namedtuple(self, syms: ModuleSymbols, node: cst.ClassDef) -> NamedTupleType | None:
        """The NamedTuple type a class defines; its fields may be any boundary type but NamedTuples."""
        key = id(node)
        if key not in self._cache:
            self._cache[key] = None
            fields: list[NamedField] = []
            ok = True
            for stmt in _class_fields(node):
                t = self.read(syms, stmt.annotation.annotation)
                ok = ok and t is not None
                if t is not None and isinstance(stmt.target, cst.Name):
                    fields.append(NamedField(name=stmt.target.value, type=t))
            self._cache[key] = NamedTupleType(name=node.name.value, fields=tuple(fields)) if ok and fields else None
        return self._cache[key]


def _optional(inner: Type | None) -> Type | None:
    if inner is None or isinstance(inner, (NamedTupleType, TupleType)):
        return None
    return inner if isinstance(inner, OptionalType) else OptionalType(inner=inner)


def _base_name(syms: ModuleSymbols, expr: cst.BaseExpression) -> str | None:
    typing_name = syms.typing_attr(expr)
    if typing_name is not None:
        return typing_name
    if isinstance(expr, cst.Name) and expr.value in ("list", "dict", "tuple"):
        return expr.value
    return None


def _class_fields(node: cst.ClassDef) -> list[cst.AnnAssign]:
    from flowc.dsl.reader.positions import statements

    return [s for s in statements(node.body) if isinstance(s, cst.AnnAssign)]


def _text(syms: ModuleSymbols, expr: cst.CSTNode) -> str:
    return syms.source.module.code_for_node(expr).strip()
