"""The base every IR model derives from: frozen, strict about unknown fields."""

from pydantic import BaseModel, ConfigDict


class IRModel(BaseModel):
    """Base of all IR nodes: immutable, no unknown fields, JSON round-trips losslessly."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
