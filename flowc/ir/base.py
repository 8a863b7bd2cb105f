"""The base every IR node derives from: frozen, keyword-only, validated and serialized by pydantic.

IR nodes are frozen stdlib dataclasses; pydantic v2 validates, serializes and
describes them through a `TypeAdapter` (with `extra="forbid"`), built on first use.
That split is deliberate: `flowc check` builds thousands of nodes and must start in
about the time it takes to import libcst, and importing pydantic plus creating
pydantic model classes alone costs more than half of that again. Nodes built by
flowc's own code are correct by construction (pyright checks the constructors);
anything read from JSON goes through pydantic and is validated strictly.

The pydantic-style methods below (`model_dump_json`, `model_validate_json`,
`model_copy`, ...) keep the familiar API.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, TypeAlias, dataclass_transform

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    JsonValue: TypeAlias = "None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]"
else:
    # Pydantic reads `Any` here: the same validation and schema as ever, without a recursive alias to resolve.
    JsonValue = Any
"""JSON data: None, bool, int, float, str, and lists and str-keyed dicts of these."""


class Tagged:
    """Marks a union as tagged by one field (`Annotated[A | B, Tagged("kind")]`).

    Pydantic sees a discriminated union (exact errors, `oneOf` in the JSON Schema);
    importing the IR does not import pydantic.
    """

    def __init__(self, field: str) -> None:
        self.field = field

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from typing import Annotated

        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(discriminator=self.field)])


@dataclass_transform(frozen_default=True, kw_only_default=True)
class IRModel:
    """Base of all IR nodes: immutable, keyword-only, no unknown fields when read from JSON."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    _tuple_fields: ClassVar[tuple[str, ...]] = ()
    if TYPE_CHECKING:  # set by `dataclasses.dataclass` in `__init_subclass__`: every node is a dataclass
        __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)
        fields = dataclasses.fields(cls)
        cls._tuple_fields = tuple(f.name for f in fields if str(f.type).startswith("tuple["))

    def __post_init__(self) -> None:
        # Sequences are stored as tuples (hashable, and equal to what JSON reads back).
        for name in self._tuple_fields:
            value = getattr(self, name)
            if isinstance(value, list):
                object.__setattr__(self, name, tuple(value))  # pyright: ignore[reportUnknownArgumentType]

    # ------------------------------------------------------------ pydantic-style API

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """Validate Python data (dicts, lists) into a node, strictly."""
        return _adapter(cls).validate_python(obj)

    @classmethod
    def model_validate_json(cls, data: str | bytes) -> Self:
        return _adapter(cls).validate_json(data)

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        return _adapter(cls).json_schema()

    @classmethod
    def model_construct(cls, **fields: Any) -> Self:
        return cls(**fields)

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        return _adapter(type(self)).dump_python(self, mode=mode)

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return _adapter(type(self)).dump_json(self, indent=indent).decode()

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        return dataclasses.replace(self, **(update or {}))


@cache
def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)
