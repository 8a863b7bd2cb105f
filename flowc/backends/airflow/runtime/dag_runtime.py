# pyright: standard
# (not strict: pasted verbatim into generated DAG files, it reads untyped JSON and names the DAG file defines.)
# pyright: reportUndefinedVariable=false, reportMissingParameterType=false, reportUnknownParameterType=false
"""The worker-side runtime pasted at the end of every generated DAG file (never imported).

Parsing a DAG file must stay cheap, so everything here is function and class
definitions whose imports happen at run time. The DAG file defines the constants
these read: `_FLOWC_STEPS` (one JSON text per Airflow task id: kind, IR task,
bindings, the loop it is mapped over), `_FLOWC_LOOPS` (fan-outs: parent loop, depth, items),
`_FLOWC_TASKS` (task interfaces), `_FLOWC_RUNTIME` + `_FLOWC_CODE` (task programs),
`_FLOWC_MODE` and `_FLOWC_ARTIFACT_ROOT` (and, with the result cache on, `_FLOWC_RESULT_CACHE`
and the functions of `result_cache.py`).

Fan-outs are flattened: an instance of a step inside nested loops is identified by
its path (one index per enclosing loop); a loop's items task lists every path of
the loop, and a mapped step's map index is its path's position in that list. A
binding is resolved at a path: `("const", v)`, `("param", name)`, `("item", loop)`,
`("out", task_id, field, loop)`, `("fanin", loop, result_binding)` and `("status", task_ids)`
(a `finally` step's RunStatus, from the states of its `try` block's task instances).
"""

# --- dag runtime ---


def _flowc_spec(task_id, _cache={}):
    """The spec of one step (stored as JSON text: nothing to build when the file is parsed)."""
    if task_id not in _cache:
        import json

        text = _FLOWC_STEPS.get(task_id)
        _cache[task_id] = json.loads(text) if text is not None else None
    return _cache[task_id]


class _FlowcRun:
    """Resolves bindings for one running task instance, pulling XComs as needed."""

    def __init__(self, ti, params):
        self.ti = ti
        self.params = params
        self._keys = {}
        self._all = {}

    def _pull_key(self, loop, key):
        if (loop, key) not in self._keys:
            got = self.ti.xcom_pull(task_ids=loop, key=key, map_indexes=None)
            self._keys[loop, key] = [tuple(p) for p in got] if key == "paths" else list(got)
        return self._keys[loop, key]

    def paths(self, loop):
        return [()] if loop is None else self._pull_key(loop, "paths")

    def index(self, loop, path):
        depth = _FLOWC_LOOPS[loop]["depth"]
        return self.paths(loop).index(tuple(path[:depth]))

    def here(self):
        """The path of the running instance: () unless it is mapped over a loop."""
        loop = _flowc_spec(self.ti.task_id)["loop"]
        return () if loop is None else self.paths(loop)[self.ti.map_index]

    def _output(self, task_id, loop, path):
        if loop is None:
            return _flowc_decoded(task_id, self.ti.xcom_pull(task_ids=task_id, map_indexes=None))
        index = self.index(loop, path)
        if task_id in self._all:
            return self._all[task_id][index]
        return _flowc_decoded(task_id, self.ti.xcom_pull(task_ids=task_id, map_indexes=index))

    def _prefetch(self, binding):
        """Fetch every instance of a mapped producer at once (one call for a fan-in)."""
        if binding[0] != "out" or binding[3] is None or binding[1] in self._all:
            return
        count = len(self.paths(binding[3]))
        got = self.ti.xcom_pull(task_ids=binding[1])
        if count == 1 and not isinstance(got, list):
            got = [got]
        if isinstance(got, list) and len(got) == count:
            self._all[binding[1]] = [_flowc_decoded(binding[1], v) for v in got]

    def resolve(self, binding, path):
        kind = binding[0]
        if kind == "const":
            return binding[1]
        if kind == "param":
            return self.params[binding[1]]
        if kind == "item":
            return self._pull_key(binding[1], "items")[self.index(binding[1], path)]
        if kind == "out":
            value = self._output(binding[1], binding[3], path)
            return None if value is None else value[binding[2]]
        if kind == "status":
            return _flowc_status(self.ti, binding[1])
        loop, result = binding[1], binding[2]
        depth = _FLOWC_LOOPS[loop]["depth"]
        prefix = tuple(path[: depth - 1])
        self._prefetch(result)
        return [self.resolve(result, p) for p in self.paths(loop) if p[: depth - 1] == prefix]

    def inputs(self, step, path):
        return {name: self.resolve(b, path) for name, b in step["inputs"]}


def _flowc_status(ti, steps):
    """A `finally` step's RunStatus: failed when a step of its `try` block failed (the first, in plan order).

    Airflow keeps no error text of another task instance: `error` is None.
    """
    states = ti.get_task_states(dag_id=ti.dag_id, task_ids=list(steps), run_ids=[ti.run_id]).get(ti.run_id, {})
    failed = [s for s in steps for key, state in sorted(states.items()) if state == "failed" and (key == s or key.rsplit("_", 1)[0] == s)]
    return {"state": "failed" if failed else "succeeded", "failed_step": failed[0] if failed else None, "error": None}


