# pyright: standard
# (not strict: pasted verbatim into generated task programs, it reads untyped JSON and names the runtime defines.)
# pyright: reportUndefinedVariable=false, reportMissingParameterType=false, reportUnknownParameterType=false
"""The entry point appended to every generated task program (pasted, never imported).

A task program is the flowc task runtime, this snippet, then the task's own code
as data (`_FLOWC_SOURCE`, run by the runtime's `load_task_function` at its own file's
lines) and `_FLOWC_TASK` (its interface). The same text runs in three places:
executed in-process by an Airflow DAG's `_flowc_step` (python mode, which calls
`_flowc_main`), as `python -c` in a pod (Airflow's kubernetes mode, which appends a call
of `_flowc_pod_entry`: inputs come from `$FLOWC_INPUTS`, outputs go to Airflow's
XCom sidecar file), and as a program of its own in `flowc run` (`flowc/run/python_step.py`).
The aliases below are taken before the task's code runs, so its own names cannot shadow them.
"""

# --- task main ---
_flowc_coerce = coerce  # noqa: F821  (defined by the runtime pasted above)
_flowc_artifact = Artifact  # noqa: F821


def _flowc_encode(value):
    """A JSON-able form of a task result: artifacts become {path, uri, metadata}."""
    if isinstance(value, _flowc_artifact):
        return {"path": value.path, "uri": value.uri, "metadata": dict(value.metadata)}
    if isinstance(value, dict):
        return {str(k): _flowc_encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_flowc_encode(v) for v in value]
    return value


def _flowc_outputs(result):
    """The task's outputs by name: one per NamedTuple field, else `output`."""
    names = [name for name, _ in _FLOWC_TASK["outputs"]]  # noqa: F821
    if not names:
        return None
    if _FLOWC_TASK["multi"]:  # noqa: F821
        if isinstance(result, dict):
            return {name: _flowc_encode(result[name]) for name in names}
        return {name: _flowc_encode(getattr(result, name)) for name in names}
    return {"output": _flowc_encode(result)}


def _flowc_main(raw_inputs, scratch):
    """Call the task with inputs restored to their declared types; return its outputs."""
    import os

    os.makedirs(scratch, exist_ok=True)
    previous = os.environ.get("FLOWC_SCRATCH")
    os.environ["FLOWC_SCRATCH"] = scratch
    try:
        kwargs = {name: _flowc_coerce(raw_inputs[name], spec) for name, spec in _FLOWC_TASK["inputs"] if name in raw_inputs}  # noqa: F821
        function = load_task_function(_FLOWC_SOURCE, "__flowc_task__")  # noqa: F821
        result = function(**kwargs)
    finally:
        if previous is None:
            os.environ.pop("FLOWC_SCRATCH", None)
        else:
            os.environ["FLOWC_SCRATCH"] = previous
    return _flowc_outputs(result)


def _flowc_pod_entry():
    """Kubernetes mode: inputs from $FLOWC_INPUTS, outputs to /airflow/xcom/return.json."""
    import json
    import os
    import tempfile

    raw = json.loads(os.environ.get("FLOWC_INPUTS") or "{}")
    scratch = os.environ.get("FLOWC_SCRATCH") or tempfile.mkdtemp(prefix="flowc-")
    outputs = _flowc_main(raw, scratch)
    # Airflow's XCom sidecar reads /airflow/xcom/return.json; overridable to run it elsewhere.
    folder = os.environ.get("FLOWC_XCOM_DIR") or "/airflow/xcom"
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "return.json"), "w") as fh:
        json.dump(outputs, fh)

