"""File-backed artifact types users pass between tasks.

Inside a task body, `Dataset.create()` returns an artifact whose `.path` the task
writes; an artifact received as an input has `.path` pointing at the file. On an
engine, the generated runner supplies these classes (flowc itself is not needed in
the image); this module is their in-process twin, used when a task function is
called directly, e.g. in a user's unit test.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

__all__ = ["Artifact", "Dataset", "Metrics", "Model"]


class Artifact:
    """A file (or directory) produced by one task and consumed by others."""

    kind: ClassVar[str] = "Artifact"

    def __init__(self, path: str, metadata: dict[str, Any] | None = None) -> None:
        self.path = path
        self.metadata: dict[str, Any] = dict(metadata or {})

    @classmethod
    def create(cls) -> Self:
        """Allocate a fresh path for a new artifact of this kind."""
        import os  # imported here: `import flowc` stays cheap for the CLI
        import tempfile

        folder = tempfile.mkdtemp(prefix="flowc-")
        return cls(os.path.join(folder, cls.kind.lower()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.path == self.path

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.path))


class Dataset(Artifact):
    """Tabular or other data, e.g. a parquet file."""

    kind: ClassVar[str] = "Dataset"


class Model(Artifact):
    """A trained model file."""

    kind: ClassVar[str] = "Model"


class Metrics(Artifact):
    """Scalar metrics; `log_metric` records them in the artifact's metadata."""

    kind: ClassVar[str] = "Metrics"

    def log_metric(self, name: str, value: float) -> None:
        self.metadata[name] = value
