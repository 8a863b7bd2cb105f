"""The type of every binding of one pipeline, read from the IR."""

from __future__ import annotations

from flowc.ir.bindings import BindingTypes
from flowc.ir.model import Binding
from flowc.ir.types import NoneType, Type


class TypeOracle(BindingTypes):
    """Answers `of(binding)` for the bindings found in one pipeline's body (the `None` type for literals)."""

    def of(self, binding: Binding) -> Type:
        found = super().of(binding)
        return NoneType() if found is None else found
