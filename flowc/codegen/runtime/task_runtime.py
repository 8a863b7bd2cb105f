# pyright: standard
# (not strict: pasted verbatim into generated runners, it restores values from untyped JSON.)
"""The small runtime every generated runner carries (pasted in, never imported).

Generated task code must be self-contained: the image needs the task's packages,
not flowc. This file gives task bodies the artifact classes they use
(`Dataset.create()`, `.path`), and gives runners `coerce`, which restores a value
to its declared boundary type after a trip through JSON, protobuf Struct or XCom
(where `13.0` comes back as `13` and integers inside lists come back as floats).
Types are compact JSON, as produced by `flowc.codegen.typespec.type_spec`.
"""

from __future__ import annotations

# --- runtime ---
import os as _flowc_os
import tempfile as _flowc_tempfile


class Artifact:
    """A file-backed value passed between tasks; `path` is where its data lives."""

    kind = "Artifact"

    def __init__(self, path, uri=None, metadata=None):
        self.path = path
        self.uri = uri if uri is not None else path
        self.metadata = dict(metadata or {})

    @classmethod
    def create(cls):
        """Allocate a fresh, empty location for a new artifact of this kind."""
        root = _flowc_os.environ.get("FLOWC_SCRATCH") or None
        folder = _flowc_tempfile.mkdtemp(prefix="flowc-", dir=root)
        return cls(_flowc_os.path.join(folder, cls.kind.lower()))

    def __repr__(self):
        return "%s(path=%r)" % (type(self).__name__, self.path)


class Dataset(Artifact):
    kind = "Dataset"


class Model(Artifact):
    kind = "Model"


class Metrics(Artifact):
    kind = "Metrics"

    def log_metric(self, name, value):
        self.metadata[name] = value


class RunStatus(tuple):
    """How a `try` block ended (`flowc.RunStatus`): state, the failed step and its error where known."""

    __slots__ = ()

    def __new__(cls, state, failed_step=None, error=None):
        return tuple.__new__(cls, (state, failed_step, error))

    state = property(lambda self: self[0])
    failed_step = property(lambda self: self[1])
    error = property(lambda self: self[2])
    failed = property(lambda self: self[0] == "failed")

    def __repr__(self):
        return "RunStatus(state=%r, failed_step=%r, error=%r)" % tuple(self)


ARTIFACT_CLASSES = {"Artifact": Artifact, "Dataset": Dataset, "Model": Model, "Metrics": Metrics}


class _FlowcNamespace:
    """Stands in for `import flowc` inside task code."""

    Artifact = Artifact
    Dataset = Dataset
    Model = Model
    Metrics = Metrics
    RunStatus = RunStatus

    @staticmethod
    def coerce(value, spec):
        """A fused step hands its members' values over in memory, restored to their declared
        types as a trip through the engine would (see flowc/ir/passes/fused_code.py)."""
        return coerce(value, spec)


flowc = _FlowcNamespace()


def coerce(value, spec):
    """Restore `value` to the boundary type `spec` (compact JSON type)."""
    if value is None:
        return None
    kind = spec[0]
    if kind == "int":
        if isinstance(value, str):
            return int(value)
        return int(value) if not isinstance(value, bool) else value
    if kind == "float":
        return float(value)
    if kind == "bool":
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)
    if kind == "str":
        return value if isinstance(value, str) else str(value)
    if kind == "list":
        if isinstance(value, str):
            import json as _json

            value = _json.loads(value)
        return [coerce(v, spec[1]) for v in value]
    if kind == "dict":
        if isinstance(value, str):
            import json as _json

            value = _json.loads(value)
        return {str(k): coerce(v, spec[1]) for k, v in value.items()}
    if kind == "optional":
        return coerce(value, spec[1])
    if kind == "artifact":
        if isinstance(value, Artifact):
            return value
        cls = ARTIFACT_CLASSES[spec[1]]
        if isinstance(value, dict):
            return cls(value.get("path"), value.get("uri"), value.get("metadata"))
        return cls(str(value))
    if kind == "run_status":
        # Each engine's outcome as {state, failed_step, error}; KFP's PipelineTaskFinalStatus
        # says "SUCCEEDED"/"FAILED" and holds its error as {code, message}.
        state = "succeeded" if str(value.get("state", "")).lower() == "succeeded" else "failed"
        error = value.get("error")
        error = error.get("message") if isinstance(error, dict) else error
        return RunStatus(state, value.get("failed_step") or None, error or None)
    if kind == "namedtuple":
        if isinstance(value, dict):
            return {name: coerce(value[name], field) for name, field in spec[2]}
        return {name: coerce(v, field) for (name, field), v in zip(spec[2], value)}
    return value

