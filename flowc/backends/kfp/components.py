"""Executor components: a task's input/output definitions and its container.

Python tasks carry their own small runner in the command (see
`templates/runner.py.j2`), base64-encoded behind a fixed bootstrap, so the image
needs only the task's packages; container tasks run their command template rendered
by `container.py`.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from flowc.codegen.runtime import runtime_source
from flowc.codegen.task_code import code_literal
from flowc.codegen.templates import environment
from flowc.codegen.typespec import type_spec
from flowc.ir.model import ContainerTask, Parameter, PythonTask, Task
from flowc.ir.types import OptionalType, RunStatusType
from flowc.backends.kfp import quantities
from flowc.backends.kfp.container import container_command, output_key
from flowc.backends.kfp.kfp_types import io_definition, typed_value

FLOWC_ENV_INPUT = "flowc-env"
FLOWC_STEP_KEY_INPUT = "flowc-step-key"
# The kernel refuses to exec a command with a single argument over 128 KiB (MAX_ARG_STRLEN).
MAX_ARGUMENT_BYTES = 128 * 1024 - 1


def component_spec(task: PythonTask | ContainerTask, executor: str, step_key: str | None = None) -> dict[str, Any]:
    """The `components` entry of one call of a task (`step_key`: that call's, see `fingerprint_inputs`)."""
    spec: dict[str, Any] = {"executorLabel": executor}
    inputs = param_definitions(task.params, absent_is_none=True)
    for name, (parameter_type, _) in fingerprint_inputs(task, step_key).items():
        inputs.setdefault("parameters", {})[name] = {"parameterType": parameter_type}
    outputs: dict[str, dict[str, Any]] = {}
    for o in task.outputs:
        section, definition = io_definition(o.type)
        outputs.setdefault(section, {})[output_key(o.name)] = definition
    if inputs:
        spec["inputDefinitions"] = sorted_sections(inputs)
    if outputs:
        spec["outputDefinitions"] = sorted_sections(outputs)
    return spec


def fingerprint_inputs(task: Task, step_key: str | None) -> dict[str, tuple[str, Any]]:
    """Extra inputs (name -> parameter type, constant) of a cached call, for KFP's cache fingerprint.

    KFP's driver fingerprints a cached step by its input parameter values and input
    artifact names, its output definitions, image, and command + args as written
    (`getFingerPrint` in `backend/src/v2/driver/cache.go`; env only in recent
    releases); kfp.local by component name, image, command + args, argument values
    and env. Neither sees a change upstream whose output value did not change, and an
    older driver sees no env. So a cached call gets its step key (its Merkle key,
    which covers the task's code, helpers, image, packages and env and every step
    upstream) as one more input parameter: the runner reads only its declared
    parameters, and an input is per call where command and args belong to the
    executor all calls share. `CachingOptions.cacheKey` would be the wrong place: it
    replaces the fingerprint, input values included (kfp.local), so calls with
    different inputs would share an entry. IR built without the passes (hand-made
    programs: no step keys) gets its env folded in instead.
    """
    if not task.options.cache:
        return {}
    if step_key is not None:
        return {FLOWC_STEP_KEY_INPUT: ("STRING", step_key)}
    if task.options.env:
        return {FLOWC_ENV_INPUT: ("STRUCT", dict(sorted(task.options.env)))}
    return {}


def executor_spec(task: PythonTask | ContainerTask) -> dict[str, Any]:
    """The `deploymentSpec.executors` entry of a task."""
    if isinstance(task, PythonTask):
        command, args = python_command(task)
    else:
        command, args = container_command(task)
    container: dict[str, Any] = {"image": task.options.image, "command": command}
    if args:
        container["args"] = args
    if task.options.env:
        container["env"] = [{"name": k, "value": v} for k, v in sorted(task.options.env)]
    resources = resource_spec(task)
    if resources:
        container["resources"] = resources
    return {"container": container}


# The command carries fixed bootstraps only: the runner (which holds the task's code,
# defaults and docstrings) and the package list travel base64-encoded, so no text from
# a pipeline file can form a placeholder that KFP substitutes in command and args.
# The runner's own lines go into linecache, so its frames in a traceback show their text too.
RUN_BOOTSTRAP = (
    "import base64, linecache, sys\n"
    "program = base64.b64decode(sys.argv[1]).decode('utf-8')\n"
    "linecache.cache['<flowc runner>'] = (len(program), None, program.splitlines(True), '<flowc runner>')\n"
    "exec(compile(program, '<flowc runner>', 'exec'), dict(__name__='__main__'))\n"
)
INSTALL_BOOTSTRAP = (
    "import base64, json, os, subprocess, sys\n"
    "packages = json.loads(base64.b64decode(sys.argv[2]).decode('utf-8'))\n"
    "try:\n"
    "    import pip\n"
    "except ImportError:\n"
    "    if subprocess.call([sys.executable, '-m', 'ensurepip']):\n"
    "        subprocess.check_call([sys.executable, '-m', 'ensurepip', '--user'])\n"
    "env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK='1')\n"
    "install = [sys.executable, '-m', 'pip', 'install', '--quiet', '--no-warn-script-location']\n"
    "subprocess.check_call([*install, *packages], env=env)\n"
)


def encoded(text: str) -> str:
    """`text` as base64 of its UTF-8 bytes: only `A-Za-z0-9+/=`, which no engine's placeholder syntax uses."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def python_command(task: PythonTask) -> tuple[list[str], list[str]]:
    program = encoded(runner_program(task))
    args = ["--executor_input", "{{$}}"]
    if not task.options.packages:
        return ["python3", "-c", RUN_BOOTSTRAP, program], args
    packages = encoded(json.dumps(list(task.options.packages)))
    return ["python3", "-c", INSTALL_BOOTSTRAP + RUN_BOOTSTRAP, program, packages], args


def runner_program(task: PythonTask) -> str:
    """The self-contained Python program that runs `task` under KFP's executor contract."""
    spec = {
        "name": task.name,
        "params": [[p.name, type_spec(p.type), p.has_default, p.default] for p in task.params],
        "returns": type_spec(task.returns),
        "outputs": [[output_key(o.name), o.name, type_spec(o.type)] for o in task.outputs],
    }
    template = environment("flowc.backends.kfp").get_template("runner.py.j2")
    code = code_literal(task.name, task.code)
    return template.render(task_name=task.name, runtime=runtime_source().rstrip(), task=spec, code=code)


def resource_spec(task: Task) -> dict[str, Any]:
    res = task.options.resources
    out: dict[str, Any] = {}
    if res.cpu:
        cores = quantities.cpu_cores(res.cpu)
        if cores is not None:
            out["cpuLimit"] = cores
            out["cpuRequest"] = cores
        out["resourceCpuLimit"] = res.cpu
        out["resourceCpuRequest"] = res.cpu
    if res.memory:
        gb = quantities.memory_gb(res.memory)
        if gb is not None:
            out["memoryLimit"] = gb
            out["memoryRequest"] = gb
        out["resourceMemoryLimit"] = res.memory
        out["resourceMemoryRequest"] = res.memory
    if res.gpu:
        count = str(res.gpu)
        gpu = "nvidia.com/gpu"
        out["accelerator"] = {"count": count, "resourceCount": count, "resourceType": gpu, "type": gpu}
    return dict(sorted(out.items()))


def platform_config(task: Task) -> dict[str, Any]:
    """The kfp-kubernetes executor config of a task: timeout and secrets (empty when neither)."""
    out: dict[str, Any] = {}
    if task.options.timeout_seconds:
        out["activeDeadlineSeconds"] = str(task.options.timeout_seconds)
    if task.options.secrets:
        out["secretAsVolume"] = [
            {
                "mountPath": f"/var/secrets/{name}",
                "optional": False,
                "secretName": name,
                "secretNameParameter": {"runtimeValue": {"constant": name}},
            }
            for name in task.options.secrets
        ]
    return out


def param_definitions(params: tuple[Parameter, ...], *, absent_is_none: bool = False) -> dict[str, dict[str, Any]]:
    """Input definitions of task or pipeline parameters, by section (parameters / artifacts).

    With `absent_is_none` (a task's own inputs), an input that may be None without a default of
    another value is optional too: a None argument is left out and the task reads the absent input as None.
    """
    out: dict[str, dict[str, Any]] = {}
    absent = none_when_absent(params) if absent_is_none else frozenset[str]()
    for p in params:
        section, definition = io_definition(p.type)
        if p.has_default or p.name in absent or isinstance(p.type, RunStatusType):
            definition["isOptional"] = True
            if section == "parameters" and p.default is not None:
                definition["defaultValue"] = typed_value(p.default, p.type)
        if p.description:
            definition["description"] = p.description
        out.setdefault(section, {})[p.name] = definition
    return out


def none_when_absent(params: tuple[Parameter, ...]) -> frozenset[str]:
    """The parameters a None argument is left out for: typed `X | None`, with no default or a None default."""
    return frozenset(
        p.name for p in params if isinstance(p.type, OptionalType) and (not p.has_default or p.default is None)
    )


def sorted_sections(sections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Sections and their entries in name order, as the kfp compiler writes them."""
    return {k: dict(sorted(v.items())) for k, v in sorted(sections.items())}
