# pyright: standard
# (not strict: pasted verbatim into generated DAG files, it reads untyped JSON and names the DAG file defines.)
# pyright: reportUndefinedVariable=false, reportMissingParameterType=false, reportUnknownParameterType=false
"""The result cache's worker-side runtime (airflow option `result_cache`; pasted, never imported).

Pasted after the DAG runtime only when the option is set, with `_FLOWC_RESULT_CACHE` (the
store's folder; `$FLOWC_RESULT_CACHE` overrides it at run time). The spec of a `cache=True`
step carries its key (`"cache"`: the optimizer's Merkle step key, or the task's own key
under -O0). In python mode `_flowc_run_task` hands such steps to `_flowc_cached_task`; in
kubernetes mode they are `_FlowcCachedPod` operators, whose `execute` asks the cache in
the worker before it starts the pod (so the store must be reachable from the workers, never
from the pods).

The result key is the sha256 of the canonical JSON (sorted keys, no spaces) of the step key
and the resolved input values in their canonical form (`flowc/codegen/runtime/input_digest.py`,
pasted before this file: typed as the task declares them, artifacts by content; the local
runner's store keys on the same rule).

An entry is a folder `<store>/<key[:2]>/<key>/` holding `result.json` (the outputs, each
artifact as a file of the entry) and `files/<n>/<name>` (a copy of each output artifact).
It is written whole in a temporary folder beside it and renamed into place with
`os.replace`, so a reader sees a complete entry or none; when two workers store the same
key at once the second rename fails and the first entry stays (same key, same result). A
worker killed mid-write leaves only a `.flowc-tmp-*` folder, which is safe to delete. A
result whose output artifact the worker cannot read is not stored. A hit copies the
artifacts into the step's scratch folder (under the artifact root), so each run owns its
files as when the task runs. Failing to store is a note in the task's log, never a
failure; an unreadable entry is a miss.
"""

# --- result cache ---


def _flowc_cached_task(step, inputs, ti, compute):
    """The outputs of a cache=True step: stored ones for its key and input values, else `compute()`'s, stored."""
    task = _FLOWC_TASKS[step["task"]]
    key = _flowc_result_key(step["cache"], task, inputs)
    entry = _flowc_result_entry(key)
    found = _flowc_result_load(entry, task, _flowc_scratch(ti))
    if found is not None:
        print("flowc: result cache hit %s: %s reuses the stored outputs of %s" % (key[:16], ti.task_id, entry))
        return found[0]
    outputs = compute()
    _flowc_result_store(entry, task, outputs)
    return outputs


def _flowc_cached_pod(context, execute_pod):
    """Kubernetes mode (`_FlowcCachedPod.execute`): start the step's pod only without a stored result."""
    ti = context["ti"]
    run = _FlowcRun(ti, context["params"])
    step = _flowc_spec(ti.task_id)
    return _flowc_cached_task(step, run.inputs(step, run.here()), ti, lambda: execute_pod(context))


def _flowc_result_key(step_key, task, inputs):
    import hashlib
    import json

    values = _flowc_canonical_inputs(task["inputs"], inputs)
    text = json.dumps(
        {"flowc": "airflow-result-1", "step": step_key, "inputs": values},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=repr,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _flowc_result_entry(key):
    import os

    root = os.environ.get("FLOWC_RESULT_CACHE") or _FLOWC_RESULT_CACHE
    root = root[len("file://"):] if root.startswith("file://") else root
    return os.path.join(root, key[:2], key)


def _flowc_each_output(outputs, task, leaf):
    """The task's outputs with `leaf` applied inside each (None: a task without outputs)."""
    if outputs is None:
        return None
    specs = {name: spec for name, spec in task["outputs"]}
    return {name: _flowc_walk(value, specs.get(name, ["any"]), leaf) for name, value in outputs.items()}


def _flowc_result_load(entry, task, scratch):
    """`(outputs,)` from a stored entry, its artifacts copied under `scratch`; None on a miss."""
    import json
    import os
    import tempfile

    path = os.path.join(entry, "result.json")
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            stored = json.load(fh)["outputs"]
        os.makedirs(scratch, exist_ok=True)
        target = tempfile.mkdtemp(prefix="flowc-cached-", dir=scratch)

        def restore(value, kind):
            return _flowc_restore_artifact(value, entry, target) if kind == "artifact" else value

        return (_flowc_each_output(stored, task, restore),)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        print("flowc: result cache entry %s is unreadable (%s); running the step" % (entry, exc))
        return None


def _flowc_restore_artifact(stored, entry, target):
    import os

    dest = os.path.join(target, *stored["file"].split("/")[1:])
    _flowc_copy(os.path.join(entry, *stored["file"].split("/")), dest)
    uri = stored["uri"] if stored["uri"] is not None else dest
    return {"path": dest, "uri": uri, "metadata": stored["metadata"]}


def _flowc_copy(source, dest):
    import os
    import shutil

    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if os.path.isdir(source):
        shutil.copytree(source, dest)
    else:
        shutil.copy2(source, dest)


def _flowc_result_store(entry, task, outputs):
    """Store a step's outputs under `entry`, whole or not at all (see the module docstring)."""
    import json
    import os
    import shutil
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(entry), exist_ok=True)
        tmp = tempfile.mkdtemp(prefix=".flowc-tmp-", dir=os.path.dirname(entry))
        counter = []

        def keep(value, kind):
            return _flowc_keep_artifact(value, tmp, counter) if kind == "artifact" else value

        stored = {"outputs": _flowc_each_output(outputs, task, keep)}
        with open(os.path.join(tmp, "result.json"), "w", encoding="utf-8") as fh:
            json.dump(stored, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, entry)
    except (OSError, TypeError, ValueError) as exc:
        if not os.path.isfile(os.path.join(entry, "result.json")):
            print("flowc: the result is not stored in the cache at %s (%s)" % (entry, exc))
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _flowc_keep_artifact(value, tmp, counter):
    """Copy an output artifact into the entry being written; its record in result.json."""
    import os

    path = value.get("path") if isinstance(value, dict) else str(value)
    uri = value.get("uri") if isinstance(value, dict) else None
    if not path or not os.path.exists(path):
        raise OSError("the output artifact %s is not on this worker" % path)
    rel = "files/%d/%s" % (len(counter), os.path.basename(os.path.normpath(path)) or "artifact")
    counter.append(rel)
    _flowc_copy(path, os.path.join(tmp, *rel.split("/")))
    return {
        "file": rel,
        "uri": None if uri in (None, path) else uri,
        "metadata": (value.get("metadata") if isinstance(value, dict) else None) or {},
    }
