"""One Airflow operator statement per planned step, as Python source.

Every value that came from user code enters through `py_literal`; strings that
land in a templated operator field and contain Jinja markers are wrapped in
`literal(...)` so Airflow never renders them as templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flowc.backends.airflow.options import AirflowOptions
from flowc.backends.airflow.steps import BranchStep, ChooseStep, GateStep, JoinStep, LoopStep, ResultsStep, Step, TaskStep
from flowc.codegen.literals import py_literal
from flowc.ir.command import literal_text
from flowc.ir.model import ContainerTask, Program, PythonTask
from flowc.ir.names import kfp_name

_JINJA = re.compile(r"\{\{|\{%|\{#")
POD_ENTRY = "\n_flowc_pod_entry()\n"
CACHED_POD = "_FlowcCachedPod"  # defined by the DAG template when the result cache is on


@dataclass
class Statement:
    """`var = <expr>` for one task, then its upstream dependencies."""

    var: str
    expr: str
    upstream: list[str] = field(default_factory=lambda: [])


def template_safe(text: str) -> str:
    """A literal for a templated field: `literal("...")` when Jinja would touch it."""
    return f"literal({py_literal(text)})" if _JINJA.search(text) else py_literal(text)


def _call(callee: str, kwargs: list[tuple[str, str]]) -> str:
    inner = ", ".join(f"{k}={v}" for k, v in kwargs)
    return f"{callee}({inner})"


def _common(step: Step, task: PythonTask | ContainerTask | None) -> list[tuple[str, str]]:
    kwargs = [("task_id", py_literal(step.local_id))]
    if isinstance(step, TaskStep) and step.label:
        # What the UI shows for the step (a fused step's `load+clean+features`).
        kwargs.append(("task_display_name", py_literal(step.label)))
    if task is not None:
        if task.options.retries:
            kwargs.append(("retries", py_literal(task.options.retries)))
        if task.options.timeout_seconds:
            kwargs.append(("execution_timeout", f"timedelta(seconds={task.options.timeout_seconds})"))
        if task.doc:
            kwargs.append(("doc_md", py_literal(task.doc)))
    if step.trigger_rule and not step.teardown:
        kwargs.append(("trigger_rule", py_literal(step.trigger_rule)))
    if step.guards:
        kwargs.append(("pre_execute", "_flowc_guard"))
    return kwargs


class OperatorWriter:
    """Writes the statements of a plan's steps for one mode."""

    def __init__(self, program: Program, options: AirflowOptions) -> None:
        self.program = program
        self.options = options
        self.vars: dict[str, str] = {}
        self.operators: set[str] = set()  # the operator classes written so far

    def var(self, task_id: str) -> str:
        if task_id not in self.vars:
            base = "t_" + re.sub(r"\W", "_", task_id)
            name, n = base, 2
            while name in self.vars.values():
                name, n = f"{base}_{n}", n + 1
            self.vars[task_id] = name
        return self.vars[task_id]

    def statement(self, step: Step, order: dict[str, int]) -> Statement:
        upstream = sorted(step.upstream, key=lambda t: order[t])
        return Statement(self.var(step.task_id), self._expr(step), [self.var(u) for u in upstream])

    def _expr(self, step: Step) -> str:
        match step:
            case GateStep():
                return self._operator("EmptyOperator", _common(step, None), step)
            case JoinStep() if step.waits_only:
                return self._operator("EmptyOperator", _common(step, None), step)
            case BranchStep():
                kwargs = [*_common(step, None), ("python_callable", "_flowc_branch")]
                return self._operator("BranchPythonOperator", kwargs, step)
            case TaskStep():
                return self._task(step)
            case LoopStep() | ChooseStep() | JoinStep() | ResultsStep():
                return self._operator("PythonOperator", [*_common(step, None), ("python_callable", "_flowc_step")], step)

    def _task(self, step: TaskStep) -> str:
        task = self.program.task(step.task)
        if self.options.mode == "kubernetes":
            kwargs = [*_common(step, task), *self._pod(step, task)]
            # A step with a result key asks the result cache before it starts its pod.
            pod = CACHED_POD if step.cache_key is not None else "KubernetesPodOperator"
            return self._operator(pod, kwargs, step, "labels")
        return self._operator("PythonOperator", [*_common(step, task), ("python_callable", "_flowc_step")], step)

    def _operator(self, callee: str, kwargs: list[tuple[str, str]], step: Step, mapped_field: str = "op_kwargs") -> str:
        """`callee(...)`, or mapped over the step's fan-out by `mapped_field`."""
        self.operators.add(callee)
        if step.teardown:
            # all done, whatever their states; a teardown does not decide the dag run's state
            return _call(callee, kwargs) + ".as_teardown()"
        if step.loop is None:
            return _call(callee, kwargs)
        return f"{_call(callee + '.partial', kwargs)}.expand({mapped_field}={self.var(step.loop)}.output)"

    # ---------------------------------------------------------------- kubernetes

    def _pod(self, step: Step, task: PythonTask | ContainerTask) -> list[tuple[str, str]]:
        opts = task.options
        env = {"FLOWC_INPUTS": "{{ flowc_inputs(ti, params) }}"}
        if isinstance(task, PythonTask):
            env["FLOWC_SCRATCH"] = self.options.artifact_root or "/tmp/flowc-artifacts"
            program = f"_FLOWC_RUNTIME + _FLOWC_CODE[{py_literal(task.name)}] + {py_literal(POD_ENTRY)}"
            cmds = f"['python', '-c', literal({program})]"
        else:
            cmds = self._container_cmds(task)
            if task.outputs:
                env["FLOWC_OUTPUTS"] = "{{ flowc_outdir(ti) }}"
        env_items = [f"{py_literal(k)}: {py_literal(v)}" for k, v in env.items()]
        env_items += [f"{py_literal(k)}: {template_safe(v)}" for k, v in opts.env]
        kwargs = [
            ("name", py_literal(kfp_name(step.task_id)[:63].strip("-") or "flowc-step")),
            ("namespace", template_safe(self.options.namespace)),
            ("image", template_safe(opts.image)),
            ("cmds", cmds),
            ("env_vars", "{" + ", ".join(env_items) + "}"),
        ]
        if opts.secrets:
            kwargs.append(("secrets", "[" + ", ".join(f"Secret('env', None, {py_literal(s)})" for s in opts.secrets) + "]"))
        resources = self._resources(task)
        if resources:
            kwargs.append(("container_resources", resources))
        if self.options.artifact_pvc:
            claim = f"k8s.V1PersistentVolumeClaimVolumeSource(claim_name={template_safe(self.options.artifact_pvc)})"
            kwargs.append(("volumes", f"[k8s.V1Volume(name='flowc-artifacts', persistent_volume_claim={claim})]"))
            mount = f"k8s.V1VolumeMount(name='flowc-artifacts', mount_path={py_literal(self.options.artifact_root)})"
            kwargs.append(("volume_mounts", f"[{mount}]"))
        kwargs += [("do_xcom_push", py_literal(bool(task.outputs))), ("get_logs", "True"), ("on_finish_action", "'delete_pod'")]
        return kwargs

    def _resources(self, task: PythonTask | ContainerTask) -> str | None:
        res = task.options.resources
        requests = {k: v for k, v in (("cpu", res.cpu), ("memory", res.memory)) if v}
        limits: dict[str, str] = dict(requests)
        if res.gpu:
            limits["nvidia.com/gpu"] = str(res.gpu)
        if not limits:
            return None
        return f"k8s.V1ResourceRequirements(requests={py_literal(requests)}, limits={py_literal(limits)})"

    def _container_cmds(self, task: ContainerTask) -> str:
        args: list[str] = []
        for i, arg in enumerate((*task.command, *task.args)):
            text = literal_text(arg)
            if text is None:
                # Filled at run time by a macro; Jinja does not render a macro's result again.
                args.append(py_literal("{{ flowc_arg(ti, params, %d) }}" % i))
            else:
                args.append(template_safe(text))
        if task.outputs:
            args = [py_literal("sh"), py_literal("-c"), py_literal(_collect_script(task)), py_literal("flowc"), *args]
        return "[" + ", ".join(args) + "]"


def _collect_script(task: ContainerTask) -> str:
    """sh that runs the command, then writes its output files to Airflow's XCom sidecar file.

    Output files live in $FLOWC_OUTPUTS (under artifact_root: on the artifact volume when
    one is mounted). Values travel as base64 text, which the receiving side decodes and
    types; artifacts are passed by path. Output names are identifiers: no quoting issues.
    """
    pieces: list[str] = []
    for out in task.outputs:
        if out.type.kind == "artifact":
            entry = f'"{out.name}": {{"path": "%s", "uri": "%s", "metadata": {{}}}}'
            pieces.append(f"printf '{entry}' \"$FLOWC_OUTPUTS/{out.name}\" \"$FLOWC_OUTPUTS/{out.name}\"")
        else:
            pieces.append(f"printf '\"{out.name}\": \"%s\"' \"$(base64 \"$FLOWC_OUTPUTS/{out.name}\" | tr -d '\\n')\"")
    collect = "; printf ', '; ".join(pieces)
    return (
        'set -e; mkdir -p "$FLOWC_OUTPUTS" /airflow/xcom; "$@"; '
        f"{{ printf '{{'; {collect}; printf '}}'; }} > /airflow/xcom/return.json"
    )
