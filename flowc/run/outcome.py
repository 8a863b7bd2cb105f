"""What one attempt of a step produced."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attempt:
    """One attempt's outputs by name (JSON values; artifacts as {path, uri, metadata}), or why it failed."""

    ok: bool
    outputs: dict[str, object] = field(default_factory=lambda: {})
    error: str | None = None
    log: str = ""

    @classmethod
    def failed(cls, error: str, log: str = "") -> Attempt:
        return cls(ok=False, error=error, log=log)


class StepError(Exception):
    """A step cannot be run at all (a container task without docker): its message names the step."""
