"""The registry of diagnostic codes: every user-facing error flowc can report.

One place for codes, severities, message templates and default hints, so messages
stay consistent and `docs/diagnostics.md` can be generated from this table
(`python -m flowc.ir.docs` writes it). Ranges: FLC0xx input and syntax,
FLC1xx pipeline bodies, FLC2xx types and wiring, FLC3xx task and pipeline options,
FLC4xx names, FLC5xx Kubeflow, FLC6xx Airflow, FLC7xx Flyte, FLC8xx CLI and deploy, FLC9xx `flowc import`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Code:
    """A diagnostic code: `message` is a `str.format` template."""

    code: str
    message: str
    hint: str | None = None
    severity: Literal["error", "warning"] = "error"


REGISTRY: dict[str, Code] = {}


def _code(code: str, message: str, hint: str | None = None, severity: Literal["error", "warning"] = "error") -> Code:
    entry = Code(code, message, hint, severity)
    assert code not in REGISTRY, f"duplicate diagnostic code {code}"
    REGISTRY[code] = entry
    return entry


# FLC0xx: input files and syntax
FILE_NOT_FOUND = _code("FLC001", "no such file or directory: {}", "check the path")
SYNTAX_ERROR = _code("FLC002", "syntax error: {}", "fix the Python syntax; flowc reads the file without running it")
NOT_UTF8 = _code("FLC003", "cannot read {} as {} text", "save the file as UTF-8")
NO_PIPELINES = _code("FLC004", "no @pipeline found in {}", "decorate a function with @flowc.pipeline", "warning")
IMPORT_NOT_FOUND = _code("FLC005", "cannot find module {!r} in the project", "tasks and pipelines may be imported from modules under the project root")
IMPORTED_NAME_NOT_FOUND = _code("FLC006", "module {!r} defines no task or pipeline named {!r}", None)
IMPORT_CYCLE = _code("FLC007", "import cycle through {!r}", "break the cycle between your pipeline modules")
CANNOT_READ = _code("FLC010", "cannot read {}: {}", "check the file's permissions")
NOT_A_FILE = _code("FLC011", "not a regular file: {}", "give a `.py` file or a folder; flowc reads no pipes, devices or sockets")
FILE_TOO_LARGE = _code("FLC012", "file is larger than flowc's limit of {} bytes for a source file", "split the module, or move large data out of the source")
BAD_FILE_NAME = _code("FLC013", "file name is not valid UTF-8", "rename the file (or folder) with UTF-8 characters")
LONE_SURROGATE = _code("FLC014", "string holds a lone surrogate {!r}, which no UTF-8 file can hold", "write the character as a valid pair, or leave it out")
NESTED_TOO_DEEPLY = _code("FLC015", "code nested too deeply for {}", "split it into smaller expressions, statements or functions")
READER_FAILURE = _code("FLC009", "flowc could not read this construct ({})", "this is a bug in flowc's reader; please report it with the file")

# FLC1xx: pipeline bodies
UNSUPPORTED_STATEMENT = _code(
    "FLC101", "unsupported statement in a pipeline body: {}",
    "a pipeline body may hold task calls, assignments, `for` loops, `if`, `with after(...)`, `return` and `raise`; do other work inside a task",
)
UNSUPPORTED_EXPRESSION = _code(
    "FLC102", "unsupported expression in a pipeline: {}",
    "arithmetic, indexing, f-strings and other operations on runtime values belong in a task",
)
UNKNOWN_TASK = _code("FLC103", "{!r} is not a task or pipeline", "call a function decorated with @task, @container_task or @pipeline")
MISSING_INPUT = _code("FLC104", "missing required input {!r} in call of {!r}", "pass it as a keyword argument")
UNKNOWN_INPUT = _code("FLC105", "{!r} has no input named {!r}", None)
UNDEFINED_NAME = _code("FLC106", "name {!r} is not defined in this pipeline", "use a parameter, a step's result or a loop variable")
NOT_ALL_BRANCHES = _code(
    "FLC107", "{!r} is assigned in only some branches of the `if`",
    "assign it in every branch, including an `else`, to use it after the `if`",
)
BAD_COMPREHENSION = _code("FLC108", "unsupported comprehension: {}", "write `[step(x) for x in items]` with one `for` and no `if`")
NOT_ITERABLE = _code("FLC109", "cannot fan out over a value of type {}", "iterate over a list: a literal list, a list parameter or a list output")
BAD_CONDITION = _code("FLC110", "unsupported condition: {}", "compare outputs and parameters with literals or each other (== != < <= > >= in), combined with and/or/not")
TOO_MANY_POSITIONAL = _code("FLC111", "{!r} takes {} positional inputs but {} were given", None)
DUPLICATE_INPUT = _code("FLC112", "input {!r} given more than once", None)
BAD_RETURN = _code("FLC113", "unsupported return: {}", "return one value or a tuple of values")
RETURN_MISMATCH = _code("FLC114", "pipeline returns {} but declares {}", None)
RUNTIME_COLLECTION = _code("FLC115", "a {} literal built from runtime values", "build the collection inside a task")
NO_RESULT = _code("FLC116", "{!r} returns nothing; its result cannot be used as a value", "use it only as an ordering handle in `with after(...)`")
BAD_AFTER = _code("FLC117", "`after` takes results of steps: {}", "pass task results, sub-pipeline results or fan-in lists")
RECURSIVE_PIPELINE = _code("FLC118", "pipeline {!r} calls itself", "pipelines cannot recurse")
BAD_UNPACK = _code("FLC119", "cannot unpack {} into {} names", None)
NO_SUCH_FIELD = _code("FLC120", "{} has no field {!r}", None)
STATEMENT_AFTER_RETURN = _code("FLC121", "unreachable statement after `{}`", "remove it")
PARTIAL_RETURN = _code("FLC122", "only some branches return", "return in every branch (with an `else`), or after the `if`")
LOOP_VALUE_OUTSIDE = _code("FLC123", "{!r} is assigned inside a `for` loop and cannot be used outside it", "use a list comprehension to collect values from a fan-out")
BRANCH_TYPES = _code("FLC124", "{!r} is {} in one branch and {} in another", "assign values of one type in every branch")
LOOP_CARRIED = _code(
    "FLC125", "{!r} is bound outside the loop and reassigned in its body, which runs once per item in parallel",
    "as plain Python it would carry a value from one item to the next; collect the items' results with a list comprehension and combine them in a task",
)
BAD_RAISE = _code(
    "FLC126", "unsupported `raise`: {}",
    "raise a built-in exception with a literal message, e.g. `raise ValueError(\"radius out of range\")`; a computed message belongs in a task",
)
RAISE_NOT_EXCEPTION = _code(
    "FLC127", "`raise` of {!r}, which is not a built-in exception",
    "raise a built-in exception class such as ValueError or RuntimeError; your own exception classes may be raised inside a task",
)

# FLC13x: `try: ... finally: ...` (flowc/ir/cleanup.py)
TRY_UNSUPPORTED = _code(
    "FLC130", "unsupported `try` in a pipeline body: {}",
    "only `try: ... finally: ...` is supported: the `finally` steps run whether the `try` block succeeded or failed; "
    "catch exceptions inside a task",
)
RUN_STATUS_OUTSIDE_FINALLY = _code(
    "FLC131", "`run_status()` is only available in a `finally` block, as the argument of a step",
    "pass `run_status()` to a task parameter typed `RunStatus` in the `finally` block of a `try`",
)
RUN_STATUS_PLACE = _code(
    "FLC132", "`RunStatus` {}", "only a task parameter may be typed `RunStatus`; pass it `run_status()` in a `finally` block",
)
FINALLY_STATEMENT = _code(
    "FLC133", "{} in a `finally` block",
    "a `finally` block holds the steps that clean up after its `try` block; return values from the `try` block or after it",
)

# FLC2xx: types and wiring
TYPE_MISMATCH = _code("FLC201", "input {!r} of {!r} expects {} but got {}", None)
UNSUPPORTED_TYPE = _code(
    "FLC202", "unsupported boundary type {}",
    "use str, int, float, bool, list[T], dict[str, T], T | None, a NamedTuple, or Dataset/Model/Metrics/Artifact",
)
MISSING_ANNOTATION = _code("FLC203", "{} {!r} has no type annotation", "annotate it with a boundary type")
BAD_DEFAULT = _code("FLC204", "default of {!r} must be a literal of type {}", "use a literal or a module-level literal constant")
CONDITION_TYPE = _code("FLC205", "cannot compare {} with {}", None)
NON_FINITE = _code("FLC206", "{} is {}, which no engine can hold", "use a finite number (JSON, and so every engine's parameters, has no inf or nan)")
UNREPRESENTABLE = _code("FLC207", "{} ({}) cannot be held on {}: {}", "use a smaller value, or pass a large number as a str")
POSITIONAL_ONLY = _code("FLC220", "input {!r} of task {!r} is positional-only", "remove the `/`: every engine passes task inputs by name")
GENERATOR_TASK = _code("FLC221", "task {!r} is a generator (`yield` in its body)", "return the values (a list for many) instead of yielding them")

# FLC3xx: task and pipeline options
NON_LITERAL_OPTION = _code("FLC301", "decorator argument {!r} must be a literal", "use a literal or a module-level literal constant")
UNKNOWN_OPTION = _code("FLC302", "unknown option {!r} for @{}", None)
BAD_QUANTITY = _code("FLC303", "{} {!r} is not a valid Kubernetes quantity", "write cpu like \"500m\" or \"2\", memory like \"650M\" or \"2Gi\"")
BAD_SCHEDULE = _code("FLC304", "schedule {!r} is not a cron expression or preset", "use five cron fields (\"0 3 * * *\") or @hourly, @daily, @weekly, @monthly, @yearly")
BAD_OPTION_VALUE = _code("FLC305", "option {!r}: {}", None)
BAD_TIMEOUT = _code("FLC306", "timeout {!r} is not a duration", "write a number and a unit: \"90s\", \"30m\", \"2h\", \"1d\"")
BAD_PLACEHOLDER = _code("FLC307", "placeholder {{{}}} names no input or output of {!r}", "write {{ and }} for a literal brace")
CONTAINER_BODY = _code("FLC308", "a @container_task body must be `...`", "the command runs in the image; remove the body")
MISSING_OPTION = _code("FLC309", "@{} requires {!r}", None)
BAD_REQUIREMENT = _code(
    "FLC310", "package {!r} is not a requirement flowc may pass to pip: {}",
    "write PEP 508 requirements (\"pandas==2.2.3\", \"scikit-learn>=1.4\"); put pip options in the image",
)
BAD_ENV_NAME = _code("FLC311", "environment variable name {!r}: {}", "use names such as MY_SETTING")
BAD_SECRET_NAME = _code("FLC312", "secret name {!r}: {}", "name the Kubernetes Secret, e.g. \"db-credentials\"")
SCHEDULE_NEVER_FIRES = _code("FLC313", "schedule {!r} never fires: no selected month has that day", "pick a day every selected month has (February has 29 at most)")
BAD_BRACE = _code("FLC315", "unbalanced {!r} in a container command", "write {{ and }} for a literal brace, {name} for a placeholder")

# FLC4xx: names
BAD_NAME = _code("FLC401", "name {!r} cannot be made valid for every engine", "use letters, digits and underscores, starting with a letter")
DUPLICATE_PIPELINE = _code("FLC402", "pipeline name {!r} is defined more than once in this compile", "give one of them a distinct name")
DUPLICATE_TASK = _code("FLC403", "task name {!r} is defined more than once", "give one of them a distinct `name=`")
NAME_COLLISION = _code("FLC404", "{!r} and {!r} both become {!r} on {}", "rename one of them")
RESERVED_NAME = _code("FLC405", "{!r} is a reserved name", None)

# FLC5xx: Kubeflow Pipelines
KFP_SPEC_TOO_LARGE = _code("FLC501", "the KFP pipeline spec of {!r} is {} bytes, over KFP's limit of {}", "split the pipeline or move large defaults into a file")
KFP_DEFAULT_TOO_LONG = _code("FLC502", "default of {!r} is {} characters, over KFP's limit of {}", "pass large values as an artifact")
KFP_UNSUPPORTED = _code("FLC503", "not supported on Kubeflow Pipelines: {}", None)
KFP_BAD_NAME = _code("FLC504", "{} {!r} becomes {!r} on Kubeflow Pipelines, which KFP rejects: {}", "use a shorter name of letters, digits and underscores")
KFP_SCHEDULE_NOT_IN_SPEC = _code(
    "FLC505", "schedule {!r} of {!r} is not part of a KFP pipeline spec: it runs once created as a recurring run from {} (cron {!r})",
    "from the output folder: `kfp.Client().create_recurring_run(experiment_id=..., **json.load(open(\"<pipeline>.schedule.json\")))`, "
    "or a recurring run in the KFP UI with that cron",
    "warning",
)
KFP_SCHEDULE_ONCE = _code(
    "FLC506", "schedule '@once' of {!r} has no recurring run on KFP", "run it once: `kfp.Client().create_run_from_pipeline_package(...)`", "warning",
)

KFP_CLEANUP_READS = _code(
    "FLC510", "Kubeflow Pipelines cannot hand {} to a step of a `finally` block",
    "KFP runs the `finally` step as the exit task of a dsl.ExitHandler, which depends on no other step: "
    "pass it pipeline parameters, literals or `run_status()`, or use the value in a step of the `try` block",
)

# FLC6xx: Airflow
AIRFLOW_MAP_TOO_WIDE = _code("FLC601", "fan-out over {} items exceeds Airflow's max_map_length of {}", "raise [core] max_map_length or split the list")
AIRFLOW_UNSUPPORTED = _code("FLC602", "not supported on Airflow: {}", None)
AIRFLOW_BAD_OPTION = _code("FLC603", "airflow option {!r}: {}", "`flowc targets` lists the airflow options")
AIRFLOW_REQUIRED_PARAM = _code(
    "FLC604", "scheduled pipeline {!r} has parameter {!r} without a default",
    "Airflow runs scheduled DAGs without arguments: give every parameter a default, or drop the schedule",
)
AIRFLOW_PYTHON_SECRETS = _code(
    "FLC605", "task {!r} asks for the Kubernetes secret(s) {}, which Airflow's python mode does not provide",
    "compile with -O airflow.mode=kubernetes (each Secret's keys become environment variables of the step's pod), "
    "or read credentials from an Airflow Connection or Variable inside the task",
    "warning",
)

# FLC7xx: Flyte
FLYTE_MAP_TOO_WIDE = _code("FLC701", "fan-out over {} items exceeds Flyte's array limit of {}", "split the list")
FLYTE_UNSUPPORTED = _code("FLC702", "not supported on Flyte: {}", None)
FLYTE_NAME_CLASH = _code("FLC703", "{} {!r} would shadow {!r} in the generated Flyte module", "rename it (`name=` on the decorator)")
FLYTE_PACKAGE_FAILED = _code("FLC704", "pyflyte package failed for {!r}: {}", "install the flyte extra (`pip install flowc[flyte]`) and check the generated module")
FLYTE_IMAGE_WITHOUT_FLYTEKIT = _code(
    "FLC705", "Flyte tasks run in image {!r}, which flowc cannot tell has flytekit: on a Flyte cluster they start with `pyflyte-execute`",
    "use an image with flytekit (e.g. cr.flyte.org/flyteorg/flytekit:py3.12-1.16.31) in `image=` or `[tool.flowc] image`; "
    "or give the task `packages=` (flowc declares an ImageSpec, whose builder adds flytekit); "
    "or list your image under `flytekit_images` in [tool.flowc.flyte]",
    "warning",
)

FLYTE_CLEANUP_READS = _code(
    "FLC710", "Flyte cannot hand {} to a step of a `finally` block",
    "Flyte runs the `finally` steps of a failed run as the workflow's failure handler (`on_failure`), "
    "which receives only the workflow's inputs: pass pipeline parameters, literals or `run_status()`",
)

# FLC8xx: CLI, backends and deploy
UNKNOWN_TARGET = _code("FLC801", "unknown target {!r}", None)
BACKEND_UNAVAILABLE = _code("FLC802", "backend {!r} is not available: {}", None)
WRITE_FAILED = _code("FLC803", "cannot write {}: {}", None)
DEPLOY_FAILED = _code("FLC804", "deploy failed: {}", None)
DEPLOY_IMPORT_ERROR = _code("FLC805", "Airflow could not import {}: {}", "fix the error and deploy again")
BAD_CONFIG = _code("FLC806", "bad [tool.flowc] setting: {}", None)
UNKNOWN_PIPELINE = _code("FLC807", "no pipeline {!r} in the files given", None)
UNKNOWN_BACKEND_OPTION = _code("FLC810", "the {} backend has no option {!r}", "`flowc targets` lists every backend's options")
BAD_BACKEND_OPTION = _code("FLC811", "{} option {!r}: {}", "`flowc targets` lists every backend's options")
BACKEND_UNSUPPORTED = _code("FLC812", "not supported on {}: {}", None)
OUTPUT_OUTSIDE = _code(
    "FLC820", "refusing to write {}: {}",
    "a generated file must stay inside the output folder: remove the symlink or choose another -o",
)
OUTPUT_OVER_INPUT = _code(
    "FLC821", "refusing to write {}: it would replace this input file",
    "choose an output folder (-o) that holds no input file of the compile",
)
STALE_ARTIFACT = _code(
    "FLC822", "generated file {} is {}",
    "run `flowc compile` to regenerate it, and commit the result",
)
GRAPHVIZ_MISSING = _code(
    "FLC830", "`--format svg` needs Graphviz's `dot` program, which is not on PATH",
    "install Graphviz (`apt-get install graphviz`, `brew install graphviz`), or print `--format dot` and render it elsewhere",
)
GIT_FAILED = _code("FLC840", "git: {}", "`flowc diff` compares two git revisions (default HEAD and the working tree) or two directories")
GRAPHVIZ_FAILED = _code("FLC831", "Graphviz's `dot` failed: {}", "this is a bug in flowc's DOT output; report it with `--format dot`")
# FLC86x: `flowc run`
BAD_RUN_PARAM = _code(
    "FLC860", "--param {}: {}",
    "give a value of the declared type: text as is for `str`, a Python literal otherwise (`3`, `0.5`, `true`, `[1, 2]`)",
)
UNKNOWN_RUN_PARAM = _code("FLC861", "pipeline {!r} has no parameter {!r}", None)
MISSING_RUN_PARAM = _code("FLC862", "pipeline {!r} needs a value for parameter {!r}", "give it with --param {}=VALUE")
CONTAINER_CANNOT_RUN = _code(
    "FLC863", "cannot run container task {!r} (step {}): {}",
    "install docker, or run its command as a local subprocess with --containers=local",
)
AMBIGUOUS_RUN_PIPELINE = _code("FLC864", "{} pipelines to run: {}", "choose one with --pipeline NAME")


# FLC9xx: `flowc import` (pipelines written with another SDK, rewritten into the flowc DSL)
IMPORT_UNKNOWN_SDK = _code(
    "FLC901", "cannot tell which SDK {} is written with", "pass --from kfp, --from airflow or --from flyte",
)
IMPORT_NOT_TRANSLATED = _code(
    "FLC902", "not translated: {}", "the original stays in the output as a `# flowc import:` comment; port it by hand", "warning",
)
IMPORT_DROPPED_OPTION = _code(
    "FLC903", "{} has no flowc equivalent and was left out", "the original stays in the output as a `# flowc import:` comment", "warning",
)
IMPORT_OPTIONS_DIFFER = _code(
    "FLC904", "calls of {!r} set {} differently; flowc options belong to the task, so every call gets {}",
    "define a second task for the calls that need other options", "warning",
)
IMPORT_SDK_CODE = _code(
    "FLC905", "{} SDK code outside tasks and pipelines was commented out",
    "compile with `flowc compile` (or run with `flowc run`) instead", "warning",
)
IMPORT_NEEDS_TYPE = _code(
    "FLC907", "{} has no boundary type flowc can use: {}", "annotate it with a boundary type such as list[str]", "warning",
)


def table_markdown() -> str:
    """The registry as a Markdown table, for docs/diagnostics.md."""
    rows = ["| code | severity | message | hint |", "| --- | --- | --- | --- |"]
    for c in sorted(REGISTRY.values(), key=lambda c: c.code):
        msg = c.message.replace("{!r}", "`…`").replace("{}", "…").replace("|", "\\|")
        rows.append(f"| {c.code} | {c.severity} | {msg} | {(c.hint or '').replace('|', chr(92) + '|')} |")
    return "\n".join(rows) + "\n"