def _flowc_scratch(ti):
    import os
    import re
    import tempfile

    root = os.environ.get("FLOWC_ARTIFACT_ROOT") or _FLOWC_ARTIFACT_ROOT
    root = root or os.path.join(tempfile.gettempdir(), "flowc-artifacts")
    parts = [ti.dag_id, ti.run_id, ti.task_id, str(max(ti.map_index, 0))]
    return os.path.join(root, *(re.sub(r"[^A-Za-z0-9_.-]+", "_", p) for p in parts))


def _flowc_task_program(name):
    """Execute a task program (runtime + task code + main) in a fresh namespace.

    Its text goes into linecache, so its frames in a traceback show their lines; the
    task's own code is compiled under the user's file name (`load_task_function`).
    """
    import linecache

    program = _FLOWC_RUNTIME + _FLOWC_CODE[name]
    filename = "<flowc runner " + name + ">"
    linecache.cache[filename] = (len(program), None, program.splitlines(True), filename)
    namespace = {"__name__": "flowc_task_" + name}
    exec(compile(program, filename, "exec"), namespace)
    return namespace


def _flowc_decoded(task_id, value):
    """Kubernetes mode: a container task's values arrive as base64 text; type them."""
    import base64

    step = _flowc_spec(task_id) or {}
    task = _FLOWC_TASKS.get(step.get("task")) if step.get("kind") == "task" else None
    if _FLOWC_MODE != "kubernetes" or not task or task["kind"] != "container" or not isinstance(value, dict):
        return value
    out = dict(value)
    for name, spec in task["outputs"]:
        if spec[0] != "artifact" and isinstance(out.get(name), str):
            out[name] = _flowc_parse_text(base64.b64decode(out[name]).decode(), spec)
    return out


def _flowc_command_texts(task, inputs):
    """Each input of a container task as the text that fills its placeholders (artifacts: their path)."""
    specs = dict(task["inputs"])
    texts = {}
    for name, value in inputs.items():
        artifact = specs.get(name, [""])[0] == "artifact" and isinstance(value, dict)
        texts[name] = value["path"] if artifact else _flowc_placeholder_text(value)
    return texts


def _flowc_read_output(path, spec):
    if spec[0] == "artifact":
        return {"path": path, "uri": path, "metadata": {}}
    # newline="": the file's text exactly as written (a `\r` stays a `\r`).
    with open(path, encoding="utf-8", newline="") as fh:
        return _flowc_parse_text(fh.read(), spec)


def _flowc_parse_text(text, spec):
    import json

    if spec[0] == "str":
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text.strip()


def _flowc_run_container(task, inputs, scratch):
    """Python mode: run a container task's command on the worker, placeholders filled in."""
    import os
    import subprocess

    out_dir = os.path.join(scratch, "outputs")
    os.makedirs(out_dir, exist_ok=True)
    texts = _flowc_command_texts(task, inputs)
    out_paths = {name: os.path.join(out_dir, name) for name, _ in task["outputs"]}
    argv = [_flowc_fill_argument(parts, texts, out_paths) for parts in task["command"]]
    env = dict(os.environ, **dict(task["env"]))
    subprocess.run(argv, check=True, env=env, cwd=scratch)
    if not task["outputs"]:
        return None
    return {name: _flowc_read_output(out_paths[name], spec) for name, spec in task["outputs"]}


def _flowc_run_task(run, step, path, ti):
    inputs = run.inputs(step, path)
    if step.get("cache") is not None:
        # The result cache's runtime, pasted when it is on.
        return _flowc_cached_task(step, inputs, ti, lambda: _flowc_execute(step["task"], inputs, ti))
    return _flowc_execute(step["task"], inputs, ti)


def _flowc_execute(task_name, inputs, ti):
    """Run a task on the worker: a Python task in-process, a container task's command as a subprocess."""
    task = _FLOWC_TASKS[task_name]
    scratch = _flowc_scratch(ti)
    if task["kind"] == "container":
        return _flowc_run_container(task, inputs, scratch)
    namespace = _flowc_task_program(task_name)
    with _flowc_environ(task["env"]):
        return namespace["_flowc_main"](inputs, scratch)


class _flowc_environ:
    """Python mode: the task's `env=` in os.environ while it runs, the worker's own restored after."""

    def __init__(self, pairs):
        self.pairs = [tuple(kv) for kv in pairs]
        self.saved = []

    def __enter__(self):
        import os

        self.saved = [(k, os.environ.get(k)) for k, _ in self.pairs]
        os.environ.update(dict(self.pairs))

    def __exit__(self, *exc):
        import os

        for key, old in reversed(self.saved):
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
        return False


