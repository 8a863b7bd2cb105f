"""A Python task's step: the task's program as the engines get it (`codegen/task_program.py`), in a process of its own.

The program is written to a file with an entry that reads the step's inputs from a
JSON file and writes its outputs to another; artifacts the task creates land under
`scratch` (the runtime's `$FLOWC_SCRATCH`), the folder the store gave the step.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from flowc.codegen.task_program import task_code, task_runtime
from flowc.ir.model import PythonTask
from flowc.run.fork_server import ServerGone, StepServer
from flowc.run.outcome import Attempt
from flowc.run.process import Finished, run_process

# Runs after the task's program has defined `_flowc_main` (codegen/runtime/task_main.py).
_ENTRY = '''

def _flowc_run_entry():
    import json, sys
    with open(sys.argv[1], encoding="utf-8") as fh:
        raw = json.load(fh)
    outputs = _flowc_main(raw, sys.argv[3])
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(outputs, fh)


_flowc_run_entry()
'''


@cache
def _program_text(task: PythonTask) -> str:
    return task_runtime() + task_code(task) + _ENTRY


def run_python(
    task: PythonTask, inputs: Mapping[str, object], scratch: Path, timeout: float | None, server: StepServer | None = None,
) -> Attempt:
    """One attempt of `task` on `inputs`: its outputs (JSON values; artifacts as {path, uri, metadata}).

    Forked by `server` when it can take the step, else a fresh interpreter: the same program either way.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **dict(task.options.env), "PYTHONUNBUFFERED": "1"}
    forked = server if server is not None and server.serves(env) else None
    with tempfile.TemporaryDirectory(prefix="flowc-step-") as tmp:
        work = Path(tmp)
        if forked is not None:
            program = forked.program_file(task.code.function_name, _program_text(task))
        else:
            program = work / f"{task.code.function_name}.py"
            program.write_text(_program_text(task), encoding="utf-8")
        (work / "inputs.json").write_text(json.dumps(dict(inputs)), encoding="utf-8")
        out = work / "outputs.json"
        argv = [sys.executable, str(program), str(work / "inputs.json"), str(out), str(scratch)]
        done = _run(argv, env, timeout, forked, work / "log")
        if done.returncode is None:
            return Attempt.failed(f"timed out after {timeout:g}s", done.log)
        if done.killed_by:  # the log's last line is whatever the step printed before: not the cause
            return Attempt.failed(f"killed by {done.killed_by} (out of memory?)", done.log)
        if not done.ok:
            return Attempt.failed(_last_line(done.log) or f"exit code {done.returncode}", done.log)
        loaded: object = json.loads(out.read_text(encoding="utf-8"))
        outputs: dict[str, object] = dict(loaded) if isinstance(loaded, dict) else {}  # pyright: ignore[reportUnknownArgumentType]
        return Attempt(ok=True, outputs=outputs, error=None, log=done.log)


def _run(argv: list[str], env: dict[str, str], timeout: float | None, server: StepServer | None, log: Path) -> Finished:
    if server is not None:
        try:
            return server.run(argv, env=env, cwd=Path.cwd(), timeout=timeout, log=log)
        except ServerGone:
            pass
    return run_process(argv, env=env, cwd=Path.cwd(), timeout=timeout)


def _last_line(log: str) -> str:
    lines = [line for line in log.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""
