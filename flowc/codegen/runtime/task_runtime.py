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

    @staticmethod
    def load_task_function(code, module_name):
        """A fused step loads each member's code as a module of its own (see fused_code.py)."""
        return load_task_function(code, module_name)


flowc = _FlowcNamespace()


def load_task_function(code, module_name):
    """The task function of shipped task `code`, its code run as a module named `module_name`.

    `code` is what flowc.codegen.task_code.shipped_code writes: the `file` the code
    comes from, its `pieces` ([first line there, text]), the `function` and how the
    code names flowc (`flowc_imports`). Each piece is placed at its own line, padded
    with blank lines, and the whole compiled under the file's name, so a traceback
    reads `File "examples/churn.py", line 42, in train`. Where that file is not (a pod,
    a worker) the text goes into `linecache` under its name, so the traceback shows each
    line there too; lines of other tasks from the same file stay.

    The project modules the code imports come with it (`modules`, flowc/ir/shipped.py):
    `import` finds them first, each run from its own shipped code (fresh for each task
    loaded, under its own file's name), so neither the image nor the worker needs them.
    """
    import sys as _sys
    import types as _types

    module = _types.ModuleType(module_name)
    _sys.modules[module_name] = module  # dataclasses, pickle and typing look the module up
    if code.get("package"):
        module.__package__ = code["package"]  # where its relative imports resolve
    if code.get("modules"):
        _flowc_ship_modules(code["modules"])
    if _sys.excepthook is _sys.__excepthook__:
        # Before 3.13 the default hook reads lines from disk, not linecache: print as `traceback` does.
        _sys.excepthook = _flowc_print_exception
    _flowc_run_code(code, module)
    return module.__dict__[code["function"]]


def _flowc_run_code(code, module):
    """Run shipped code (its pieces at their lines, under its file's name) in `module`, flowc names bound."""
    for local, attr in code["flowc_imports"]:
        module.__dict__[local] = flowc if attr is None else getattr(flowc, attr, None)
    source = _flowc_placed(code["pieces"])
    _flowc_remember_lines(code["file"], source)
    exec(compile(source, code["file"], "exec", dont_inherit=True), module.__dict__)


class _FlowcShippedModules:
    """An import finder serving shipped project modules by name, ahead of every other finder.

    One per process (a runner pasted twice finds the first by `flowc_shipped`); each entry
    keeps the runtime that shipped it, so its flowc names are that runtime's classes.
    """

    def __init__(self):
        self.flowc_shipped = {}

    def find_spec(self, name, path=None, target=None):
        entry = self.flowc_shipped.get(name)
        if entry is None:
            return None
        import importlib.util as _util

        return _util.spec_from_loader(name, self, origin=entry[0]["file"], is_package=entry[0]["is_package"])  # pyright: ignore[reportArgumentType]

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        shipped, run = self.flowc_shipped[module.__name__]
        run(shipped, module)


def _flowc_ship_modules(modules):
    """Let `import` find `modules` (shipped project modules): fresh copies, run when first imported."""
    import sys as _sys

    finder = next((f for f in _sys.meta_path if isinstance(getattr(f, "flowc_shipped", None), dict)), None)
    if finder is None:
        finder = _FlowcShippedModules()
        _sys.meta_path.insert(0, finder)
    served = getattr(finder, "flowc_shipped")
    for shipped in modules:
        served[shipped["name"]] = (shipped, _flowc_run_code)
        _sys.modules.pop(shipped["name"], None)  # another task's copy (or the worker's own) gives way


def _flowc_placed(pieces):
    """The pieces' text, each from its first line on: blank lines pad the gaps."""
    source = ""
    for line, text in pieces:
        source += "\n" * (line - 1 - source.count("\n")) + text
    return source


def _flowc_print_exception(kind, value, tb):
    """An uncaught exception printed as the default hook does, its lines from linecache."""
    import traceback as _traceback

    _traceback.print_exception(kind, value, tb)


def _flowc_remember_lines(filename, source):
    """Put `source` into linecache as `filename`'s text, keeping lines an earlier task put there.

    Where the file itself is (a local run), linecache reads it as ever: an entry holding
    only the task's lines would mislead others that read it (`inspect.getsource`).
    """
    import linecache as _linecache

    if _flowc_os.path.isfile(filename):
        return
    parts = source.split("\n")
    lines = [line + "\n" for line in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    entry = _linecache.cache.get(filename)
    if entry is not None and len(entry) == 4 and entry[1] is None:
        known = entry[2]
        lines = [new if new.strip() or i >= len(known) else known[i] for i, new in enumerate(lines)] + known[len(lines):]
    # No modification time: linecache.checkcache leaves such an entry alone.
    _linecache.cache[filename] = (len(source), None, lines, filename)


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