def _flowc_expand(run, loop):
    """A loop's items task: every path of the loop, and its items, for mapped steps."""
    spec = _FLOWC_LOOPS[loop]
    paths, items = [], []
    for parent in run.paths(spec["parent"]):
        if not _flowc_taken(run, spec.get("guards"), parent):
            continue
        values = run.resolve(spec["items"], parent) or []
        for i, value in enumerate(values):
            paths.append(list(parent) + [i])
            items.append(value)
    run.ti.xcom_push(key="paths", value=paths)
    run.ti.xcom_push(key="items", value=items)
    # One mapping per instance; python mode expands `op_kwargs` over it, kubernetes
    # mode `labels` (so the value is also a valid label: `0-2`).
    return [{"flowc-path": "-".join(str(i) for i in p)} for p in paths]


def _flowc_test(run, cond, path):
    """A lowered condition: comparisons of scalars joined by and/or (flowc decided the rest)."""
    kind = cond[0]
    if kind == "and":
        return all(_flowc_test(run, c, path) for c in cond[1])
    if kind == "or":
        return any(_flowc_test(run, c, path) for c in cond[1])
    left, right = run.resolve(cond[2], path), run.resolve(cond[3], path)
    return {
        "==": lambda: left == right, "!=": lambda: left != right,
        "<": lambda: left < right, "<=": lambda: left <= right,
        ">": lambda: left > right, ">=": lambda: left >= right,
    }[cond[1]]()


def _flowc_choose(run, step, path):
    """The index of the first arm whose condition holds (an `else` always holds), or -1."""
    for i, cond in enumerate(step["arms"]):
        if cond is None or _flowc_test(run, cond, path):
            return i
    return -1


def _flowc_branch(*args, **context):
    """The callable of a condition's branch task: follow the gate of the chosen arm."""
    ti = context["ti"]
    run = _FlowcRun(ti, context["params"])
    step = _flowc_spec(ti.task_id)
    arm = _flowc_choose(run, step, run.here())
    ti.xcom_push(key="arm", value=arm)
    return [step["gates"][arm]] if arm >= 0 else []


def _flowc_taken(run, guards, path):
    """Whether every enclosing arm (of conditions inside fan-outs) was chosen at `path`."""
    for cond, arm, loop in guards or ():
        if run.resolve(["out", cond, "arm", loop], path) != arm:
            return False
    return True


def _flowc_guard(context):
    """pre_execute of steps in an arm inside a fan-out: skip the instances whose arm was not taken."""
    from airflow.sdk.exceptions import AirflowSkipException

    ti = context["ti"]
    run = _FlowcRun(ti, context["params"])
    if not _flowc_taken(run, _flowc_spec(ti.task_id).get("guards"), run.here()):
        raise AirflowSkipException("flowc: this instance's branch was not taken")


def _flowc_join(run, step, path):
    """A condition's values: the chosen arm's sources."""
    if step["loop"] is not None:
        arm = run.resolve(["out", step["cond"], "arm", step["loop"]], path)
    else:
        arm = run.ti.xcom_pull(task_ids=step["cond"], key="arm", map_indexes=None)
    return {name: run.resolve(sources[arm], path) for name, sources in step["values"]}


def _flowc_step(*args, **context):
    """The callable of every flowc PythonOperator: run the step named by the task id."""
    ti = context["ti"]
    run = _FlowcRun(ti, context["params"])
    step = _flowc_spec(ti.task_id)
    kind = step["kind"]
    if kind == "loop":
        return _flowc_expand(run, ti.task_id)
    path = run.here()
    if kind == "join":
        return _flowc_join(run, step, path)
    if kind == "choose":
        return {"arm": _flowc_choose(run, step, path)}
    if kind == "results":
        return run.inputs(step, path)
    return _flowc_run_task(run, step, path, ti)


def _flowc_inputs(ti, params):
    """Kubernetes mode (a template macro): the running step's inputs as JSON."""
    import json

    run = _FlowcRun(ti, params)
    return json.dumps(run.inputs(_flowc_spec(ti.task_id), run.here()))


def _flowc_arg(ti, params, index):
    """Kubernetes mode (a template macro): a container task's argument, placeholders filled."""
    run = _FlowcRun(ti, params)
    step = _flowc_spec(ti.task_id)
    task = _FLOWC_TASKS[step["task"]]
    texts = _flowc_command_texts(task, run.inputs(step, run.here()))
    out_paths = {name: _flowc_outdir(ti) + "/" + name for name, _ in task["outputs"]}
    return _flowc_fill_argument(task["command"][index], texts, out_paths)


def _flowc_outdir(ti):
    """Kubernetes mode (a template macro): where a container step's pod writes its outputs."""
    import posixpath
    import re

    parts = [ti.dag_id, ti.run_id, ti.task_id, str(max(ti.map_index, 0)), "outputs"]
    root = _FLOWC_ARTIFACT_ROOT or "/tmp/flowc-outputs"
    return posixpath.join(root, *(re.sub(r"[^A-Za-z0-9_.-]+", "_", p) for p in parts))
